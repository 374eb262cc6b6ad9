import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, Payload } from 'payload'
import type { SmtpSettings } from './env'

export interface MailOptions {
  /** "Name <address>" or an address. */
  from: string
  /** SMTP server; null writes every message to `outboxDir` instead. */
  smtp: SmtpSettings | null
  /** Where messages go without SMTP: one .eml file each, named after the time and Message-ID. */
  outboxDir: string
  /** A transport of your own (tests capture mail this way); wins over `smtp` and the outbox. */
  transport?: Transporter
}

export function parseFrom(from: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return m?.[2] ? { name: m[1]?.trim() ?? '', address: m[2].trim() } : { name: '', address: from.trim() }
}

/** `"Name" <address>` with the name quoted, so a comma or a dot in it cannot split the address. */
function formatFrom({ name, address }: { name: string; address: string }): string {
  return name ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>` : address
}

/** The .eml file name for a message: the time, then its Message-ID reduced to safe characters. */
export function outboxFileName(messageId: string, at = new Date()): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^A-Za-z0-9.@_-]/g, '')}.eml`
}

/**
 * A nodemailer transport that writes each message, composed exactly as it would go over SMTP
 * (headers, MIME parts, attachments), to `dir` as an .eml file instead of delivering it. The
 * info it answers carries the file's path.
 */
export function outboxTransport(dir: string, log?: (msg: string) => void): Transporter {
  return nodemailer.createTransport({
    name: 'outbox',
    version: '1',
    send(mail, callback) {
      mail.message.build((buildErr, raw) => {
        if (buildErr) return callback(buildErr, undefined)
        const messageId = mail.message.messageId()
        const file = path.join(dir, outboxFileName(messageId))
        writeFile(file, raw).then(
          () => {
            log?.(`[email] "${String(mail.data.subject)}" to ${String(mail.data.to)} written to ${file}`)
            callback(null, { messageId, envelope: mail.message.getEnvelope(), accepted: [], rejected: [], file })
          },
          (err: Error) => callback(err, undefined),
        )
      })
    },
  })
}

/**
 * Payload's e-mail: the official @payloadcms/email-nodemailer adapter, over
 * - the transport given (tests), else
 * - SMTP from `SMTP_*`, else
 * - the outbox: every message written to `outboxDir` as an .eml file and logged, so that nothing
 *   is dropped silently.
 *
 * The adapter's own start-up check (`transport.verify()`, awaited while Payload starts) is off:
 * an unreachable SMTP server would hold start-up for the connection timeout, and the outbox and
 * custom transports have nothing to verify. The SMTP connection is checked in the background
 * instead, once Payload is up, and a failure is logged as a warning (mail is still attempted,
 * and a failed send is recorded by sendEmailOnce).
 */
export async function mailAdapter(options: MailOptions): Promise<EmailAdapter> {
  const from = parseFrom(options.from)
  const outbox = !options.transport && !options.smtp
  let payload: Payload | undefined
  const transport: Transporter =
    options.transport ??
    (options.smtp
      ? nodemailer.createTransport({
          host: options.smtp.host,
          port: options.smtp.port,
          secure: options.smtp.secure,
          auth: options.smtp.user ? { user: options.smtp.user, pass: options.smtp.pass ?? '' } : undefined,
        })
      : outboxTransport(options.outboxDir, (msg) => payload?.logger.info({ msg })))
  const official = await nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    transport,
    skipVerify: true,
  })
  return (args) => {
    payload = args.payload
    const adapter = official(args)
    if (outbox) {
      mkdirSync(options.outboxDir, { recursive: true })
      payload.logger.warn({
        msg: `[email] SMTP_HOST is not set: e-mails are written to ${options.outboxDir} instead of being sent`,
      })
    } else if (options.smtp) {
      const smtp = `${options.smtp.host}:${options.smtp.port}`
      const logger = payload.logger
      Promise.resolve(transport.verify()).then(
        () => logger.info({ msg: `[email] SMTP server ${smtp} is reachable` }),
        (err: unknown) => logger.warn({ err, msg: `[email] SMTP server ${smtp} could not be verified` }),
      )
    }
    return {
      ...adapter,
      // The official adapter joins name and address unquoted; quote the name (see formatFrom).
      sendEmail: (message) => adapter.sendEmail({ ...message, from: message.from ?? formatFrom(from) }),
    }
  }
}
