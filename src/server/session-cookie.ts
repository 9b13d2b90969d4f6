/** The web app's session cookie: HttpOnly, SameSite=Strict, Secure over https. */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { SqlClient } from '../store/sql-client.js'
import { findSession, SESSION_TTL_MS, type Session } from '../auth/session-repository.js'

/** The cookie's name. */
export const SESSION_COOKIE = 'bw_session'

/** True when the request reached us over https (directly, or as a proxy says; it only adds Secure). */
function isHttps(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' ||
    c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  )
}

/** The cookie's value, if the request has one. */
export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined
}

/** The live session of the request's cookie, or null. */
export async function readSession(c: Context, db: SqlClient): Promise<Session | null> {
  const id = sessionCookie(c)
  return id ? findSession(db, id) : null
}

/** Sets the cookie to a new session id. */
export function setSessionCookie(c: Context, id: string): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  })
}

/** Tells the browser to forget the cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
  })
}
