/**
 * The health verdict the load balancer reads: every check named, 200 only when all pass. Pure,
 * so what counts as healthy is decided here and tested without a database.
 */
export type CheckResult = { ok: true; detail?: string } | { ok: false; problem: string }

export interface HealthChecks {
  database: CheckResult
  /** the connection pool: busy, idle and waiting; fails when requests are starved of connections */
  pool: CheckResult
  migrations: CheckResult
  storage: CheckResult
}

export interface HealthAnswer {
  status: 200 | 503
  body: {
    status: 'ok' | 'fail'
    /** The checks that failed, by name, so a 503 says what to look at. */
    failed: Array<keyof HealthChecks>
  } & { [K in keyof HealthChecks]: string }
}

export function healthAnswer(checks: HealthChecks): HealthAnswer {
  const names = Object.keys(checks) as Array<keyof HealthChecks>
  const failed = names.filter((n) => !checks[n].ok)
  const text = (r: CheckResult) => (r.ok ? (r.detail ? `ok (${r.detail})` : 'ok') : `fail: ${r.problem}`)
  return {
    status: failed.length === 0 ? 200 : 503,
    body: {
      status: failed.length === 0 ? 'ok' : 'fail',
      failed,
      database: text(checks.database),
      pool: text(checks.pool),
      migrations: text(checks.migrations),
      storage: text(checks.storage),
    },
  }
}

/** The migrations the code expects that the database has not recorded as run. */
export function pendingMigrations(expected: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied)
  return expected.filter((name) => !done.has(name))
}
