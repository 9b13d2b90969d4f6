/** Applies the ordered SQL files in `migrations/` once each, recording them in `schema_migrations`. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SqlClient } from './sql-client.js'
import { StoreError } from './errors.js'

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
/** Serialises concurrent migrators on one PostgreSQL server (several workers starting at once). */
const ADVISORY_LOCK = 4_242_001

/** The migration files in the order they apply. */
export function listMigrations(): { version: string; file: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: file.slice(0, 3), file }))
}

/** Brings the schema up to date in one transaction: all pending migrations apply, or none. */
export async function migrate(db: SqlClient): Promise<string[]> {
  return db.transaction(async (tx) => {
    if (tx.backend === 'postgres')
      await tx.query('select pg_advisory_xact_lock($1)', [ADVISORY_LOCK])
    await tx.exec(
      'create table if not exists schema_migrations (version text primary key, name text not null, applied_at timestamptz not null default now())',
    )
    const done = new Set(
      (await tx.query<{ version: string }>('select version from schema_migrations')).map(
        (r) => r.version,
      ),
    )
    const applied: string[] = []
    for (const { version, file } of listMigrations()) {
      if (done.has(version)) continue
      try {
        await tx.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'))
      } catch (error) {
        throw new StoreError(
          'migration-failed',
          `migration ${file} failed: ${(error as Error).message}`,
        )
      }
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        version,
        file,
      ])
      applied.push(file)
    }
    return applied
  })
}
