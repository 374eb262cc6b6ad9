/**
 * Plan import, the pure part: parser draft + the records in the system → a draft the reviewer
 * edits (names matched, source lines attached, notes for what was not understood), the checks a
 * draft must pass, and the create-data of the plan and its tasks. No Payload, no I/O.
 */
export {
  draftFromParse,
  draftFromText,
  reviewFromText,
  taskTitle,
  type DraftOptions,
  type DraftReview,
} from './fromParse'
export { fieldBoxes, type FieldBoxes } from './fieldBoxes'
export { checkDraft, checkRefs, draftProblems, draftRefs, IMPORT_LIMITS, type DraftCheck } from './validate'
export { countTargets, toCreateData, type PlanCreateData, type PlanCreateSet, type TaskCreateData } from './createData'
export { docxHtmlToPlanText } from './docxHtml'
export { codeKey, matchName, nameKey } from './match'
export { describeField } from './fieldLabel'
export type * from './types'
