import type { JobName } from '../../domain/schedule'
import { sendPlannedReminders } from '../calendar/jobs/sendPlannedReminders'
import { pruneScanImports } from '../import/jobs/pruneScanImports'
import { publishScheduledContent } from '../review/jobs/publishScheduledContent'
import { reconcileTallies } from '../counting/jobs/reconcileTallies'
import { sendDeadlineAlerts } from '../report/jobs/sendDeadlineAlerts'
import { sendQuotaReport } from '../report/jobs/sendQuotaReport'
import type { JobDefinition } from './types'

/** Every scheduled job by name (the names are the slot keys' prefixes and the CLI's job names). */
export const JOBS: { [J in JobName]: JobDefinition<J> } = {
  'quota-report': sendQuotaReport,
  'deadline-alerts': sendDeadlineAlerts,
  reconcile: reconcileTallies,
  'publish-scheduled': publishScheduledContent,
  'planned-reminders': sendPlannedReminders,
  'prune-imports': pruneScanImports,
}
