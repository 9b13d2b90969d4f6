/**
 * A corridor over time: the intervals of a period in which some route from A to B was open, and
 * the status facts that opened and closed each. Routes can only change where a crossing's
 * timeline or an affiliation changes, so the question is asked once per such date.
 */
import type { StatusFact } from '../model/site.js'
import type { AvailabilityInterval, RouteCrossing } from '../model/route.js'
import type { ActorDirectory } from './actor-directory.js'
import type { CrossingTimelines } from './crossing-state.js'
import { crossingStates, findRoutes, type RouteQuery } from './find-routes.js'
import type { RoadNetwork } from './road-network.js'

const PASSABLE = new Set(['open', 'restricted'])

/**
 * The facts that started a crossing's interval in force (those dated its first day) and agree with
 * the change: `opened` keeps facts of passage or control, `closed` facts of closure or control.
 * Facts of that day that say otherwise stay in the crossing's facts, not here.
 */
function startingFacts(crossing: RouteCrossing, change: 'opened' | 'closed'): StatusFact[] {
  const first = crossing.facts.filter((f) => f.time.start === crossing.since)
  const agreeing = first.filter(
    (f) => f.status === null || PASSABLE.has(f.status) === (change === 'opened'),
  )
  return agreeing.length ? agreeing : first.length ? first : crossing.facts
}

/** The dates in (from, to] on which a route's answer can change. */
function changeDates(
  network: RoadNetwork,
  timelines: CrossingTimelines,
  query: RouteQuery,
  actors: ActorDirectory,
  period: { from: string; to: string },
): string[] {
  const dates = new Set<string>()
  for (const id of network.crossings) {
    for (const interval of timelines.get(id) ?? []) {
      dates.add(interval.start)
      if (interval.end) dates.add(interval.end)
    }
  }
  if (query.via.length || query.avoid.length) for (const d of actors.changeDates()) dates.add(d)
  return [...dates].filter((d) => d > period.from && d <= period.to).sort()
}

/**
 * The intervals of `period` (both days included) in which a route existed, each with its best
 * routes and the facts that opened and closed it. `openedBy` gives the facts that started the
 * newest state among the first route's crossings: what made the route possible, even when that was
 * before the period. `query.on` and `query.k` are ignored.
 * @example routeAvailability(network, timelines, query, actors, { from: '2019-01-01', to: '2020-12-31' })
 */
export function routeAvailability(
  network: RoadNetwork,
  timelines: CrossingTimelines,
  query: RouteQuery,
  actors: ActorDirectory,
  period: { from: string; to: string },
): AvailabilityInterval[] {
  const intervals: AvailabilityInterval[] = []
  let current: AvailabilityInterval | null = null
  let lastCrossings: RouteCrossing[] = []
  for (const on of [period.from, ...changeDates(network, timelines, query, actors, period)]) {
    const dated = { ...query, on, k: 1 }
    const [route] = findRoutes(network, timelines, dated, actors).routes
    if (!route) {
      if (current) {
        const states = crossingStates(network, timelines, dated, actors)
        current.end = on
        const last = current.routes.at(-1)
        if (last) last.end = on
        current.closedBy = lastCrossings
          .map((c) => states.get(c.id))
          .filter((s) => s !== undefined && s.reasons.length > 0)
          .flatMap((s) => startingFacts(s as RouteCrossing, 'closed'))
        current = null
      }
      continue
    }
    const ids = route.crossings.map((c) => c.id)
    if (!current) {
      const newest = route.crossings.reduce<RouteCrossing | null>(
        (best, c) => (c.since && (!best?.since || c.since > best.since) ? c : best),
        null,
      )
      current = {
        start: on,
        end: null,
        openedBy: newest ? startingFacts(newest, 'opened') : [],
        closedBy: [],
        routes: [],
      }
      intervals.push(current)
    }
    const previous = current.routes.at(-1)
    if (previous && previous.crossings.join('|') === ids.join('|')) {
      lastCrossings = route.crossings
      continue
    }
    if (previous) previous.end = on
    current.routes.push({ start: on, end: null, lengthKm: route.lengthKm, crossings: ids })
    lastCrossings = route.crossings
  }
  return intervals
}
