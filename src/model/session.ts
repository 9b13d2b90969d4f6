/** The web app's view of its session, as `GET/POST/DELETE /api/session` answer it. */
import type { Role } from './principal.js'

/** The signed-in user as the page shows them. */
export interface SessionUser {
  name: string
  role: Role
}

/**
 * Who the page is signed in as (null: nobody), the CSRF token its writes must send in
 * `X-CSRF-Token` (null without a cookie session), and whether anonymous reading is allowed.
 */
export interface ApiSession {
  user: SessionUser | null
  csrfToken: string | null
  publicRead: boolean
}
