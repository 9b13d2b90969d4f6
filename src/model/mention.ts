/** Mentions: what the recognisers found in an article's text, each with its span. */
import type { TimeValue, TimexType } from './time-span.js'

/** Precision of a resolved place, from a named site down to a country. */
export type GeoPrecision = 'site' | 'town' | 'region' | 'country'

/** A place mention resolved to a gazetteer entry. */
export interface PlaceMention {
  kind: 'place'
  text: string
  start: number
  end: number
  /** Gazetteer id: `pack:<id>`, `crossing:<id>`, `geonames:<id>` or `country:<iso2>`. */
  ref: string
  name: string
  country: string | null
  lat: number
  lon: number
  precision: GeoPrecision
  /** When the name denotes a crossing or one side of one. */
  crossingId?: string
  /** True when the text is an adjective ("Syrian", "Iraqi"), not a place name. */
  demonym?: boolean
}

/** An actor mention resolved to a pack actor or a generic description. */
export interface ActorMention {
  kind: 'actor'
  text: string
  start: number
  end: number
  actorId: string
  name: string
  actorKind: string
  country: string | null
}

/** A time mention resolved to an interval (or, for an unplaced duration or recurrence, a length). */
export interface TimeMention {
  kind: 'time'
  text: string
  start: number
  end: number
  type: TimexType
  value: TimeValue
}

export type Mention = PlaceMention | ActorMention | TimeMention
