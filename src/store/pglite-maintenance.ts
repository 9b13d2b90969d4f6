/**
 * What autovacuum does on a PostgreSQL server, for PGlite, which runs none: a table that has
 * grown by a fifth since it was last vacuumed or analysed is vacuumed and analysed again, so the
 * planner knows its size and values and index-only scans can skip its rows.
 */
import type { PGlite } from '@electric-sql/pglite'

/** Write transactions between two looks at the tables' sizes. */
const CHECK_EVERY = 50
/** Growth since the last vacuum or analyse that makes a table due (autovacuum's scale factor). */
const GROWTH = 1.2
/** Pages a table may grow by before growth counts at all (512 KiB). */
const MIN_PAGES = 64

/** Counts write transactions and maintains the tables every {@link CHECK_EVERY} of them. */
export function pgliteMaintenance(db: Pick<PGlite, 'query' | 'exec'>): {
  afterWrite: () => Promise<void>
} {
  let writes = 0
  return {
    async afterWrite() {
      if (++writes % CHECK_EVERY) return
      const due = await db.query<{ name: string }>(
        `select c.relname as name from pg_class c
         where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
           and pg_relation_size(c.oid) / current_setting('block_size')::int
               > $1::float8 * greatest(c.relpages, 0) + $2::int`,
        [GROWTH, MIN_PAGES],
      )
      for (const { name } of due.rows)
        await db.exec(`vacuum (analyze) "${name.replace(/"/g, '""')}"`)
    },
  }
}
