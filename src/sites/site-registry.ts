/** The site registry: pack crossings as sites, and lookup of a site by any spelling of its names. */
import type { Site } from '../model/index.js'
import type { Knowledge } from '../places/load-packs.js'
import { foldName, nameKeys } from '../text/fold-name.js'

/** The sites the packs define: every crossing, with both sides' names among its own. */
export function packSites(knowledge: Knowledge): Site[] {
  return knowledge.crossings.map((c) => ({
    id: c.id,
    kind: 'crossing',
    name: c.name,
    names: [...new Set([c.name, ...c.names, ...c.sides.flatMap((s) => s.names)])],
    countries: [...c.countries],
    lat: c.lat,
    lon: c.lon,
    source: c.source,
  }))
}

/**
 * Finds sites by a name as a user types it: id, any spelling of the crossing or either side,
 * folded ("al qaim", "Al-Qa'im" and "ALQAIM" all match). Exact matches first, then prefixes.
 */
export function findSites(sites: Site[], query: string): Site[] {
  const q = foldName(query)
  if (!q) return []
  const exact = sites.filter(
    (s) => s.id === query || s.names.some((n) => nameKeys(n).includes(q)) || foldName(s.id) === q,
  )
  if (exact.length) return exact
  return sites.filter((s) => s.names.some((n) => nameKeys(n).some((k) => k.includes(q))))
}
