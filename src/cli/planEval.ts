/**
 * `npm run plan:eval [-- --seeds <dir>] [--write-truth] [--json <file>]`: how many of a plan's facts
 * the parser recovers, per document and per variant, as a Markdown table on stdout.
 *
 * Documents: the repository's plan fixtures (test/fixtures/planText/*.txt), and the seed plans in
 * `--seeds <dir>` or $PLAN_EVAL_SEEDS (default ../shared/seeds next to the repository, when it
 * exists). Seeds are read where they are, never copied. Variants:
 * - text: the document as it is;
 * - docx: the text written into a real .docx (tab-separated rows as a table) and read back the way
 *   an upload is (mammoth + docxHtmlToPlanText);
 * - pdf: that .docx printed to PDF by LibreOffice and read the way an uploaded PDF is (its text
 *   layer, src/plugin/import/readPdf.ts);
 * - scan: that PDF rasterised at 300 dpi to grey JPEG pages, wrapped again as an image-only PDF
 *   (what a scanner gives) and read through the upload's OCR (pdftoppm + Tesseract vie);
 * - degraded: diacritics stripped plus OCR-style substitutions, seed 25 (src/domain/planEval).
 * `--variants a,b` measures only those. pdf needs LibreOffice and scan needs poppler-utils and
 * tesseract-ocr-vie; a variant whose programs are missing is an error, not a silent skip.
 * `--show <document>:<variant>` prints the text that variant gives the parser, and nothing else.
 * `--check` exits 1 when a variant's share of facts is under its goal (GOALS below).
 * Facts (code, issuer, issue date, title, basis codes, period, reporting days, task count, and per
 * task deadline, lead units and targets) come from bench/planEval/truth.json, what a reader of
 * each document sees; a document without an entry there is listed but not scored.
 * `--write-truth` adds entries for new documents from the text variant's parse (read them and
 * correct them by hand: the truth is what the document says, not what the parser read; then
 * `npx prettier --write bench/planEval/truth.json`).
 *
 * Exit codes: 0 table printed (and the goals met, with --check); 1 a goal missed (--check);
 * 2 bad arguments, unreadable truth file or a missing program.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import os from 'node:os'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { PDFDocument } from 'pdf-lib'
import { degradeText, FACT_NAMES, planFacts, scoreFacts, type FactScore, type PlanFacts } from '../domain/planEval'
import { parsePlanText } from '../domain/planText'
import { SCAN_LIMITS, type ScanLimits } from '../plugin/import/ocrScan'
import { pdfToPlanText } from '../plugin/import/readPdf'
import { planTextFromFile } from '../plugin/import/readPlanSource'
import { convertDocxToPdf } from '../plugin/report/pdf/convertToPdf'
import { findOffice, findOnPath } from '../plugin/report/pdf/findOffice'

const ROOT = path.resolve(import.meta.dirname, '../..')
const FIXTURES = path.join(ROOT, 'test/fixtures/planText')
const TRUTH = path.join(ROOT, 'bench/planEval/truth.json')
const DEGRADE_SEED = 25
const VARIANTS = ['text', 'docx', 'pdf', 'scan', 'degraded'] as const
type Variant = (typeof VARIANTS)[number]
/** The share of facts each variant must recover (issue #25), checked with --check. */
const GOALS: Record<Variant, number> = { text: 95, docx: 95, pdf: 95, scan: 90, degraded: 85 }
/** A seed plan runs to a dozen pages; the upload's 10-page scan limit and 2-minute budget are for a request. */
const EVAL_SCAN_LIMITS: ScanLimits = { ...SCAN_LIMITS, ocrPages: 100, timeoutMs: 30 * 60_000 }
const SCAN_DPI = 300
const A4 = [595.3, 841.9] as const
const run = promisify(execFile)

