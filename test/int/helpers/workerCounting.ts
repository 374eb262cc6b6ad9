/**
 * Worker for countingConcurrency.test.ts: one more app instance on the shared database.
 *
 *   node --import ./src/cli/register.mjs test/int/helpers/workerCounting.ts <databaseUri> <role a|b> <seed> <fixtures JSON>
 *
 * Starts its own Payload, prints "@@ready", waits for a line on stdin (so every worker starts
 * at once), then runs its whole operation mix concurrently (one Promise.all) and prints one
 * "@@op {json}" line per operation and "@@done {json}" at the end. Payload's own log lines share
 * stdout; the markers tell them apart. Roles a and b run mirror images of the same mix, so the
 * two processes collide on the same items and tally keys from opposite directions.
 */
import { createInterface } from 'node:readline'
import type { Payload } from 'payload'
import { startPayloadOn } from './workerPayload'
import { rng } from '../../helpers/rng'

export interface CountingFixtures {
  home: number
  channels: [number, number, number]
  tasks: [number, number, number, number]
  /** Days (YYYY-MM-DD, plan time zone) the fixtures' publications carry. */
  days: [string, string]
  toggle: number[]
  shared: number[]
  order: number[]
  bulk: number[]
  /** Per role: items only that worker trashes, restores or deletes (nobody else touches them). */
  own: Record<'a' | 'b', { trash: number; restore: number; remove: number }>
}

export type Role = 'a' | 'b'

export interface OpOutcome {
  role: Role
  name: string
  kind: 'toggle' | 'draft' | 'shared' | 'create' | 'tags' | 'bulk' | 'bulk-single' | 'trash' | 'restore' | 'delete'
  ok: boolean
  /** Error messages (a bulk update reports one per failed document). */
  errors: string[]
  start: number
  end: number
}

export interface WorkerSummary {
  role: Role
  ops: number
  failed: number
  initMs: number
  runMs: number
}

