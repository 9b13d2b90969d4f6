/**
 * A site's timeline: intervals of one status, each starting at a fact that changed it, with the
 * controllers then claimed and every supporting or conflicting fact kept beside it.
 */
import type { SiteStatus, StatusFact, TimelineInterval } from '../model/index.js'

const STRENGTH = { asserted: 3, reported: 2, alleged: 1, claimed: 1, planned: 0, denied: 0 }

/** Traffic statuses say whether one can cross; control statuses say who took the site. */
const TRAFFIC = new Set(['open', 'closed', 'restricted'])

/**
 * Builds the timeline from facts in any order; planned and denied facts do not change status.
 * On one day, a traffic fact ("closed") outranks a control fact ("seized") for the status, and a
 * stronger modality outranks a weaker one: the fact sorted last wins.
 */
export function siteTimeline(facts: StatusFact[]): TimelineInterval[] {
  const rank = (f: StatusFact) => (f.status && TRAFFIC.has(f.status) ? 1 : 0)
  const sorted = [...facts].sort(
    (a, b) =>
      a.time.start.localeCompare(b.time.start) ||
      rank(a) - rank(b) ||
      STRENGTH[a.modality] - STRENGTH[b.modality],
  )
  const intervals: TimelineInterval[] = []
  let controllers: string[] = []
  for (const fact of sorted) {
    const current = intervals.at(-1)
    if (fact.controller) {
      controllers = [
        ...new Set([fact.controller, ...(fact.modality === 'asserted' ? [] : controllers)]),
      ]
    }
    const changes = fact.status !== null && STRENGTH[fact.modality] > 0
    if (
      current &&
      (!changes || current.status === fact.status || current.start === fact.time.start)
    ) {
      // Same status, a control-only fact, or a same-day fact: kept beside the others, never hidden.
      if (changes) current.status = fact.status as SiteStatus
      current.facts.push(fact)
      current.controllers = controllers
      continue
    }
    if (current) current.end = fact.time.start
    intervals.push({
      status: changes ? (fact.status as SiteStatus) : 'unknown',
      start: fact.time.start,
      end: null,
      controllers,
      facts: [fact],
    })
  }
  return intervals
}

/** The interval in force on `date` (YYYY-MM-DD), if any. */
export function statusOn(timeline: TimelineInterval[], date: string): TimelineInterval | null {
  return timeline.find((i) => i.start <= date && (i.end === null || date < i.end)) ?? null
}
