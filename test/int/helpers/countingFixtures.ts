import type { Payload } from 'payload'
import { dayToInstant } from '../../../src/domain/calendar'

type Doc = Record<string, unknown> & { id: number }

export interface CountingFixtures {
  home: Doc
  vnexpress: Doc
  social: Doc
  plan: Doc
  task1: Doc
  task2: Doc
}

/** The small world the counting tests share: a home channel, two more, a plan with two tasks. */
export async function createCountingFixtures(
  payload: Payload,
  options: { planCode: string; deadline?: string },
): Promise<CountingFixtures> {
  const channel = async (name: string, kind: string, isHome = false) =>
    (await payload.create({ collection: 'channels', data: { name, kind, isHome } as never })) as unknown as Doc
  const home = await channel('Cổng', 'portal', true)
  const vnexpress = await channel('VnExpress', 'enewspaper')
  const social = await channel('Facebook', 'social')
  const plan = (await payload.create({
    collection: 'plans',
    data: { code: options.planCode, title: 'p' },
  })) as unknown as Doc
  const timeframe = { kind: 'deadline' as const, deadline: dayToInstant(options.deadline ?? '2030-12-31') }
  const task = async (code: string) =>
    (await payload.create({
      collection: 'tasks',
      data: { plan: plan.id, code, title: `t${code}`, timeframe },
    })) as unknown as Doc
  return { home, vnexpress, social, plan, task1: await task('1'), task2: await task('2') }
}

/** A published article, as `user` (access control on), tagged and published on channels on days. */
export function publishArticle(payload: Payload, user: Doc, title: string, tasks: Doc[], pubs: Array<[Doc, string]>) {
  return payload.create({
    collection: 'articles',
    data: {
      title,
      _status: 'published',
      tasks: tasks.map((x) => x.id),
      publications: pubs.map(([c, day]) => ({ channel: c.id, publishedAt: dayToInstant(day) })),
    } as never,
    user,
    overrideAccess: false,
  })
}
