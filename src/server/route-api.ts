/** `GET /api/route`: the corridor question over HTTP, answered as `borderwatch route --json` is. */
import type { Hono } from 'hono'
import type { AppEnv } from './app-env.js'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import type { RouteAnswer } from '../model/route.js'
import { answerRoute, MAX_K, TRAFFIC } from '../corridors/route-service.js'
import { CorridorError } from '../corridors/corridor-error.js'
import { AppError } from './app-error.js'

const list = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .optional()

const RouteParams = z.object({
  origin: z.string().trim().min(1, 'name the place to start from'),
  destination: z.string().trim().min(1, 'name the place to reach'),
  on: z.string().optional(),
  traffic: z.enum(TRAFFIC as [string, ...string[]]).default('people'),
  via: list,
  avoid: list,
  k: z.coerce.number().int().min(1).max(MAX_K).default(3),
  from: z.string().optional(),
  to: z.string().optional(),
  assumeOpen: z.enum(['true', 'false', '1', '0']).optional(),
})

/** HTTP statuses of the corridor errors: names that match nothing are 404, other mistakes 400. */
const STATUS = {
  'unknown-place': 404,
  'unknown-actor': 404,
  'ambiguous-place': 400,
  'bad-query': 400,
} as const

/**
 * Registers `GET /api/route?origin=&destination=&on=&traffic=&via=&avoid=&k=&from=&to=&assumeOpen=`
 * on `app`; register it before any catch-all `/api/*` route. Errors are AppErrors, rendered by
 * the app as `{ error: { code, message } }`.
 * @example registerRouteApi(app, store)
 */
export function registerRouteApi(app: Hono<AppEnv>, store: Store): void {
  app.get('/api/route', async (c) => {
    const parsed = RouteParams.safeParse(c.req.query())
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new AppError(
        400,
        'bad-request',
        `query parameter "${issue.path.join('.')}": ${issue.message}`,
      )
    }
    const q = parsed.data
    let answer: RouteAnswer
    try {
      answer = await answerRoute(store, {
        from: q.origin,
        to: q.destination,
        on: q.on,
        traffic: q.traffic as RouteAnswer['query']['traffic'],
        via: q.via,
        avoid: q.avoid,
        k: q.k,
        assumeOpen: q.assumeOpen === 'true' || q.assumeOpen === '1',
        period: q.from || q.to ? { from: q.from, to: q.to } : undefined,
      })
    } catch (error) {
      if (error instanceof CorridorError)
        throw new AppError(STATUS[error.code], error.code, error.message)
      throw error
    }
    return c.json(answer)
  })
}
