/** Reads and writes the analysts' sites (table `user_sites`). */
import type { SqlClient } from '../store/sql-client.js'
import { SiteInput, type UserSite } from '../model/index.js'

interface UserSiteRow {
  id: string
  data: unknown
  author: string
  created_at: string | Date
  updated_at: string | Date
}

function fromRow(r: UserSiteRow): UserSite {
  return {
    id: r.id,
    site: SiteInput.parse(typeof r.data === 'string' ? JSON.parse(r.data) : r.data),
    author: r.author,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }
}

/** Every analyst's site, by id. */
export async function listUserSites(db: SqlClient): Promise<UserSite[]> {
  const rows = await db.query<UserSiteRow>(
    'select id, data, author, created_at, updated_at from user_sites order by id',
  )
  return rows.map(fromRow)
}

/** One analyst's site, or null. */
export async function getUserSite(db: SqlClient, id: string): Promise<UserSite | null> {
  const rows = await db.query<UserSiteRow>(
    'select id, data, author, created_at, updated_at from user_sites where id = $1',
    [id],
  )
  return rows[0] ? fromRow(rows[0]) : null
}

/** Adds or replaces an analyst's site. */
export async function saveUserSite(
  db: SqlClient,
  id: string,
  site: SiteInput,
  author: string,
): Promise<void> {
  await db.query(
    `insert into user_sites (id, data, author) values ($1, $2, $3)
     on conflict (id) do update set data = excluded.data, author = excluded.author, updated_at = now()`,
    [id, JSON.stringify(site), author],
  )
}

/** Deletes an analyst's site; true when there was one. */
export async function deleteUserSite(db: SqlClient, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>('delete from user_sites where id = $1 returning id', [
    id,
  ])
  return rows.length > 0
}

/** Changes whenever an analyst's site is added, changed or removed: a cache key for the gazetteer. */
export async function userSitesRevision(db: SqlClient): Promise<string> {
  const rows = await db.query<{ n: number | string; latest: string | Date | null }>(
    'select count(*) as n, max(updated_at) as latest from user_sites',
  )
  const r = rows[0]
  return `${Number(r?.n ?? 0)}@${r?.latest ? new Date(r.latest).toISOString() : ''}`
}
