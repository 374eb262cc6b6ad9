import { commitTransaction, initTransaction, killTransaction, ValidationError, type PayloadRequest } from 'payload'
import {
  countTargets,
  draftProblems,
  toCreateData,
  type Id,
  type ImportProblem,
  type PlanCreateSet,
} from '../../domain/planImport'
import { SLUGS } from '../../domain/slugs'
import { loadImportCatalog, type ImportAccess } from './loadCatalog'

export interface ImportedPlan {
  id: Id
  code: string
}

/** A save Payload refused (a field rule, a hook), at the draft's field path. */
export interface SaveError {
  field: string
  message: string
}

export type ImportOutcome =
  | { status: 'created'; plan: ImportedPlan; created: { plans: 1; tasks: number; targets: number } }
  /** A plan with this code exists: nothing was created (importing is idempotent on the code). */
  | { status: 'exists'; plan: ImportedPlan; created: { plans: 0; tasks: 0; targets: 0 } }
  /** The draft has problems (unresolved names, missing values): nothing was written. */
  | { status: 'invalid'; problems: ImportProblem[] }
  /** Payload refused part of the save: everything was rolled back. */
  | { status: 'rejected'; errors: SaveError[] }

const NOTHING = { plans: 0, tasks: 0, targets: 0 } as const

/**
 * Imports a reviewed draft: checks it against the records the caller can see, then creates the
 * plan and its tasks (targets inside) in ONE transaction: all of it or nothing. A plan whose code
 * already exists is left untouched and reported (`exists`), so re-running an import creates
 * nothing; changing an imported plan is the plan editor's job, not the importer's.
 *
 * On behalf of a user pass their request and `overrideAccess: false`; the CLI passes a local
 * request without a user and `overrideAccess: true` (it runs as the system).
 */
export async function importPlan(req: PayloadRequest, input: unknown, access: ImportAccess): Promise<ImportOutcome> {
  const catalog = await loadImportCatalog(req, access)
  const checked = draftProblems(input, catalog)
  if (!checked.ok) return { status: 'invalid', problems: checked.problems }
  return savePlan(req, toCreateData(checked.draft, catalog), access)
}

async function findPlan(req: PayloadRequest, code: string, access: ImportAccess): Promise<ImportedPlan | null> {
  const found = await req.payload.find({
    collection: SLUGS.plans,
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    select: { code: true },
    req,
    overrideAccess: access.overrideAccess,
  })
  const doc = found.docs[0]
  return doc ? { id: doc.id, code: doc.code } : null
}

/** "targets.0.quantity" (Payload's path) → "targets[0].quantity" (the draft's). */
function draftPath(prefix: string, path: string): string {
  return `${prefix}.${path.replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`
}

function saveErrors(err: ValidationError, prefix: string): SaveError[] {
  const errors = (err.data as { errors?: Array<{ path?: string; message?: string }> } | undefined)?.errors ?? []
  if (errors.length === 0) return [{ field: prefix, message: err.message }]
  return errors.map((e) => ({ field: draftPath(prefix, e.path ?? ''), message: e.message ?? err.message }))
}

/**
 * Creates the plan and its tasks in one transaction. Exported for the all-or-nothing test, which
 * hands it create-data Payload refuses half-way.
 */
export async function savePlan(req: PayloadRequest, set: PlanCreateSet, access: ImportAccess): Promise<ImportOutcome> {
  const { payload } = req
  const owner = await initTransaction(req)
  // Without a transaction a failure half-way would leave a partial plan: refuse instead.
  if (!req.transactionID) throw new Error('plan import needs a database transaction, and none could be started')
  let step = 'plan'
  try {
    const existing = await findPlan(req, set.plan.code, access)
    if (existing) {
      if (owner) await commitTransaction(req)
      return { status: 'exists', plan: existing, created: { ...NOTHING } }
    }
    const plan = await payload.create({
      collection: SLUGS.plans,
      // Ids are typed string | number in the domain; the catalog holds this database's own ids.
      data: set.plan as never,
      depth: 0,
      req,
      overrideAccess: access.overrideAccess,
    })
    for (const [i, task] of set.tasks.entries()) {
      step = `tasks[${i}]`
      await payload.create({
        collection: SLUGS.tasks,
        data: { ...task, plan: plan.id } as never,
        depth: 0,
        req,
        overrideAccess: access.overrideAccess,
      })
    }
    if (owner) await commitTransaction(req)
    return {
      status: 'created',
      plan: { id: plan.id, code: plan.code },
      created: { plans: 1, tasks: set.tasks.length, targets: countTargets(set) },
    }
  } catch (err) {
    // Payload already rolled back when one of its operations failed; this covers everything else.
    await killTransaction(req)
    if (!(err instanceof ValidationError)) throw err
    const errors = saveErrors(err, step)
    // Two imports of one plan at once: the loser's code is no longer unique. Report it as the
    // idempotent outcome, read after the rollback (outside any transaction).
    if (step === 'plan' && errors.some((e) => e.field === 'plan.code')) {
      const existing = await findPlan(req, set.plan.code, access)
      if (existing) return { status: 'exists', plan: existing, created: { ...NOTHING } }
    }
    return { status: 'rejected', errors }
  }
}
