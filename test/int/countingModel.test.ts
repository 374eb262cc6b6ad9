/**
 * Model-based test of the counting engine (issue acceptance: I1–I5 under random operations).
 *
 * Random sequences of content operations (create, draft save, autosave, publish, unpublish,
 * republish, scheduled publish/unpublish, version restore, trash, restore, delete, bulk update,
 * bulk delete, and saves that must be rejected) run one after another against ONE real Payload
 * on Postgres. After every step the stored tallies and ledger are compared with a ground truth
 * computed by plain SQL over the content tables (helpers/groundTruth.ts, independent of the
 * engine): I1 tallies, I2 contributions, I3 no negatives; draft steps must leave tallies and
 * ledger as they were (I4); rejected steps must leave every content and quota row as it was.
 * After each sequence, reconciliation with repair runs twice and must report zero drift (I5).
 *
 * Each fast-check run starts from empty content tables (TRUNCATE, see resetContent), so a run
 * depends only on its own ops and `seed` + `path` replay it alone.
 *
 * Knobs (environment):
 *   MODEL_SEED=<int>      run only this seed (the failure message and the log print it)
 *   MODEL_PATH=<path>     with MODEL_SEED: replay exactly the failing run fast-check reported
 *   MODEL_RUNS, MODEL_OPS runs per seed, ops per run (defaults 5 and 120: 4 × 5 × 120 = 2,400
 *                         generated; a few find no target, and ≥ 2,000 executed is asserted)
 *   MODEL_SHRINK=0        report a failure as found, without shrinking it
 *   MODEL_BUDGET_S=<s>    wall-time cap per seed, shrinking included (default 240)
 *
 * A failure is shrunk by default (whole chunks of steps go first, so a 120-step failure comes
 * down to a few steps, typically in under a minute); the cap keeps a long shrink from stalling
 * CI: when it is hit, the smallest failing sequence found so far is reported. A seed that is
 * interrupted before its runs finish, without a failure, fails too (a hang is not a pass).
 */
import fc from 'fast-check'
import type { Payload } from 'payload'
import type pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { calendarDay, dayToInstant } from '../../src/domain/calendar'
import type { TargetCountQuery } from '../../src/domain/counting'
import { countTargets, countTargetsFromLedger } from '../../src/plugin/counting/engine/read'
import { reconcile } from '../../src/plugin/counting/engine/reconcile'
import { invariantViolations, poolFor, snapshot, storedTallies, type Snapshot } from './helpers/groundTruth'
import { applyOp, opSequenceArb, type ModelContext, type Op, type StepClass, type StepResult } from './helpers/modelOps'
import {
  baseData,
  copyFile,
  createUniverse,
  fingerprint,
  fingerprintDiff,
  futureInstant,
  publicationInstant,
  readWorld,
  resetContent,
  storedLedger,
  type ContentType,
  type Universe,
} from './helpers/modelWorld'
import { restClient } from './helpers/rest'
import { rejectionOf, startTestPayload, type TestPayload } from './helpers/testPayload'

let t: TestPayload
let payload: Payload
let pool: pg.Pool
let u: Universe
let restoreAsDraft: ModelContext['restoreAsDraft']

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  pool = poolFor(t.databaseUri)
  u = await createUniverse(payload)
  // Thousands of operations: keep Payload's per-job INFO lines out of the output (errors stay).
  payload.logger.level = 'warn'
  const rest = restClient(payload)
  const token = await rest.login(String(u.user.email), 'test-Password-1')
  // The REST handlers run on their own Payload instance (cached in global._payload). Its only
  // use here is restore-as-draft, whose expected 403s (trashed items) it would log as errors;
  // any unexpected failure still fails the step with the response in its message.
  const cached = (globalThis as { _payload?: Map<string, { payload?: Payload | null }> })._payload
  for (const c of cached?.values() ?? []) if (c.payload && c.payload !== payload) c.payload.logger.level = 'fatal'
  restoreAsDraft = async (type, versionId) => {
    const res = await rest.post(`${type}/versions/${versionId}?draft=true`, undefined, { token })
    // Carry the status like a local-API error, so the harness can tell a refusal from a crash.
    if (res.status !== 200)
      throw Object.assign(new Error(`restore as draft: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`), {
        status: res.status,
      })
  }
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

const as = () => ({ user: u.user, overrideAccess: false as const })
const key = (task: number, channel: number, type: ContentType, day: string) => `${task}|${channel}|${type}|${day}`
const tallies = async () => Object.fromEntries(await storedTallies(pool))
const today = () => calendarDay(new Date())

