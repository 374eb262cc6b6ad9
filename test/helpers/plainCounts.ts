import type { CountsAsOf, ItemOnChannels } from '../../src/domain/targetItems'

/**
 * The cumulative line's counts written plainly, for tests to hold the store's answers to: an
 * item counts as of a day when it has a publication in [from, day], once per channel it is on.
 */
export const plainCounts =
  (items: readonly ItemOnChannels[], from: string) =>
  (day: string): CountsAsOf => {
    const byChannel = new Map<number, number>()
    let pooled = 0
    for (const it of items) {
      const inside = it.publications.filter((p) => p.day >= from && p.day <= day)
      if (inside.length === 0) continue
      pooled += 1
      for (const c of new Set(inside.map((p) => p.channel))) byChannel.set(c, (byChannel.get(c) ?? 0) + 1)
    }
    return { pooled, byChannel }
  }
