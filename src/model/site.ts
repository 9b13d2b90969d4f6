/** Sites (crossings first) and their status over time. */
import { z } from 'zod'
import { TimeSpan } from './time-span.js'
import { Attribution, Modality } from './event.js'

/**
 * A site's status: traffic (open, closed, restricted), control changing hands (seized, handover),
 * announced changes (planned-open, planned-close; they do not change the timeline's status), or
 * unknown when nothing has been read.
 */
export const SiteStatus = z.enum([
  'open',
  'closed',
  'restricted',
  'seized',
  'handover',
  'planned-open',
  'planned-close',
  'unknown',
])
export type SiteStatus = z.infer<typeof SiteStatus>

/** A site of the registry: a crossing from a pack, or one a user added. */
export const Site = z.object({
  id: z.string(),
  kind: z.enum(['crossing', 'base', 'site']),
  name: z.string(),
  names: z.array(z.string()),
  countries: z.array(z.string()),
  lat: z.number(),
  lon: z.number(),
  source: z.string(),
})
export type Site = z.infer<typeof Site>

/** One status fact about a site, read from one event. */
export const StatusFact = z.object({
  siteId: z.string(),
  eventId: z.string(),
  articleId: z.string(),
  /** `null` when the fact only says who controls or secures the site. */
  status: SiteStatus.nullable(),
  scope: z.enum(['people', 'goods', 'aid', 'all']),
  /** Who controls or secures the site according to this fact, when stated; several joined by "; ". */
  controller: z.string().nullable(),
  /** The controllers one by one, with the country whose side each holds when known. */
  holders: z
    .array(z.object({ id: z.string(), name: z.string(), country: z.string().nullable() }))
    .optional(),
  time: TimeSpan,
  modality: Modality,
  /** Who says so (the event's attribution). */
  source: Attribution.optional(),
  evidence: z.string(),
})
export type StatusFact = z.infer<typeof StatusFact>

/** A stretch of time in a site's timeline with the facts that support its status. */
export const TimelineInterval = z.object({
  status: SiteStatus,
  start: z.string(),
  /** `null` while the interval is still current. */
  end: z.string().nullable(),
  controllers: z.array(z.string()),
  facts: z.array(StatusFact),
  /** Facts of this interval that say otherwise (another source calls it closed): shown, not hidden. */
  conflicts: z.array(StatusFact).optional(),
})
export type TimelineInterval = z.infer<typeof TimelineInterval>
