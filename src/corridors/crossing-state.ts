/**
 * A crossing's state for one kind of traffic on one date: its timeline interval, whether it can be
 * crossed, and if not every reason why.
 */
import type { SiteStatus, StatusFact, TimelineInterval } from '../model/site.js'
import type { BlockReason, RouteCrossing, Traffic } from '../model/route.js'
import { siteTimeline, statusOn } from '../sites/site-timeline.js'
import type { CrossingInfo } from './road-network.js'

/** Statuses one can cross in; restricted ones are shown as such on the route. */
const PASSABLE = new Set<SiteStatus>(['open', 'restricted'])

/** Timelines of the crossings for one kind of traffic, by site id. */
export type CrossingTimelines = ReadonlyMap<string, TimelineInterval[]>

/**
 * Each site's timeline built only from the facts that concern `traffic`: those scoped to it or to
 * all traffic, and who-holds-it facts. A crossing closed to UN aid stays open for goods.
 * @example trafficTimelines(await store.statusFacts(), 'goods').get('albukamal-al-qaim')
 */
export function trafficTimelines(facts: StatusFact[], traffic: Traffic): CrossingTimelines {
  const bySite = new Map<string, StatusFact[]>()
  for (const f of facts) {
    if (f.status !== null && f.scope !== 'all' && f.scope !== traffic) continue
    const list = bySite.get(f.siteId)
    if (list) list.push(f)
    else bySite.set(f.siteId, [f])
  }
  return new Map([...bySite].map(([site, list]) => [site, siteTimeline(list)]))
}

/** The controllers constraint of a query, as sets of actor ids in force on the date. */
export interface ControllerRule {
  /** Ids allowed to hold each crossing (the asked actors and their affiliates); null: any. */
  via: Set<string> | null
  /** Ids no crossing may be held or claimed by. */
  avoid: Set<string>
  /** The pack actor id of a controller as the timeline lists it. */
  idOf: (controller: string) => string | null
}

/** A crossing on the date, with the reasons it blocks (none when it can be crossed). */
export interface CrossingState extends RouteCrossing {
  reasons: BlockReason[]
  explanation: string
}

/** Whether the crossings pack says the crossing carries `traffic`; aid convoys travel as goods. */
export function carries(crossing: CrossingInfo, traffic: Traffic): boolean {
  return (
    crossing.traffic.includes(traffic) || (traffic === 'aid' && crossing.traffic.includes('goods'))
  )
}

/**
 * The state of `crossing` on `date`. It can be crossed when the pack says it carries the traffic,
 * its status is open or restricted (or unknown and `assumeOpen`), and its controllers satisfy
 * the rule: one of them among `via` when given, none among `avoid`. Claimed controllers count.
 */
export function crossingState(
  crossing: CrossingInfo,
  timeline: TimelineInterval[] | undefined,
  date: string,
  traffic: Traffic,
  rule: ControllerRule,
  assumeOpen: boolean,
): CrossingState {
  const interval = statusOn(timeline ?? [], date)
  const status: SiteStatus = interval?.status ?? 'unknown'
  const controllers = interval?.controllers ?? []
  const reasons: BlockReason[] = []
  const why: string[] = []
  const since = interval ? ` since ${interval.start}` : ''
  if (!carries(crossing, traffic)) {
    reasons.push('traffic')
    why.push(`carries ${crossing.traffic.join(' and ')} only, not ${traffic}`)
  }
  const known = status !== 'unknown'
  if (known && !PASSABLE.has(status)) {
    reasons.push('status')
    why.push(`${status}${since}`)
  }
  if (!known && !assumeOpen) {
    reasons.push('no-status')
    why.push(interval ? `status unknown${since}` : `no report states its status on ${date}`)
  }
  const ids = controllers.map(rule.idOf)
  if (rule.via && !controllers.length) {
    reasons.push('no-controller')
    why.push('no report says who holds it')
  } else if (rule.via && !ids.some((id) => id !== null && rule.via?.has(id))) {
    reasons.push('controller')
    why.push(`held by ${controllers.join(', ')}${since}`)
  }
  const avoided = controllers.filter((_, i) => ids[i] !== null && rule.avoid.has(ids[i] as string))
  if (avoided.length) {
    reasons.push('avoided-controller')
    why.push(`held by ${avoided.join(', ')}${since}`)
  }
  return {
    id: crossing.id,
    name: crossing.name,
    countries: crossing.countries,
    status,
    since: interval?.start ?? null,
    until: interval?.end ?? null,
    controllers,
    assumed: !known && assumeOpen && !reasons.length,
    facts: interval?.facts ?? [],
    reasons,
    explanation: why.join('; '),
  }
}
