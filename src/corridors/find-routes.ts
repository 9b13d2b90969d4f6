/**
 * The routing core: routes from A to B on a date through crossings open for the traffic asked and
 * held as asked, and when there is none, which crossings block the candidate routes. A pure
 * function of the network, the crossing timelines and the query: no database, no clock.
 */
import type {
  BlockedRoute,
  RouteCrossing,
  RouteOption,
  RoutePlace,
  Traffic,
} from '../model/route.js'
import type { ActorDirectory } from './actor-directory.js'
import {
  crossingState,
  type ControllerRule,
  type CrossingState,
  type CrossingTimelines,
} from './crossing-state.js'
import { greatCircleKm } from '../places/great-circle.js'
import { kShortestPaths, type GraphPath, type PathSearch } from './k-shortest-paths.js'
import type { RoadEdge, RoadNetwork, RoadNode } from './road-network.js'

/**
 * Added to a candidate route's length for each blocked crossing it passes (half on each road in and
 * out), so that why-not candidates come with the fewest blockers first, then shortest first.
 */
const BLOCKED_PENALTY_KM = 1_000_000

/** A route question with every name already resolved to an id. */
export interface RouteQuery {
  /** Node ids of the network. */
  from: string
  to: string
  /** YYYY-MM-DD. */
  on: string
  traffic: Traffic
  /** Actor ids: every crossing must be held by one of them or an affiliate. Empty: no constraint. */
  via: string[]
  /** Actor ids: no crossing may be held or claimed by one of them or an affiliate. */
  avoid: string[]
  /** At most this many routes (and candidate routes when none is open). */
  k: number
  /** Count crossings no report speaks of as open (marked `assumed`). */
  assumeOpen: boolean
}

/** Open routes, or when there are none, the blocked candidates. */
export interface RouteResult {
  routes: RouteOption[]
  /** `null` when a route is open; else up to k candidates (empty when no road joins A and B). */
  whyNot: BlockedRoute[] | null
}

/** The controller rule of a query on its date. */
export function controllerRule(
  query: Pick<RouteQuery, 'via' | 'avoid' | 'on'>,
  actors: ActorDirectory,
): ControllerRule {
  return {
    via: query.via.length ? actors.affiliates(query.via, query.on) : null,
    avoid: query.avoid.length ? actors.affiliates(query.avoid, query.on) : new Set(),
    idOf: (controller) => actors.idOf(controller),
  }
}

/** Every crossing of the network in its state on the query's date, by node id. */
export function crossingStates(
  network: RoadNetwork,
  timelines: CrossingTimelines,
  query: RouteQuery,
  actors: ActorDirectory,
): Map<string, CrossingState> {
  const rule = controllerRule(query, actors)
  const states = new Map<string, CrossingState>()
  for (const id of network.crossings) {
    const crossing = network.graph.getNodeAttribute(id, 'crossing')
    if (!crossing) continue
    states.set(
      id,
      crossingState(crossing, timelines.get(id), query.on, query.traffic, rule, query.assumeOpen),
    )
  }
  return states
}

/** A network node as an answer names it. */
export function routePlace(node: RoadNode): RoutePlace {
  const { id, name, kind, countries, lat, lon } = node
  return { id, name, kind, countries, lat, lon }
}

function search(network: RoadNetwork, target: string): PathSearch<RoadEdge> {
  const { graph, detour } = network
  const goal = graph.getNodeAttributes(target)
  return {
    weight: (_, edge) => edge.km,
    estimate: (node) => {
      const n = graph.getNodeAttributes(node)
      return greatCircleKm(n.lat, n.lon, goal.lat, goal.lon) * detour
    },
  }
}

function describePath(
  network: RoadNetwork,
  path: GraphPath,
  states: Map<string, CrossingState>,
): BlockedRoute {
  const { graph } = network
  const crossings = path.nodes
    .slice(1, -1)
    .map((n) => states.get(n))
    .filter((s): s is CrossingState => s !== undefined)
  const km = path.edges.reduce((sum, e) => sum + graph.getEdgeAttribute(e, 'km'), 0)
  return {
    lengthKm: Math.round(km * 10) / 10,
    places: path.nodes.map((n) => routePlace(graph.getNodeAttributes(n))),
    legs: path.edges.map((e, i) => {
      const { road, km } = graph.getEdgeAttributes(e)
      return { from: path.nodes[i], to: path.nodes[i + 1], road, km }
    }),
    crossings: crossings.map(routeCrossing),
    blockers: crossings.filter((c) => c.reasons.length),
  }
}

function routeCrossing(s: CrossingState): RouteCrossing {
  const { id, name, countries, status, since, until, controllers, assumed, facts } = s
  return { id, name, countries, status, since, until, controllers, assumed, facts }
}

/**
 * Up to `k` routes from `query.from` to `query.to` open on `query.on`, shortest first; when none
 * is open, up to `k` candidate routes with every crossing allowed, fewest blocked crossings first
 * and then shortest, each with its blockers.
 * Crossings at the ends of a route are reached, not crossed, so their state does not matter.
 * @example findRoutes(network, trafficTimelines(facts, 'goods'), query, actorDirectory(actors))
 */
export function findRoutes(
  network: RoadNetwork,
  timelines: CrossingTimelines,
  query: RouteQuery,
  actors: ActorDirectory,
): RouteResult {
  const states = crossingStates(network, timelines, query, actors)
  const base = search(network, query.to)
  const open = kShortestPaths(network.graph, query.from, query.to, query.k, {
    ...base,
    nodeAllowed: (node) => !states.get(node)?.reasons.length,
  })
  if (open.length) {
    return {
      routes: open.map((p) => {
        const { lengthKm, places, legs, crossings } = describePath(network, p, states)
        return { lengthKm, places, legs, crossings }
      }),
      whyNot: null,
    }
  }
  const { graph } = network
  const blocked = (node: string) =>
    node !== query.from && node !== query.to && !!states.get(node)?.reasons.length
  const candidates = kShortestPaths(graph, query.from, query.to, query.k, {
    ...base,
    weight: (edge, attributes) =>
      attributes.km +
      (blocked(graph.source(edge)) || blocked(graph.target(edge)) ? BLOCKED_PENALTY_KM / 2 : 0),
  })
  return { routes: [], whyNot: candidates.map((p) => describePath(network, p, states)) }
}
