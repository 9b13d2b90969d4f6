/** Place annotations: what the geoparser reads in a text, one per place name, with its span. */
import { z } from 'zod'

/** How precisely a resolved place pins the spot: a named site down to a whole country. */
export const PlacePrecision = z.enum(['site', 'town', 'district', 'region', 'country'])
export type PlacePrecision = z.infer<typeof PlacePrecision>

/**
 * What a place name denotes. `unresolved`: recognised as a place, but in no gazetteer. `street`,
 * `landform`, `district` (and `water` without an id): a feature named by its type word ("Royal
 * Street", "Red River"), not in the gazetteer; its point, when given, is the town or county the
 * text names before it — an approximation.
 */
export const PlaceKind = z.enum([
  'crossing',
  'crossing-side',
  'base',
  'site',
  'city',
  'town',
  'county',
  'region',
  'country',
  'continent',
  'water',
  'street',
  'landform',
  'district',
  'unresolved',
])
export type PlaceKind = z.infer<typeof PlaceKind>

/**
 * Why a mention is not a place of an event (`literal: false`): an adjective ("Syrian"), a name
 * inside an organisation's ("Damascus University"), a place standing for its government
 * ("Jordan said"), or a compound modifier ("Iran-backed").
 */
export const PlaceAssociation = z.enum(['demonym', 'organisation', 'metonym', 'modifier'])
export type PlaceAssociation = z.infer<typeof PlaceAssociation>

/**
 * One place name in a text: `start`/`end` are UTF-16 offsets, as `String.prototype.slice` takes.
 *
 * A crossing that no pack knows but the text names by its type words ("the Kharlachi border
 * crossing", "the Rumichaca International Bridge", "the Zangezur Corridor") is a crossing found
 * in the text: `kind: 'crossing'`, `precision: 'site'`, no `crossingId`, `id: "found:<slug>"`
 * (the name's words before the type words, folded and joined by
 * "-": `found:kharlachi`, `found:bab-al-hawa`), `name` the phrase as written ("Kharlachi border
 * crossing"), and `lat`/`lon`/`country`/`admin1` of the place its name denotes when the gazetteer
 * has one, else null. Later mentions of the bare name ("Kharlachi is busy") carry the same id and
 * name unless the name denotes a place the parser resolved. Sites for such crossings are keyed by
 * this id.
 */
export const PlaceAnnotation = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /**
   * Gazetteer id (`geonames:<id>`, `country:<iso2>`, `crossing:<id>`, `place:<id>`,
   * `division:<ISO 3166-2>`, `us-state:<postal>` …), `found:<slug>` for a crossing found in the
   * text; null when unresolved.
   */
  id: z.string().nullable(),
  name: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** ISO 3166-1 alpha-2 code. */
  country: z.string().nullable(),
  /** First-level division: `<iso2>-<GeoNames admin1 code>` (for the US the ISO 3166-2 code). */
  admin1: z.string().nullable(),
  kind: PlaceKind,
  precision: PlacePrecision.nullable(),
  /** True when the text names the place as a location; false for adjectives and associations. */
  literal: z.boolean(),
  association: PlaceAssociation.optional(),
  /** The pack crossing the name denotes, when it denotes one (or one side of one). */
  crossingId: z.string().optional(),
  /** 0–1: how sure the recogniser and the resolver are together. */
  confidence: z.number().min(0).max(1),
})
export type PlaceAnnotation = z.infer<typeof PlaceAnnotation>
