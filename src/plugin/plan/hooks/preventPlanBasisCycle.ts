import type { CollectionBeforeChangeHook } from 'payload'
import { findCycle } from '../../../domain/planRules'
import { relIds } from '../../../domain/relations'
import { throwFieldError } from '../../shared/validation'
import { SLUGS } from '../../../domain/slugs'

/** The "căn cứ" chain (1169/QĐ-TTg → 58/KH-UBND → a department's plan) must stay acyclic. */
export const preventPlanBasisCycle: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const bases = relIds(data.basedOn)
  if (bases.length === 0) return data
  // An integrity check: a cycle through a plan the user cannot read is still a cycle.
  const problem = await findCycle(originalDoc?.id, bases, async (id) => {
    const plan = await req.payload.findByID({ collection: SLUGS.plans, id, depth: 0, req, disableErrors: true })
    return relIds(plan?.basedOn)
  })
  if (problem) throwFieldError(req, SLUGS.plans, 'basedOn', problem)
  return data
}
