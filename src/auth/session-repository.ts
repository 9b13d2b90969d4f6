/** Web sessions: made by signing in with a token, kept as the hash of the cookie's random id. */
import { Role, type Principal } from '../model/index.js'
import type { SqlClient } from '../store/sql-client.js'
import { hashSecret, newSecret } from './secrets.js'

/** How long a session lasts after sign-in. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/** A live session: who it is for and the CSRF token its unsafe requests must carry. */
export interface Session {
  principal: Principal
  csrfToken: string
  expiresAt: string
}

/** A new session: the cookie value (shown to the browser only) and the session. */
export interface CreatedSession extends Session {
  id: string
}

/** Starts a session for a user signed in with token `tokenId`; expired sessions are swept. */
export async function createSession(
  db: SqlClient,
  principal: Principal,
  tokenId: string,
  ttlMs = SESSION_TTL_MS,
): Promise<CreatedSession> {
  const id = newSecret()
  const csrfToken = newSecret()
  const expiresAt = new Date(Date.now() + ttlMs).toISOString()
  await db.query('delete from sessions where expires_at < now()')
  await db.query(
    'insert into sessions (id_hash, user_id, token_id, csrf_token, expires_at) values ($1, $2, $3, $4, $5)',
    [hashSecret(id), principal.userId, tokenId, csrfToken, expiresAt],
  )
  return { id, principal, csrfToken, expiresAt }
}

/**
 * The session of a cookie value, or null when unknown or expired, or when its token was revoked or
 * its user disabled. The role is read afresh, so role changes apply at once.
 */
export async function findSession(db: SqlClient, id: string): Promise<Session | null> {
  if (id.length > 200) return null
  const [row] = await db.query<{
    csrf_token: string
    expires_at: string | Date
    user_id: string
    name: string
    role: string
  }>(
    `select s.csrf_token, s.expires_at, u.id as user_id, u.name, u.role
     from sessions s join users u on u.id = s.user_id join api_tokens t on t.id = s.token_id
     where s.id_hash = $1 and s.expires_at > now() and u.disabled_at is null and t.revoked_at is null`,
    [hashSecret(id)],
  )
  if (!row) return null
  return {
    principal: { userId: row.user_id, name: row.name, role: Role.parse(row.role) },
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at).toISOString(),
  }
}

/** Ends a session (sign-out); unknown ids are ignored. */
export async function endSession(db: SqlClient, id: string): Promise<void> {
  await db.query('delete from sessions where id_hash = $1', [hashSecret(id)])
}
