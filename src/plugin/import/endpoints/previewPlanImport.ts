import type { Endpoint, PayloadRequest } from 'payload'
import { draftFromText, draftProblems } from '../../../domain/planImport'
import { importMessageKey } from '../../../domain/i18n/messages'
import { BodyError, json, refuse, refuseBody, refuseNonImporter } from '../../endpoints/http'
import { t } from '../../i18n'
import { loadImportCatalog } from '../loadCatalog'
import { PlanSourceError, readPlanSource, type PlanSource } from '../readPlanSource'
import { fieldError, problemErrors } from './importErrors'

/**
 * POST /api/plan-import/preview — plan text (JSON `{ text }`, or multipart with a .txt/.docx `file`)
 * → the draft the reviewer edits, what still blocks its save, the notes, and the catalog to choose
 * from. Nothing is saved. Managers and admins only (401/403); 400/413/415 name the field at fault.
 */
export const previewPlanImport: Endpoint = {
  path: '/plan-import/preview',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const refused = refuseNonImporter(req)
    if (refused) return refused
    let source: PlanSource
    try {
      source = await readPlanSource(req)
    } catch (err) {
      if (err instanceof BodyError) return refuseBody(req, err)
      if (err instanceof PlanSourceError) return refuse(err.status, fieldError(req, err.field, err.problem))
      throw err
    }
    const catalog = await loadImportCatalog(req, { overrideAccess: false })
    const draft = draftFromText(source.text, catalog, { code: source.code, recurrence: source.recurrence })
    const checked = draftProblems(draft, catalog)
    const existing = catalog.plans.find((p) => draft.plan.code !== '' && p.code === draft.plan.code) ?? null
    return json(200, {
      draft,
      problems: checked.ok ? [] : problemErrors(req, checked.problems),
      notes: draft.notes.map((n) => ({ ...n, message: t(req, importMessageKey(n.message.key), n.message.vars) })),
      catalog,
      existing,
      source: { fileName: source.fileName, text: source.text },
    })
  },
}
