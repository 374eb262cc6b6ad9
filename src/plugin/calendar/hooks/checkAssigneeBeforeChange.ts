import type { CollectionBeforeChangeHook } from 'payload'
import { relId } from '../../../domain/relations'
import { throwFieldError } from '../../shared/validation'
import { assigneeProblem } from '../validateAssignee'

/**
 * The assignee rule again, for the saves Payload does not validate: a draft saved with
 * `?draft=true` (the admin's "Lưu nháp", the calendar's "Lên kế hoạch" for an infographic or a
 * video, which have no file or link yet) skips every field's `validate`. A changed assignee of
 * another unit, or an unknown one, is then still a 400 naming `assignee`, and nothing is saved.
 */
export const checkAssigneeBeforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, collection, req }) => {
  const assignee = relId(data.assignee)
  if (assignee === undefined || String(assignee) === String(relId(originalDoc?.assignee))) return data
  const problem = await assigneeProblem(req, assignee, data.unit ?? originalDoc?.unit)
  if (problem) throwFieldError(req, collection.slug, 'assignee', problem)
  return data
}
