import { driftAlertMail, driftTotal } from '../src/domain/mailText'
import { dueDaily } from '../src/domain/schedule'
import { sendEmailOnce } from '../src/plugin/email/sendEmailOnce'
import { reconcile } from '../src/plugin/engine/reconcile'
import { admins, adminPath, adminUrl, notifyOnce } from '../src/plugin/scheduler/records'
import type { JobDefinition } from '../src/plugin/scheduler/types'
import { SCHEDULE_SLUGS } from '../src/slugs'

type Row = Record<string, unknown>
const MAX_DETAIL_ROWS = 200

/**
 * Nightly: compare every tally with the content tables (the counting engine's reconcile), store
 * what differed before repairing it, repair, and tell the admins when anything differed. The
 * finding is stored first so a crash after the repair cannot erase the evidence of drift.
 */
export const reconcileTallies: JobDefinition<'reconcile'> = {
  name: 'reconcile',
  title: 'Đối soát số liệu chỉ tiêu hằng đêm',
  async dueSlots({ settings, window }) {
    return dueDaily('reconcile', settings.reconcileTime, window, settings.timeZone)
  },
  async run(ctx, { slot, day }) {
    const { payload } = ctx
    const collection = SCHEDULE_SLUGS.reconcileRuns
    let run = (await payload.find({ collection, where: { slot: { equals: slot } }, limit: 1, depth: 0 })).docs[0] as
      Row | undefined
    if (!run) {
      const found = await reconcile(payload, { repair: false })
      const { ledgerMissing, ledgerExtra, tallies } = found.drift
      const counts = { tallies: tallies.length, ledgerMissing: ledgerMissing.length, ledgerExtra: ledgerExtra.length }
      run = (await payload.create({
        collection,
        data: {
          slot,
          checkedAt: found.checkedAt,
          drift: driftTotal(counts),
          ...counts,
          repaired: false,
          details: {
            tallies: tallies.slice(0, MAX_DETAIL_ROWS),
            ledgerMissing: ledgerMissing.slice(0, MAX_DETAIL_ROWS),
            ledgerExtra: ledgerExtra.slice(0, MAX_DETAIL_ROWS),
          },
        } as never,
      })) as unknown as Row
    }
    await ctx.checkpoint('drift-stored')
    const drift = {
      day,
      tallies: Number(run.tallies),
      ledgerMissing: Number(run.ledgerMissing),
      ledgerExtra: Number(run.ledgerExtra),
      repaired: true,
    }
    if (driftTotal(drift) === 0) return { drift: 0 }
    const repair = await reconcile(payload, { repair: true })
    await payload.update({ collection, id: run.id as number, data: { repaired: true } as never })
    const path = `/collections/${collection}/${String(run.id)}`
    const mail = driftAlertMail(drift, adminUrl(payload, path))
    const to = await admins(payload)
    if (to.length > 0) await sendEmailOnce(payload, `reconcile:${day}`, { to: to.map((a) => a.email), ...mail })
    for (const a of to) {
      await notifyOnce(payload, {
        key: `reconcile:${day}:user-${a.id}`,
        user: a.id,
        kind: 'reconcile',
        title: mail.subject,
        body: mail.text,
        link: adminPath(payload, path),
      })
    }
    return { drift: driftTotal(drift), repairedNow: repair.repaired, alerted: to.length }
  },
}
