/**
 * `npm run plan:parse -- <file>`: reads a plan document (.txt; .docx or .pdf with its tables kept;
 * a scanned .pdf/.png/.jpg/.tif through OCR, which needs Debian's poppler-utils, tesseract-ocr and
 * tesseract-ocr-vie) and prints the parser's draft as JSON on stdout: header, tasks with their units, timeframes
 * and targets, each with its source line, and the warnings for what it could not read. No
 * database; names are not matched to units or channels (`npm run plan:import -- <file> --dry-run`
 * does that against the app's catalog).
 *
 * Exit codes: 0 printed; 2 no file given, file missing or unreadable (an encrypted PDF, a scan over
 * the OCR limits or without the OCR programs), or of another type.
 */
import { readFile } from 'node:fs/promises'
import { parsePlanText } from '../domain/planText'
import { formatImportMessage } from '../domain/i18n/messages'
import { PlanSourceError, planTextFromFile } from '../plugin/import/readPlanSource'

const USAGE = 'Usage: npm run plan:parse -- <plan.txt|plan.docx|plan.pdf|scan.png|scan.jpg|scan.tif>'

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  const file = args.find((a) => !a.startsWith('--'))
  if (!file || args.length !== 1) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    process.stderr.write(
      `[plan:parse] cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`,
    )
    return 2
  }
  let text: string
  try {
    text = await planTextFromFile(file, bytes)
  } catch (err) {
    if (!(err instanceof PlanSourceError)) throw err
    process.stderr.write(`[plan:parse] ${file}: ${formatImportMessage(err.problem, 'en')}\n`)
    return 2
  }
  process.stdout.write(`${JSON.stringify(parsePlanText(text), null, 2)}\n`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[plan:parse] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
