import type { CollectionBeforeChangeHook } from 'payload'
import { relId } from '../../../domain/relations'
import { SLUGS } from '../../../domain/slugs'
import { taskPickerLabel, taskPickerSort, taskSearchText, type PickerPlanInput } from '../../../domain/taskPicker'

/**
 * Keeps a task's picker label, folded search text and picker order in step with the task and
 * its plan (the plan's own changes are carried over by refreshTaskPickerFields). A partial
 * update (the admin saves whole documents, the API may not) falls back on the stored values.
 */
export const computeTaskPickerFields: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const pick = <K extends string>(key: K): unknown => (key in data ? data[key] : originalDoc?.[key])
  const task = {
    code: pick('code') as string | null,
    title: pick('title') as string | null,
    content: pick('content') as string | null,
    timeframe: { ...(originalDoc?.timeframe ?? {}), ...(data.timeframe ?? {}) },
  }
  const planId = relId(pick('plan'))
  // Read as the system (the label is the same for everyone), inside the request's transaction.
  const plan =
    planId === undefined
      ? null
      : ((await req.payload
          .findByID({ collection: SLUGS.plans, id: planId, depth: 0, req, disableErrors: true })
          .catch(() => null)) as PickerPlanInput | null)
  data.pickerLabel = taskPickerLabel(task, plan)
  data.searchText = taskSearchText(task, plan)
  data.pickerSort = taskPickerSort(task, plan)
  return data
}
