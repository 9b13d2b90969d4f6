/** One real-world happening as several reports tell it: the shape `events --clustered` and exports use. */
import type { EventPlace, EventType, Modality } from './event.js'
import type { TimeSpan } from './time-span.js'

/** One report's telling of a clustered happening. */
export interface ClusterSource {
  eventId: string
  articleId: string
  outlet: string | null
  title: string
  url: string | null
  /** Copies of one wire story share a lineage; they count as one source. */
  lineageId: string | null
  modality: Modality
  sentence: string
}

/** Events from one or more reports merged as one happening, with why they were merged. */
export interface EventCluster {
  /** `c-` and the id of the cluster's first event (by time, then id): stable as reports arrive. */
  id: string
  type: EventType
  siteId: string | null
  place: EventPlace | null
  /** The most precise time any report gives. */
  time: TimeSpan
  eventIds: string[]
  articleIds: string[]
  /** Independent sources: distinct lineages (a wire story and its copies count once). */
  lineages: number
  sources: ClusterSource[]
  /** One line per merged event: what made it the same happening. */
  why: string[]
}
