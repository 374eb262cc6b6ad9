import type { JobName } from '../../domain/schedule'
import { publishScheduledContent } from '../../../jobs/publishScheduledContent'
import { reconcileTallies } from '../../../jobs/reconcileTallies'
import { sendDeadlineAlerts } from '../../../jobs/sendDeadlineAlerts'
import { sendQuotaReport } from '../../../jobs/sendQuotaReport'
import type { JobDefinition } from './types'

/** Every scheduled job by name (the names are the slot keys' prefixes and the CLI's job names). */
export const JOBS: { [J in JobName]: JobDefinition<J> } = {
  'quota-report': sendQuotaReport,
  'deadline-alerts': sendDeadlineAlerts,
  reconcile: reconcileTallies,
  'publish-scheduled': publishScheduledContent,
}
