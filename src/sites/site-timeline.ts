/**
 * A site's timeline: intervals of one status, each starting at a fact that changed it, with the
 * controllers then claimed and every supporting or conflicting fact kept beside it.
 */
import type { SiteStatus, StatusFact, TimelineInterval } from '../model/index.js'

const STRENGTH: Record<StatusFact['modality'], number> = {
  asserted: 3,
  background: 3,
  reported: 2,
  alleged: 1,
  claimed: 1,
  planned: 0,
  denied: 0,
  hypothetical: 0,
  negated: 0,
}

/** Traffic statuses say whether one can cross; control statuses say who took the site. */
const TRAFFIC = new Set(['open', 'closed', 'restricted'])

/** A status an analyst set by hand outranks what reports say of the same day. */
function byAnalyst(f: StatusFact): number {
  return f.source?.kind === 'analyst' ? 1 : 0
}

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
      STRENGTH[a.modality] - STRENGTH[b.modality] ||
      byAnalyst(a) - byAnalyst(b),
  )
  const intervals: TimelineInterval[] = []
  let controllers: string[] = []
  /** The side (country) each held name stands for; `null` for non-state or unknown. */
  const sideOf = new Map<string, string | null>()
  for (const fact of sorted) {
    const current = intervals.at(-1)
    const before = controllers
    if (fact.controller) {
      const names = fact.controller.split('; ')
      for (const n of names) {
        const holder = fact.holders?.find((h) => h.name === n)
        if (!sideOf.has(n)) sideOf.set(n, holder?.country ?? null)
      }
      const asserted = fact.modality === 'asserted' || fact.modality === 'background'
      const labelled = asserted ? names : names.map((n) => `${n} (${fact.modality})`)
      // An asserted holder replaces earlier holders of its own side and any non-state holder; a
      // holder of no known side replaces them all. A claim or report is shown beside them.
      const sides = new Set(names.map((n) => sideOf.get(n) ?? null))
      const base = (c: string) => c.replace(/ \([a-z]+\)$/, '')
      const kept = asserted
        ? sides.has(null)
          ? []
          : controllers.filter((c) => {
              const side = sideOf.get(base(c)) ?? null
              return side !== null && !sides.has(side)
            })
        : controllers
      // A name already held as fact is not repeated as a claim.
      controllers = [
        ...new Set([
          ...kept,
          ...labelled.filter((n, k) => n === names[k] || !kept.includes(names[k])),
        ]),
      ]
    }
    // "closed for years" (up to the report, from an unstated start) says what was, not what changed.
    const changes =
      fact.status !== null && STRENGTH[fact.modality] > 0 && fact.time.open !== 'start'
    const handsChanged = controllers.join('|') !== before.join('|')
    if (
      current &&
      handsChanged &&
      fact.time.start > current.start &&
      (!changes || current.status === fact.status)
    ) {
      // New hands, same status: a new interval, so each shows who held the site then.
      current.end = fact.time.start
      intervals.push({ ...current, start: fact.time.start, end: null, controllers, facts: [fact] })
      continue
    }
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
    // Who-holds-it facts of the day the status changes belong to the new interval.
    const sameDay =
      current?.facts.filter((f) => f.status === null && f.time.start === fact.time.start) ?? []
    if (current) {
      current.end = fact.time.start
      current.facts = current.facts.filter((f) => !sameDay.includes(f))
    }
    intervals.push({
      status: changes ? (fact.status as SiteStatus) : 'unknown',
      start: fact.time.start,
      end: null,
      controllers,
      facts: [...sameDay, fact],
    })
  }
  for (const i of intervals) {
    const against = i.facts.filter(
      (f) =>
        f.status !== null &&
        f.status !== i.status &&
        TRAFFIC.has(f.status) &&
        TRAFFIC.has(i.status) &&
        STRENGTH[f.modality] > 0,
    )
    if (against.length) i.conflicts = against
  }
  return intervals
}

/** The interval in force on `date` (YYYY-MM-DD), if any. */
export function statusOn(timeline: TimelineInterval[], date: string): TimelineInterval | null {
  return timeline.find((i) => i.start <= date && (i.end === null || date < i.end)) ?? null
}
