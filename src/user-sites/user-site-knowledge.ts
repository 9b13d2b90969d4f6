/**
 * Analysts' sites as pack knowledge, so the recognisers link them in reports exactly as they link
 * pack entries. An analyst's entry with a pack entry's id replaces that entry.
 */
import type { Knowledge } from '../places/load-packs.js'
import type { PackCrossing, PackPlace, Site, SiteInput, UserSite } from '../model/index.js'
import { foldName } from '../text/fold-name.js'
import { packSites } from '../sites/site-registry.js'

/** A registry id from a name: "Torkham Gate" → "torkham-gate". */
export function siteIdOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʿʾ`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Words a crossing's name may end in ("Attari crossing", "Wagah border post"). */
const CROSSING_TAIL =
  /\s+(?:international\s+)?(?:border\s+)?(?:crossing(?:\s+point)?|checkpoint|post|gate|terminal|port of entry)$/i

/**
 * A crossing's names with their bare forms too: reports write "the Attari crossing" as the
 * name "Attari" followed by a word for a crossing, and the recognisers read it that way.
 */
function withBareForms(names: string[]): string[] {
  return names.flatMap((n) => {
    const bare = n.replace(CROSSING_TAIL, '').trim()
    return bare && bare !== n && bare.length >= 2 ? [n, bare] : [n]
  })
}

/** An analyst's crossing in the packs' shape. */
export function asPackCrossing(id: string, s: SiteInput): PackCrossing {
  const countries = [s.countries[0], s.countries[1] ?? s.countries[0]] as [string, string]
  const sides = s.sides.length
    ? s.sides.map((side) => ({ country: side.country, names: side.names, lat: s.lat, lon: s.lon }))
    : [{ country: countries[0], names: [s.name], lat: s.lat, lon: s.lon }]
  return {
    id,
    name: s.name,
    names: unique(withBareForms([s.name, ...s.names])),
    kind: s.crossingKind,
    countries,
    sides,
    lat: s.lat,
    lon: s.lon,
    traffic: s.traffic,
    source: s.source,
  }
}

/** An analyst's base or other site in the packs' shape. */
export function asPackPlace(id: string, s: SiteInput): PackPlace {
  return {
    id,
    kind: s.kind === 'base' ? 'base' : 'site',
    name: s.name,
    names: unique([s.name, ...s.names]),
    country: s.countries[0],
    lat: s.lat,
    lon: s.lon,
    source: s.source,
  }
}

/** A pack crossing as an analyst would have entered it: the starting point of an edit. */
export function crossingAsInput(c: PackCrossing): SiteInput {
  return {
    kind: 'crossing',
    name: c.name,
    names: c.names.filter((n) => n !== c.name),
    countries: [...new Set(c.countries)],
    lat: c.lat,
    lon: c.lon,
    crossingKind: c.kind,
    traffic: c.traffic,
    sides: c.sides.map((s) => ({ country: s.country, names: s.names })),
    source: c.source,
  }
}

/** A pack place (base or site) as an analyst would have entered it. */
export function placeAsInput(p: PackPlace): SiteInput {
  return {
    kind: p.kind === 'base' ? 'base' : 'site',
    name: p.name,
    names: p.names.filter((n) => n !== p.name),
    countries: [p.country],
    lat: p.lat,
    lon: p.lon,
    crossingKind: 'road',
    traffic: ['people', 'goods'],
    sides: [],
    source: p.source,
  }
}

/** `knowledge` with the analysts' sites added, each replacing a pack entry of the same id. */
export function withUserSites(knowledge: Knowledge, sites: readonly UserSite[]): Knowledge {
  if (!sites.length) return knowledge
  const ids = new Set(sites.map((s) => s.id))
  const crossings = knowledge.crossings.filter((c) => !ids.has(c.id))
  const places = knowledge.places.filter((p) => !ids.has(p.id))
  for (const s of sites) {
    if (s.site.kind === 'crossing') crossings.push(asPackCrossing(s.id, s.site))
    else places.push(asPackPlace(s.id, s.site))
  }
  return { ...knowledge, crossings, places }
}

function unique(names: string[]): string[] {
  const seen = new Set<string>()
  return names.filter((n) => {
    const k = foldName(n)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** An analyst's site as a registry entry. */
export function registryEntry(id: string, site: SiteInput): Site {
  if (site.kind === 'crossing') {
    const [entry] = packSites({
      packs: [],
      places: [],
      actors: [],
      countries: [],
      crossings: [asPackCrossing(id, site)],
    })
    return entry
  }
  const p = asPackPlace(id, site)
  return {
    id,
    kind: site.kind,
    name: p.name,
    names: p.names,
    countries: site.countries,
    lat: p.lat,
    lon: p.lon,
    source: p.source,
  }
}
