import type { Endpoint } from 'payload'
import { commitPlanImport } from './endpoints/commitPlanImport'
import { previewPlanImport } from './endpoints/previewPlanImport'

export const importEndpoints = (): Endpoint[] => [previewPlanImport, commitPlanImport]

export const importViews = {
  planImport: { Component: '/plugin/import/admin/PlanImportView#PlanImportView', path: '/plan-import' as const },
}
export const importNavLinks = ['/plugin/import/admin/PlanImportNavLink#PlanImportNavLink']
