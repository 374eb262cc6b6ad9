import { AuthenticationError, LockedAuth, type AfterErrorHook } from 'payload'
import { t } from '../src/plugin/i18n'

/**
 * Every failed login reads the same: one message for an unknown e-mail, a wrong password and a
 * locked account (Payload's "locked" message confirmed that the account exists). The message
 * still tells a locked-out user what may be going on. REST and GraphQL alike; only login throws
 * these two errors. `hashForAbsentAccount` makes the failures take the same time.
 */
export const answerFailedLogin: AfterErrorHook = ({ error, graphqlResult, req }) => {
  // GraphQL hands over its own error with Payload's as `originalError`.
  const cause = (error as Error & { originalError?: unknown }).originalError ?? error
  if (!(cause instanceof AuthenticationError || cause instanceof LockedAuth)) return
  const message = t(req, 'loginFailed')
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message } }
  return { status: 401, response: { errors: [{ message }] } }
}
