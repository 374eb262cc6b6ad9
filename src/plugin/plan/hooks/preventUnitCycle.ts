import type { CollectionBeforeChangeHook } from 'payload'
import { findCycle } from '../../../domain/planRules'
import { relId } from '../../../domain/relations'
import { throwFieldError } from '../../shared/validation'
import { SLUGS } from '../../../domain/slugs'

/** A unit may not become its own ancestor: reports roll up along this chain. */
export const preventUnitCycle: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const parent = relId(data.parent)
  if (parent === undefined) return data
  // An integrity check, not a read on the user's behalf: a cycle through a unit the user cannot
  // see is still a cycle, so this lookup keeps the default access override.
  const problem = await findCycle(originalDoc?.id, [parent], async (id) => {
    const unit = await req.payload.findByID({ collection: SLUGS.units, id, depth: 0, req, disableErrors: true })
    const next = relId(unit?.parent)
    return next === undefined ? [] : [next]
  })
  if (problem) throwFieldError(req, SLUGS.units, 'parent', problem)
  return data
}
