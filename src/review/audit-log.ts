/** The audit log: every change people make (corrections, users, tokens), append-only. */
import type { SqlClient } from '../store/sql-client.js'

/** One entry of the audit log. */
export interface AuditEntry {
  seq: number
  at: string
  /** Who made the change: a user's name, or "cli:<os user>" for local commands. */
  actor: string
  /** What was done: "correction.reject", "correction.undo", "token.create", … */
  action: string
  targetKind: string
  targetId: string
  before: unknown
  after: unknown
  note: string | null
}

/** What a caller records; `seq` and `at` are set by the database. */
export type AuditRecord = Omit<AuditEntry, 'seq' | 'at' | 'note' | 'before' | 'after'> & {
  before?: unknown
  after?: unknown
  note?: string | null
}

/** Appends one entry, inside the caller's transaction when `db` is one. */
export async function recordAudit(db: SqlClient, entry: AuditRecord): Promise<void> {
  await db.query(
    `insert into audit_log (actor, action, target_kind, target_id, before, after, note)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.actor,
      entry.action,
      entry.targetKind,
      entry.targetId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.note ?? null,
    ],
  )
}

/** Filters for reading the log. */
export interface AuditQuery {
  targetKind?: string
  targetId?: string
  actor?: string
  limit?: number
}

/** The newest entries first. */
export async function readAudit(db: SqlClient, q: AuditQuery = {}): Promise<AuditEntry[]> {
  const where: string[] = []
  const params: unknown[] = []
  for (const [column, value] of [
    ['target_kind', q.targetKind],
    ['target_id', q.targetId],
    ['actor', q.actor],
  ] as const) {
    if (value === undefined) continue
    params.push(value)
    where.push(`${column} = $${params.length}`)
  }
  params.push(Math.max(1, Math.min(q.limit ?? 100, 10_000)))
  const rows = await db.query<{
    seq: string | number
    at: string | Date
    actor: string
    action: string
    target_kind: string
    target_id: string
    before: unknown
    after: unknown
    note: string | null
  }>(
    `select seq, at, actor, action, target_kind, target_id, before, after, note from audit_log
     ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit $${params.length}`,
    params,
  )
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    before: r.before,
    after: r.after,
    note: r.note,
  }))
}
