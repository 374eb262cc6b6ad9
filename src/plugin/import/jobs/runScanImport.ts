import type { Payload } from 'payload'
import { errorToStore, QUEUED_HEARTBEAT_MS, type ScanImportError } from '../../../domain/planImport/scanImport'
import { SLUGS } from '../../../domain/slugs'
import { readScan, SCAN_LIMITS, type ScanInput } from '../ocrScan'
import { PlanSourceError, planSourceError as fail } from '../planSourceError'
import { PLAN_SOURCE_LIMITS } from '../readPlanSource'

type Id = string | number

/**
 * One OCR at a time on this instance: Tesseract runs one thread, so a second scan would only
 * slow the first down on a 2-core server; later uploads wait their turn ("queued").
 */
let queue: Promise<void> = Promise.resolve()

/** Resolves when every scan started so far on this instance has been read (tests, shutdown). */
export const scanImportsIdle = (): Promise<void> => queue

/**
 * Reads a scan in the background, after the preview request has answered 202: the record gets
 * `running`, then `pagesDone` after each page ("Trang 2/5"), then either `done` with the plan
 * text, each line's box and the page images, or `failed` with the error the request would have
 * got (422 over the time limit, 400 unreadable…). The job never writes a plan: that is the
 * commit's, after the review. It runs as the system (no user: the record was created on behalf
 * of its owner, whose access the status endpoint checks), and never rejects.
 *
 * Why in process and not Payload's job queue: that queue is only run by the scheduler once a
 * minute (and not at all where SCHEDULER is off), so a scan would wait up to a minute before its
 * first page; it can also run one job twice and leaves a crashed one "processing". Here the OCR
 * starts at once; the state is in Postgres, so any instance answers the polling; a job killed
 * with its server is reported failed by scanImportState once silent past the time limit (a
 * waiting one touches its record every 30 s, so it is not taken for lost while it waits).
 */
export function startScanImport(payload: Payload, id: Id, scan: ScanInput): Promise<void> {
  // While it waits its turn, the record is touched (its updatedAt), so a lost one shows.
  const heartbeat = setInterval(() => {
    payload
      .update({ collection: SLUGS.planImports, id, data: { pagesDone: 0 }, depth: 0, overrideAccess: true })
      .catch((err: unknown) => payload.logger.warn({ err, msg: `[plan-import] scan ${String(id)}: heartbeat failed` }))
  }, QUEUED_HEARTBEAT_MS)
  heartbeat.unref()
  const job = queue.then(() => {
    clearInterval(heartbeat)
    return runScanImport(payload, id, scan)
  })
  queue = job
  return job
}

async function runScanImport(payload: Payload, id: Id, scan: ScanInput): Promise<void> {
  const update = async (data: Record<string, unknown>) => {
    await payload.update({ collection: SLUGS.planImports, id, data, depth: 0, overrideAccess: true })
  }
  try {
    await update({ status: 'running', pagesDone: 0, startedAt: new Date().toISOString() })
    const reading = await readScan(scan, SCAN_LIMITS, { onPage: (done) => update({ pagesDone: done }) })
    const text = reading.layout.text
    if (text.trim() === '') throw fail(400, 'file', 'textEmpty')
    if (text.length > PLAN_SOURCE_LIMITS.textChars)
      throw fail(413, 'file', 'tooLong', { max: PLAN_SOURCE_LIMITS.textChars })
    await update({
      status: 'done',
      finishedAt: new Date().toISOString(),
      text,
      boxes: { lines: reading.layout.boxes, pages: reading.images.map((p) => ({ width: p.width, height: p.height })) },
      pageImages: reading.images.map((p) => ({ width: p.width, height: p.height, webp: p.webp.toString('base64') })),
    })
  } catch (err) {
    let error: ScanImportError
    if (err instanceof PlanSourceError) {
      error = { status: err.status, field: err.field, message: err.problem }
      payload.logger.info({ msg: `[plan-import] scan ${String(id)} not read: ${err.message}` })
    } else {
      error = { status: 500, field: 'file', message: { key: 'scanFailed' } }
      payload.logger.error({ err, msg: `[plan-import] scan ${String(id)}: OCR job failed` })
    }
    try {
      await update({ status: 'failed', finishedAt: new Date().toISOString(), error: errorToStore(error) })
    } catch (saveErr) {
      // The status endpoint reports a job silent past its time limit as failed.
      payload.logger.error({ err: saveErr, msg: `[plan-import] scan ${String(id)}: could not record the failure` })
    }
  }
}
