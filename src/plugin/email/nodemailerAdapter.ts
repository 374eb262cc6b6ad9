import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'
import type { EmailAdapter } from 'payload'
import type { SmtpSettings } from '../../config/env'

export interface NodemailerAdapterOptions {
  /** "Name <address>" or an address. */
  from: string
  /** SMTP server; null writes every message to `outboxDir` instead. */
  smtp: SmtpSettings | null
  /** Where messages go without SMTP: one .eml file each, named after the time and Message-ID. */
  outboxDir: string
  /** A transport of your own (tests capture mail this way); wins over `smtp` and the outbox. */
  transport?: Transporter
}

export interface SentMail {
  messageId: string
  accepted: unknown[]
  /** The .eml file written when there is no SMTP server. */
  file?: string
}

function parseFrom(from: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return m?.[2] ? { name: m[1]?.trim() ?? '', address: m[2].trim() } : { name: '', address: from.trim() }
}

/**
 * Payload's e-mail over nodemailer (the official @payloadcms/email-nodemailer is not published
 * for this Payload version). Without SMTP, messages are composed exactly as they would be sent
 * and written to the outbox folder, and each file is logged: nothing is dropped silently.
 */
export function nodemailerAdapter(options: NodemailerAdapterOptions): EmailAdapter<SentMail> {
  const from = parseFrom(options.from)
  return ({ payload }) => {
    const outbox = !options.transport && !options.smtp
    const transport: Transporter =
      options.transport ??
      (options.smtp
        ? nodemailer.createTransport({
            host: options.smtp.host,
            port: options.smtp.port,
            secure: options.smtp.secure,
            auth: options.smtp.user ? { user: options.smtp.user, pass: options.smtp.pass ?? '' } : undefined,
          })
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }))
    if (outbox) {
      mkdirSync(options.outboxDir, { recursive: true })
      payload.logger.warn({
        msg: `[email] SMTP_HOST is not set: e-mails are written to ${options.outboxDir} instead of being sent`,
      })
    }
    return {
      name: options.transport ? 'nodemailer-custom' : options.smtp ? 'nodemailer-smtp' : 'nodemailer-outbox',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: async (message) => {
        const mail: SendMailOptions = {
          ...message,
          from: message.from ?? (from.name ? { name: from.name, address: from.address } : from.address),
        }
        const info = (await transport.sendMail(mail)) as { messageId: string; accepted?: unknown[]; message?: unknown }
        if (!outbox) return { messageId: info.messageId, accepted: info.accepted ?? [] }
        const safeId = info.messageId.replace(/[^A-Za-z0-9.@_-]/g, '')
        const file = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`)
        await writeFile(file, info.message as Buffer)
        payload.logger.info({ msg: `[email] "${String(message.subject)}" to ${String(message.to)} written to ${file}` })
        return { messageId: info.messageId, accepted: [], file }
      },
    }
  }
}
