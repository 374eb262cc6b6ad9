import type { CollectionConfig, Endpoint } from 'payload'
import { SLUGS } from '../../domain/slugs'
import type { ResolvedOptions } from '../options'
import { retargetUsers } from '../shared/extendCollection'
import { ShareLinks } from './collections/ShareLinks'
import { getSharedReport } from './endpoints/getSharedReport'

export const shareCollections = (opts: ResolvedOptions): CollectionConfig[] => [
  { ...ShareLinks, fields: retargetUsers(ShareLinks.fields, SLUGS.users, opts.usersSlug) },
]

export const shareEndpoints = (): Endpoint[] => [getSharedReport]
