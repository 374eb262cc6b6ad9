import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { hasRole } from '../../access/roles'
import { PlanImportForm } from './PlanImportForm'

/**
 * /admin/plan-import: a manager pastes a plan document's text or uploads a .txt/.docx, reviews what
 * was understood (each value with its source line), corrects it and confirms. The review runs in
 * the browser (PlanImportForm) against POST /api/plan-import/preview and /commit, which check the
 * user's role again and save as that user.
 */
export function PlanImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const allowed = hasRole(req.user, 'admin', 'manager')
  const { routes, serverURL } = req.payload.config
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '1.5rem 0 1rem' }}>Nhập kế hoạch từ văn bản</h1>
        {allowed ? (
          <PlanImportForm apiRoute={`${serverURL ?? ''}${routes.api}`} adminRoute={routes.admin} />
        ) : (
          <p>Chỉ lãnh đạo và quản trị viên được nhập kế hoạch.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
