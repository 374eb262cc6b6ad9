import type { Problem } from './i18n/messages'
import { calendarDay, hasRealDay } from './calendar'
import { checkHttpUrl } from './planRules'
import { relId } from './relations'

type Id = string | number

export interface PublicationRow {
  id?: string | null
  channel?: unknown
  url?: string | null
  publishedAt?: string | Date | null
  note?: string | null
}

export interface PublicationProblem {
  index: number
  field: 'channel' | 'url' | 'publishedAt'
  problem: Problem
}

/**
 * What makes a publication row acceptable: a channel, a real http(s) URL when given, a date that
 * is not in the future (Vietnamese calendar), and each channel once: an item counts once per
 * channel, so a second row for the same channel can only be a mistake.
 */
export function checkPublications(
  rows: PublicationRow[] | null | undefined,
  now: Date,
  timeZone?: string,
): PublicationProblem[] {
  const problems: PublicationProblem[] = []
  const seen = new Map<string, number>()
  const today = calendarDay(now, timeZone)
  ;(rows ?? []).forEach((row, index) => {
    const channel = relId(row.channel)
    if (channel === undefined) problems.push({ index, field: 'channel', problem: { key: 'required' } })
    else if (seen.has(String(channel))) {
      problems.push({
        index,
        field: 'channel',
        problem: { key: 'duplicatePublicationChannel', vars: { row: (seen.get(String(channel)) ?? 0) + 1 } },
      })
    } else seen.set(String(channel), index)
    const url = checkHttpUrl(row.url)
    if (url) problems.push({ index, field: 'url', problem: url })
    if (!row.publishedAt) problems.push({ index, field: 'publishedAt', problem: { key: 'required' } })
    else {
      let day: string | undefined
      try {
        // JavaScript rolls 2026-02-30 over to 2 March where Postgres refuses it: check the day first.
        if (typeof row.publishedAt === 'string' && !hasRealDay(row.publishedAt)) throw new RangeError('no such day')
        day = calendarDay(row.publishedAt, timeZone)
      } catch {
        // calendarDay throws on an unparsable date; report it as the invalid date it is.
        problems.push({ index, field: 'publishedAt', problem: { key: 'invalidDate' } })
      }
      if (day && day > today)
        problems.push({
          index,
          field: 'publishedAt',
          problem: { key: 'publicationInFuture', vars: { date: day, today } },
        })
    }
  })
  return problems
}

/**
 * The rows after publishing in the CMS: the home channel gets its publication (dated the first
 * publish) when it has none; an existing home row is the editor's and is kept as it is.
 */
export function withHomePublication(
  rows: PublicationRow[] | null | undefined,
  home: { id: Id; url?: string | null } | null,
  firstPublishedAt: string,
  itemUrl?: string | null,
): PublicationRow[] {
  const list = [...(rows ?? [])]
  if (!home) return list
  if (list.some((r) => String(relId(r.channel)) === String(home.id))) return list
  return [...list, { channel: home.id, publishedAt: firstPublishedAt, url: itemUrl ?? null, note: null }]
}
