/**
 * Alerts: a watched site's status or controllers changed, or a new event of a watched type appeared
 * at or near a watched site. State (what was last seen) lives in the settings table, so each alert
 * is raised once.
 */
import type { ApiSite, ArticleEvent, Site } from '../model/index.js'
import type { Store } from '../store/store.js'
import { findSites } from '../sites/site-registry.js'
import { sitesWithStatus } from '../sites/site-service.js'
import { greatCircleKm } from '../places/great-circle.js'

/** What to watch. Empty `sites` watches every site; empty `types` every event type. */
export interface AlertRule {
  sites: string[]
  types: string[]
  /** Events within this distance of a watched site count as near it. */
  radiusKm: number
}

/** One alert, as sent to webhooks and printed by `alerts --json`. */
export type Alert =
  | {
      kind: 'site-changed'
      key: string
      site: { id: string; name: string }
      before: { status: string; controllers: string[] } | null
      after: { status: string; controllers: string[] }
    }
  | {
      kind: 'new-event'
      key: string
      site: { id: string; name: string }
      distanceKm: number
      event: ArticleEvent
    }

const SITE_STATE = 'alerts:site-state'
const EVENT_CURSOR = 'alerts:event-cursor'

/** A problem with an alert rule a user wrote, with a stable `code`. */
export class AlertError extends Error {
  constructor(
    readonly code: 'unknown-site' | 'delivery-failed',
    message: string,
  ) {
    super(message)
    this.name = 'AlertError'
  }
}

async function watchedSites(store: Store, names: string[]): Promise<Site[]> {
  const all = await store.listSites()
  if (!names.length) return all
  return names.flatMap((name) => {
    const found = findSites(all, name)
    if (!found.length) throw new AlertError('unknown-site', `no site called "${name}"`)
    return found
  })
}

function nearest(event: ArticleEvent, sites: Site[], radiusKm: number) {
  let best: { site: Site; km: number } | null = null
  for (const site of sites) {
    const km =
      event.place?.siteId === site.id
        ? 0
        : event.place && event.place.lat !== null && event.place.lon !== null
          ? greatCircleKm(event.place.lat, event.place.lon, site.lat, site.lon)
          : Infinity
    if (km <= radiusKm && (!best || km < best.km)) best = { site, km }
  }
  return best
}

/**
 * The alerts raised since the last call, and the new state recorded. The first call only records
 * the sites' current state and the newest event (nothing before watching began is "new").
 * @example const alerts = await findAlerts(store, { sites: ['Nassib'], types: [], radiusKm: 25 })
 */
export async function findAlerts(store: Store, rule: AlertRule): Promise<Alert[]> {
  const sites = await watchedSites(store, rule.sites)
  const alerts: Alert[] = []

  const stateText = await store.getSetting(SITE_STATE)
  const state = (stateText ? JSON.parse(stateText) : null) as Record<
    string,
    { status: string; controllers: string[] }
  > | null
  const current: ApiSite[] = await sitesWithStatus(store, undefined, sites)
  const next: Record<string, { status: string; controllers: string[] }> = { ...(state ?? {}) }
  for (const s of current) {
    const now = { status: s.status, controllers: [...s.controllers].sort() }
    const before = state?.[s.id] ?? null
    next[s.id] = now
    if (!state) continue
    if (
      before &&
      before.status === now.status &&
      before.controllers.join() === now.controllers.join()
    )
      continue
    if (!before && now.status === 'unknown') continue
    alerts.push({
      kind: 'site-changed',
      key: `site:${s.id}:${now.status}:${now.controllers.join(',')}:${before?.status ?? ''}`,
      site: { id: s.id, name: s.name },
      before,
      after: now,
    })
  }

  const cursor = await store.getSetting(EVENT_CURSOR)
  // The cursor is kept as PostgreSQL's own text of the timestamp, so no microseconds are lost.
  const rows = await store.db.query<{ data: ArticleEvent; at: string }>(
    `select e.data, a.extracted_at::text as at from events e join articles a on a.id = e.article_id
     where a.extracted_at > $1::timestamptz and e.review is distinct from 'rejected'
     order by a.extracted_at, e.id`,
    [cursor ?? '-infinity'],
  )
  let newest = cursor
  for (const r of rows) {
    newest = r.at
    if (cursor === null) continue
    const e = r.data
    if (rule.types.length && !rule.types.includes(e.type)) continue
    const near = nearest(e, sites, rule.radiusKm)
    if (!near) continue
    alerts.push({
      kind: 'new-event',
      key: `event:${e.id}`,
      site: { id: near.site.id, name: near.site.name },
      distanceKm: Math.round(near.km * 10) / 10,
      event: e,
    })
  }
  await store.setSetting(SITE_STATE, JSON.stringify(next))
  await store.setSetting(EVENT_CURSOR, newest ?? '1970-01-01T00:00:00Z')
  return alerts
}
