import type { CollectionConfig, Endpoint } from 'payload'
import { SLUGS } from '../../domain/slugs'
import type { ResolvedOptions } from '../options'
import { retargetUsers } from '../shared/extendCollection'
import { PlanImports } from './collections/PlanImports'
import { commitPlanImport } from './endpoints/commitPlanImport'
import { getPlanImport } from './endpoints/getPlanImport'
import { getPlanImportPage } from './endpoints/getPlanImportPage'
import { previewPlanImport } from './endpoints/previewPlanImport'

export const importEndpoints = (): Endpoint[] => [previewPlanImport, commitPlanImport, getPlanImport, getPlanImportPage]

/** The scans being read for import (progress, text, page images), owned by who uploaded them. */
export const importCollections = (opts: ResolvedOptions): CollectionConfig[] => [
  { ...PlanImports, fields: retargetUsers(PlanImports.fields, SLUGS.users, opts.usersSlug) },
]

export const importViews = {
  planImport: { Component: '/plugin/import/admin/PlanImportView#PlanImportView', path: '/plan-import' as const },
}
export const importNavLinks = ['/plugin/import/admin/PlanImportNavLink#PlanImportNavLink']
