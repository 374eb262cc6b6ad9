/**
 * node-postgres as Payload's adapter gets it (`postgresAdapter({ pg })`), with what it lacks to
 * survive a database that restarts or cuts a session, and to tell an operator when requests are
 * starved of connections.
 *
 * - An 'error' listener on the pool and on every client, also while a client is checked out.
 *   pg-pool removes its own listener from a client when it hands the client out, and a pg client
 *   emits 'error' when its connection is terminated (Postgres shutting down, 57P01; a session cut
 *   by idle_in_transaction_session_timeout, 25P03). With nobody listening, that is an uncaught
 *   exception and the whole app process dies. With this, the error is logged, the client's
 *   pending query fails (the request is answered 503), pg-pool drops the broken client on
 *   release, and the next request opens a fresh connection.
 * - The time a request last gave up waiting for a connection (the acquire timeout), which
 *   /api/health reports as a starved pool.
 */
import pg from 'pg'
import { databaseUnavailableReason } from '../domain/databaseErrors'

export type DatabaseErrorLog = (err: Error, msg: string) => void

const lastExhausted = new WeakMap<object, number>()

/** When a request last timed out waiting for a connection of `pool` (epoch ms), if ever. */
export function lastPoolExhaustion(pool: object): number | undefined {
  return lastExhausted.get(pool)
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void

export function resilientPg(log: DatabaseErrorLog): typeof pg {
  class ResilientPool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config)
      this.on('error', (err) => log(err, '[db] an idle pooled connection failed; it is dropped from the pool'))
      this.on('connect', (client) => {
        client.on('error', (err) =>
          log(err, '[db] a database connection failed; its request fails, the pool reconnects'),
        )
      })
      // pg-pool's own query() calls this.connect with a callback; awaiting callers get a promise.
      const connect = pg.Pool.prototype.connect as (
        this: pg.Pool,
        cb?: ConnectCallback,
      ) => Promise<pg.PoolClient> | void
      const note = (err: Error | undefined) => {
        if (err && databaseUnavailableReason(err) === 'pool-exhausted') lastExhausted.set(this, Date.now())
      }
      Object.defineProperty(this, 'connect', {
        value: (cb?: ConnectCallback) => {
          if (cb) return connect.call(this, (err, client, done) => (note(err), cb(err, client, done)))
          return (connect.call(this) as Promise<pg.PoolClient>).catch((err: Error) => {
            note(err)
            throw err
          })
        },
      })
    }
  }
  // A new object, not an assignment to the imported module: other users of pg keep the original.
  return { ...pg, Pool: ResilientPool } as typeof pg
}
