/** Authentication and authorisation of every /api request: who asks (token or session), may they. */
import type { Context, MiddlewareHandler } from 'hono'
import { ROLE_RANK, type Principal, type Role } from '../model/index.js'
import type { SqlClient } from '../store/sql-client.js'
import { authenticateToken } from '../auth/token-repository.js'
import type { Session } from '../auth/session-repository.js'
import type { RateLimiter } from '../auth/rate-limiter.js'
import type { AppEnv } from './app-env.js'
import { AppError } from './app-error.js'
import { isSafeMethod, requiredAccess } from './access-policy.js'
import { readSession } from './session-cookie.js'
import { checkCsrf } from './csrf-check.js'
import { clientAddress } from './client-address.js'

/** How a request identified itself. */
export type Credential =
  | { kind: 'none'; principal: null }
  | { kind: 'invalid'; principal: null; reason: string }
  | { kind: 'bearer'; principal: Principal }
  | { kind: 'cookie'; principal: Principal; session: Session }

/** The request's credential: an `Authorization: Bearer` token wins over the session cookie. */
export async function readCredential(c: Context, db: SqlClient): Promise<Credential> {
  const header = c.req.header('authorization')
  if (header !== undefined) {
    const bearer = /^Bearer +(\S+) *$/i.exec(header)
    if (!bearer?.[1])
      return { kind: 'invalid', principal: null, reason: 'use "Authorization: Bearer <token>"' }
    const grant = await authenticateToken(db, bearer[1])
    if (!grant)
      return {
        kind: 'invalid',
        principal: null,
        reason: 'the token is unknown or revoked, or its user is disabled',
      }
    return { kind: 'bearer', principal: grant.principal }
  }
  const session = await readSession(c, db)
  if (!session) return { kind: 'none', principal: null }
  return { kind: 'cookie', principal: session.principal, session }
}

/** A 401 with the header that names the scheme. */
export function unauthorized(message: string): AppError {
  return new AppError(401, 'unauthorized', message, {
    'WWW-Authenticate': 'Bearer realm="borderwatch"',
  })
}

/** "a viewer", "an analyst", "an admin". */
function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`
}

/** What the middleware needs from the app's options. */
export interface AuthOptions {
  /** Let anonymous requests read (GET/HEAD outside the admin paths). */
  publicRead: boolean
  /** Write budget per user, or per client address for anonymous requests. */
  writeLimiter: RateLimiter
}

/**
 * Sets `principal` on every /api request and enforces the policy of `requiredAccess`: no
 * credential → 401 (unless public read lets it read), an invalid one → 401, too low a role → 403,
 * a cookie-authenticated write without its CSRF token or from another origin → 403, too many
 * writes → 429. The session endpoints pass through and check for themselves.
 */
export function authMiddleware(db: SqlClient, options: AuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method
    const access = requiredAccess(method, c.req.path)
    const credential = await readCredential(c, db)
    c.set('principal', credential.principal)
    if (access.open) return next()
    if (credential.kind === 'invalid') throw unauthorized(credential.reason)
    const principal = credential.principal
    if (!isSafeMethod(method)) {
      const key = principal ? `user:${principal.userId}` : `ip:${clientAddress(c)}`
      const decision = options.writeLimiter.take(key)
      if (!decision.allowed)
        throw new AppError(
          429,
          'rate-limited',
          `too many writes; try again in ${decision.retryAfterSeconds} s`,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        )
    }
    if (!principal) {
      if (options.publicRead && access.role === 'viewer') return next()
      throw unauthorized(
        options.publicRead && !isSafeMethod(method)
          ? 'sign in to change anything: this server is public for reading only'
          : 'sign in first: send "Authorization: Bearer <token>" or use a session',
      )
    }
    if (ROLE_RANK[principal.role] < ROLE_RANK[access.role])
      throw new AppError(
        403,
        'forbidden',
        `${principal.name} is ${withArticle(principal.role)}; this needs ${withArticle(access.role)}`,
      )
    if (credential.kind === 'cookie' && !isSafeMethod(method)) checkCsrf(c, credential.session)
    return next()
  }
}
