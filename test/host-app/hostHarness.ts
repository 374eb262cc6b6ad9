import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { expect } from 'vitest'
import { createTestDatabase } from '../int/helpers/testDatabase'
import { findPool } from '../../src/plugin/db/postgres'
import { hostConfig } from './config'

export type Doc = Record<string, unknown> & { id: number }

export interface Host {
  payload: Payload
  call(method: 'GET' | 'POST', path: string, init?: { token?: string; body?: unknown }): Promise<Response>
  json(
    method: 'GET' | 'POST',
    path: string,
    init?: { token?: string; body?: unknown },
  ): Promise<{ status: number; body: Record<string, unknown> }>
  cleanup(): Promise<void>
}

export async function startHost(review: boolean): Promise<Host> {
  const db = await createTestDatabase()
  const uploadsDir = await mkdtemp(path.join(process.cwd(), '.data', 'host-app-'))
  const config: SanitizedConfig = await hostConfig({ databaseUri: db.uri, uploadsDir, review })
  const payload = await getPayload({ config, key: db.uri })
  const handlers = { GET: REST_GET(Promise.resolve(config)), POST: REST_POST(Promise.resolve(config)) }
  const call = async (method: 'GET' | 'POST', p: string, init: { token?: string; body?: unknown } = {}) => {
    const url = new URL(`http://host.test/api/${p.replace(/^\//, '')}`)
    const headers = new Headers()
    if (init.token) headers.set('Authorization', `JWT ${init.token}`)
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const body = init.body === undefined ? undefined : JSON.stringify(init.body)
    return handlers[method](new Request(url, { method, headers, body }), { params: Promise.resolve({ slug }) })
  }
  return {
    payload,
    call,
    async json(method, p, init) {
      const res = await call(method, p, init)
      const text = await res.text()
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
    },
    async cleanup() {
      // Ours and any instance Payload's REST handlers cached for themselves. Payload's postgres
      // connect() keeps one client checked out, so the forced DROP below ends the connections;
      // those terminations (57P01) are expected here and only those are ignored.
      const cached = (globalThis as { _payload?: Map<string, { payload?: Payload | null }> })._payload
      const instances = new Set<Payload>([
        payload,
        ...[...(cached?.values() ?? [])].flatMap((c) => (c.payload ? [c.payload] : [])),
      ])
      for (const instance of instances) {
        findPool(instance)?.on('error', (err: Error & { code?: string }) => {
          if (err.code !== '57P01') throw err
        })
        await instance.destroy()
      }
      await db.drop()
      await rm(uploadsDir, { recursive: true, force: true })
    },
  }
}

/** A unit, a home channel, a plan with one task: 2 items (posts or podcasts) on the home channel. */
export async function seed(host: Host) {
  const { payload } = host
  const unit = (await payload.create({
    collection: 'units',
    data: { name: 'Phòng Truyền thông', requiresReview: true } as never,
  })) as unknown as Doc
  const home = (await payload.create({
    collection: 'channels',
    data: { name: 'Cổng host', kind: 'portal', isHome: true, url: 'https://host.example.gov.vn' } as never,
  })) as unknown as Doc
  const plan = (await payload.create({
    collection: 'plans',
    data: { code: 'HOST-1', title: 'Kế hoạch host' } as never,
  })) as unknown as Doc
  const task = (await payload.create({
    collection: 'tasks',
    data: {
      plan: plan.id,
      code: '1',
      title: 'Tin và podcast',
      timeframe: { kind: 'deadline', deadline: '2030-12-30T17:00:00.000Z' },
      // Counted from 2020: the items published today fall inside the window.
      targets: [
        {
          kind: 'content',
          quantity: 2,
          contentTypes: ['posts', 'podcasts'],
          channels: [home.id],
          windowStart: '2019-12-31T17:00:00.000Z',
        },
      ],
    } as never,
  })) as unknown as Doc
  const member = async (role: string) => {
    const email = `${role}@host.test`
    await payload.create({
      collection: hostSlug('members'),
      data: { email, password: 'host-Password-1', role, unit: unit.id } as never,
    })
    const res = await host.json('POST', 'members/login', { body: { email, password: 'host-Password-1' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return String(res.body.token)
  }
  return { unit, home, plan, task, editor: await member('editor'), manager: await member('manager') }
}

/** The host's collections are not in our app's generated types; read them by slug. */
export const fieldNamesOf = (payload: Payload, slug: string): string[] =>
  (payload.collections as unknown as Record<string, { config: { flattenedFields: Array<{ name: string }> } }>)[
    slug
  ]!.config.flattenedFields.map((f) => f.name)
export const hostSlug = (slug: 'members' | 'posts' | 'podcasts') => slug as never

export const targetOf = (report: Record<string, unknown>) =>
  ((report.tasks as Array<{ targets: Array<Record<string, unknown>> }>)[0]?.targets ?? [])[0]