async function expectInvariants(): Promise<void> {
  expect(invariantViolations(await snapshot(pool))).toEqual([])
}

async function expectI5(): Promise<void> {
  const first = await reconcile(payload, { repair: true })
  const second = await reconcile(payload, { repair: true })
  for (const report of [first, second]) {
    expect(report.drift).toEqual({ ledgerMissing: [], ledgerExtra: [], tallies: [] })
    expect(report.firstDays.drift).toEqual([])
    expect(report.repaired).toBe(false)
  }
}

// ---------------------------------------------------------------------------------------------
// Plain regression tests: one per operation kind, with exact expected tallies, so a failure
// names the operation before the random test has to find it.

describe('counting model: each operation on its own', () => {
  const [T1, T2] = [0, 1]
  const task = (i: number) => u.tasks[i] ?? -1
  const channel = (i: number) => u.channels[i] ?? -1
  const D1 = '2025-07-01'
  const D2 = '2025-07-02'
  const pub = (c: number, day: string) => ({ channel: channel(c), publishedAt: dayToInstant(day) })

  let titles = 0
  const create = (type: ContentType, data: Record<string, unknown>, publish: boolean) =>
    payload.create({
      collection: type,
      data: { ...baseData(type, (titles += 1)), ...data, ...(publish ? { _status: 'published' } : {}) } as never,
      draft: !publish,
      ...(type === 'infographics' ? { file: copyFile(u.png) } : {}),
      ...as(),
    })

  afterEach(async () => {
    await expectInvariants()
    await expectI5()
  })

  beforeEach(async () => {
    await resetContent(pool)
  })

  it('create: a draft counts nothing; a published item counts on each channel and the home channel, per task', async () => {
    await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, false)
    expect(await tallies()).toEqual({})
    await create('articles', { tasks: [task(T1), task(T2)], publications: [pub(1, D1), pub(2, D2)] }, true)
    expect(await tallies()).toEqual({
      [key(task(T1), channel(1), 'articles', D1)]: 1,
      [key(task(T2), channel(1), 'articles', D1)]: 1,
      [key(task(T1), channel(2), 'articles', D2)]: 1,
      [key(task(T2), channel(2), 'articles', D2)]: 1,
      [key(task(T1), u.home, 'articles', today())]: 1,
      [key(task(T2), u.home, 'articles', today())]: 1,
    })
    await expectInvariants()
  })

  it('create: videos and infographics count under their own content type', async () => {
    await create('videos', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    await create('infographics', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    const now = await tallies()
    expect(now[key(task(T1), channel(1), 'videos', D1)]).toBe(1)
    expect(now[key(task(T1), channel(1), 'infographics', D1)]).toBe(1)
    await expectInvariants()
  })

  it('a task repeated in the tags counts the item once', async () => {
    await create('articles', { tasks: [task(T1), task(T1)], publications: [pub(1, D1)] }, true)
    expect((await tallies())[key(task(T1), channel(1), 'articles', D1)]).toBe(1)
    await expectInvariants()
  })

  it('publication instants at the edges of the Vietnamese day count on that day', async () => {
    await create(
      'articles',
      {
        tasks: [task(T1)],
        publications: [
          { channel: channel(1), publishedAt: publicationInstant(D2, 'vnStart') }, // 2025-07-01T17:00Z
          { channel: channel(2), publishedAt: publicationInstant(D1, 'vnEnd') }, // 2025-07-01T16:59:59.999Z
        ],
      },
      true,
    )
    const now = await tallies()
    expect(now[key(task(T1), channel(1), 'articles', D2)]).toBe(1)
    expect(now[key(task(T1), channel(2), 'articles', D1)]).toBe(1)
    await expectInvariants()
  })

  it('draft save and autosave change no tally (I4), even when they change tags and publications', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    const before = await tallies()
    const ledger = await storedLedger(pool)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { tasks: [task(T2)], publications: [pub(2, D2)] } as never,
      draft: true,
      ...as(),
    })
    expect(await tallies()).toEqual(before)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { title: 'x', tasks: [], publications: [] } as never,
      draft: true,
      autosave: true,
      ...as(),
    })
    expect(await tallies()).toEqual(before)
    expect(await storedLedger(pool)).toEqual(ledger)
    await expectInvariants()
  })

  it('publish counts what the latest draft holds', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, false)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { tasks: [task(T2)], publications: [pub(2, D2)] } as never,
      draft: true,
      ...as(),
    })
    await payload.update({ collection: 'articles', id: a.id, data: { _status: 'published' } as never, ...as() })
    expect(await tallies()).toEqual({
      [key(task(T2), channel(2), 'articles', D2)]: 1,
      [key(task(T2), u.home, 'articles', today())]: 1,
    })
    await expectInvariants()
  })

  it('unpublish removes every count of the item', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    await payload.update({ collection: 'articles', id: a.id, data: { _status: 'draft' } as never, ...as() })
    expect(await tallies()).toEqual({})
    await expectInvariants()
  })

  it('republish with other tags and publications moves exactly its counts; a second identical item doubles a tally', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(0, D1), pub(1, D1)] }, true)
    await create('articles', { tasks: [task(T2)], publications: [pub(0, D1), pub(2, D2)] }, true)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { _status: 'published', tasks: [task(T2)], publications: [pub(0, D1), pub(2, D2)] } as never,
      ...as(),
    })
    expect(await tallies()).toEqual({
      [key(task(T2), u.home, 'articles', D1)]: 2,
      [key(task(T2), channel(2), 'articles', D2)]: 2,
    })
    await expectInvariants()
  })

  it('scheduled publish and scheduled unpublish, run by the job queue', async () => {
    const a = await create('videos', { tasks: [task(T1)], publications: [pub(1, D1)] }, false)
    const run = async (type: 'publish' | 'unpublish') => {
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: 'videos', value: String(a.id) } } as never,
        waitUntil: new Date(Date.now() - 1000),
      })
      // Queued but not yet run: nothing counts yet.
      if (type === 'publish') expect(await tallies()).toEqual({})
      await payload.jobs.run()
    }
    await run('publish')
    expect(await tallies()).toEqual({
      [key(task(T1), channel(1), 'videos', D1)]: 1,
      [key(task(T1), u.home, 'videos', today())]: 1,
    })
    await run('unpublish')
    expect(await tallies()).toEqual({})
    await expectInvariants()
  })

  it('version restore: a published version counts again; restoring as a draft changes nothing', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { _status: 'published', tasks: [task(T2)], publications: [pub(2, D2)] } as never,
      ...as(),
    })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: a.id } },
      sort: 'createdAt',
      depth: 0,
      ...as(),
    })
    const [v1, v2] = versions.docs
    if (!v1 || !v2) throw new Error('expected two versions')
    await payload.restoreVersion({ collection: 'articles', id: v1.id, ...as() })
    const restored = await tallies()
    expect(restored[key(task(T1), channel(1), 'articles', D1)]).toBe(1)
    expect(restored[key(task(T2), channel(2), 'articles', D2)]).toBeUndefined()
    // As a draft (through REST: the local API ignores `draft` on restoreVersion).
    await restoreAsDraft('articles', v2.id)
    expect(await tallies()).toEqual(restored)
    await expectInvariants()
  })

  it('version restore of a trashed item is refused and changes nothing', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { deletedAt: new Date().toISOString() } as never,
      ...as(),
    })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: a.id } },
      depth: 0,
      ...as(),
    })
    const before = await fingerprint(pool)
    const v = versions.docs[0]
    if (!v) throw new Error('expected a version')
    await rejectionOf(() => payload.restoreVersion({ collection: 'articles', id: v.id, ...as() }))
    expect(fingerprintDiff(before, await fingerprint(pool))).toEqual([])
  })

  it('trash removes the counts, restore from trash brings them back, delete removes them for good', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    const counted = await tallies()
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { deletedAt: new Date().toISOString() } as never,
      ...as(),
    })
    expect(await tallies()).toEqual({})
    await payload.update({ collection: 'articles', id: a.id, data: { deletedAt: null } as never, trash: true, ...as() })
    expect(await tallies()).toEqual(counted)
    await payload.delete({ collection: 'articles', id: a.id, ...as() })
    expect(await tallies()).toEqual({})
    expect(await storedLedger(pool)).toEqual([])
    // Deleting an item that is already in the trash.
    const b = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    await payload.update({
      collection: 'articles',
      id: b.id,
      data: { deletedAt: new Date().toISOString() } as never,
      ...as(),
    })
    await payload.delete({ collection: 'articles', id: b.id, trash: true, ...as() })
    expect(await tallies()).toEqual({})
    await expectInvariants()
  })

  // KNOWN PROBLEM, not in the engine (it counts exactly what the database holds, I1–I5 hold):
  // Payload builds a save without `_status` on the latest version, so trashing a published item
  // that has a newer draft (any autosave) writes that draft, `_status: 'draft'`, to the main
  // table. Restored from the trash, the item comes back unpublished and its counts stay lost,
  // though the domain says a restore brings the item back. `it.fails` keeps this visible: it
  // turns red once trash keeps the published state, and should then become a plain `it`.
  it.fails('trash and restore of a published item with a pending draft brings its counts back', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    const counted = await tallies()
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { tasks: [task(T2)] } as never,
      draft: true,
      ...as(),
    })
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { deletedAt: new Date().toISOString() } as never,
      ...as(),
    })
    await payload.update({ collection: 'articles', id: a.id, data: { deletedAt: null } as never, trash: true, ...as() })
    expect(await tallies()).toEqual(counted)
  })

  it('bulk update: publish several items onto the same tallies, unpublish, trash and restore them together', async () => {
    const ids: Array<number | string> = []
    for (let i = 0; i < 3; i += 1) ids.push((await create('articles', { tasks: [task(T1)] }, false)).id)
    const where = { id: { in: ids } }
    const check = (r: { errors: unknown[] }) => expect(r.errors).toEqual([])
    check(
      await payload.update({
        collection: 'articles',
        where,
        data: { _status: 'published', publications: [pub(1, D1)] } as never,
        ...as(),
      }),
    )
    expect((await tallies())[key(task(T1), channel(1), 'articles', D1)]).toBe(3)
    await expectInvariants()
    check(
      await payload.update({
        collection: 'articles',
        where,
        data: { tasks: [task(T2)] } as never,
        draft: true,
        ...as(),
      }),
    )
    expect((await tallies())[key(task(T1), channel(1), 'articles', D1)]).toBe(3)
    check(
      await payload.update({
        collection: 'articles',
        where,
        data: { deletedAt: new Date().toISOString() } as never,
        ...as(),
      }),
    )
    expect(await tallies()).toEqual({})
    check(
      await payload.update({ collection: 'articles', where, data: { deletedAt: null } as never, trash: true, ...as() }),
    )
    await expectInvariants()
    check(await payload.update({ collection: 'articles', where, data: { _status: 'draft' } as never, ...as() }))
    expect(await tallies()).toEqual({})
    await expectInvariants()
  })

  it('bulk delete removes every deleted item from every tally', async () => {
    const ids: Array<number | string> = []
    for (let i = 0; i < 3; i += 1)
      ids.push((await create('videos', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)).id)
    const keep = await create('videos', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    expect((await tallies())[key(task(T1), channel(1), 'videos', D1)]).toBe(4)
    const result = await payload.delete({ collection: 'videos', where: { id: { in: ids } }, ...as() })
    expect(result.errors).toEqual([])
    expect((await tallies())[key(task(T1), channel(1), 'videos', D1)]).toBe(1)
    expect(keep.id).toBeDefined()
    await expectInvariants()
  })

  it('saves with a duplicate channel or a future date are refused and change nothing', async () => {
    const a = await create('articles', { tasks: [task(T1)], publications: [pub(1, D1)] }, true)
    const before = await fingerprint(pool)
    const attempts: Array<[string, () => Promise<unknown>]> = [
      [
        'create, duplicate channel',
        () => create('articles', { tasks: [task(T1)], publications: [pub(1, D1), pub(1, D2)] }, true),
      ],
      [
        'create, future date',
        () =>
          create(
            'videos',
            { tasks: [task(T1)], publications: [{ channel: channel(1), publishedAt: futureInstant() }] },
            true,
          ),
      ],
      [
        'update, duplicate channel',
        () =>
          payload.update({
            collection: 'articles',
            id: a.id,
            data: { _status: 'published', publications: [pub(2, D1), pub(2, D2)] } as never,
            ...as(),
          }),
      ],
      [
        'update, future date',
        () =>
          payload.update({
            collection: 'articles',
            id: a.id,
            data: {
              _status: 'published',
              publications: [{ channel: channel(2), publishedAt: futureInstant() }],
            } as never,
            ...as(),
          }),
      ],
    ]
    for (const [what, attempt] of attempts) {
      const err = await rejectionOf(attempt)
      expect(err.status, `${what}: ${err.message}`).toBe(400)
      expect(fingerprintDiff(before, await fingerprint(pool)), what).toEqual([])
    }
    await expectInvariants()
  })
})

