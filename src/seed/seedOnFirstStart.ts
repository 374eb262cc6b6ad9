import type { Payload } from 'payload'
import { SLUGS } from '../domain/slugs'
import { seed } from './seed'

/**
 * The quick start's promise: a new user who runs one command sees a real plan and can sign in.
 * Only an empty database is seeded (no users and no plans), so a database someone uses is
 * never touched. `today` (default: DEMO_TODAY, else today) is the day the demo is dated around.
 */
export async function seedOnFirstStart(payload: Payload, today?: string): Promise<void> {
  const [users, plans] = await Promise.all([
    payload.count({ collection: SLUGS.users }),
    payload.count({ collection: SLUGS.plans }),
  ])
  if (users.totalDocs > 0 || plans.totalDocs > 0) return
  try {
    const { created, offset } = await seed(payload, { demo: true, today })
    payload.logger.info({ msg: 'Seeded the demo plan into the empty embedded database', created, offset })
  } catch (err) {
    // The app still starts: an empty admin is usable, and `npm run seed` can be re-run.
    payload.logger.error({ err, msg: 'Seeding the demo plan on first start failed' })
  }
}
