/** CSRF defence for cookie-authenticated writes: a per-session token header and a same-origin check. */
import type { Context } from 'hono'
import type { Session } from '../auth/session-repository.js'
import { sameSecret } from '../auth/secrets.js'
import { AppError } from './app-error.js'

/** The header the web app sends its session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token'

/** Throws 403 `csrf` when an Origin header is present and names another host than the request's. */
export function checkOrigin(c: Context): void {
  const origin = c.req.header('origin')
  if (origin === undefined) return
  let host: string | null = null
  try {
    host = new URL(origin).host
  } catch {
    host = null
  }
  if (host !== new URL(c.req.url).host)
    throw new AppError(403, 'csrf', `cross-origin request from ${origin} refused`)
}

/** Throws 403 `csrf` unless the request carries the session's CSRF token and comes from our origin. */
export function checkCsrf(c: Context, session: Session): void {
  const given = c.req.header(CSRF_HEADER)
  if (!given || !sameSecret(given, session.csrfToken))
    throw new AppError(
      403,
      'csrf',
      `missing or wrong ${CSRF_HEADER} header; GET /api/session gives the token for this session`,
    )
  checkOrigin(c)
}
