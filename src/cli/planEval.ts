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
 * - degraded: diacritics stripped plus OCR-style substitutions, seed 25 (src/domain/planEval).
 * Facts (code, issuer, issue date, title, basis codes, period, reporting days, task count, and per
 * task deadline, lead units and targets) come from bench/planEval/truth.json, what a reader of
 * each document sees; a document without an entry there is listed but not scored.
 * `--write-truth` adds entries for new documents from the text variant's parse (read them and
 * correct them by hand: the truth is what the document says, not what the parser read; then
 * `npx prettier --write bench/planEval/truth.json`).
 *
 * Exit codes: 0 table printed; 2 bad arguments or unreadable truth file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import JSZip from 'jszip'
import { degradeText, FACT_NAMES, planFacts, scoreFacts, type FactScore, type PlanFacts } from '../domain/planEval'
import { parsePlanText } from '../domain/planText'
import { planTextFromFile } from '../plugin/import/readPlanSource'

const ROOT = path.resolve(import.meta.dirname, '../..')
const FIXTURES = path.join(ROOT, 'test/fixtures/planText')
const TRUTH = path.join(ROOT, 'bench/planEval/truth.json')
const DEGRADE_SEED = 25
const VARIANTS = ['text', 'docx', 'degraded'] as const
type Variant = (typeof VARIANTS)[number]

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

/** Plan text → a minimal real .docx: one paragraph per line, runs of tab-separated lines as a table. */
export async function textToDocx(text: string): Promise<Buffer> {
  const body: string[] = []
  let rows: string[] = []
  const flushTable = () => {
    if (rows.length > 0) body.push(`<w:tbl>${rows.join('')}</w:tbl>`)
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

async function variantText(doc: Doc, v: Variant): Promise<string> {
  if (v === 'text') return doc.text
  if (v === 'docx') return planTextFromFile(`${doc.id}.docx`, await textToDocx(doc.text))
  return degradeText(doc.text, { seed: DEGRADE_SEED })
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
  const known = new Set(['--seeds', '--write-truth', '--json'])
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (!known.has(a)) {
      process.stderr.write(
        `[plan:eval] unknown argument ${a}\nUsage: npm run plan:eval -- [--seeds <dir>] [--write-truth] [--json <file>]\n`,
      )
      return 2
    }
    if (a === '--seeds' || a === '--json') i += 1
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
  const totals = Object.fromEntries(VARIANTS.map((v) => [v, { recovered: 0, total: 0 }])) as Record<
    Variant,
    { recovered: number; total: number }
  >
  const rows: string[] = []
  const misses: string[] = []
  const results: Array<{ doc: string; variant: Variant; score: FactScore }> = []
  for (const d of docs) {
    const t = truth[d.id]
    if (!t) {
      rows.push(`| ${d.id} | (no truth entry) | | | |`)
      continue
    }
    const cells: string[] = []
    const facts = scoreFacts(t, t).total
    for (const v of VARIANTS) {
      const score = scoreFacts(t, planFacts(parsePlanText(await variantText(d, v))))
      results.push({ doc: d.id, variant: v, score })
      totals[v].recovered += score.recovered
      totals[v].total += score.total
      cells.push(`${score.recovered}/${score.total}`)
      if (score.misses.length > 0)
        misses.push(`- ${d.id} (${v}): ${score.misses.slice(0, 12).join(', ')}${score.misses.length > 12 ? ', …' : ''}`)
    }
    rows.push(`| ${d.id} | ${facts} | ${cells.join(' | ')} |`)
  }
  const out = [
    `Plan parser facts recovered — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, Node ${process.version}`,
    `Seeds: ${seeds && existsSync(seeds) ? seeds : 'none (fixtures only)'}; degraded copy: seed ${DEGRADE_SEED}.`,
    '',
    `| document | facts | ${VARIANTS.join(' | ')} |`,
    '|---|---:|---:|---:|---:|',
    ...rows,
    `| **all** | | ${VARIANTS.map((v) => `**${pct(totals[v])}**`).join(' | ')} |`,
    '',
    'By fact (all documents):',
    '',
    `| fact | ${VARIANTS.join(' | ')} |`,
    '|---|---:|---:|---:|',
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
      return `| ${f} | ${VARIANTS.map(cell).join(' | ')} |`
    }),
    '',
    misses.length > 0 ? 'Missed:' : 'Nothing missed.',
    ...misses,
  ]
  process.stdout.write(`${out.join('\n')}\n`)
  const json = args.indexOf('--json')
  const file = json >= 0 ? args[json + 1] : undefined
  if (file) writeFileSync(file, `${JSON.stringify({ totals, results }, null, 2)}\n`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[plan:eval] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
