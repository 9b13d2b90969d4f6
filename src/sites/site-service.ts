/** Sites with their timelines and status on a date, read from the store. */
import type { ApiSite, Site } from '../model/index.js'
import type { Store } from '../store/store.js'
import { siteTimeline, statusOn } from './site-timeline.js'
import { findSites } from './site-registry.js'

/** Every site with its timeline; status and controllers as of `asOf` (default: latest). */
export async function sitesWithStatus(
  store: Store,
  asOf?: string,
  only?: Site[],
): Promise<ApiSite[]> {
  const sites = only ?? (await store.listSites())
  const facts = await store.statusFacts()
  const bySite = new Map<string, typeof facts>()
  for (const f of facts) {
    const list = bySite.get(f.siteId)
    if (list) list.push(f)
    else bySite.set(f.siteId, [f])
  }
  return sites.map((site) => {
    const timeline = siteTimeline(bySite.get(site.id) ?? [])
    const current = asOf ? statusOn(timeline, asOf) : (timeline.at(-1) ?? null)
    return {
      ...site,
      status: current?.status ?? 'unknown',
      controllers: current?.controllers ?? [],
      timeline,
    }
  })
}

/** Sites matching a name in any spelling, with their timelines. */
export async function findSitesWithStatus(
  store: Store,
  name: string,
  asOf?: string,
): Promise<ApiSite[]> {
  const matches = findSites(await store.listSites(), name)
  return matches.length ? sitesWithStatus(store, asOf, matches) : []
}
