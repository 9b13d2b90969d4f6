/** Events: typed, dated, placed, attributed statements of what happened, with their evidence. */
import { z } from 'zod'
import { TimeSpan } from './time-span.js'

/** Event types borderwatch extracts (see docs/event-types.md for ACLED / PLOVER / CAMEO mapping). */
export const EventType = z.enum([
  'crossing-opened',
  'crossing-closed',
  'control-taken',
  'airstrike',
  'shelling',
  'clash',
  'deployment',
  'construction',
  'threat',
  'statement',
  'sanction',
  'agreement',
])
export type EventType = z.infer<typeof EventType>

/** Who says so: whether the report asserts the event or only relays a claim, report or allegation. */
export const Modality = z.enum(['asserted', 'reported', 'claimed', 'alleged', 'planned', 'denied'])
export type Modality = z.infer<typeof Modality>

/** An actor in an event, by role. */
export const EventActor = z.object({
  role: z.enum(['actor', 'target', 'source']),
  id: z.string(),
  name: z.string(),
  text: z.string(),
})
export type EventActor = z.infer<typeof EventActor>

/** Where an event happened, with how precisely that is known. */
export const EventPlace = z.object({
  name: z.string(),
  ref: z.string(),
  country: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  precision: z.enum(['site', 'town', 'region', 'country']),
  /** Set when the place is a crossing (or one side of one). */
  siteId: z.string().nullable(),
  text: z.string(),
})
export type EventPlace = z.infer<typeof EventPlace>

/** One event read from one article. */
export const ArticleEvent = z.object({
  id: z.string(),
  articleId: z.string(),
  type: EventType,
  modality: Modality,
  /** The words that signalled the event ("re-opened", "airstrikes"). */
  trigger: z.string(),
  time: TimeSpan,
  place: EventPlace.nullable(),
  actors: z.array(EventActor),
  /** The sentence the event was read from, and its offsets in the article text. */
  sentence: z.string(),
  evidenceStart: z.number().int(),
  evidenceEnd: z.number().int(),
  /** For status-bearing events: which traffic the change applies to. */
  scope: z.enum(['people', 'goods', 'aid', 'all']).nullable(),
})
export type ArticleEvent = z.infer<typeof ArticleEvent>
