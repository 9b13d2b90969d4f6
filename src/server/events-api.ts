/** `GET /api/events`, `/api/clusters` and `/api/articles`: the reports and what was read from them. */
import type { Hono } from 'hono'
import type { AppEnv } from './app-env.js'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import { EventType, Modality, type ApiEvent, type ApiEventList } from '../model/index.js'
import { clusterEvents } from '../clusters/cluster-events.js'
import type { EventCluster } from '../model/index.js'
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

/** Every event clustered once, kept until the store's counts change or the app ingests. */
export class ClusterCache {
  private key = ''
  private value: {
    events: Map<string, ApiEvent>
    clusters: EventCluster[]
    byEvent: Map<string, EventCluster>
  } | null = null

  constructor(private readonly store: Store) {}

  /** Forgets the clusters (after an ingest). */
  invalidate(): void {
    this.value = null
  }

  /** The clusters of every stored event, and which cluster each event is in. */
  async get(): Promise<NonNullable<ClusterCache['value']>> {
    const c = await this.store.counts()
    const key = `${c.documents}/${c.articles}/${c.events}/${await this.store.reviewRevision()}`
    if (this.value && key === this.key) return this.value
    const { events } = await this.store.listEvents({ limit: 10_000_000 })
    const clusters = clusterEvents(events, await this.store.clusterOverrides())
    const byEvent = new Map<string, EventCluster>()
    for (const cluster of clusters) for (const id of cluster.eventIds) byEvent.set(id, cluster)
    this.value = { events: new Map(events.map((e) => [e.id, e])), clusters, byEvent }
    this.key = key
    return this.value
  }

  /** The events whose cluster has at least `min` independent sources (lineages). */
  async eventIdsWithSources(min: number): Promise<string[]> {
    const { clusters } = await this.get()
    return clusters.filter((c) => c.lineages >= min).flatMap((c) => c.eventIds)
  }
}

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
  app.get('/api/events', async (c) => {
    const q = parseQuery(EventQuery, c.req.query())
    // Every filter runs in SQL; minSources needs the clusters, which are computed in memory (and
    // cached), so it becomes the list of events whose cluster has that many independent sources.
    const list: ApiEventList = await store.listEvents({
      types: q.type ?? q.types,
      siteId: q.site ? await resolveSite(store, q.site) : undefined,
      actorIds: q.actor ? resolveActor(q.actor) : undefined,
      modalities: q.modality,
      from: q.from,
      to: q.to,
      bbox: q.bbox as Bbox | undefined,
      text: q.q,
      ids:
        q.minSources && q.minSources > 1
          ? await cache.eventIdsWithSources(q.minSources)
          : undefined,
      limit: q.limit,
      offset: q.offset,
    })
    return c.json(list)
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
