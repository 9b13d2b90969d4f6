/**
 * Route requests as the CLI and the API receive them (names, dates, flags) checked, resolved and
 * answered: from given facts (pure), or from the store.
 */
import type { PackActor } from '../model/pack.js'
import type { StatusFact } from '../model/site.js'
import type { RouteAnswer, RouteArticle, Traffic } from '../model/route.js'
import type { Store } from '../store/store.js'
import { loadKnowledge } from '../places/load-packs.js'
import { actorDirectory } from './actor-directory.js'
import { CorridorError } from './corridor-error.js'
import { trafficTimelines } from './crossing-state.js'
import { findRoutes, routePlace, type RouteQuery } from './find-routes.js'
import { loadNetwork } from './load-network.js'
import { resolvePlace } from './resolve-place.js'
import type { RoadNetwork } from './road-network.js'
import { routeAvailability } from './route-availability.js'

/** The kinds of traffic a route can be asked for. */
export const TRAFFIC: readonly Traffic[] = ['people', 'goods', 'aid']

/** At most this many alternatives, to keep answers small and fast. */
export const MAX_K = 10

/** A route question as a user asks it: names in any spelling, dates as YYYY-MM-DD. */
export interface RouteRequest {
  from: string
  to: string
  /** Default: the end of `period`, else `today`. */
  on?: string
  /** Default: people. */
  traffic?: Traffic
  via?: string[]
  avoid?: string[]
  /** Default: 3. */
  k?: number
  assumeOpen?: boolean
  period?: { from?: string; to?: string }
}

/** What an answer is computed from. */
export interface RouteWorld {
  network: RoadNetwork
  actors: PackActor[]
  facts: StatusFact[]
}

function checkDate(value: string, what: string): string {
  const time = Date.parse(`${value}T00:00:00Z`)
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().slice(0, 10) === value
  if (!ok) throw new CorridorError('bad-query', `${what} "${value}": use a date as YYYY-MM-DD`)
  return value
}

/**
 * Checks a request and answers it from `world`; `today` (YYYY-MM-DD) is the default date.
 * Throws CorridorError for a bad date, k or traffic, an unknown or ambiguous place or actor.
 * The answer's `articles` is left empty; {@link answerRoute} fills it from the store.
 * @example routeAnswer(world, { from: 'Tehran', to: 'Beirut', on: '2019-10-01' }, '2024-01-01')
 */
export function routeAnswer(world: RouteWorld, request: RouteRequest, today: string): RouteAnswer {
  const { network } = world
  const traffic = request.traffic ?? 'people'
  if (!TRAFFIC.includes(traffic)) {
    throw new CorridorError('bad-query', `traffic "${traffic}": one of ${TRAFFIC.join(', ')}`)
  }
  const k = request.k ?? 3
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
    throw new CorridorError('bad-query', `k ${k}: a whole number from 1 to ${MAX_K}`)
  }
  let period: { from: string; to: string } | null = null
  if (request.period?.from || request.period?.to) {
    const { from, to } = request.period
    if (!from || !to) throw new CorridorError('bad-query', 'a period needs both a start and an end')
    period = { from: checkDate(from, 'period start'), to: checkDate(to, 'period end') }
    if (period.from > period.to) {
      throw new CorridorError('bad-query', `the period starts (${from}) after it ends (${to})`)
    }
  }
  const on = checkDate(request.on ?? period?.to ?? today, 'date')
  const from = resolvePlace(network, request.from)
  const to = resolvePlace(network, request.to)
  if (from.id === to.id) {
    throw new CorridorError('bad-query', `"${request.from}" and "${request.to}" are the same place`)
  }
  const actors = actorDirectory(world.actors)
  const via = (request.via ?? []).map((name) => actors.resolve(name))
  const avoid = (request.avoid ?? []).map((name) => actors.resolve(name))
  const query: RouteQuery = {
    from: from.id,
    to: to.id,
    on,
    traffic,
    via: via.map((a) => a.id),
    avoid: avoid.map((a) => a.id),
    k,
    assumeOpen: !!request.assumeOpen,
  }
  const timelines = trafficTimelines(world.facts, traffic)
  const result = findRoutes(network, timelines, query, actors)
  return {
    query: {
      from: routePlace(from),
      to: routePlace(to),
      on,
      traffic,
      via,
      avoid,
      k,
      assumeOpen: query.assumeOpen,
      period,
    },
    routes: result.routes,
    whyNot: result.whyNot,
    availability: period ? routeAvailability(network, timelines, query, actors, period) : null,
    articles: {},
  }
}

/** The article ids the facts of an answer cite. */
function citedArticles(answer: RouteAnswer): string[] {
  const ids = new Set<string>()
  const crossings = [...answer.routes, ...(answer.whyNot ?? [])].flatMap((r) => r.crossings)
  for (const c of crossings) for (const f of c.facts) ids.add(f.articleId)
  for (const b of (answer.whyNot ?? []).flatMap((r) => r.blockers))
    for (const f of b.facts) ids.add(f.articleId)
  for (const i of answer.availability ?? [])
    for (const f of [...i.openedBy, ...i.closedBy]) ids.add(f.articleId)
  return [...ids].sort()
}

/**
 * Answers a request from the store's status facts, the packs' road network and actors, with the
 * title, outlet, URL and date of every article a fact cites.
 * @example await answerRoute(store, { from: 'Tehran', to: 'Beirut', on: '2019-10-01' })
 */
export async function answerRoute(
  store: Store,
  request: RouteRequest,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<RouteAnswer> {
  const world: RouteWorld = {
    network: loadNetwork(),
    actors: loadKnowledge().actors,
    facts: await store.statusFacts(),
  }
  const answer = routeAnswer(world, request, today)
  const articles: Record<string, RouteArticle> = {}
  for (const id of citedArticles(answer)) {
    const a = await store.getArticle(id)
    if (a) articles[id] = { title: a.title, outlet: a.outlet, url: a.url, published: a.published }
  }
  return { ...answer, articles }
}
