import { minuteSlot, wallClock } from '../../../domain/schedule'
import { releaseOrphanedJobs } from '../../scheduler/payloadJobs'
import { pruneSlots } from '../../scheduler/slots'
import type { JobDefinition } from '../../scheduler/types'

/**
 * Scheduled publishing (content's `schedulePublish`): Payload's job queue, run by one instance
 * per minute under a claimed slot instead of Payload's autoRun on every instance. autoRun picks
 * due jobs with a plain SELECT and then marks them processing row by row, so two instances
 * ticking together can both pick, and both run, the same publish (see docs/scheduled-work.md).
 * A job a crashed run left `processing` is handed back after a lease.
 */
export const publishScheduledContent: JobDefinition<'publish-scheduled'> = {
  name: 'publish-scheduled',
  title: 'Đăng, gỡ nội dung theo lịch',
  async dueSlots({ settings, window }) {
    return [{ slot: minuteSlot('publish-scheduled', window.upTo, settings.timeZone), fireAt: window.upTo }]
  },
  async run(ctx) {
    const { payload } = ctx
    const released = await releaseOrphanedJobs(payload, ctx.settings.leaseMs)
    const result = await payload.jobs.run({ queue: 'default', limit: 50 })
    const ran = Object.keys(result.jobStatus ?? {}).length
    // Once an hour, drop the old per-minute slots of this job.
    const pruned =
      wallClock(ctx.now, ctx.settings.timeZone).minute === 0 ? await pruneSlots(payload, 'publish-scheduled') : 0
    return { ran, released, remaining: result.remainingJobsFromQueried ?? 0, pruned }
  },
}
