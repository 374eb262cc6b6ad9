import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import type { CollectionBeforeOperationHook } from 'payload'
import { needsDummyHash, PASSWORD_HASH } from '../src/domain/loginTiming'

const pbkdf2Async = promisify(pbkdf2)

/**
 * Before a login, when Payload will refuse it without hashing (unknown e-mail, locked account),
 * hash the given password anyway with Payload's own parameters, so that every failed login costs
 * the same time (see src/domain/loginTiming.ts). `answerFailedLogin` makes the answers the same.
 */
export const hashForAbsentAccount: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  if (typeof data?.email !== 'string' || typeof data.password !== 'string') return args
  // Payload looks the account up by the lower-cased, trimmed address; so does this.
  const email = data.email.toLowerCase().trim()
  const account = await req.payload.db.findOne<{ id: number | string; lockUntil?: string | null }>({
    collection: collection.slug,
    req,
    where: { email: { equals: email } },
  })
  if (needsDummyHash(account, new Date())) {
    await pbkdf2Async(
      data.password,
      randomBytes(32).toString('hex'),
      PASSWORD_HASH.iterations,
      PASSWORD_HASH.keyLength,
      PASSWORD_HASH.digest,
    )
  }
  return args
}
