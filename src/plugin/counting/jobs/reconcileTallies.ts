import { driftAlertMail, driftTotal } from '../../../domain/mailText'
import { dueDaily } from '../../../domain/schedule'
import { sendEmailOnce } from '../../email/sendEmailOnce'
import { inPoolTransaction } from '../../db/postgres'
import { pruneUnreadSpecs } from '../engine/firstDays'
import { reconcile } from '../engine/reconcile'
import { reconcileFinding } from '../../scheduler/reconcileFinding'
import { admins, adminPath, adminUrl, notifyOnce } from '../../scheduler/records'
import type { JobDefinition } from '../../scheduler/types'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'

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
    const finding = await reconcileFinding(payload, slot, day)
    await ctx.checkpoint('drift-stored')
    if (driftTotal(finding.drift) === 0) {
      const pruned = await inPoolTransaction(payload, pruneUnreadSpecs)
      return { drift: 0, prunedSpecs: pruned }
    }
    const repair = await reconcile(payload, { repair: true })
    await payload.update({ collection: SCHEDULE_SLUGS.reconcileRuns, id: finding.id, data: { repaired: true } })
    const path = `/collections/${SCHEDULE_SLUGS.reconcileRuns}/${finding.id}`
    const mail = driftAlertMail(finding.drift, adminUrl(payload, path))
    const to = await admins(payload)
    if (to.length > 0) await sendEmailOnce(payload, `reconcile:${day}`, { to: to.map((a) => a.email), ...mail })
    for (const a of to) {
      const key = `reconcile:${day}:user-${a.id}`
      await notifyOnce(payload, {
        key,
        user: a.id,
        kind: 'reconcile',
        title: mail.subject,
        body: mail.text,
        link: adminPath(payload, path),
      })
    }
    return { drift: driftTotal(finding.drift), repairedNow: repair.repaired, alerted: to.length }
  },
}
