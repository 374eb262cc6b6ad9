import type { AdminViewServerProps } from 'payload'
import { AdminPage } from '../../admin/AdminPage'
import { hasRole } from '../../access/roles'
import { PlanImportForm } from './PlanImportForm'

/**
 * /admin/plan-import: a manager pastes a plan document's text or uploads a .txt/.docx, reviews what
 * was understood (each value with its source line), corrects it and confirms. The review runs in
 * the browser (PlanImportForm) against POST /api/plan-import/preview and /commit, which check the
 * user's role again and save as that user.
 */
export function PlanImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = hasRole(req.user, 'admin', 'manager')
  const { routes, serverURL } = req.payload.config
  return (
    <AdminPage view={{ initPageResult, params, searchParams }} title="Nhập kế hoạch từ văn bản">
      {allowed ? (
        <PlanImportForm apiRoute={`${serverURL ?? ''}${routes.api}`} adminRoute={routes.admin} />
      ) : (
        <p>Chỉ lãnh đạo và quản trị viên được nhập kế hoạch.</p>
      )}
    </AdminPage>
  )
}
