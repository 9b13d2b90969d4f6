/** Reads and writes the corrections table. */
import type { SqlClient } from '../store/sql-client.js'
import type { Correction } from '../model/index.js'

interface CorrectionRow {
  id: string
  target_kind: Correction['targetKind']
  target_id: string
  article_id: string | null
  action: Correction['action']
  anchor: Correction['anchor']
  patch: Record<string, unknown>
  note: string | null
  source: string | null
  author: string
  created_at: string | Date
  undone_at: string | Date | null
  undone_by: string | null
}

const COLUMNS =
  'id, target_kind, target_id, article_id, action, anchor, patch, note, source, author, created_at, undone_at, undone_by'

function fromRow(r: CorrectionRow): Correction {
  return {
    id: r.id,
    targetKind: r.target_kind,
    targetId: r.target_id,
    articleId: r.article_id,
    action: r.action,
    anchor: r.anchor,
    patch: r.patch ?? {},
    note: r.note,
    source: r.source,
    author: r.author,
    createdAt: new Date(r.created_at).toISOString(),
    undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
    undoneBy: r.undone_by,
  }
}

/** Stores a new correction. */
export async function insertCorrection(db: SqlClient, c: Correction): Promise<void> {
  await db.query(
    `insert into corrections (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      c.id,
      c.targetKind,
      c.targetId,
      c.articleId,
      c.action,
      c.anchor ? JSON.stringify(c.anchor) : null,
      JSON.stringify(c.patch),
      c.note,
      c.source,
      c.author,
      c.createdAt,
      c.undoneAt,
      c.undoneBy,
    ],
  )
}

/** One correction by id, undone or not. */
export async function getCorrection(db: SqlClient, id: string): Promise<Correction | null> {
  const rows = await db.query<CorrectionRow>(`select ${COLUMNS} from corrections where id = $1`, [
    id,
  ])
  return rows[0] ? fromRow(rows[0]) : null
}

/** Filters for listing corrections. */
export interface CorrectionQuery {
  targetKind?: Correction['targetKind']
  targetId?: string
  articleId?: string
  /** Undone corrections are left out unless this is set. */
  includeUndone?: boolean
  limit?: number
}

/** Corrections, oldest first. */
export async function listCorrections(
  db: SqlClient,
  q: CorrectionQuery = {},
): Promise<Correction[]> {
  const where: string[] = []
  const params: unknown[] = []
  for (const [column, value] of [
    ['target_kind', q.targetKind],
    ['target_id', q.targetId],
    ['article_id', q.articleId],
  ] as const) {
    if (value === undefined) continue
    params.push(value)
    where.push(`${column} = $${params.length}`)
  }
  if (!q.includeUndone) where.push('undone_at is null')
  const limit = q.limit ? `limit ${Math.max(1, Math.floor(q.limit))}` : ''
  const rows = await db.query<CorrectionRow>(
    `select ${COLUMNS} from corrections ${where.length ? `where ${where.join(' and ')}` : ''}
     order by created_at, id ${limit}`,
    params,
  )
  return rows.map(fromRow)
}

/** Marks a correction undone; it stays in the table (and the audit log) for the record. */
export async function markUndone(db: SqlClient, id: string, by: string, at: string): Promise<void> {
  await db.query('update corrections set undone_at = $2, undone_by = $3 where id = $1', [
    id,
    at,
    by,
  ])
}
