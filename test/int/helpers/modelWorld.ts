import type { Payload } from 'payload'
import type pg from 'pg'
import { calendarDay, dayToInstant } from '../../../src/domain/calendar'
import { pngFile, type UploadFile } from '../../fixtures/files'
import { createUser } from './testPayload'

/**
 * The fixed universe of the model-based counting test, and the SQL views of the database the
 * test needs besides the ground truth (groundTruth.ts): which items exist, a fingerprint of
 * everything a save could write, and a cheap reset between fast-check runs.
 *
 * The universe is deliberately tiny (3 types × 4 tasks × 4 channels × 5 days) so random
 * operations keep landing on the same tally rows: collisions are where counting goes wrong.
 */

export const TYPES = ['articles', 'infographics', 'videos'] as const
export type ContentType = (typeof TYPES)[number]

/** Publication days: all in the past, so every generated publication is valid. */
export const DAYS = ['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04', '2025-07-05'] as const

/**
 * Where in the Vietnamese day a publication falls. The edges are 00:00:00.000 and
 * 23:59:59.999 at UTC+7, i.e. the previous UTC day and 16:59 UTC: an engine that took the
 * UTC day, or rounded, would count them on the wrong day.
 */
export const AT = ['noon', 'vnStart', 'vnEnd'] as const
export type At = (typeof AT)[number]

export function publicationInstant(day: string, at: At): string {
  if (at === 'noon') return dayToInstant(day)
  const local = at === 'vnStart' ? `${day}T00:00:00.000+07:00` : `${day}T23:59:59.999+07:00`
  return new Date(local).toISOString()
}

/** A publication date the validator must refuse: tomorrow in Vietnam (noon UTC, 19:00 there). */
export function futureInstant(now = new Date()): string {
  const today = calendarDay(now)
  const next = new Date(`${today}T00:00:00.000Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return dayToInstant(next.toISOString().slice(0, 10))
}

export const YOUTUBE_URL = 'https://www.youtube.com/watch?v=M7lc1UVf-VE'

export interface Universe {
  /** Task ids, 4 of them. */
  tasks: number[]
  /** Channel ids; index 0 is the home channel (publishing adds a publication on it). */
  channels: number[]
  home: number
  /** The user every operation runs as (a manager: may edit any unit's content). */
  user: Record<string, unknown> & { id: number | string }
  /** A second manager: approves and returns what `user` submits (nobody approves their own). */
  reviewer: Record<string, unknown> & { id: number | string }
  /** A small PNG for infographic uploads (copied per use: Payload may consume the buffer). */
  png: UploadFile
}

export async function createUniverse(payload: Payload): Promise<Universe> {
  const unit = await payload.create({ collection: 'units', data: { name: 'Trung tâm Truyền thông' } })
  const user = await createUser(payload, { role: 'manager', unit: unit.id })
  const reviewer = await createUser(payload, { role: 'manager', unit: unit.id })
  const channel = async (data: Record<string, unknown>) =>
    Number((await payload.create({ collection: 'channels', data: data as never })).id)
  const home = await channel({ name: 'Cổng TTĐT', kind: 'portal', isHome: true, url: 'https://portal.example.gov.vn' })
  const others = [
    await channel({ name: 'VnExpress', kind: 'enewspaper' }),
    await channel({ name: 'Facebook', kind: 'social', platform: 'facebook' }),
    await channel({ name: 'Tạp chí KH&CN', kind: 'magazine' }),
  ]
  const plan = await payload.create({ collection: 'plans', data: { code: 'KH-MODEL', title: 'Kế hoạch' } })
  const tasks: number[] = []
  for (const code of ['1', '2', '3', '4']) {
    const task = await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code,
        title: `Nhiệm vụ ${code}`,
        timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
      } as never,
    })
    tasks.push(Number(task.id))
  }
  // Small, so the 7 derivatives sharp makes per infographic stay cheap.
  const png = await pngFile(48, 32, 'so-lieu.png')
  return { tasks, channels: [home, ...others], home, user, reviewer, png }
}

export const copyFile = (f: UploadFile): UploadFile => ({ ...f, data: Buffer.from(f.data) })

/** The fields each type needs besides tags and publications. */
export function baseData(type: ContentType, n: number): Record<string, unknown> {
  const title = `${type} ${n}`
  if (type === 'infographics') return { title, alt: `Biểu đồ ${n}` }
  if (type === 'videos') return { title, source: 'external', externalUrl: YOUTUBE_URL }
  return { title }
}

export interface ItemState {
  id: number
  status: string
  trashed: boolean
}

export type World = Record<ContentType, ItemState[]>

/** Every item of every type as the database has it now (ops pick their targets from this). */
export async function readWorld(pool: pg.Pool): Promise<World> {
  const world = {} as World
  for (const type of TYPES) {
    const { rows } = await pool.query(`select id, _status, deleted_at is not null as trashed from ${type} order by id`)
    world[type] = rows.map((r) => ({ id: Number(r.id), status: String(r._status), trashed: Boolean(r.trashed) }))
  }
  return world
}

let fingerprintTables: string[] | undefined

/**
 * A digest of every row a content save could write (items, their versions, relations,
 * publications, the ledger and the tallies). A rejected save must leave it as it was.
 */
export async function fingerprint(pool: pg.Pool): Promise<Map<string, string>> {
  fingerprintTables ??= (
    await pool.query(
      `select table_name from information_schema.tables
       where table_schema = 'public' and (table_name ~ '^_?(articles|infographics|videos)(_|$)' or table_name like 'quota\\_%')
       order by table_name`,
    )
  ).rows.map((r) => String(r.table_name))
  const out = new Map<string, string>()
  for (const table of fingerprintTables) {
    const { rows } = await pool.query(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table}" t`,
    )
    out.set(table, `${rows[0]?.n}:${rows[0]?.h}`)
  }
  return out
}

/** The tables whose digests differ, for a readable failure. */
export function fingerprintDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k))
}

/** The ledger as a sorted list, for before/after comparisons of draft steps (I4). */
export async function storedLedger(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query(
    'select content_type, item, task, channel, day from quota_contributions order by 1, 2, 3, 4, 5',
  )
  return rows.map((r) => `${r.content_type}|${r.item}|${r.task}|${r.channel}|${r.day}`)
}

/**
 * Empties every content table, their versions, the ledger, the tallies and the job queue, and
 * restarts the id sequences, so each fast-check run starts from the same state and a failing
 * run replays (seed + path) without the runs before it. Test setup only: TRUNCATE bypasses the
 * engine on purpose, and it empties the ledger and tallies together, so I1/I2 hold after it.
 */
export async function resetContent(pool: pg.Pool): Promise<void> {
  const tables = [...TYPES, ...TYPES.map((t) => `_${t}_v`), 'quota_tallies', 'quota_contributions', 'payload_jobs']
  await pool.query(`truncate table ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`)
  // The first-publication store goes with the ledger (its specs are rebuilt when asked for).
  await pool.query('truncate table comms_quota.first_days, comms_quota.first_day_specs')
}
