import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterEach, describe, expect, it } from 'vitest'
import { mailAdapter, outboxFileName, parseFrom } from '../../src/config/mail'
import { captureTransport } from '../int/helpers/captureMail'

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

function fakePayload() {
  const lines: Array<{ level: string; msg: string }> = []
  const log = (level: string) => (o: { msg: string }) => lines.push({ level, msg: o.msg })
  const payload = { logger: { info: log('info'), warn: log('warn'), error: log('error') } } as unknown as Payload
  return { payload, lines }
}

describe('mail (official @payloadcms/email-nodemailer adapter)', () => {
  it('parses the sender', () => {
    expect(parseFrom('Kế hoạch truyền thông <no-reply@localhost>')).toEqual({
      name: 'Kế hoạch truyền thông',
      address: 'no-reply@localhost',
    })
    expect(parseFrom(' a@b.vn ')).toEqual({ name: '', address: 'a@b.vn' })
  })

  it('names outbox files after the time and a safe Message-ID', () => {
    expect(outboxFileName('<abc/../x@host>', new Date('2026-11-22T01:02:03.004Z'))).toBe(
      '2026-11-22T01-02-03-004Z-abc..x@host.eml',
    )
  })

  it('without SMTP writes each message as an .eml file to the outbox folder, and logs it', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'outbox-unit-')), 'nested')
    dirs.push(path.dirname(dir))
    const { payload, lines } = fakePayload()
    const adapter = (await mailAdapter({ from: 'Đơn vị, Sở <no-reply@so.gov.vn>', smtp: null, outboxDir: dir }))({
      payload,
    })
    expect(adapter.defaultFromAddress).toBe('no-reply@so.gov.vn')
    expect(adapter.defaultFromName).toBe('Đơn vị, Sở')
    expect(lines.some((l) => l.level === 'warn' && l.msg.includes('SMTP_HOST is not set'))).toBe(true)
    const info = (await adapter.sendEmail({
      to: 'a@b.vn',
      subject: 'Báo cáo',
      text: 'Xin chào',
      messageId: '<k1@so.gov.vn>',
      attachments: [{ filename: 'r.xlsx', content: Buffer.from('xlsx') }],
    })) as { messageId: string; file: string }
    expect(info.messageId).toBe('<k1@so.gov.vn>')
    const files = await readdir(dir)
    expect(files).toHaveLength(1)
    expect(path.join(dir, files[0]!)).toBe(info.file)
    const eml = await readFile(info.file, 'utf8')
    expect(eml).toContain('Message-ID: <k1@so.gov.vn>')
    expect(eml).toContain('To: a@b.vn')
    // The name is one quoted display name (its comma does not make a second address).
    expect(eml).toMatch(/^From: =\?UTF-8\?.*\?= <no-reply@so\.gov\.vn>$/m)
    expect(eml).toContain('filename=r.xlsx')
    expect(lines.some((l) => l.level === 'info' && l.msg.includes(`written to ${info.file}`))).toBe(true)
  })

  it('a transport of our own wins (tests capture mail this way), and an explicit sender is kept', async () => {
    const { transport, sent } = captureTransport()
    const { payload } = fakePayload()
    const adapter = (await mailAdapter({ from: 'x@y.vn', smtp: null, outboxDir: '/nonexistent/never', transport }))({
      payload,
    })
    await adapter.sendEmail({ to: ['a@b.vn', 'c@d.vn'], subject: 'S', text: 'T', from: 'Other <o@y.vn>' })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toEqual(['a@b.vn', 'c@d.vn'])
    expect(sent[0]!.raw).toContain('From: Other <o@y.vn>')
  })

  it('an unreachable SMTP server does not hold start-up: it is checked in the background and logged', async () => {
    const { payload, lines } = fakePayload()
    const smtp = { host: '127.0.0.1', port: 1, secure: false, user: undefined, pass: undefined }
    const started = Date.now()
    const adapter = (await mailAdapter({ from: 'x@y.vn', smtp, outboxDir: '/nonexistent/never' }))({ payload })
    expect(adapter.name).toBe('nodemailer')
    expect(Date.now() - started).toBeLessThan(1000)
    await expect.poll(() => lines.find((l) => l.level === 'warn')?.msg).toContain('127.0.0.1:1 could not be verified')
  })
})