// ---------------------------------------------------------------------------------------------
// The random test

const FIXED_SEEDS = [20250701, 20250702, 20250703]
const envInt = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`)
  return n
}
const replaySeed = envInt('MODEL_SEED')
const RUNS = envInt('MODEL_RUNS') ?? 5
const OPS = envInt('MODEL_OPS') ?? 120
const SHRINK = process.env.MODEL_SHRINK !== '0'
const BUDGET_MS = (envInt('MODEL_BUDGET_S') ?? 240) * 1000
// Fixed seeds keep CI comparable from run to run; one fresh seed per run keeps exploring.
const SEEDS = replaySeed !== undefined ? [replaySeed] : [...FIXED_SEEDS, Math.floor(Math.random() * 2 ** 31)]
/** The acceptance budget: at least this many operations actually executed (skips excluded). */
const MIN_EXECUTED = 2000

interface Stats {
  executed: number
  skipped: number
  byKind: Map<string, number>
  byClass: Map<StepClass, number>
  stepsThatMovedTallies: number
  maxTally: number
  runs: number
}

const stats: Stats = {
  executed: 0,
  skipped: 0,
  byKind: new Map(),
  byClass: new Map(),
  stepsThatMovedTallies: 0,
  maxTally: 0,
  runs: 0,
}
const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1)

const sameMap = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((k) => b.has(k))

/**
 * Report questions asked after a step: a few targets drawn from the step's number, so the
 * first-publication store builds specs at random points of a run and keeps them from then on.
 * Every answer must equal the count straight from the ledger.
 */
const MODEL_DAYS = ['0001-01-01', '2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04', '2025-07-05', '2025-07-06']
function reportQueries(seed: number, step: number): TargetCountQuery[] {
  let x = (seed ^ (step * 2654435761)) >>> 0
  const next = (n: number) => {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9) >>> 0
    return x % n
  }
  const pick = <T>(list: readonly T[]): T => list[next(list.length)]!
  return Array.from({ length: 2 }, (_, k) => {
    const channels = u.channels.filter(() => next(2) === 0)
    const types = (['articles', 'infographics', 'videos'] as const).filter(() => next(3) !== 0)
    const from = pick(MODEL_DAYS.slice(0, 4))
    const to = pick(MODEL_DAYS.slice(1))
    const late = next(2) === 0
    return {
      key: `q${k}`,
      task: pick(u.tasks),
      channels,
      contentTypes: types,
      from,
      to,
      ...(late ? { deadline: pick(MODEL_DAYS.slice(1, 5)), lateTo: pick(MODEL_DAYS.slice(2)) } : {}),
    }
  })
}

async function reportMismatch(seed: number, step: number): Promise<string | null> {
  const queries = reportQueries(seed, step)
  const kept = await countTargets(payload, queries)
  const truth = await countTargetsFromLedger(payload, queries)
  for (const q of queries) {
    const a = kept.get(q.key)
    const b = truth.get(q.key)
    if (JSON.stringify(a) !== JSON.stringify(b))
      return `report ${JSON.stringify(q)}: first-day store ${JSON.stringify(a)}, ledger ${JSON.stringify(b)}`
  }
  return null
}

/** One fast-check run: reset, apply every op, check after each; then I5. Throws with the log. */
async function runSequence(seed: number, ops: Op[]): Promise<void> {
  await resetContent(pool)
  const ctx: ModelContext = { payload, pool, u, restoreAsDraft, seq: { n: 0 } }
  const log: string[] = []
  const failure = (message: string): Error =>
    new Error(
      `[model seed ${seed}] ${message}\n` +
        `(replay this run alone: MODEL_SEED=${seed} MODEL_PATH=<the path fast-check prints above>)\n` +
        `--- steps so far (ids as resolved) ---\n${log.join('\n')}`,
    )
  let prev: Snapshot = await snapshot(pool)
  for (const [i, op] of ops.entries()) {
    const world = await readWorld(pool)
    // Only these kinds may be refused; for them keep a full digest to prove nothing changed.
    const mayReject = op.kind === 'invalid' || op.kind === 'restoreVersion' || op.kind === 'review'
    const before = mayReject ? await fingerprint(pool) : undefined
    let result: StepResult
    try {
      result = await applyOp(ctx, world, op)
    } catch (err) {
      log.push(`#${i} ${op.kind} ${op.type} -> THREW`)
      throw failure(
        `step #${i} ${JSON.stringify(op)} threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      )
    }
    log.push(`#${i} ${result.text}`)
    bump(stats.byClass, result.cls)
    if (result.cls === 'skipped') {
      stats.skipped += 1
      continue
    }
    stats.executed += 1
    bump(stats.byKind, op.kind)

    const now = await snapshot(pool)
    const violations = invariantViolations(now)
    if (violations.length > 0)
      throw failure(`after step #${i} (${result.text}):\n${violations.slice(0, 20).join('\n')}`)
    // After every step that changed counts, and every fourth other one (draft saves and refused
    // steps change nothing a report reads, but windows first asked then are built then).
    const mismatch = result.cls === 'changed' || i % 4 === 0 ? await reportMismatch(seed, i) : null
    if (mismatch) throw failure(`after step #${i} (${result.text}): ${mismatch}`)
    if (result.cls === 'draft' && !(sameMap(prev.stored, now.stored) && sameSet(prev.storedLedger, now.storedLedger))) {
      throw failure(`I4: draft step #${i} (${result.text}) changed tallies or ledger`)
    }
    if (result.cls === 'rejected' && before) {
      const changed = fingerprintDiff(before, await fingerprint(pool))
      if (changed.length > 0) throw failure(`rejected step #${i} (${result.text}) still changed: ${changed.join(', ')}`)
    }
    if (!sameMap(prev.stored, now.stored)) stats.stepsThatMovedTallies += 1
    for (const v of now.stored.values()) stats.maxTally = Math.max(stats.maxTally, v)
    prev = now
  }
  // I5: reconciliation finds nothing to repair, twice.
  for (const pass of [1, 2]) {
    const report = await reconcile(payload, { repair: true })
    const { ledgerMissing, ledgerExtra, tallies: drift } = report.drift
    if (
      ledgerMissing.length + ledgerExtra.length + drift.length + report.firstDays.drift.length > 0 ||
      report.repaired
    ) {
      throw failure(
        `I5: reconciliation pass ${pass} found drift: ${JSON.stringify([report.drift, report.firstDays.drift]).slice(0, 2000)}`,
      )
    }
  }
  stats.runs += 1
}

