/** API tokens: created for a user and shown once, stored as a SHA-256 hash, revoked by id. */
import { Role, type Principal } from '../model/index.js'
import type { SqlClient } from '../store/sql-client.js'
import { recordAudit } from '../review/audit-log.js'
import { AuthError } from './auth-error.js'
import { hashSecret, newApiToken, newId, TOKEN_PREFIX } from './secrets.js'
import { isoTime, requireUser } from './user-repository.js'

/** What may be shown about a token: never the token or its hash. */
export interface ApiTokenInfo {
  id: string
  user: string
  label: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** A new token: the secret (to show once) and its description. */
export interface CreatedToken {
  token: string
  info: ApiTokenInfo
}

/** How often `last_used_at` is written for a busy token: at most once this many milliseconds. */
export const LAST_USED_GRANULARITY_MS = 60_000

interface TokenRow {
  id: string
  user_name: string
  label: string | null
  created_at: string | Date
  last_used_at: string | Date | null
  revoked_at: string | Date | null
}

const SELECT_INFO = `select t.id, u.name as user_name, t.label, t.created_at, t.last_used_at, t.revoked_at
  from api_tokens t join users u on u.id = t.user_id`

function toInfo(r: TokenRow): ApiTokenInfo {
  return {
    id: r.id,
    user: r.user_name,
    label: r.label,
    createdAt: isoTime(r.created_at) ?? '',
    lastUsedAt: isoTime(r.last_used_at),
    revokedAt: isoTime(r.revoked_at),
  }
}

/** Creates a token for an enabled user; the returned secret is not kept anywhere. */
export async function createToken(
  db: SqlClient,
  userName: string,
  label: string | null,
  actor: string,
): Promise<CreatedToken> {
  return db.transaction(async (tx) => {
    const user = await requireUser(tx, userName)
    if (user.disabledAt)
      throw new AuthError('user-disabled', `user "${userName}" is disabled; no token made`)
    const token = newApiToken()
    const id = newId('t')
    await tx.query(
      'insert into api_tokens (id, user_id, label, token_hash) values ($1, $2, $3, $4)',
      [id, user.id, label, hashSecret(token)],
    )
    await recordAudit(tx, {
      actor,
      action: 'token.create',
      targetKind: 'token',
      targetId: id,
      after: { user: user.name, label },
    })
    const [row] = await tx.query<TokenRow>(`${SELECT_INFO} where t.id = $1`, [id])
    return { token, info: toInfo(row!) }
  })
}

/** Every token, newest first. */
export async function listTokens(db: SqlClient): Promise<ApiTokenInfo[]> {
  return (await db.query<TokenRow>(`${SELECT_INFO} order by t.created_at desc, t.id`)).map(toInfo)
}

/** Revokes a token by id: it and the sessions signed in with it stop working at once. */
export async function revokeToken(db: SqlClient, id: string, actor: string): Promise<ApiTokenInfo> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query<TokenRow>(`${SELECT_INFO} where t.id = $1`, [id])
    if (!before) throw new AuthError('unknown-token', `no token with id "${id}"`)
    if (before.revoked_at) throw new AuthError('token-revoked', `token ${id} is already revoked`)
    await tx.query('update api_tokens set revoked_at = now() where id = $1', [id])
    await tx.query('delete from sessions where token_id = $1', [id])
    await recordAudit(tx, {
      actor,
      action: 'token.revoke',
      targetKind: 'token',
      targetId: id,
      before: { user: before.user_name, label: before.label, revoked: false },
      after: { revoked: true },
    })
    const [row] = await tx.query<TokenRow>(`${SELECT_INFO} where t.id = $1`, [id])
    return toInfo(row!)
  })
}

/** A token that authenticated: whose it is, and its id (sessions remember it). */
export interface TokenGrant {
  tokenId: string
  principal: Principal
}

/**
 * The user a token belongs to, or null when it is unknown, revoked, or its user disabled. Notes
 * the use (at most once a minute per token, so busy clients do not write on every request).
 */
export async function authenticateToken(db: SqlClient, token: string): Promise<TokenGrant | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const [row] = await db.query<{
    id: string
    last_used_at: string | Date | null
    user_id: string
    name: string
    role: string
  }>(
    `select t.id, t.last_used_at, u.id as user_id, u.name, u.role
     from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null and u.disabled_at is null`,
    [hashSecret(token)],
  )
  if (!row) return null
  const last = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime()
  if (Date.now() - last >= LAST_USED_GRANULARITY_MS)
    await db.query('update api_tokens set last_used_at = now() where id = $1', [row.id])
  return {
    tokenId: row.id,
    principal: { userId: row.user_id, name: row.name, role: Role.parse(row.role) },
  }
}
