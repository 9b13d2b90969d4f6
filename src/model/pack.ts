/** Knowledge packs: versioned JSON data (places, crossings, actors) with a source for every entry. */
import { z } from 'zod'

/** Where an entry's facts come from: a citation an analyst can check. */
export const SourceRef = z.string().min(3)

/** A point on the map in WGS84 degrees. */
export const LatLon = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
})

/** A named place of a pack: border town, region, base or other site that is not a crossing. */
export const PackPlace = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['town', 'city', 'region', 'base', 'site']),
  name: z.string(),
  /** Every spelling that should resolve to this place: English variants, Arabic, Hebrew, Turkish, Persian. */
  names: z.array(z.string()).min(1),
  /** ISO 3166-1 alpha-2 code of the country the place lies in ("PS" for Gaza / West Bank, "SY" for the Golan). */
  country: z.string().length(2),
  lat: z.number(),
  lon: z.number(),
  /** Rough radius of the place in km, so a region is not placed as precisely as a town. */
  radiusKm: z.number().positive().optional(),
  source: SourceRef,
})
export type PackPlace = z.infer<typeof PackPlace>

/** One side of a border crossing: the post or town on one country's side. */
export const CrossingSide = z.object({
  country: z.string().length(2),
  names: z.array(z.string()).min(1),
  lat: z.number(),
  lon: z.number(),
})
export type CrossingSide = z.infer<typeof CrossingSide>

/** An official land crossing (or bridge, rail crossing, corridor) between two countries. */
export const PackCrossing = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Names of the crossing as a whole ("Albukamal-Al Qaim crossing", "Qaim border crossing"). */
  names: z.array(z.string()).min(1),
  kind: z.enum(['road', 'rail', 'bridge', 'port', 'corridor']),
  countries: z.tuple([z.string().length(2), z.string().length(2)]),
  sides: z.array(CrossingSide).min(1).max(2),
  lat: z.number(),
  lon: z.number(),
  traffic: z.array(z.enum(['people', 'goods', 'aid'])).min(1),
  source: SourceRef,
  notes: z.string().optional(),
})
export type PackCrossing = z.infer<typeof PackCrossing>

/** Kinds of actor, after ACLED's actor types. */
export const ActorKind = z.enum([
  'state-forces',
  'police-or-border-guards',
  'government',
  'armed-group',
  'intergovernmental',
  'ngo',
  'media',
  'company',
  'person',
  'unidentified',
])
export type ActorKind = z.infer<typeof ActorKind>

/** A dated relation between two actors. */
export const Affiliation = z.object({
  relation: z.enum(['part-of', 'backed-by', 'allied-with', 'leads', 'member-of']),
  actor: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
})
export type Affiliation = z.infer<typeof Affiliation>

/** An actor of a pack, with every alias and spelling that should resolve to it. */
export const PackActor = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: ActorKind,
  /** ISO 3166-1 alpha-2 code, when the actor belongs to one country. */
  country: z.string().length(2).optional(),
  /** For people: their role, e.g. "Commander of the IRGC". */
  role: z.string().optional(),
  affiliations: z.array(Affiliation).default([]),
  source: SourceRef,
})
export type PackActor = z.infer<typeof PackActor>

/** A country's names and adjectives, so "Syrian" and "Iraqi" resolve to a country. */
export const PackCountry = z.object({
  iso2: z.string().length(2),
  iso3: z.string().length(3),
  /** ISO 3166-1 numeric code as world-atlas uses it for feature ids ("760" for Syria). */
  numeric: z.string().regex(/^\d{3}$/),
  name: z.string(),
  names: z.array(z.string()),
  demonyms: z.array(z.string()),
  lat: z.number(),
  lon: z.number(),
})
export type PackCountry = z.infer<typeof PackCountry>

/** A pack manifest and its contents, as loaded from `data/packs/<name>/`. */
export const PackManifest = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string(),
  licence: z.string(),
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().optional() })),
})
export type PackManifest = z.infer<typeof PackManifest>

export const PackPlaces = z.object({ places: z.array(PackPlace) })
export const PackCrossings = z.object({ crossings: z.array(PackCrossing) })
export const PackActors = z.object({ actors: z.array(PackActor) })
export const PackCountries = z.object({ countries: z.array(PackCountry) })
