/**
 * The report document over real HTTP against the built app (`npm run test:e2e`): a manager
 * downloads the demo plan's report as .docx, LibreOffice turns it into a PDF and pdftoppm into
 * PNG pages, kept in the artifacts folder (report-document-*.png) so that a person can look at
 * the page; the app's own `?format=pdf` (LibreOffice on the server) answers a PDF too. Read only:
 * the journeys' numbers on the demo data are left alone.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatViNumber, STATUS_VI } from '../../src/domain/mailText'
import type { QuotaReport } from '../../src/domain/reportAssembly'
import { findOffice } from '../../src/plugin/report/pdf/findOffice'
import { DEMO_PASSWORD, DEMO_USERS, PLAN } from '../../src/seed/planData'
import { expectedResultRows, readDocx, resultNumbers, resultRows } from '../fixtures/reportDocument'

const BASE = process.env.E2E_BASE_URL ?? ''
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts')
const AS_OF = '2025-11-20'

let token = ''
let plan = 0

beforeAll(async () => {
  const manager = DEMO_USERS.find((u) => u.role === 'manager')!
  const res = await fetch(`${BASE}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: manager.email, password: DEMO_PASSWORD }),
  })
  token = ((await res.json()) as { token: string }).token
  const plans = await fetch(`${BASE}/api/plans?where[code][equals]=${encodeURIComponent(PLAN.code)}&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  })
  plan = Number(((await plans.json()) as { docs: Array<{ id: number }> }).docs[0]?.id)
})

const get = (query: string) =>
  fetch(`${BASE}/api/quota/report?${query}`, { headers: { Authorization: `JWT ${token}` } })

/**
 * Runs a program without blocking the event loop: a blocked loop cannot see the server close the
 * idle keep-alive socket, and the next fetch would be sent on it ("other side closed").
 */
async function run(program: string, args: string[]): Promise<void> {
  await promisify(execFile)(program, args, { timeout: 120_000 })
}

describe('the report document over HTTP', () => {
  it('downloads as .docx with the JSON report’s numbers, and renders to PDF and PNG pages', async () => {
    const json = (await (await get(`plan=${plan}&asOf=${AS_OF}`)).json()) as QuotaReport
    const res = await get(`plan=${plan}&asOf=${AS_OF}&format=docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    const docx = Buffer.from(await res.arrayBuffer())
    const back = await readDocx(docx)
    expect(resultNumbers(resultRows(back))).toEqual(expectedResultRows(json, formatViNumber, STATUS_VI))
    expect(back.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(back.text).toContain('/BC-TTTT')

    writeFileSync(path.join(ARTIFACTS, 'report-document.docx'), docx)
    const office = findOffice()
    if (!office) throw new Error('LibreOffice is missing: test/e2e/run.ts installs libreoffice-writer')
    const work = mkdtempSync(path.join(os.tmpdir(), 'e2e-report-'))
    try {
      const input = path.join(work, 'report-document.docx')
      writeFileSync(input, docx)
      await run(office, [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ])
      const pdf = readFileSync(path.join(work, 'report-document.pdf'))
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      writeFileSync(path.join(ARTIFACTS, 'report-document.pdf'), pdf)
      await run('pdftoppm', [
        '-png',
        '-r',
        '80',
        path.join(work, 'report-document.pdf'),
        path.join(ARTIFACTS, 'report-document'),
      ])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
    const pages = readdirSync(ARTIFACTS).filter((f) => /^report-document-\d+\.png$/.test(f))
    // The report's pages and the appendix's landscape page(s).
    expect(pages.length).toBeGreaterThanOrEqual(2)
  })

  it('?format=pdf answers the server’s LibreOffice PDF', async () => {
    const res = await get(`plan=${plan}&asOf=${AS_OF}&format=pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const pdf = Buffer.from(await res.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF')
  })
})
