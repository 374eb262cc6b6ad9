import type { Payload } from 'payload'
import { driftTotal, type DriftSummary } from '../../domain/mailText'
import { SCHEDULE_SLUGS } from '../../domain/slugs'
import { reconcile } from '../counting/engine/reconcile'

const MAX_DETAIL_ROWS = 200

/**
 * What the reconciliation of a slot found, stored before anything is repaired: the one already
 * stored (a retry after a crash, even after the repair, keeps the first finding), or a new
 * dry run's. The stored details are capped; the counts are exact.
 */
export async function reconcileFinding(
  payload: Payload,
  slot: string,
  day: string,
): Promise<{ id: number; drift: DriftSummary }> {
  const collection = SCHEDULE_SLUGS.reconcileRuns
  let run = (await payload.find({ collection, where: { slot: { equals: slot } }, limit: 1, depth: 0 })).docs[0]
  if (!run) {
    const found = await reconcile(payload, { repair: false })
    const { ledgerMissing, ledgerExtra, tallies } = found.drift
    // The full counts: the drift lists stop at reconcile's maxRows.
    const counts = found.counts
    run = await payload.create({
      collection,
      data: {
        slot,
        checkedAt: found.checkedAt,
        drift: driftTotal({ ...counts, firstDays: found.firstDays.drift.length }),
        ...counts,
        repaired: false,
        details: {
          tallies: tallies.slice(0, MAX_DETAIL_ROWS),
          ledgerMissing: ledgerMissing.slice(0, MAX_DETAIL_ROWS),
          ledgerExtra: ledgerExtra.slice(0, MAX_DETAIL_ROWS),
          // In the details: the run's columns predate the first-publication store.
          firstDaysDrift: found.firstDays.drift.length,
          firstDays: found.firstDays.drift.slice(0, MAX_DETAIL_ROWS),
        },
      },
    })
  }
  return {
    id: run.id,
    drift: {
      day,
      tallies: run.tallies,
      ledgerMissing: run.ledgerMissing,
      ledgerExtra: run.ledgerExtra,
      firstDays: Number((run.details as { firstDaysDrift?: unknown } | null)?.firstDaysDrift ?? 0),
      repaired: true,
    },
  }
}
