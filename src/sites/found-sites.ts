/**
 * Sites for crossings a report names that no pack knows ("the Kharlachi border crossing"): made at
 * ingest, so the status facts read about them have a site to belong to. Only crossings the
 * geoparser could locate become sites; the registry keeps them apart from pack and analysts' sites
 * by their origin (`text`) and their ids (`found:<slug>`).
 */
import type { ArticleEvent, Site } from '../model/index.js'

/** The origin of sites found in reports' text. */
export const FOUND_ORIGIN = 'text'

/** True for the id of a crossing found in a report's text. */
export function isFoundSite(id: string | null | undefined): boolean {
  return Boolean(id?.startsWith('found:'))
}

/** The found crossings the events of one report take place at, as registry sites. */
export function foundSites(events: ArticleEvent[], source: string): Site[] {
  const sites = new Map<string, Site>()
  for (const e of events) {
    const p = e.place
    if (!p || !isFoundSite(p.siteId)) continue
    const site = sites.get(p.siteId!) ?? {
      id: p.siteId!,
      kind: 'crossing' as const,
      name: p.name,
      names: [],
      countries: p.country ? [p.country] : [],
      lat: p.lat,
      lon: p.lon,
      source: `found in the text of ${source}`,
    }
    if (!site.names.includes(p.text) && p.text !== site.name) site.names.push(p.text)
    sites.set(site.id, site)
  }
  return [...sites.values()]
}
