/** Shapes the HTTP API returns; the web app reads these and nothing from the server code. */
import type { ArticleEvent } from './event.js'
import type { Site, SiteStatus, TimelineInterval } from './site.js'

/** An event as the API lists it: the event plus the article it came from. */
export interface ApiEvent extends ArticleEvent {
  article: {
    id: string
    title: string
    outlet: string | null
    url: string | null
    published: string | null
    /** Copies of one wire story share a lineage: count them as one source. */
    lineageId: string | null
  }
}

export interface ApiEventList {
  events: ApiEvent[]
  total: number
}

/** An event as a point on a map (`GET /api/event-points`): no sentence, actors or article. */
export interface EventPoint {
  id: string
  type: ArticleEvent['type']
  /** Where it happened; null for an event without a place. */
  lon: number | null
  lat: number | null
  /** Its interval, as the event's `time.start` and `time.end`. */
  start: string
  end: string
  articleId: string
}

/** A site with its current (or as-of) status and its timeline. */
export interface ApiSite extends Site {
  status: SiteStatus
  controllers: string[]
  timeline: TimelineInterval[]
}

export interface ApiSiteList {
  asOf: string | null
  sites: ApiSite[]
}

export interface ApiArticle {
  id: string
  title: string
  outlet: string | null
  url: string | null
  published: string | null
  text: string
}

export interface ApiError {
  error: { code: string; message: string }
}
