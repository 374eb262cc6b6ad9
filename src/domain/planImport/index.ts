/**
 * Plan import, the pure part: parser draft + the records in the system → a draft the reviewer
 * edits (names matched, source lines attached, notes for what was not understood), the checks a
 * draft must pass, and the create-data of the plan and its tasks. No Payload, no I/O.
 */
export { draftFromParse, draftFromText, taskTitle, type DraftOptions } from './fromParse'
export { checkDraft, checkRefs, draftProblems, draftRefs, IMPORT_LIMITS, type DraftCheck } from './validate'
export { countTargets, toCreateData, type PlanCreateData, type PlanCreateSet, type TaskCreateData } from './createData'
export { docxHtmlToPlanText } from './docxHtml'
export { codeKey, matchName, nameKey } from './match'
export { describeField } from './fieldLabel'
export type * from './types'
