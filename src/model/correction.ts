/** Analysts' corrections: what people changed on top of what the pipeline read, and why. */
import { z } from 'zod'
import { EventActor, EventPlace, EventType, Modality } from './event.js'
import { SiteStatus } from './site.js'
import { TimePrecision } from './time-span.js'

/** What a correction does to its target. */
export const CorrectionAction = z.enum([
  'confirm',
  'reject',
  'edit',
  'merge',
  'split',
  'set-status',
])
export type CorrectionAction = z.infer<typeof CorrectionAction>

/** A time an analyst states: an interval of ISO dates at a precision. */
export const ReviewTime = z.object({
  start: z.string(),
  end: z.string(),
  precision: TimePrecision,
})
export type ReviewTime = z.infer<typeof ReviewTime>

/** The fields of an event an analyst may change. */
export const EventPatch = z
  .object({
    type: EventType,
    modality: Modality,
    time: ReviewTime,
    place: EventPlace.nullable(),
    actors: z.array(EventActor),
  })
  .partial()
export type EventPatch = z.infer<typeof EventPatch>

/** A site's status or controller set by hand, from a date on. */
export const SitePatch = z.object({
  status: SiteStatus.exclude(['unknown']).nullable(),
  scope: z.enum(['people', 'goods', 'aid', 'all']),
  controller: z.string().nullable(),
  time: ReviewTime,
})
export type SitePatch = z.infer<typeof SitePatch>

/**
 * What re-finds an event whose id changed when its report was extracted again: the article, the
 * type the pipeline gave it, its trigger and its sentence.
 */
export const EventAnchor = z.object({
  articleId: z.string(),
  type: EventType,
  trigger: z.string(),
  sentence: z.string(),
  evidenceStart: z.number().int(),
})
export type EventAnchor = z.infer<typeof EventAnchor>

/** One correction as stored. `undoneAt` is set once someone undid it; it then no longer applies. */
export interface Correction {
  id: string
  targetKind: 'event' | 'cluster' | 'site'
  /** An event id, a site id, or for clusters the event the merge or split is about. */
  targetId: string
  articleId: string | null
  action: CorrectionAction
  anchor: EventAnchor | null
  /** EventPatch for edits, SitePatch for set-status, `{ with: eventId }` for merges. */
  patch: Record<string, unknown>
  note: string | null
  source: string | null
  author: string
  createdAt: string
  undoneAt: string | null
  undoneBy: string | null
}
