/** Corridor answers: overland routes on a date, what blocks them, and when they existed. */
import type { SiteStatus, StatusFact } from './site.js'

/** What is to cross: travellers, freight, or humanitarian convoys. */
export type Traffic = 'people' | 'goods' | 'aid'

/** A node of the road network as an answer names it. */
export interface RoutePlace {
  id: string
  name: string
  kind: 'city' | 'town' | 'port' | 'crossing'
  /** One country for a place, the two sides for a crossing. */
  countries: string[]
  lat: number
  lon: number
}

/** One road of a route, in travel order. */
export interface RouteLeg {
  from: string
  to: string
  road: string
  km: number
}

/** Why a crossing stops a route. */
export type BlockReason =
  | 'traffic' // the crossing does not carry this kind of traffic at all (crossings pack)
  | 'status' // closed, seized or handed over on the date
  | 'no-status' // no report states whether it is open on the date
  | 'no-controller' // a controller was asked for and no report says who holds it
  | 'controller' // held, but not by an asked controller or its affiliates
  | 'avoided-controller' // held (or claimed) by an avoided controller or its affiliates

/** A crossing on a route, with its state on the date and the facts behind it. */
export interface RouteCrossing {
  id: string
  name: string
  countries: string[]
  /** Status on the date; `unknown` when no report states one. */
  status: SiteStatus
  /** Start of the timeline interval in force on the date; `null` when none is. */
  since: string | null
  /** End of that interval (exclusive); `null` while it is current or when none is in force. */
  until: string | null
  /** Who holds it then; claims keep their label, e.g. "Popular Mobilization Units (claimed)". */
  controllers: string[]
  /** True when it counts as open only because `assumeOpen` was asked and nothing is known. */
  assumed: boolean
  /** The status facts of that interval: every supporting or conflicting report. */
  facts: StatusFact[]
}

/** A crossing that stops a candidate route, and why. */
export interface RouteBlocker extends RouteCrossing {
  reasons: BlockReason[]
  /** One line a person can read, e.g. "closed since 2020-02-20". */
  explanation: string
}

/** A route: places in order, its roads and the crossings it passes. */
export interface RouteOption {
  lengthKm: number
  places: RoutePlace[]
  legs: RouteLeg[]
  crossings: RouteCrossing[]
}

/** A candidate route (status ignored) and the crossings that block it. */
export interface BlockedRoute extends RouteOption {
  blockers: RouteBlocker[]
}

/** A stretch of the period in which one best route was the same. */
export interface AvailabilityRoute {
  start: string
  /** Exclusive; `null` when it lasts to the end of the period. */
  end: string | null
  lengthKm: number
  /** Crossing ids in travel order. */
  crossings: string[]
}

/** A stretch of the period in which some route existed. */
export interface AvailabilityInterval {
  start: string
  /** Exclusive; `null` when the route still existed at the end of the period. */
  end: string | null
  /** The facts that made the last crossing of the first route passable. */
  openedBy: StatusFact[]
  /** The facts that made a crossing of the last route impassable; empty when `end` is null. */
  closedBy: StatusFact[]
  routes: AvailabilityRoute[]
}

/** An actor as a query names it. */
export interface RouteActor {
  id: string
  name: string
}

/** Where an article behind a fact can be read. */
export interface RouteArticle {
  title: string | null
  outlet: string | null
  url: string | null
  published: string | null
}

/** The answer of `borderwatch route --json` and `GET /api/route` (docs/corridors.md). */
export interface RouteAnswer {
  query: {
    from: RoutePlace
    to: RoutePlace
    on: string
    traffic: Traffic
    via: RouteActor[]
    avoid: RouteActor[]
    k: number
    assumeOpen: boolean
    period: { from: string; to: string } | null
  }
  /** Up to k routes open on the date, shortest first. */
  routes: RouteOption[]
  /** When no route is open: up to k candidate routes with their blockers; otherwise `null`. */
  whyNot: BlockedRoute[] | null
  /** With a period: the intervals in which a route existed; otherwise `null`. */
  availability: AvailabilityInterval[] | null
  /** The articles the facts cite, by article id. */
  articles: Record<string, RouteArticle>
}
