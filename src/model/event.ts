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

/**
 * How the report holds the event: asserted as fact, relayed (reported, claimed, alleged), denied,
 * only planned or supposed, said not to have happened, or told as background history.
 */
export const Modality = z.enum([
  'asserted',
  'reported',
  'claimed',
  'alleged',
  'planned',
  'denied',
  'hypothetical',
  'negated',
  'background',
])
export type Modality = z.infer<typeof Modality>

/** An actor in an event, by role. */
export const EventActor = z.object({
  role: z.enum(['actor', 'target', 'source']),
  id: z.string(),
  name: z.string(),
  text: z.string(),
  /** The actor's kind from the pack ("state-forces", "armed-group", …), when known. */
  kind: z.string().optional(),
  /** The country the actor belongs to, when it belongs to one. */
  country: z.string().nullable().optional(),
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

/** Who says so: the outlet itself, a news agency or outlet it cites, a person or body, or unnamed "reports". */
export const Attribution = z.object({
  /** `analyst` for a status an analyst set by hand. */
  kind: z.enum(['outlet', 'media', 'person', 'organisation', 'reports', 'analyst']),
  /** The source's name ("SANA", "Al-Masdar", "the PMU"), or the outlet's for `outlet`. */
  name: z.string(),
  /** The words that attribute it ("Al-Masdar even reported", "according to activists"). */
  text: z.string(),
})
export type Attribution = z.infer<typeof Attribution>

/** What analysts made of an event, carried on the event itself (see docs/review.md). */
export const EventReview = z.object({
  /** The last verdict (confirmed / rejected), or `edited` when only edits were made. */
  status: z.enum(['confirmed', 'rejected', 'edited']),
  /** The fields analysts changed. */
  edited: z.array(z.string()),
  /** The corrections applied, oldest first. */
  corrections: z.array(z.string()),
  by: z.string(),
  at: z.string(),
  note: z.string().nullable(),
})
export type EventReview = z.infer<typeof EventReview>

/** One event read from one article. */
export const ArticleEvent = z.object({
  id: z.string(),
  articleId: z.string(),
  type: EventType,
  modality: Modality,
  /** The words that signalled the event ("re-opened", "airstrikes"). */
  trigger: z.string(),
  /**
   * A finer kind: control-taken `by-force` / `handover` / `security`; deployment `deploy` /
   * `withdraw` / `defect` / `form` (a new unit) / `mobilize`; crossing-opened `planned`;
   * crossing-closed `restricted`; agreement `offer`.
   */
  subtype: z.string().optional(),
  /** Who the report says the event comes from; absent when the report itself asserts it. */
  attribution: Attribution.optional(),
  /** Words that qualify how sure the report is ("mysterious", "unidentified", "alleged"). */
  cues: z.array(z.string()).optional(),
  /** Deaths the sentence states for this event. */
  fatalities: z.number().int().nonnegative().optional(),
  time: TimeSpan,
  place: EventPlace.nullable(),
  actors: z.array(EventActor),
  /** The sentence the event was read from, and its offsets in the article text. */
  sentence: z.string(),
  evidenceStart: z.number().int(),
  evidenceEnd: z.number().int(),
  /** For status-bearing events: which traffic the change applies to. */
  scope: z.enum(['people', 'goods', 'aid', 'all']).nullable(),
  /** Set when analysts confirmed, rejected or edited the event (see docs/review.md). */
  review: EventReview.optional(),
})
export type ArticleEvent = z.infer<typeof ArticleEvent>
