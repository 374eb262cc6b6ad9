/**
 * node-postgres as Payload's adapter gets it (`postgresAdapter({ pg })`), with the one thing it
 * lacks to survive a database that restarts or cuts a session: an 'error' listener on the pool
 * and on every client, also while a client is checked out.
 *
 * pg-pool removes its own listener from a client when it hands the client out, and a pg client
 * emits 'error' when its connection is terminated (Postgres shutting down, 57P01; a session cut
 * by idle_in_transaction_session_timeout, 25P03). With nobody listening, that is an uncaught
 * exception and the whole app process dies. With this, the error is logged, the client's
 * pending query fails (the request is answered 503 by answerDatabaseUnavailable), pg-pool drops
 * the broken client on release, and the next request opens a fresh connection.
 */
import pg from 'pg'

export type DatabaseErrorLog = (err: Error, msg: string) => void

export function resilientPg(log: DatabaseErrorLog): typeof pg {
  class ResilientPool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config)
      this.on('error', (err) => log(err, '[db] an idle pooled connection failed; it is dropped from the pool'))
      this.on('connect', (client) => {
        client.on('error', (err) => log(err, '[db] a database connection failed; its request fails, the pool reconnects'))
      })
    }
  }
  // A new object, not an assignment to the imported module: other users of pg keep the original.
  return { ...pg, Pool: ResilientPool } as typeof pg
}
