/**
 * A failed login must not tell an unknown e-mail (or a locked account) from a wrong password.
 * Payload answers an unknown e-mail or a locked account after one lookup (~5 ms) but a wrong
 * password only after hashing it (PBKDF2, 600 000 rounds: 0.13–0.2 s idle, over 1 s on a busy
 * machine), so the time alone enumerated accounts. The fix does the same work on every path:
 * when Payload will not hash, a dummy hash with the same parameters runs first. A fixed delay
 * would not do: under load the real hash outgrows any constant.
 */

/** Payload 3.90's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js). */
export const PASSWORD_HASH = Object.freeze({ iterations: 600_000, keyLength: 32, digest: 'sha256' as const })

/** Whether Payload's login will answer without hashing: no such account, or it is locked now. */
export function needsDummyHash(account: { lockUntil?: string | Date | null } | null | undefined, now: Date): boolean {
  if (!account) return true
  if (!account.lockUntil) return false
  return new Date(account.lockUntil).getTime() > now.getTime()
}
