import type { PayloadRequest } from 'payload'
import { draftProblems, reviewFromText, type DraftReview } from '../../domain/planImport'
import { importMessageKey } from '../../domain/i18n/messages'
import type { RecurrencePeriod } from '../../domain/slugs'
import { t } from '../i18n'
import { problemErrors } from './endpoints/importErrors'
import { loadImportCatalog } from './loadCatalog'

export interface PreviewInput {
  text: string
  fileName: string | null
  code?: string
  recurrence?: RecurrencePeriod
}

/**
 * The preview's answer for plan text: the draft, what blocks its save, the notes in the request's
 * language, the catalog (read as the signed-in user) and an existing plan with the same code.
 * Also what was read only approximately (`review` is how the caller adds its own parts).
 */
export async function previewBody(
  req: PayloadRequest,
  input: PreviewInput,
): Promise<{ body: Record<string, unknown>; review: DraftReview }> {
  const catalog = await loadImportCatalog(req, { overrideAccess: false })
  const review = reviewFromText(input.text, catalog, { code: input.code, recurrence: input.recurrence })
  const { draft } = review
  const checked = draftProblems(draft, catalog)
  const existing = catalog.plans.find((p) => draft.plan.code !== '' && p.code === draft.plan.code) ?? null
  return {
    review,
    body: {
      draft,
      problems: checked.ok ? [] : problemErrors(req, checked.problems),
      notes: draft.notes.map((n) => ({ ...n, message: t(req, importMessageKey(n.message.key), n.message.vars) })),
      catalog,
      existing,
      source: { fileName: input.fileName, text: input.text },
      approximate: review.approximate,
    },
  }
}
