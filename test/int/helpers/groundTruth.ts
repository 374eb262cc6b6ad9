import pg from 'pg'

/**
 * Invariant checks against the content tables, written independently of the counting engine:
 * plain SQL over what is published, not trashed, tagged and published on a channel.
 */
const CONTENT = ['articles', 'infographics', 'videos'] as const
const TZ = 'Asia/Ho_Chi_Minh'

export interface TallyRow {
  task: number
  channel: number
  contentType: string
  day: string
  count: number
}

export interface Snapshot {
  truth: Map<string, number>
  stored: Map<string, number>
  truthLedger: Set<string>
  storedLedger: Set<string>
  negative: number
}

const tallyKey = (r: { task: unknown; channel: unknown; content_type: unknown; day: unknown }) =>
  `${r.task}|${r.channel}|${r.content_type}|${r.day}`

export function poolFor(databaseUri: string): pg.Pool {
  return new pg.Pool({ connectionString: databaseUri, max: 2 })
}

export async function snapshot(pool: pg.Pool): Promise<Snapshot> {
  const truth = new Map<string, number>()
  const truthLedger = new Set<string>()
  for (const c of CONTENT) {
    const { rows } = await pool.query(
      `select distinct '${c}' as content_type, c.id as item, r.tasks_id as task, p.channel_id as channel,
              to_char((p.published_at at time zone $1)::date, 'YYYY-MM-DD') as day
       from ${c} c
       join ${c}_rels r on r.parent_id = c.id and r.path = 'tasks'
       join ${c}_publications p on p._parent_id = c.id
       where c._status = 'published' and c.deleted_at is null
         and r.tasks_id is not null and p.channel_id is not null and p.published_at is not null`,
      [TZ],
    )
    for (const r of rows) {
      truthLedger.add(`${r.content_type}|${r.item}|${r.task}|${r.channel}|${r.day}`)
      truth.set(tallyKey(r), (truth.get(tallyKey(r)) ?? 0) + 1)
    }
  }
  const stored = new Map<string, number>()
  let negative = 0
  for (const r of (await pool.query('select task, channel, content_type, day, count from quota_tallies')).rows) {
    if (Number(r.count) < 0) negative += 1
    if (Number(r.count) !== 0) stored.set(tallyKey(r), Number(r.count))
  }
  const storedLedger = new Set<string>(
    (await pool.query('select content_type, item, task, channel, day from quota_contributions')).rows.map(
      (r) => `${r.content_type}|${r.item}|${r.task}|${r.channel}|${r.day}`,
    ),
  )
  return { truth, stored, truthLedger, storedLedger, negative }
}

/** The differences that break I1 (tallies), I2 (ledger) and I3 (negatives); empty when all hold. */
export function invariantViolations(s: Snapshot): string[] {
  const out: string[] = []
  const keys = new Set([...s.truth.keys(), ...s.stored.keys()])
  for (const k of keys) {
    const want = s.truth.get(k) ?? 0
    const have = s.stored.get(k) ?? 0
    if (want !== have) out.push(`I1 tally ${k}: stored ${have}, truth ${want}`)
  }
  for (const k of s.truthLedger) if (!s.storedLedger.has(k)) out.push(`I2 missing contribution ${k}`)
  for (const k of s.storedLedger) if (!s.truthLedger.has(k)) out.push(`I2 extra contribution ${k}`)
  if (s.negative > 0) out.push(`I3 ${s.negative} negative tallies`)
  return out
}

export async function assertInvariants(pool: pg.Pool): Promise<void> {
  const violations = invariantViolations(await snapshot(pool))
  if (violations.length > 0) throw new Error(`invariants broken:\n${violations.slice(0, 20).join('\n')}`)
}

/** The stored tallies as a plain map (non-zero rows), for before/after comparisons. */
export async function storedTallies(pool: pg.Pool): Promise<Map<string, number>> {
  return (await snapshot(pool)).stored
}
