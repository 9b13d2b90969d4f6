/** The site registry over HTTP: analysts add sites, change them and remove them. */
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import { SiteInput } from '../model/index.js'
import { addSite, editSite, removeSite, userSites } from '../user-sites/user-site-service.js'
import { SiteEditError } from '../user-sites/user-site-error.js'
import { AppError } from './app-error.js'
import type { AppEnv } from './app-env.js'

/** The body of `POST /api/sites`: a site, with an optional registry id. */
export const NewSiteBody = SiteInput.extend({ id: z.string().trim().optional() })

/** The body of `PATCH /api/sites/{name}`: the fields to change; `names` and `sides` replace. */
export const SiteChangeBody = SiteInput.partial()

function asAppError(error: unknown): never {
  if (error instanceof SiteEditError) {
    const status = error.code === 'not-found' ? 404 : error.code === 'exists' ? 409 : 400
    throw new AppError(status, error.code, error.message)
  }
  throw error
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    throw new AppError(400, 'bad-request', 'the body must be JSON')
  }
}

/**
 * Registers `POST /api/sites`, `PATCH` and `DELETE /api/sites/{name}` and `GET /api/user-sites`;
 * `onChange` runs after every change (to drop caches).
 * @example registerSitesApi(app, store, () => clusters.invalidate())
 */
export function registerSitesApi(app: Hono<AppEnv>, store: Store, onChange: () => void): void {
  const author = (c: Context<AppEnv>) => c.get('principal')?.name ?? 'anonymous'

  app.get('/api/user-sites', async (c) => c.json({ sites: await userSites(store) }))

  app.post('/api/sites', async (c) => {
    const raw = await jsonBody(c)
    const id =
      raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string'
        ? raw.id.trim()
        : undefined
    const body = raw && typeof raw === 'object' ? { ...raw, id: undefined } : raw
    const result = await addSite(store, body, author(c), id).catch(asAppError)
    onChange()
    return c.json(result, 201)
  })

  app.patch('/api/sites/:name', async (c) => {
    const raw = await jsonBody(c)
    const parsed = SiteChangeBody.strict().safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new AppError(
        400,
        'bad-request',
        `body field "${issue.path.join('.')}": ${issue.message}`,
      )
    }
    const change = Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).filter(([k]) => k in parsed.data),
    )
    const result = await editSite(
      store,
      c.req.param('name'),
      (current) => ({ ...current, ...change }),
      author(c),
    ).catch(asAppError)
    onChange()
    return c.json(result)
  })

  app.delete('/api/sites/:name', async (c) => {
    const result = await removeSite(store, c.req.param('name'), author(c)).catch(asAppError)
    onChange()
    return c.json(result)
  })
}
