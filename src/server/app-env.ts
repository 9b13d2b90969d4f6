/** The Hono environment every API module shares: the request's principal, set by the auth layer. */
import type { Principal } from '../model/index.js'

/** Variables the auth middleware sets on each request; `principal` is null for anonymous access. */
export interface AppEnv {
  Variables: { principal: Principal | null }
}