interface Op {
  name: string
  kind: OpOutcome['kind']
  run(): Promise<string[]>
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

/** Operations start at random moments within this window (all of them still concurrent). */
const JITTER_MS = 1500

const at = (day: string) => `${day}T05:00:00.000Z`

/** The mix one role runs. Role b is role a mirrored: opposite statuses, opposite orders. */
export function operations(payload: Payload, f: CountingFixtures, role: Role): Op[] {
  const mirror = role === 'b'
  const [t1, t2, t3, t4] = f.tasks
  const [c1, c2, c3] = f.channels
  const [d1, d2] = f.days
  const update =
    (id: number, data: Record<string, unknown>, draft = false) =>
    async () => {
      await payload.update({ collection: 'articles', id, data: data as never, draft })
      return []
    }
  const ops: Op[] = []

  // (a) Two writers toggling publish/unpublish on the same item: both processes, and several
  // in flight within each process, alternate statuses on the same two items.
  for (const id of f.toggle) {
    for (let i = 0; i < 6; i++) {
      const status = (i % 2 === 0) !== mirror ? 'published' : 'draft'
      ops.push({ name: `toggle ${id} → ${status} #${i}`, kind: 'toggle', run: update(id, { _status: status }) })
    }
    // A draft save in the middle of the toggling must change no tally (I4).
    ops.push({
      name: `draft save ${id}`,
      kind: 'draft',
      run: update(id, { tasks: mirror ? [t4] : [t3], title: `toggle draft ${role}` }, true),
    })
  }

  // (b) Many items sharing the same tally keys: every shared item is tagged t1 and published on
  // c1 on day d1 (and on the home channel today); one role publishes what the other unpublishes.
  f.shared.forEach((id, i) => {
    const publish = i < f.shared.length / 2 !== mirror
    ops.push({
      name: `shared ${id} → ${publish ? 'published' : 'draft'}`,
      kind: 'shared',
      run: update(id, { _status: publish ? 'published' : 'draft' }),
    })
  })
  for (let i = 0; i < 4; i++) {
    ops.push({
      name: `create shared ${role}${i}`,
      kind: 'create',
      run: async () => {
        await payload.create({
          collection: 'articles',
          data: {
            title: `new ${role} ${i}`,
            _status: 'published',
            tasks: [t1],
            publications: [{ channel: c1, publishedAt: at(d1) }],
          } as never,
        })
        return []
      },
    })
  }

  // (c) Overlapping tag sets written in opposite orders, on the same items across processes and
  // on neighbouring items within one: role a writes ascending on the first half and descending
  // on the second, role b the reverse; the publications' channel order flips the same way.
  f.order.forEach((id, i) => {
    const ascending = i < f.order.length / 2 !== mirror
    const tasks = ascending ? [t1, t2, t3, t4] : [t4, t3, t2, t1]
    const channels = ascending ? [c1, c2, c3] : [c3, c2, c1]
    // Different overlapping subsets per role, so the final tag set depends on who wins.
    const subset = mirror ? tasks.slice(0, 3) : tasks.slice(1)
    ops.push({
      name: `tags ${id} ${subset.join(',')}`,
      kind: 'tags',
      run: update(id, {
        _status: 'published',
        tasks: subset,
        publications: channels.map((c) => ({ channel: c, publishedAt: at(d1) })),
      }),
    })
  })

  // Bulk updates: one transaction for many items (Payload runs the documents in parallel on
  // it), racing single saves of the same items and of items sharing their keys. The bulk items
  // carry different tasks (t4, t1, t3, t2, …), so one bulk transaction writes tallies of several
  // tasks in whatever order its documents happen to run.
  const bulk = async (data: Record<string, unknown>): Promise<string[]> => {
    const res = await payload.update({ collection: 'articles', where: { id: { in: f.bulk } }, data: data as never })
    return res.errors.map((e) => `${e.id}: ${e.message}`)
  }
  ops.push({
    name: `bulk ${mirror ? 'unpublish' : 'publish'}`,
    kind: 'bulk',
    run: () => bulk({ _status: mirror ? 'draft' : 'published' }),
  })
  ops.push({
    name: `bulk ${mirror ? 'publish' : 'unpublish'}`,
    kind: 'bulk',
    run: () => bulk({ _status: mirror ? 'published' : 'draft' }),
  })
  ops.push({
    name: `bulk retag ${mirror ? 't3,t2' : 't2,t3'}`,
    kind: 'bulk',
    run: () =>
      bulk({
        _status: 'published',
        tasks: mirror ? [t3, t2] : [t2, t3],
        publications: [{ channel: c2, publishedAt: at(d2) }],
      }),
  })
  const singles = mirror ? [...f.bulk].reverse() : f.bulk
  singles.slice(0, 4).forEach((id, i) => {
    const tasks = i % 2 === 0 ? [t1, t2, t3, t4] : [t4, t3, t2, t1]
    ops.push({
      name: `bulk item ${id} single ${i < 3 ? 'publish' : 'unpublish'}`,
      kind: 'bulk-single',
      run: update(id, i < 3 ? { _status: 'published', tasks } : { _status: 'draft' }),
    })
  })

  // Trash, restore and delete on items only this role touches, while their keys are contended.
  const own = f.own[role]
  ops.push({
    name: `trash ${own.trash}`,
    kind: 'trash',
    run: update(own.trash, { deletedAt: new Date().toISOString() }),
  })
  ops.push({
    name: `restore ${own.restore}`,
    kind: 'restore',
    run: async () => {
      await payload.update({ collection: 'articles', id: own.restore, data: { deletedAt: null } as never, trash: true })
      return []
    },
  })
  ops.push({
    name: `delete ${own.remove}`,
    kind: 'delete',
    run: async () => {
      await payload.delete({ collection: 'articles', id: own.remove })
      return []
    },
  })
  return ops
}

async function main(): Promise<void> {
  const [databaseUri, roleArg, seedArg, fixturesJson] = process.argv.slice(2)
  if (!databaseUri || (roleArg !== 'a' && roleArg !== 'b') || !seedArg || !fixturesJson) {
    process.stderr.write('usage: workerCounting.ts <databaseUri> <a|b> <seed> <fixtures JSON>\n')
    process.exit(2)
  }
  const role: Role = roleArg
  const fixtures = JSON.parse(fixturesJson) as CountingFixtures
  const t0 = Date.now()
  const uri = new URL(databaseUri)
  uri.searchParams.set('application_name', `counting-worker-${role}`)
  const app = await startPayloadOn(uri.toString())
  const { payload } = app
  const random = rng(Number(seedArg))
  const ops = shuffle(operations(payload, fixtures, role), random)
  // Warm up (module loading, first-query planning) before the start line, so the concurrent
  // burst measures contention rather than one process's cold start. Reads and a draft save
  // only: neither changes a tally.
  await payload.find({ collection: 'articles', limit: 1, depth: 2 })
  await payload.update({
    collection: 'articles',
    id: fixtures.own[role].remove,
    data: { title: `warm ${role}` },
    draft: true,
  })
  const initMs = Date.now() - t0

  process.stdout.write('@@ready\n')
  const lines = createInterface({ input: process.stdin })
  await new Promise<void>((resolve, reject) => {
    lines.once('line', () => resolve())
    lines.once('close', () => reject(new Error('stdin closed before the start signal')))
  })
  lines.close()

  // If the event loop drains while operations are unsettled (a promise that can never resolve,
  // Node then exits with code 13), say which ones, so a hang is diagnosable from the test output.
  const pending = new Set<string>()
  process.on('beforeExit', () => {
    if (pending.size > 0) process.stderr.write(`unsettled operations at exit: ${[...pending].join(', ')}\n`)
  })

  const jitter = ops.map(() => Math.floor(random() * JITTER_MS))
  const runStart = Date.now()
  const outcomes = await Promise.all(
    ops.map(async (op, i): Promise<OpOutcome> => {
      // Every operation is in flight together, each starting within the first second or so, so
      // the slow ones (bulk updates) overlap with singles started before and after them.
      await new Promise((r) => setTimeout(r, jitter[i] ?? 0))
      const start = Date.now()
      const label = `${op.kind}:${op.name}#${i}`
      pending.add(label)
      let errors: string[]
      try {
        errors = await op.run()
      } catch (err) {
        const e = err as Error & { cause?: Error }
        // drizzle wraps driver errors ("Failed query: …"); the cause carries Postgres's words.
        errors = [e.cause ? `${e.message} ← ${e.cause.message}` : e.message]
      }
      pending.delete(label)
      const outcome: OpOutcome = {
        role,
        name: op.name,
        kind: op.kind,
        ok: errors.length === 0,
        errors,
        start,
        end: Date.now(),
      }
      process.stdout.write(`@@op ${JSON.stringify(outcome)}\n`)
      return outcome
    }),
  )
  const summary: WorkerSummary = {
    role,
    ops: outcomes.length,
    failed: outcomes.filter((o) => !o.ok).length,
    initMs,
    runMs: Date.now() - runStart,
  }
  process.stdout.write(`@@done ${JSON.stringify(summary)}\n`)
  await app.close()
  // Payload keeps one pool client checked out for good; exiting is the way to let go of it.
  process.exit(0)
}

// Only as a script: the test imports the types and the op mix without starting anything.
if (process.argv[1]?.endsWith('workerCounting.ts')) await main()
