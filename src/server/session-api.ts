/** `/api/session`: sign in with an API token to get a cookie session, ask who is signed in, sign out. */
import type { Hono } from 'hono'
import { z } from 'zod'
import type { ApiSession } from '../model/session.js'
import type { SqlClient } from '../store/sql-client.js'
import { authenticateToken } from '../auth/token-repository.js'
import { createSession, endSession } from '../auth/session-repository.js'
import type { RateLimiter } from '../auth/rate-limiter.js'
import type { AppEnv } from './app-env.js'
import { AppError } from './app-error.js'
import { SESSION_PATH } from './access-policy.js'
import { checkCsrf, checkOrigin } from './csrf-check.js'
import { clientAddress } from './client-address.js'
import { unauthorized } from './auth-middleware.js'
import {
  clearSessionCookie,
  readSession,
  sessionCookie,
  setSessionCookie,
} from './session-cookie.js'

/** What the session endpoints need from the app's options. */
export interface SessionApiOptions {
  publicRead: boolean
  /** Sign-in attempts per client address. */
  signInLimiter: RateLimiter
}

const SignIn = z.object({ token: z.string().min(1).max(200) })

const NO_STORE = { 'Cache-Control': 'no-store' }

/** Registers `GET`, `POST` and `DELETE /api/session`. */
export function registerSessionApi(
  app: Hono<AppEnv>,
  db: SqlClient,
  options: SessionApiOptions,
): void {
  app.get(SESSION_PATH, async (c) => {
    const principal = c.get('principal')
    const session =
      principal && c.req.header('authorization') === undefined ? await readSession(c, db) : null
    const body: ApiSession = {
      user: principal ? { name: principal.name, role: principal.role } : null,
      csrfToken: session?.csrfToken ?? null,
      publicRead: options.publicRead,
    }
    return c.json(body, 200, NO_STORE)
  })

  app.post(SESSION_PATH, async (c) => {
    const decision = options.signInLimiter.take(`ip:${clientAddress(c)}`)
    if (!decision.allowed)
      throw new AppError(
        429,
        'rate-limited',
        `too many sign-in attempts; try again in ${decision.retryAfterSeconds} s`,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      )
    checkOrigin(c)
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
      throw new AppError(415, 'unsupported-media-type', 'send JSON: {"token": "bw_…"}')
    let raw: unknown
    try {
      raw = await c.req.json()
    } catch {
      throw new AppError(400, 'bad-request', 'the body is not JSON')
    }
    const parsed = SignIn.safeParse(raw)
    if (!parsed.success) throw new AppError(400, 'bad-request', 'send {"token": "bw_…"}')
    const grant = await authenticateToken(db, parsed.data.token.trim())
    if (!grant) throw unauthorized('the token is unknown or revoked, or its user is disabled')
    const previous = sessionCookie(c)
    if (previous) await endSession(db, previous)
    const session = await createSession(db, grant.principal, grant.tokenId)
    setSessionCookie(c, session.id)
    const body: ApiSession = {
      user: { name: grant.principal.name, role: grant.principal.role },
      csrfToken: session.csrfToken,
      publicRead: options.publicRead,
    }
    return c.json(body, 200, NO_STORE)
  })

  app.delete(SESSION_PATH, async (c) => {
    const id = sessionCookie(c)
    if (id) {
      const session = await readSession(c, db)
      if (session) checkCsrf(c, session)
      await endSession(db, id)
      clearSessionCookie(c)
    }
    const body: ApiSession = { user: null, csrfToken: null, publicRead: options.publicRead }
    return c.json(body, 200, NO_STORE)
  })
}