describe('counting model: random operation sequences', () => {
  it(`keeps I1–I4 after every step and I5 after each run (${SEEDS.length} seeds × ${RUNS} runs × ${OPS} ops)`, async () => {
    const started = Date.now()
    for (const seed of SEEDS) {
      // Printed before running, so the seed is on record even if the run hangs or times out.
      console.log(`[countingModel] seed ${seed}: ${RUNS} runs × ${OPS} ops (replay: MODEL_SEED=${seed})`)
      const property = fc.asyncProperty(opSequenceArb(OPS), (ops) => runSequence(seed, ops))
      await fc.assert(property, {
        seed,
        numRuns: RUNS,
        endOnFailure: !SHRINK,
        plugins: [fc.interruptAfterTimeLimit(BUDGET_MS, { failOnInterrupt: true })],
        ...(process.env.MODEL_PATH ? { path: process.env.MODEL_PATH } : {}),
      })
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    console.log(
      `[countingModel] ${stats.runs} runs, ${stats.executed} ops executed (${stats.skipped} skipped: nothing to act on) in ${seconds} s; ` +
        `${stats.stepsThatMovedTallies} steps moved tallies, largest tally ${stats.maxTally}\n` +
        `  by kind: ${JSON.stringify(Object.fromEntries(stats.byKind))}\n  by class: ${JSON.stringify(Object.fromEntries(stats.byClass))}`,
    )
    if (replaySeed === undefined) expect(stats.executed).toBeGreaterThanOrEqual(MIN_EXECUTED)
    // The test must not be vacuous: every kind ran, and counting actually happened.
    for (const kind of [
      'create',
      'draftSave',
      'autosave',
      'publish',
      'republish',
      'unpublish',
      'schedule',
      'restoreVersion',
      'trash',
      'untrash',
      'delete',
      'bulkUpdate',
      'bulkDelete',
      'invalid',
      'review',
    ]) {
      if (replaySeed === undefined) expect(stats.byKind.get(kind) ?? 0, kind).toBeGreaterThan(0)
    }
    expect(stats.stepsThatMovedTallies).toBeGreaterThan(0)
    await expectI5()
    // ~2 minutes for 4 seeds; the margin covers one failing seed shrinking for its whole budget.
  }, 900_000)
})
