/**
 * The places events are read with, from the geoparser's annotations: adjectives kept as demonyms,
 * pack crossings and their sides linked to the crossing, and crossings the text names that no pack
 * knows kept as sites of their own (`found:<slug>`) when the parser could locate them.
 */
import type { GeoPrecision, PlaceAnnotation, PlaceMention } from '../model/index.js'
import { nameKeys } from '../text/fold-name.js'
import type { Gazetteer, GazetteerEntry } from './gazetteer.js'
import { CROSSING_WORDS, mergeCrossings } from './recognise-places.js'

/** The type word after a division's name: "Basra Governorate", "Idlib province". */
const ADMINISTRATION_AFTER =
  /^\s(?:[Gg]overnorate|[Pp]rovince|[Mm]unicipality|[Rr]egional [Gg]overnment)\b/

/** The parser's precisions as the events' four. */
const PRECISION: Record<string, GeoPrecision> = {
  site: 'site',
  town: 'town',
  district: 'town',
  region: 'region',
  country: 'country',
}

/** The entry of `kind` a name denotes ("Al-Qaim": a crossing's side), when the registry gives one. */
function registryEntry(
  text: string,
  kind: GazetteerEntry['kind'],
  g: Gazetteer,
): GazetteerEntry | undefined {
  for (const key of nameKeys(text)) {
    const entry = g.lookup(key).find((e) => e.kind === kind && e.fromPack)
    if (entry) return entry
  }
  return undefined
}

function sideOf(text: string, g: Gazetteer): GazetteerEntry | undefined {
  return registryEntry(text, 'crossing-side', g)
}

/**
 * The registry crossing a name, or the name with the crossing words after it, denotes: a site an
 * analyst added ("Wagah border crossing") is one, whatever the parser made of it.
 */
function registryCrossing(
  text: string,
  a: PlaceAnnotation,
  g: Gazetteer,
): GazetteerEntry | undefined {
  const tail = text.slice(a.end).match(CROSSING_WORDS)
  return (
    registryEntry(a.text, 'crossing', g) ??
    (tail ? registryEntry(a.text + tail[0], 'crossing', g) : undefined)
  )
}

/**
 * Turns the place annotations of `text` into the mentions events use. Names of organisations
 * ("Damascus University") and names nothing locates are left out; "Syrian", "Iran-backed" are
 * demonyms; "Albukamal and Al-Qaim" is the crossing between them.
 */
export function eventPlaces(
  text: string,
  annotations: PlaceAnnotation[],
  g: Gazetteer,
): PlaceMention[] {
  const out: PlaceMention[] = []
  for (const a of annotations) {
    if (a.association === 'organisation') continue
    const demonym = !a.literal && (a.association === 'demonym' || a.association === 'modifier')
    const base = { kind: 'place' as const, text: a.text, start: a.start, end: a.end }
    const crossing =
      (a.crossingId && a.kind === 'crossing' ? g.crossing(a.crossingId) : undefined) ??
      (demonym ? undefined : registryCrossing(text, a, g))
    const side = crossing || demonym ? undefined : sideOf(a.text, g)
    const entry = crossing ?? side
    if (entry) {
      out.push({
        ...base,
        ref: entry.ref,
        name: entry.name,
        country: entry.country,
        lat: entry.lat,
        lon: entry.lon,
        precision: entry.precision,
        crossingId: entry.crossingId,
      })
      continue
    }
    if (!a.id || !a.name || a.lat === null || a.lon === null || !a.precision) continue
    const found = a.id.startsWith('found:')
    // "Basra Governorate closed …": the division named as its administration, type word included.
    const type = a.precision === 'region' ? text.slice(a.end).match(ADMINISTRATION_AFTER) : null
    out.push({
      ...base,
      ...(type ? { text: a.text + type[0], end: a.end + type[0].length } : {}),
      ref: a.id,
      name: a.name,
      country: a.country,
      lat: a.lat,
      lon: a.lon,
      precision: found ? 'site' : PRECISION[a.precision],
      ...(found ? { crossingId: a.id } : {}),
      ...(demonym ? { demonym: true } : {}),
    })
  }
  return mergeCrossings(text, out, g)
}
