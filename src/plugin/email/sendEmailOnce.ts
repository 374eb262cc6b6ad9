import { createHash } from 'node:crypto'
import type { Payload, SendEmailOptions } from 'payload'
import { SCHEDULE_SLUGS } from '../../domain/slugs'
import { ident, sql, tableOf } from '../counting/engine/sql'
import { db } from '../scheduler/slots'

export type SendOnceResult = { status: 'sent'; attempt: number; messageId: string } | { status: 'already-sent' }

/**
 * Sends a message at most once per key as far as the database can know, and at least once:
 *
 * 1. the log row for `key` is set to `sending` (attempts + 1) unless it is already `sent`, in
 *    which case nothing is sent;
 * 2. the message goes to the transport (SMTP, or the outbox);
 * 3. the row is set to `sent`.
 *
 * A crash before 2 completes or between 2 and 3 leaves `sending`, and the retry sends again:
 * so a duplicate is possible only when the process dies in the moment after the SMTP server
 * accepted the message and before step 3 commits (milliseconds). No SMTP exchange can be made
 * exactly-once; we choose a rare duplicate over a silently lost report. Every attempt carries
 * the same Message-ID (derived from the key), so mail systems that deduplicate by Message-ID
 * show one message.
 */
export async function sendEmailOnce(
  payload: Payload,
  key: string,
  message: SendEmailOptions & { to: string | string[]; subject: string },
): Promise<SendOnceResult> {
  const t = ident(tableOf(SCHEDULE_SLUGS.emailLog))
  const recipients = Array.isArray(message.to) ? message.to.join(', ') : message.to
  const { rows } = await db(payload).execute(sql`
    insert into ${t} as l (key, recipients, subject, status, attempts, updated_at, created_at)
    values (${key}, ${recipients}, ${message.subject}, 'sending', 1, now(), now())
    on conflict (key) do update set attempts = l.attempts + 1, recipients = excluded.recipients,
      subject = excluded.subject, updated_at = now()
    where l.status <> 'sent'
    returning attempts`)
  const attempt = rows[0]?.attempts
  if (attempt === undefined) return { status: 'already-sent' }
  const domain = /@([^>\s]+)>?\s*$/.exec(payload.email.defaultFromAddress)?.[1] ?? 'localhost'
  const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`
  try {
    await payload.sendEmail({ ...message, messageId })
  } catch (err) {
    await db(payload).execute(
      sql`update ${t} set last_error = ${err instanceof Error ? err.message : String(err)}, updated_at = now() where key = ${key}`,
    )
    throw err
  }
  await db(payload).execute(sql`
    update ${t} set status = 'sent', sent_at = now(), message_id = ${messageId}, last_error = null, updated_at = now()
    where key = ${key}`)
  return { status: 'sent', attempt: Number(attempt), messageId }
}
