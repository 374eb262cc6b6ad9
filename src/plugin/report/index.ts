import path from 'node:path'
import type { CollectionConfig, Endpoint } from 'payload'
import { SCHEDULE_SLUGS, SLUGS } from '../../domain/slugs'
import type { ResolvedOptions } from '../options'
import { retargetUsers, withHooks } from '../shared/extendCollection'
import { QuotaReports } from './collections/QuotaReports'
import { getPeriodicReportDocument } from './endpoints/getPeriodicReportDocument'
import { getQuotaReport } from './endpoints/getQuotaReport'
import { getTaskAttainment } from './endpoints/getTaskAttainment'
import { bumpReportStructure } from './hooks/bumpReportStructure'

export const reportEndpoints = (): Endpoint[] => [getQuotaReport, getPeriodicReportDocument, getTaskAttainment]

export const reportViews = {
  quotaDashboard: { Component: '/plugin/report/admin/QuotaDashboard#QuotaDashboard', path: '/quota' as const },
}
export const reportNavLinks = ['/plugin/report/admin/QuotaNavLink#QuotaNavLink']
export const reportBeforeDashboard = ['/plugin/report/admin/QuotaAttentionWidget#QuotaAttentionWidget']

/** The stored periodic reports (monthly, semiannual), their files beside the other uploads. */
export const reportCollections = (opts: ResolvedOptions): CollectionConfig[] => [
  {
    ...QuotaReports,
    fields: retargetUsers(QuotaReports.fields, SLUGS.users, opts.usersSlug),
    upload: {
      ...(typeof QuotaReports.upload === 'object' ? QuotaReports.upload : {}),
      staticDir: path.join(opts.uploadsDir, SCHEDULE_SLUGS.quotaReports),
    },
  },
]

/** What a quota report is made of besides the counts; changing any of them retires cached reports. */
const REPORT_SHAPE = new Set<string>([SLUGS.plans, SLUGS.tasks, SLUGS.units, SLUGS.channels])

export function retireReportsOnChange(collection: CollectionConfig): CollectionConfig {
  if (!REPORT_SHAPE.has(collection.slug)) return collection
  return withHooks(collection, { afterChange: [bumpReportStructure], afterDelete: [bumpReportStructure] })
}
