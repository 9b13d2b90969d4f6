/** `GET /api/events`, `/api/clusters` and `/api/articles`: the reports and what was read from them. */
import type { Hono } from 'hono'
import type { AppEnv } from './app-env.js'
import { z } from 'zod'
import type { EventFilter, Store } from '../store/store.js'
import { EventType, Modality } from '../model/index.js'
import type { ClusterCache } from './cluster-cache.js'
import { actorIdsFor } from '../actors/actor-ids.js'
import { findSites } from '../sites/site-registry.js'
import { AppError } from './app-error.js'
import { bbox, csvOf, inBbox, isoDate, paging, parseQuery, type Bbox } from './query-params.js'

const filters = {
  type: csvOf(EventType).optional(),
  /** Alias of `type`. */
  types: csvOf(EventType).optional(),
  site: z.string().trim().min(1).optional(),
  actor: z.string().trim().min(1).optional(),
  modality: csvOf(Modality).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  bbox: bbox.optional(),
  minSources: z.coerce.number().int().min(1).max(1000).optional(),
}

const EventQuery = z.object({
  ...filters,
  q: z.string().trim().min(1).max(200).optional(),
  ...paging,
})

const ClusterQuery = z.object({
  ...filters,
  event: z.string().trim().min(1).optional(),
  ...paging,
})

const ArticleQuery = z.object({ ...paging })

async function resolveSite(store: Store, name: string): Promise<string> {
  const sites = await store.listSites()
  if (sites.some((s) => s.id === name)) return name
  const [site] = findSites(sites, name)
  if (!site) throw new AppError(404, 'not-found', `no site named "${name}"`)
  return site.id
}

function resolveActor(name: string): string[] {
  const ids = actorIdsFor(name)
  if (!ids.length)
    throw new AppError(404, 'unknown-actor', `no actor or country named "${name}" in the packs`)
  return ids
}

function overlaps(time: { start: string; end: string }, from?: string, to?: string): boolean {
  return (!from || time.end.slice(0, 10) >= from) && (!to || time.start.slice(0, 10) <= to)
}

/**
 * Registers the event, cluster and article routes on `app`.
 * @example registerEventsApi(app, store, new ClusterCache(store))
 */
export function registerEventsApi(app: Hono<AppEnv>, store: Store, cache: ClusterCache): void {
  /** The filter of an events query; minSources needs the stored source counts to be current. */
  const eventFilter = async (q: z.infer<typeof EventQuery>): Promise<EventFilter> => {
    // Every filter runs in SQL; minSources reads the source counts the cluster cache keeps in the
    // store, written again first when the events changed since.
    if (q.minSources && q.minSources > 1) await cache.ensureSources()
    return {
      types: q.type ?? q.types,
      siteId: q.site ? await resolveSite(store, q.site) : undefined,
      actorIds: q.actor ? resolveActor(q.actor) : undefined,
      modalities: q.modality,
      from: q.from,
      to: q.to,
      bbox: q.bbox as Bbox | undefined,
      text: q.q,
      minSources: q.minSources,
      limit: q.limit,
      offset: q.offset,
    }
  }

  app.get('/api/events', async (c) => {
    const list = await store.listEventsJson(
      await eventFilter(parseQuery(EventQuery, c.req.query())),
    )
    // The events come as JSON text from the database: an ApiEventList without a second pass.
    return c.body(`{"events":[${list.events.join(',')}],"total":${list.total}}`, 200, {
      'content-type': 'application/json',
    })
  })

  // The same query as /api/events, each event only as a point: a map's markers before its list.
  app.get('/api/event-points', async (c) => {
    const { points, total } = await store.listEventPointsJson(
      await eventFilter(parseQuery(EventQuery, c.req.query())),
    )
    return c.body(`{"points":${points},"total":${total}}`, 200, {
      'content-type': 'application/json',
    })
  })

  app.get('/api/clusters', async (c) => {
    const q = parseQuery(ClusterQuery, c.req.query())
    const types = q.type ?? q.types
    const siteId = q.site ? await resolveSite(store, q.site) : undefined
    const actorIds = q.actor ? new Set(resolveActor(q.actor)) : undefined
    const box = q.bbox as Bbox | undefined
    const { clusters, events } = await cache.get()
    const kept = clusters.filter((cluster) => {
      if (types && !types.includes(cluster.type)) return false
      if (siteId && cluster.siteId !== siteId) return false
      if (q.event && !cluster.eventIds.includes(q.event)) return false
      if (!overlaps(cluster.time, q.from, q.to)) return false
      if (box && !inBbox(cluster.place, box)) return false
      if (q.minSources && cluster.lineages < q.minSources) return false
      if (q.modality && !cluster.sources.some((s) => q.modality?.includes(s.modality))) return false
      if (
        actorIds &&
        !cluster.eventIds.some((id) => events.get(id)?.actors.some((a) => actorIds.has(a.id)))
      )
        return false
      return true
    })
    return c.json({ clusters: kept.slice(q.offset, q.offset + q.limit), total: kept.length })
  })

  app.get('/api/articles', async (c) => {
    const q = parseQuery(ArticleQuery, c.req.query())
    const [{ n }] = await store.db.query<{ n: number }>('select count(*)::int as n from articles')
    const articles = await store.db.query<{
      id: string
      title: string
      outlet: string | null
      url: string | null
      published: string | null
    }>(
      `select id, title, outlet, url, published from articles
       order by published desc nulls last, id limit $1 offset $2`,
      [q.limit, q.offset],
    )
    return c.json({ articles, total: n })
  })
}
