/**
 * The report document (.docx) of a long plan: 200 tasks (400 targets) and 5,000 counted items
 * (6,667 publications in the appendix). Goal (issue 23): built in under 5 s.
 *
 *   npm run bench:document                     # 200 tasks, 5,000 items, 7 rounds
 *   npm run bench:document -- --tasks 400 --items 20000 --reps 3
 *
 * Measures what the server does after reading the database: the document model
 * (src/domain/reportDocument.ts) and the .docx (src/plugin/report/reportDocx.ts, the docx
 * package), in this process, one warm-up then `--reps` rounds; and, for the file itself, its
 * size and that mammoth reads it back with every row. The reads before it (the report, one
 * ledger query, one titles query per content type) are the report's own, measured by
 * bench:report. No database. Writes bench/results/report-document.json and its section of RESULTS.md.
 */
import { parseArgs } from 'node:util'
import { reportDocument } from '../src/domain/reportDocument'
import { reportDocx } from '../src/plugin/report/reportDocx'
import { appendixRows, readDocx, resultRows, SETTINGS, syntheticReport } from '../test/fixtures/reportDocument'
import { machineInfo, stats, updateResultsSection, writeJson } from './lib'

const GOAL_MS = 5000

function options() {
  const { values } = parseArgs({
    options: { tasks: { type: 'string' }, items: { type: 'string' }, reps: { type: 'string' } },
  })
  const num = (name: string, v: string | undefined, fallback: number) => {
    const n = v === undefined ? fallback : Number(v)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`)
    return n
  }
  return {
    tasks: num('tasks', values.tasks, 200),
    items: num('items', values.items, 5000),
    reps: num('reps', values.reps, 7),
  }
}

async function main(): Promise<void> {
  const opts = options()
  const { report, items } = syntheticReport(opts.tasks, opts.items)
  const input = {
    report,
    items,
    settings: SETTINGS,
    narrative: { issues: 'Tồn tại.\nHạn chế.', directions: 'Phương hướng.' },
    nextPeriod: { from: '2025-11-21', to: '2025-12-20' },
    today: '2025-11-20',
  }
  const build = async () => {
    const t0 = performance.now()
    const doc = reportDocument(input)
    const t1 = performance.now()
    const file = await reportDocx(doc)
    const t2 = performance.now()
    return { model: t1 - t0, docx: t2 - t1, total: t2 - t0, file }
  }
  const warm = await build()
  const rounds: Array<{ model: number; docx: number; total: number }> = []
  let peakRss = process.memoryUsage().rss
  for (let i = 0; i < opts.reps; i++) {
    const r = await build()
    rounds.push({ model: r.model, docx: r.docx, total: r.total })
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const back = await readDocx(warm.file)
  const rows = resultRows(back).length
  const appendix = appendixRows(back).length
  const publications = items.reduce((a, it) => a + it.publications.length, 0)
  const targets = report.tasks.reduce((a, t) => a + t.targets.length, 0)
  if (rows !== targets || appendix !== publications) {
    throw new Error(`read back ${rows}/${targets} result rows and ${appendix}/${publications} appendix rows`)
  }
  const total = stats(rounds.map((r) => r.total))
  const model = stats(rounds.map((r) => r.model))
  const docx = stats(rounds.map((r) => r.docx))
  const machine = await machineInfo({ loadAverage1m: Number((await import('node:os')).loadavg()[0]?.toFixed(2)) })
  const result = {
    date: new Date().toISOString(),
    machine,
    options: opts,
    goalMs: GOAL_MS,
    targets,
    publications,
    fileBytes: warm.file.length,
    peakRssMiB: Math.round(peakRss / 1024 / 1024),
    totalMs: total,
    modelMs: model,
    docxMs: docx,
    goalMet: total.median < GOAL_MS,
  }
  await writeJson('report-document', result)
  const ms = (n: number) => n.toFixed(0)
  await updateResultsSection(
    'report-document',
    `## Report document (.docx) of a long plan

${result.date}, ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB, ${machine.os}, Node ${machine.node}. Load average (1 min): ${machine.loadAverage1m}.
Command: \`npm run bench:document -- --tasks ${opts.tasks} --items ${opts.items} --reps ${opts.reps}\`.

${opts.tasks} tasks (${targets} targets), ${opts.items} counted items (${publications} appendix rows), built ${opts.reps} times after one warm-up: the document model and the .docx (docx package; the appendix table written as WordprocessingML text, appendixXml.ts), no database (the reads before it are the report's, see bench:report).
The file (${(warm.file.length / 1024 / 1024).toFixed(1)} MiB) was read back with mammoth with all ${targets} result rows and ${publications} appendix rows.

| step | median ms | min | max |
|---|---:|---:|---:|
| model (src/domain/reportDocument.ts) | ${ms(model.median)} | ${ms(model.min)} | ${ms(model.max)} |
| .docx (src/plugin/report/reportDocx.ts) | ${ms(docx.median)} | ${ms(docx.min)} | ${ms(docx.max)} |
| **total** | **${ms(total.median)}** | ${ms(total.min)} | ${ms(total.max)} |

Goal: under ${GOAL_MS} ms — **${result.goalMet ? 'met' : 'missed'}**. Peak RSS of the process: ${result.peakRssMiB} MiB.`,
  )
  process.stdout.write(
    `${JSON.stringify({ total: total.median, model: model.median, docx: docx.median, bytes: warm.file.length }, null, 0)}\n`,
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
