/** The HTTP API and the map page, as a Hono app that tests call with `app.request()`. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import type { ApiArticle, ApiSiteList } from '../model/index.js'
import { sitesWithStatus, findSitesWithStatus } from '../sites/site-service.js'
import { eventsToGeoJson } from '../exports/to-geojson.js'
import { eventsToCsv } from '../exports/to-csv.js'
import { toJsonl } from '../exports/to-jsonl.js'
import { loadExportData } from '../exports/export-data.js'
import type { PipelineContext } from '../pipeline/extract-document.js'
import type { FetchOptions } from '../ingest/fetch-url.js'
import { registerRouteApi } from './route-api.js'
import { registerReviewApi } from './review-api.js'
import { registerSitesApi } from './sites-api.js'
import { registerEventsApi } from './events-api.js'
import { ClusterCache } from './cluster-cache.js'
import { registerIngestApi } from './ingest-api.js'
import { OPENAPI } from './openapi.js'
import { isoDate, parseQuery } from './query-params.js'
import { AppError } from './app-error.js'
import type { AppEnv } from './app-env.js'
import { authMiddleware } from './auth-middleware.js'
import { registerSessionApi } from './session-api.js'
import { RateLimiter, type RateLimit } from '../auth/rate-limiter.js'

/** The built web app. */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web')

/** Server options a user sets. */
export interface AppOptions {
  /** An online raster tile URL template for the basemap; null keeps the map offline. */
  tileUrl?: string | null
  webDir?: string
  /** The pipeline for `POST /api/ingest`; built on the first ingest when not given. */
  context?: () => PipelineContext
  /** How `POST /api/ingest` fetches URLs (private addresses are refused unless allowed here). */
  fetch?: FetchOptions
  /** Let anonymous requests read (GET/HEAD, not admin paths); writes still need a user. Off by default. */
  publicRead?: boolean
  /** Writes (POST, PUT, PATCH, DELETE) per user, or per client address when anonymous. */
  writeRateLimit?: RateLimit
  /** Sign-in attempts (`POST /api/session`) per client address. */
  signInRateLimit?: RateLimit
}

/** Writes a user may make a minute unless `writeRateLimit` says otherwise. */
export const DEFAULT_WRITE_RATE: RateLimit = { perMinute: 120 }
/** Sign-in attempts a client address may make a minute unless `signInRateLimit` says otherwise. */
export const DEFAULT_SIGN_IN_RATE: RateLimit = { perMinute: 10 }

const AsOfQuery = z.object({ asOf: isoDate.optional(), on: isoDate.optional() })

/** `asOf`, or its alias `on`. */
function asOfQuery(query: Record<string, string>): string | undefined {
  const q = parseQuery(AsOfQuery, query)
  return q.asOf ?? q.on
}

/** Builds the app over an open store. */
export function createApp(store: Store, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const publicRead = options.publicRead ?? false
  const webDir = options.webDir ?? WEB_DIR
  const clusters = new ClusterCache(store)

  app.onError((error, c) => {
    if (error instanceof AppError) {
      return c.json(
        { error: { code: error.code, message: error.message } },
        error.status,
        error.headers,
      )
    }
    console.error(error)
    return c.json({ error: { code: 'internal', message: 'internal server error' } }, 500)
  })
  app.notFound((c) =>
    c.json(
      { error: { code: 'not-found', message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  )

  app.use(
    '/api/*',
    authMiddleware(store.db, {
      publicRead,
      writeLimiter: new RateLimiter(options.writeRateLimit ?? DEFAULT_WRITE_RATE),
    }),
  )
  registerSessionApi(app, store.db, {
    publicRead,
    signInLimiter: new RateLimiter(options.signInRateLimit ?? DEFAULT_SIGN_IN_RATE),
  })

  app.get('/api/health', async (c) =>
    c.json({ ok: true, backend: store.db.backend, ...(await store.counts()) }),
  )
  app.get('/api/config', (c) => c.json({ tileUrl: options.tileUrl ?? null }))

  registerEventsApi(app, store, clusters)

  app.get('/api/sites', async (c) => {
    const asOf = asOfQuery(c.req.query())
    const body: ApiSiteList = { asOf: asOf ?? null, sites: await sitesWithStatus(store, asOf) }
    return c.json(body)
  })

  app.get('/api/sites/:name', async (c) => {
    const asOf = asOfQuery(c.req.query())
    const sites = await findSitesWithStatus(store, c.req.param('name'), asOf)
    if (!sites.length)
      throw new AppError(404, 'not-found', `no site named "${c.req.param('name')}"`)
    return c.json({ asOf: asOf ?? null, sites })
  })

  app.get('/api/articles/:id', async (c) => {
    const article = await store.getArticle(c.req.param('id'))
    if (!article) throw new AppError(404, 'not-found', `no article ${c.req.param('id')}`)
    const body: ApiArticle = {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      published: article.published,
      text: article.text,
    }
    return c.json(body)
  })

  app.get('/api/export', async (c) => {
    const { format } = parseQuery(
      z.object({ format: z.enum(['geojson', 'csv', 'jsonl']) }),
      c.req.query(),
    )
    if (format === 'jsonl')
      return c.body(toJsonl(await loadExportData(store)), 200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
      })
    const { events } = await store.listEvents({ limit: 1_000_000 })
    if (format === 'geojson') return c.json(eventsToGeoJson(events))
    return c.body(eventsToCsv(events), 200, { 'content-type': 'text/csv; charset=utf-8' })
  })

  registerRouteApi(app, store)
  registerReviewApi(app, store, () => clusters.invalidate())
  registerSitesApi(app, store, () => clusters.invalidate())
  registerIngestApi(app, store, {
    context: options.context,
    fetch: options.fetch,
    onIngested: () => clusters.invalidate(),
  })
  app.get('/openapi.json', (c) => c.json(OPENAPI))

  app.all('/api/*', () => {
    throw new AppError(404, 'not-found', 'no such API route')
  })

  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    const root = path.relative(process.cwd(), webDir) || '.'
    app.use('/*', serveStatic({ root }))
    app.get('*', serveStatic({ root, path: 'index.html' }))
  } else {
    app.get('/', (c) =>
      c.text('The map is not built yet: run `npm run build:web`, then reload this page.', 503),
    )
  }
  return app
}
