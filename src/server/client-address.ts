/** The address a request came from, as the rate limits key anonymous clients. */
import type { Context } from 'hono'
import type { IncomingMessage } from 'node:http'

/**
 * The socket's remote address under @hono/node-server; `unknown` when there is no socket (tests
 * calling `app.request()`). Forwarded-for headers are ignored: a client could forge them, so
 * behind a reverse proxy every client shares the proxy's address.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'unknown'
}