interface Doc {
  id: string
  text: string
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`

/** A cell exported as "<p>…</p> <p>…</p>" is one Word paragraph per <p>. */
function cellParagraphs(cell: string): string[] {
  const ps = [...cell.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1] ?? '')
  // The cell is HTML: its entities are characters in the Word paragraph.
  const decode = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  return ps.length > 0 ? ps.map(decode) : [cell]
}

/** Word's usual table: single borders, a little space around each cell's text. */
const TABLE_PROPERTIES =
  `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('')}</w:tblBorders>` +
  '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
  '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'

/** Plan text → a minimal real .docx: one paragraph per line, runs of tab-separated lines as a table. */
export async function textToDocx(text: string): Promise<Buffer> {
  const body: string[] = []
  let rows: string[] = []
  const flushTable = () => {
    if (rows.length > 0) body.push(`<w:tbl>${TABLE_PROPERTIES}${rows.join('')}</w:tbl>`)
    rows = []
  }
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => `<w:tc>${cellParagraphs(c).map(para).join('') || para('')}</w:tc>`)
      rows.push(`<w:tr>${cells.join('')}</w:tr>`)
      continue
    }
    flushTable()
    if (line.trim() !== '') body.push(para(line))
  }
  flushTable()
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** The document printed to PDF by LibreOffice, made once per document for the pdf and scan variants. */
const printed = new Map<string, Promise<Buffer>>()
function printedPdf(doc: Doc): Promise<Buffer> {
  let pdf = printed.get(doc.id)
  if (!pdf) {
    // A copy taken from a web page carries the converter's image and table residue ("![]() |");
    // the printed document never had it.
    const printable = doc.text.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '').replace(/ +\|(?= *$)/gm, '')
    pdf = textToDocx(printable).then(async (docx) => {
      const result = await convertDocxToPdf(docx, { timeoutMs: 180_000 })
      if (!result.ok)
        throw new Error(
          `LibreOffice could not print ${doc.id}: ${result.reason === 'failed' ? result.detail : 'not installed'}`,
        )
      return result.pdf
    })
    printed.set(doc.id, pdf)
  }
  return pdf
}

/** A PDF as a scanner gives it: each page a 300-dpi grey JPEG, no text layer. */
export async function scannedPdf(pdf: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plan-eval-scan-'))
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf)
    await run('pdftoppm', ['-r', String(SCAN_DPI), '-gray', '-jpeg', path.join(dir, 'in.pdf'), path.join(dir, 'page')])
    const pages = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.jpg')).sort()
    const out = await PDFDocument.create()
    for (const page of pages) {
      // A JPEG goes into the PDF as it is (pdf-lib would decode a PNG in JavaScript).
      const image = await out.embedJpg(await readFile(path.join(dir, page)))
      out.addPage([...A4]).drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] })
    }
    return Buffer.from(await out.save())
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function variantText(doc: Doc, v: Variant): Promise<string> {
  if (v === 'text') return doc.text
  if (v === 'docx') return planTextFromFile(`${doc.id}.docx`, await textToDocx(doc.text))
  if (v === 'pdf') return pdfToPlanText(await printedPdf(doc), EVAL_SCAN_LIMITS)
  if (v === 'scan') return pdfToPlanText(await scannedPdf(await printedPdf(doc)), EVAL_SCAN_LIMITS)
  return degradeText(doc.text, { seed: DEGRADE_SEED })
}

/** The programs a variant needs that are not installed, by the Debian package that has them. */
function missingPrograms(variants: readonly Variant[]): string[] {
  const envPath = process.env.OCR_PATH ?? process.env.PATH ?? ''
  const missing: string[] = []
  if ((variants.includes('pdf') || variants.includes('scan')) && !findOffice()) missing.push('libreoffice-writer')
  if (variants.includes('scan')) {
    if (!findOnPath('pdftoppm', envPath)) missing.push('poppler-utils')
    if (!findOnPath('tesseract', envPath)) missing.push('tesseract-ocr, tesseract-ocr-vie')
  }
  return missing
}

/** Runs `work` over the items, at most `limit` at a time, results in the items' order. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await work(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return out
}

function seedsDir(args: string[]): string | null {
  const i = args.indexOf('--seeds')
  const given = i >= 0 ? args[i + 1] : process.env.PLAN_EVAL_SEEDS
  if (given) return path.resolve(given)
  const beside = path.resolve(ROOT, '../shared/seeds')
  return existsSync(beside) ? beside : null
}

function loadDocs(seeds: string | null): Doc[] {
  const docs: Doc[] = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: `fixture/${f.replace(/\.txt$/, '')}`, text: readFileSync(path.join(FIXTURES, f), 'utf8') }))
  if (seeds && existsSync(seeds)) {
    for (const f of readdirSync(seeds)
      .filter((x) => /^\d{3}_.*\.txt$/.test(x))
      .sort()) {
      docs.push({ id: `seed/${f.slice(0, 3)}`, text: readFileSync(path.join(seeds, f), 'utf8') })
    }
  }
  return docs
}

const pct = (s: { recovered: number; total: number }) =>
  s.total === 0 ? '–' : `${((100 * s.recovered) / s.total).toFixed(1)} %`

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  const usage =
    'Usage: npm run plan:eval -- [--seeds <dir>] [--variants text,docx,pdf,scan,degraded] [--check] [--write-truth] [--json <file>] [--show <document>:<variant>]'
  const withValue = new Set(['--seeds', '--json', '--variants', '--show'])
  const known = new Set([...withValue, '--write-truth', '--check'])
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (!known.has(a) || (withValue.has(a) && args[i + 1] === undefined)) {
      process.stderr.write(`[plan:eval] ${known.has(a) ? `${a} needs a value` : `unknown argument ${a}`}\n${usage}\n`)
      return 2
    }
    if (withValue.has(a)) i += 1
  }
  const listed = args.includes('--variants') ? (args[args.indexOf('--variants') + 1] ?? '').split(',') : [...VARIANTS]
  const unknown = listed.filter((v) => !(VARIANTS as readonly string[]).includes(v))
  if (unknown.length > 0 || listed.length === 0) {
    process.stderr.write(
      `[plan:eval] --variants: unknown ${unknown.join(', ') || '(none given)'}; known: ${VARIANTS.join(', ')}\n`,
    )
    return 2
  }
  const variants = VARIANTS.filter((v) => listed.includes(v))
  const missing = missingPrograms(variants)
  if (missing.length > 0) {
    process.stderr.write(
      `[plan:eval] the pdf and scan variants need Debian's ${missing.join(', ')} (\`node --import ./src/cli/register.mjs test/e2e/officeTools.ts ocr\` and \`… office\` install them), or leave them out with --variants\n`,
    )
    return 2
  }
  let truth: Record<string, PlanFacts>
  try {
    truth = existsSync(TRUTH) ? (JSON.parse(readFileSync(TRUTH, 'utf8')) as Record<string, PlanFacts>) : {}
  } catch (err) {
    process.stderr.write(`[plan:eval] cannot read ${TRUTH}: ${(err as Error).message}\n`)
    return 2
  }
  const seeds = seedsDir(args)
  const docs = loadDocs(seeds)
  if (args.includes('--write-truth')) {
    for (const d of docs) truth[d.id] ??= planFacts(parsePlanText(d.text))
    writeFileSync(TRUTH, `${JSON.stringify(truth, null, 2)}\n`)
  }
  if (args.includes('--show')) {
    const [id, variant] = (args[args.indexOf('--show') + 1] ?? '').split(':')
    const doc = docs.find((d) => d.id === id)
    if (!doc || !(VARIANTS as readonly string[]).includes(variant ?? '')) {
      process.stderr.write(`[plan:eval] --show: no ${id}:${variant}; documents: ${docs.map((d) => d.id).join(', ')}\n`)
      return 2
    }
    process.stdout.write(`${await variantText(doc, variant as Variant)}\n`)
    return 0
  }
  const started = Date.now()
  // Two documents at a time: OCR uses one core per Tesseract (ocrScan.ts), LibreOffice one.
  const perDoc = await pooled(docs, 2, async (d) => {
    const t = truth[d.id]
    if (!t) return { doc: d, facts: 0, scores: null }
    const scores: Array<{ variant: Variant; score: FactScore }> = []
    for (const v of variants)
      scores.push({ variant: v, score: scoreFacts(t, planFacts(parsePlanText(await variantText(d, v)))) })
    return { doc: d, facts: scoreFacts(t, t).total, scores }
  })
  const totals = Object.fromEntries(variants.map((v) => [v, { recovered: 0, total: 0 }])) as Record<
    Variant,
    { recovered: number; total: number }
  >
  const rows: string[] = []
  const misses: string[] = []
  const results: Array<{ doc: string; variant: Variant; score: FactScore }> = []
  for (const { doc: d, facts, scores } of perDoc) {
    if (!scores) {
      rows.push(`| ${d.id} | (no truth entry) |${' |'.repeat(variants.length)}`)
      continue
    }
    for (const { variant: v, score } of scores) {
      results.push({ doc: d.id, variant: v, score })
      totals[v].recovered += score.recovered
      totals[v].total += score.total
      if (score.misses.length > 0)
        misses.push(`- ${d.id} (${v}): ${score.misses.slice(0, 12).join(', ')}${score.misses.length > 12 ? ', …' : ''}`)
    }
    rows.push(`| ${d.id} | ${facts} | ${scores.map(({ score }) => `${score.recovered}/${score.total}`).join(' | ')} |`)
  }
  const share = (v: Variant) => (totals[v].total === 0 ? 100 : (100 * totals[v].recovered) / totals[v].total)
  const missedGoals = variants.filter((v) => share(v) < GOALS[v])
  const out = [
    `Plan parser facts recovered — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, Node ${process.version}, ${Math.round((Date.now() - started) / 1000)} s`,
    `Seeds: ${seeds && existsSync(seeds) ? seeds : 'none (fixtures only)'}; degraded copy: seed ${DEGRADE_SEED}; scans at ${SCAN_DPI} dpi.`,
    '',
    `| document | facts | ${variants.join(' | ')} |`,
    `|---|---:|${'---:|'.repeat(variants.length)}`,
    ...rows,
    `| **all** | | ${variants.map((v) => `**${pct(totals[v])}**`).join(' | ')} |`,
    `| goal | | ${variants.map((v) => `≥ ${GOALS[v]} %`).join(' | ')} |`,
    '',
    'By fact (all documents):',
    '',
    `| fact | ${variants.join(' | ')} |`,
    `|---|${'---:|'.repeat(variants.length)}`,
    ...FACT_NAMES.map((f) => {
      const cell = (v: Variant) => {
        const s = results
          .filter((r) => r.variant === v)
          .reduce(
            (a, r) => ({
              recovered: a.recovered + r.score.byFact[f].recovered,
              total: a.total + r.score.byFact[f].total,
            }),
            { recovered: 0, total: 0 },
          )
        return `${s.recovered}/${s.total}`
      }
      return `| ${f} | ${variants.map(cell).join(' | ')} |`
    }),
    '',
    misses.length > 0 ? 'Missed:' : 'Nothing missed.',
    ...misses,
  ]
  process.stdout.write(`${out.join('\n')}\n`)
  const json = args.indexOf('--json')
  const file = json >= 0 ? args[json + 1] : undefined
  if (file) writeFileSync(file, `${JSON.stringify({ totals, results }, null, 2)}\n`)
  if (args.includes('--check') && missedGoals.length > 0) {
    process.stderr.write(
      `[plan:eval] under the goal: ${missedGoals.map((v) => `${v} ${share(v).toFixed(1)} % (goal ${GOALS[v]} %)`).join('; ')}\n`,
    )
    return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[plan:eval] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
