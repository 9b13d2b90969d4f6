/**
 * Cross-report merging: events of one type, at one site or nearby place, at overlapping times and
 * with compatible actors, become one cluster listing every report. Deterministic (events are taken
 * in time and id order; an event joins the first cluster every member of which it agrees with) and
 * explainable (each merge says why).
 */
import { PRECISION_RANK as RANK, type ApiEvent } from '../model/index.js'
import type { Correction, EventCluster } from '../model/index.js'
import { greatCircleKm } from '../places/great-circle.js'
import { OpenGroups, type OpenGroup } from './open-groups.js'

/** Places closer than this are one place for merging. */
const NEAR_KM = 25

function day(iso: string): string {
  return iso.slice(0, 10)
}

function actingSides(e: ApiEvent): Set<string> {
  return new Set(e.actors.filter((a) => a.role === 'actor').map((a) => a.id))
}

/** Why `b` is the same happening as `a`, or null when it is not. */
export function sameHappening(a: ApiEvent, b: ApiEvent): string | null {
  if (a.type !== b.type) return null
  let where: string
  if (a.place?.siteId && a.place.siteId === b.place?.siteId) where = `same site ${a.place.siteId}`
  else if (a.place && b.place && !(a.place.siteId && b.place.siteId)) {
    const d = greatCircleKm(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    if (d > NEAR_KM || a.place.precision === 'country' || b.place.precision === 'country')
      return null
    where = `places ${d.toFixed(0)} km apart`
  } else return null
  const [as, ae, bs, be] = [day(a.time.start), day(a.time.end), day(b.time.start), day(b.time.end)]
  if (as > be || bs > ae) return null
  // A year-long mention overlaps any day of that year: too loose to call one happening.
  if (Math.abs(RANK[a.time.precision] - RANK[b.time.precision]) > 3) return null
  const sa = actingSides(a)
  const sb = actingSides(b)
  if (sa.size && sb.size && ![...sa].some((x) => sb.has(x))) return null
  if (a.type === 'statement' || a.type === 'threat') {
    if (!sa.size || !sb.size) return null
  }
  const when =
    as === bs && ae === be ? `same time ${as}` : `times ${as}…${ae} and ${bs}…${be} overlap`
  const who = sa.size && sb.size ? ', same acting side' : ''
  return `${a.type}, ${where}, ${when}${who}`
}

/** Applies analysts' merges and splits, oldest first, to the automatic groups. */
function applyOverrides(
  groups: { members: ApiEvent[]; why: string[] }[],
  overrides: Correction[],
): void {
  const groupOf = (id: string) => groups.find((g) => g.members.some((m) => m.id === id))
  const active = overrides
    .filter((c) => c.targetKind === 'cluster' && !c.undoneAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  for (const c of active) {
    const by = `${c.author} (${c.id})${c.note ? `: ${c.note}` : ''}`
    const g = groupOf(c.targetId)
    if (!g) continue
    if (c.action === 'split' && g.members.length > 1) {
      const e = g.members.find((m) => m.id === c.targetId) as ApiEvent
      g.members = g.members.filter((m) => m !== e)
      g.why = g.why.filter((w) => !w.startsWith(`${e.id} `))
      groups.push({ members: [e], why: [`${e.id}: split off by ${by}`] })
    } else if (c.action === 'merge') {
      const other = groupOf(String(c.patch.with ?? ''))
      if (!other || other === g) continue
      g.members = [...g.members, ...other.members].sort(byTime)
      g.why.push(...other.why, `${other.members.map((m) => m.id).join(', ')}: merged by ${by}`)
      groups.splice(groups.indexOf(other), 1)
    }
  }
}

function byTime(a: ApiEvent, b: ApiEvent): number {
  return a.time.start.localeCompare(b.time.start) || a.id.localeCompare(b.id)
}

/**
 * True for an event of a report that shows no date, timed against that missing date ("on Monday",
 * or the report's own day): its time says nothing, so it cannot be merged by time.
 */
export function undatedEvent(e: ApiEvent): boolean {
  return (
    !e.article.published &&
    (e.time.certainty === 'publication' || e.time.anchor?.kind === 'publication')
  )
}

/** Decisions, plans and wishes: not themselves the happening a report of it may tell. */
const NOT_DONE = new Set(['planned', 'hypothetical', 'negated', 'denied'])

/**
 * Where an undated event goes: the one cluster of its type at its site that tells a happening
 * (not only its plan), with compatible actors. With none or several, it stays on its own.
 */
function undatedHome(e: ApiEvent, groups: OpenGroup[]): { group: OpenGroup; why: string } | null {
  const site = e.place?.siteId
  if (!site) return null
  const sides = actingSides(e)
  const homes = groups.filter((g) => {
    const dated = g.members.filter((m) => !undatedEvent(m))
    return (
      dated.length > 0 &&
      dated[0].type === e.type &&
      dated.every((m) => m.place?.siteId === site) &&
      dated.some((m) => !NOT_DONE.has(m.modality)) &&
      dated.every((m) => {
        const other = actingSides(m)
        return !sides.size || !other.size || [...sides].some((x) => other.has(x))
      })
    )
  })
  if (homes.length !== 1) return null
  return {
    group: homes[0],
    why: `${e.type}, same site ${site}, undated report: the only ${e.type} happening known at this site`,
  }
}

/**
 * Merges events that tell one happening into clusters (singletons included), then applies the
 * merges and splits analysts made (`overrides`: cluster corrections). Events of undated reports
 * join afterwards, each only where one cluster can be meant.
 */
export function clusterEvents(events: ApiEvent[], overrides: Correction[] = []): EventCluster[] {
  const sorted = [...events].filter((e) => !undatedEvent(e)).sort(byTime)
  const groups: OpenGroup[] = []
  const open = new OpenGroups(NEAR_KM)
  for (const e of sorted) {
    let joined = false
    for (const g of open.candidates(e)) {
      const reasons = g.members.map((m) => sameHappening(m, e))
      if (reasons.every((r) => r !== null)) {
        g.members.push(e)
        g.why.push(`${e.id} (${e.article.outlet ?? e.article.id}): ${reasons[0]}`)
        open.joined(g, e)
        joined = true
        break
      }
    }
    if (!joined) {
      const group: OpenGroup = { members: [e], why: [] }
      groups.push(group)
      open.add(group)
    }
  }
  const dated = [...groups]
  for (const e of events.filter(undatedEvent).sort(byTime)) {
    const home = undatedHome(e, dated)
    if (home) {
      home.group.members.push(e)
      home.group.why.push(`${e.id} (${e.article.outlet ?? e.article.id}): ${home.why}`)
    } else groups.push({ members: [e], why: [] })
  }
  applyOverrides(groups, overrides)
  groups.sort((a, b) => byTime(a.members[0], b.members[0]))
  return groups.map(({ members, why }) => {
    const first = members[0]
    const timed = members.filter((m) => !undatedEvent(m))
    const finest = [...(timed.length ? timed : members)].sort(
      (a, b) =>
        RANK[a.time.precision] - RANK[b.time.precision] || a.time.start.localeCompare(b.time.start),
    )[0]
    const articleIds = [...new Set(members.map((m) => m.article.id))]
    const lineages = new Set(members.map((m) => m.article.lineageId ?? m.article.id))
    return {
      id: `c-${first.id}`,
      type: first.type,
      siteId: members.find((m) => m.place?.siteId)?.place?.siteId ?? null,
      place: members.find((m) => m.place?.siteId)?.place ?? first.place,
      time: finest.time,
      eventIds: members.map((m) => m.id),
      articleIds,
      lineages: lineages.size,
      sources: members.map((m) => ({
        eventId: m.id,
        articleId: m.article.id,
        outlet: m.article.outlet,
        title: m.article.title,
        url: m.article.url,
        lineageId: m.article.lineageId,
        modality: m.modality,
        sentence: m.sentence,
      })),
      why,
    }
  })
}
