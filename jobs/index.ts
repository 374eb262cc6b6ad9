/**
 * The app's scheduled work. The jobs themselves belong to the plugin's features (listed here by
 * feature, for the app's CLI and for readers looking for them where the layout says jobs live);
 * this file decides which of them an instance of the app runs.
 */
import { jobsAutoRun } from '../src/config/env'
import { JOB_NAMES, type JobName } from '../src/domain/schedule'

export { reconcileTallies } from '../src/plugin/counting/jobs/reconcileTallies'
export { sendDeadlineAlerts } from '../src/plugin/report/jobs/sendDeadlineAlerts'
export { sendQuotaReport } from '../src/plugin/report/jobs/sendQuotaReport'
export { publishScheduledContent } from '../src/plugin/review/jobs/publishScheduledContent'

/**
 * Every job, except scheduled publishing when JOBS_AUTORUN=0 (an operator who runs Payload's
 * queue some other way, or not at all, keeps one instance from publishing on its own).
 */
export function appJobs(): JobName[] {
  return JOB_NAMES.filter((j) => j !== 'publish-scheduled' || jobsAutoRun())
}
