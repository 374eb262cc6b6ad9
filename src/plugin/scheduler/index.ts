import type { CollectionConfig } from 'payload'
import { SLUGS } from '../../domain/slugs'
import { EmailLog } from '../email/collections/EmailLog'
import type { ResolvedOptions } from '../options'
import { retargetUsers } from '../shared/extendCollection'
import { JobSlots } from './collections/JobSlots'
import { Notifications } from './collections/Notifications'

/** Run slots, the mail log and in-app notifications. */
export const schedulerCollections = (opts: ResolvedOptions): CollectionConfig[] => [
  JobSlots,
  EmailLog,
  { ...Notifications, fields: retargetUsers(Notifications.fields, SLUGS.users, opts.usersSlug) },
]
