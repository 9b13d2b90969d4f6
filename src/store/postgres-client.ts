/** The server backend: a PostgreSQL database reached through `DATABASE_URL`. */
import pg from 'pg'
import type { SqlClient } from './sql-client.js'
import { StoreError } from './errors.js'

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>

/** Queries through a pool or one connection; transactions and closing are the caller's. */
function runner(target: Queryable): Pick<SqlClient, 'backend' | 'query' | 'exec'> {
  return {
    backend: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await target.query(sql, params)).rows as T[]
    },
    async exec(sql: string) {
      await target.query(sql)
    },
  }
}

/** Connects a pool to `url` and checks that the server answers. */
export async function openPostgres(url: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  // An idle connection the server drops (a restart, an administrator) is discarded by the pool and
  // replaced on the next query; unhandled, its error would end the process.
  pool.on('error', () => {})
  try {
    await pool.query('select 1')
  } catch (error) {
    await pool.end()
    const where = url.replace(/\/\/[^@/]*@/, '//***@')
    throw new StoreError(
      'db-open-failed',
      `could not connect to PostgreSQL at ${where}: ${(error as Error).message}`,
    )
  }
  return {
    ...runner(pool),
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      const tx: SqlClient = {
        ...runner(client),
        transaction: () => Promise.reject(new Error('nested transaction')),
        close: async () => {},
      }
      try {
        await client.query('begin')
        const result = await fn(tx)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback')
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}
