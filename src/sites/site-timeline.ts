/**
 * A site's timeline: intervals of one status, each starting at a fact that changed it, with the
 * controllers then claimed and every supporting or conflicting fact kept beside it.
 */
import type { SiteStatus, StatusFact, TimelineInterval } from '../model/index.js'

const STRENGTH = { asserted: 3, reported: 2, alleged: 1, claimed: 1, planned: 0, denied: 0 }

/** Builds the timeline from facts in any order; planned and denied facts do not change status. */
export function siteTimeline(facts: StatusFact[]): TimelineInterval[] {
  const sorted = [...facts].sort(
    (a, b) => a.time.start.localeCompare(b.time.start) || STRENGTH[b.modality] - STRENGTH[a.modality],
  )
  const intervals: TimelineInterval[] = []
  let controllers: string[] = []
  for (const fact of sorted) {
    const current = intervals.at(-1)
    if (fact.controller) {
      controllers = [...new Set([fact.controller, ...(fact.modality === 'asserted' ? [] : controllers)])]
    }
    const changes = fact.status !== null && STRENGTH[fact.modality] > 0
    if (!changes || (current && current.status === fact.status)) {
      if (current) {
        current.facts.push(fact)
        current.controllers = controllers
      } else if (!changes) {
        intervals.push({ status: 'unknown', start: fact.time.start, end: null, controllers, facts: [fact] })
      }
      continue
    }
    if (current) {
      if (current.start === fact.time.start && current.status === 'unknown') intervals.pop()
      else current.end = fact.time.start
    }
    const previous = intervals.at(-1)
    const carried = previous && previous.end === null ? previous.facts : []
    intervals.push({
      status: fact.status as SiteStatus,
      start: fact.time.start,
      end: null,
      controllers,
      facts: [...carried.filter((f) => f.status === null), fact],
    })
  }
  return intervals
}

/** The interval in force on `date` (YYYY-MM-DD), if any. */
export function statusOn(timeline: TimelineInterval[], date: string): TimelineInterval | null {
  return timeline.find((i) => i.start <= date && (i.end === null || date < i.end)) ?? null
}
