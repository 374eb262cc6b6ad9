import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'

export interface CapturedMail {
  to: string[]
  subject: string
  text: string
  html: string
  messageId: string
  attachments: Array<{ filename: string; content: Buffer; contentType?: string }>
  /** The message as it would go over SMTP (headers, MIME parts). */
  raw: string
}

function addresses(v: SendMailOptions['to']): string[] {
  const list: unknown[] = Array.isArray(v) ? v.flat() : v ? [v] : []
  return list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address)))
}

/**
 * A real nodemailer transport that keeps what it is given instead of delivering it: the
 * message is compiled exactly as for SMTP (so a broken attachment or header still fails).
 */
export function captureTransport(): { transport: Transporter; sent: CapturedMail[] } {
  const sent: CapturedMail[] = []
  const transport = nodemailer.createTransport({
    name: 'capture',
    version: '1',
    send(mail, callback) {
      mail.message.build((err, raw) => {
        if (err) return callback(err, undefined)
        const data = mail.data
        sent.push({
          to: addresses(data.to),
          subject: String(data.subject),
          text: String(data.text ?? ''),
          html: String(data.html ?? ''),
          messageId: mail.message.messageId(),
          attachments: (data.attachments ?? []).map((a) => ({
            filename: String(a.filename),
            content: a.content as Buffer,
            contentType: a.contentType,
          })),
          raw: raw.toString('utf8'),
        })
        callback(null, {
          messageId: mail.message.messageId(),
          envelope: mail.message.getEnvelope(),
          accepted: addresses(data.to),
        })
      })
    },
  })
  return { transport, sent }
}
