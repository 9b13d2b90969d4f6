/** The embedded backend: PGlite in a local folder, guarded by a lock file against a second process. */
import fs from 'node:fs'
import path from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { SqlClient } from './sql-client.js'
import { StoreError } from './errors.js'
import { writeCommitted } from './heap-trim.js'
import { pgliteMaintenance } from './pglite-maintenance.js'
import { initdbInChild, needsInitdb } from './pglite-initdb.js'

const LOCK_FILE = 'borderwatch.lock'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the folder's lock, or explains who holds it. A lock left by a dead process is taken over. */
function acquireLock(dir: string): () => void {
  const lockPath = path.join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10)
      if (Number.isInteger(pid) && isAlive(pid)) {
        throw new StoreError(
          'db-locked',
          `database folder ${dir} is in use by another borderwatch process (pid ${pid}); ` +
            'stop that process (for example a running `borderwatch serve`) and try again, ' +
            'or choose another folder with --db',
        )
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new StoreError('db-locked', `could not take the lock on database folder ${dir}`)
}

type Queryable = Pick<Transaction, 'query' | 'exec'>

function wrap(
  target: Queryable,
  tx: (fn: (t: Transaction) => Promise<unknown>) => Promise<unknown>,
): Omit<SqlClient, 'close'> {
  return {
    backend: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await target.query<T>(sql, params)
      return result.rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
    async transaction<T>(fn: (t: SqlClient) => Promise<T>): Promise<T> {
      return (await tx((t) =>
        fn({
          ...wrap(t, () => Promise.reject(new Error('nested transaction'))),
          close: async () => {},
        }),
      )) as T
    },
  }
}

/** Opens (creating if needed) the embedded database in `dir`. */
export async function openPglite(dir: string): Promise<SqlClient> {
  fs.mkdirSync(dir, { recursive: true })
  const release = acquireLock(dir)
  let db: PGlite
  try {
    const dataDir = path.join(dir, 'pg')
    if (needsInitdb(dataDir)) await initdbInChild(dataDir)
    db = await PGlite.create(dataDir)
  } catch (error) {
    release()
    throw new StoreError(
      'db-open-failed',
      `could not open the database in ${dir}: ${(error as Error).message}`,
    )
  }
  const client = wrap(db, (fn) => db.transaction(fn))
  const maintenance = pgliteMaintenance(db)
  return {
    ...client,
    async transaction<T>(fn: (t: SqlClient) => Promise<T>): Promise<T> {
      const result = await client.transaction(fn)
      await maintenance.afterWrite()
      // The pipeline shares this process with the database: keep its heap near the live data.
      writeCommitted()
      return result
    },
    async close() {
      await db.close()
      release()
    },
  }
}
