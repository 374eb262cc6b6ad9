/**
 * `npm run plan:import -- <file> [--code CODE] [--recurrence month|quarter|year] [--dry-run]`
 *
 * Imports a plan document into the app's database: the plan, its tasks and their targets, in one
 * transaction (all or nothing). <file> is a plan document (.txt, .docx, .pdf, or a scan OCR'd as
 * in plan:parse) or a reviewed draft (.json: the draft `--dry-run` prints or the admin view's
 * preview returns, edited). Units, channels and
 * parent plans are matched against what the database holds; a name that matches nothing stops the
 * import with the list of names to resolve (add them in the admin, or set their ids in the .json).
 * Idempotent on the plan code: when a plan with the code exists, nothing is created.
 *
 * --code CODE          the plan's code, for a document without a number ("Số: /QĐ-…") or to replace it
 * --recurrence PERIOD  period of recurring ("Thường xuyên") tasks whose text gives none
 * --dry-run            print the draft and its problems as JSON; write nothing
 *
 * It runs as the system (no user; access rules are not applied), like `npm run seed`: whoever can
 * run it can write the database anyway. Uses the embedded database in .data/app (stop `npm start`
 * first) or DATABASE_URI. stdout gets JSON (the outcome, or the draft with --dry-run); stderr a
 * summary. Exit codes: 0 created, already there, or a dry run without problems; 1 the draft has
 * problems or the save was refused (nothing written); 2 usage error or unreadable file.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PayloadRequest } from 'payload'
import { ensureLocalSecret } from '../config/localSecret'
import { describeField, draftFromText, draftProblems, type ImportDraft, type ImportProblem } from '../domain/planImport'
import { formatImportMessage } from '../domain/i18n/messages'
import { PlanSourceError, planTextFromFile } from '../plugin/import/readPlanSource'
import { RECURRENCE_PERIODS, type RecurrencePeriod } from '../domain/slugs'

const root = path.resolve(import.meta.dirname, '..', '..')
const USAGE =
  'Usage: npm run plan:import -- <plan.txt|plan.docx|plan.pdf|scan.png|draft.json> [--code CODE] [--recurrence month|quarter|year] [--dry-run]'

class UsageError extends Error {}

interface Args {
  file: string
  code?: string
  recurrence?: RecurrencePeriod
  dryRun: boolean
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined
  let code: string | undefined
  let recurrence: RecurrencePeriod | undefined
  let dryRun = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') continue
    if (arg === '--dry-run') dryRun = true
    else if (arg === '--code' || arg === '--recurrence') {
      const value = argv[++i]
      if (value === undefined || value.trim() === '') throw new UsageError(`${arg} needs a value`)
      if (arg === '--code') code = value.trim()
      else if (RECURRENCE_PERIODS.includes(value as RecurrencePeriod)) recurrence = value as RecurrencePeriod
      else throw new UsageError(`--recurrence must be one of ${RECURRENCE_PERIODS.join(', ')}`)
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`)
    else if (file === undefined) file = arg
    else throw new UsageError(`one file only (got ${file} and ${arg})`)
  }
  if (!file) throw new UsageError('no file given')
  return { file, code, recurrence, dryRun }
}

/** The document's text, or the reviewed draft's JSON. */
async function readSource(file: string): Promise<{ text: string } | { draft: unknown }> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`)
  }
  if (/\.json$/i.test(file)) {
    try {
      return { draft: JSON.parse(bytes.toString('utf8')) as unknown }
    } catch (err) {
      throw new UsageError(`${file} is not valid JSON: ${(err as Error).message}`)
    }
  }
  try {
    return { text: await planTextFromFile(file, bytes) }
  } catch (err) {
    if (err instanceof PlanSourceError) throw new UsageError(`${file}: ${formatImportMessage(err.problem, 'en')}`)
    throw err
  }
}

function problemLines(problems: readonly ImportProblem[], draft: unknown): string {
  const d = draft as ImportDraft
  const lines = problems.map(
    (p) => `  - ${describeField(p.field, d)} [${p.field}]: ${formatImportMessage(p.message, 'vi')}`,
  )
  if (problems.some((p) => p.field === 'plan.code'))
    lines.push('  (the document has no number of its own: give the plan a code with --code CODE)')
  return lines.join('\n')
}

async function main(): Promise<number> {
  let args: Args
  let source: { text: string } | { draft: unknown }
  try {
    args = parseArgs(process.argv.slice(2))
    source = await readSource(args.file)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(`[plan:import] ${err.message}\n${USAGE}\n`)
    return 2
  }
  if (!process.env.DATABASE_URI) throw new Error('DATABASE_URI is not set (run through `npm run plan:import`).')
  ensureLocalSecret(root, process.env.EMBEDDED_DB === '1')
  // Production mode: committed migrations, never an interactive schema push; no job runner.
  Object.assign(process.env, { NODE_ENV: 'production', SEED_ON_FIRST_START: '0', JOBS_AUTORUN: '0' })
  const { createLocalReq, getPayload } = await import('payload')
  const { createAppConfig } = await import('../appConfig')
  const { loadImportCatalog } = await import('../plugin/import/loadCatalog')
  const { importPlan } = await import('../plugin/import/importPlan')
  // A one-off command: the app's scheduler must not claim report or reconcile slots from here.
  const config = await createAppConfig({ seedOnFirstStart: false, scheduler: { enabled: false } })
  // stdout is for the JSON result: Payload's own log lines go to stderr. (Payload reads this
  // { options, destination } form at init; the sanitized config's type only lists a full logger.)
  ;(config as { logger?: unknown }).logger = { options: { level: 'error' }, destination: process.stderr }
  const payload = await getPayload({ config })
  try {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const system = { overrideAccess: true }
    const catalog = await loadImportCatalog(req, system)
    let draft: unknown
    if ('text' in source) draft = draftFromText(source.text, catalog, { code: args.code, recurrence: args.recurrence })
    else {
      draft = source.draft
      const plan = (draft as { plan?: Record<string, unknown> } | null)?.plan
      if (args.code && typeof plan === 'object' && plan !== null) plan.code = args.code
    }
    if (args.dryRun) {
      const checked = draftProblems(draft, catalog)
      const problems = checked.ok ? [] : checked.problems
      process.stdout.write(`${JSON.stringify({ draft, problems }, null, 2)}\n`)
      process.stderr.write(
        problems.length === 0
          ? '[plan:import] dry run: the draft can be imported; nothing was written\n'
          : `[plan:import] dry run: ${problems.length} problem(s) to resolve; nothing was written\n${problemLines(problems, draft)}\n`,
      )
      return problems.length === 0 ? 0 : 1
    }
    const outcome = await importPlan(req, draft, system)
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`)
    switch (outcome.status) {
      case 'created':
        process.stderr.write(
          `[plan:import] created plan ${outcome.plan.code} (id ${outcome.plan.id}): ${outcome.created.tasks} task(s), ${outcome.created.targets} target(s)\n`,
        )
        return 0
      case 'exists':
        process.stderr.write(
          `[plan:import] plan ${outcome.plan.code} already exists (id ${outcome.plan.id}): nothing was created\n`,
        )
        return 0
      case 'invalid':
        process.stderr.write(
          `[plan:import] ${outcome.problems.length} problem(s) to resolve; nothing was written\n${problemLines(outcome.problems, draft)}\n`,
        )
        return 1
      case 'rejected':
        process.stderr.write(
          `[plan:import] the database refused the plan; nothing was written\n${outcome.errors.map((e) => `  - ${e.field}: ${e.message}`).join('\n')}\n`,
        )
        return 1
    }
  } finally {
    await payload.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[plan:import] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
