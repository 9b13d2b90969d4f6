/** Turns events at crossings into status facts: open, closed, restricted, seized, handed over, announced, and who holds it. */
import type { ArticleEvent, SiteStatus, StatusFact } from '../model/index.js'

/** Words that make an opening or closure partial: "open to aid only", "partially reopened". */
const PARTIAL =
  /\b(only|partial(?:ly)?|limited|restrict\w*|except|exempt\w*|some traffic|one[- ]way|humanitarian (?:cases|traffic|aid) only|for (?:returning|departing))\b/i
/** Kinds of actors that can control or run a site. */
const CONTROLLER_KINDS = new Set([
  'state-forces',
  'government',
  'police-or-border-guards',
  'armed-group',
  'intergovernmental',
  'unidentified',
])

/** What an event says of a site's status: a status, `null` for "who holds it" only, or nothing. */
function statusOf(event: ArticleEvent): SiteStatus | null | undefined {
  const planned = event.modality === 'planned'
  if (event.type === 'crossing-opened') {
    if (planned) return 'planned-open'
    return PARTIAL.test(event.sentence) ? 'restricted' : 'open'
  }
  if (event.type === 'crossing-closed') {
    if (planned) return 'planned-close'
    return event.subtype === 'restricted' || PARTIAL.test(event.sentence) ? 'restricted' : 'closed'
  }
  // Forces arriving at a crossing ("made their way back to the border") now hold it.
  if (event.type === 'deployment') return event.subtype === 'withdraw' ? undefined : null
  if (event.type !== 'control-taken') return undefined
  if (event.subtype === 'handover') return 'handover'
  if (event.subtype === 'security') return null
  return 'seized'
}

/** The status facts the events of one article state about sites. */
export function statusFacts(events: ArticleEvent[]): StatusFact[] {
  const facts: StatusFact[] = []
  for (const e of events) {
    const siteId = e.place?.siteId
    const status = statusOf(e)
    if (!siteId || status === undefined) continue
    if (e.modality === 'negated' || e.modality === 'hypothetical') continue
    const holders = e.actors.filter(
      (a) => a.role === 'actor' && (!a.kind || CONTROLLER_KINDS.has(a.kind)),
    )
    const controller = holders.map((a) => a.name).join('; ') || null
    if (status === null && !controller) continue
    facts.push({
      siteId,
      eventId: e.id,
      articleId: e.articleId,
      status,
      scope: e.scope ?? 'all',
      controller,
      ...(holders.length
        ? { holders: holders.map((a) => ({ id: a.id, name: a.name, country: a.country ?? null })) }
        : {}),
      time: e.time,
      modality: e.modality,
      ...(e.attribution ? { source: e.attribution } : {}),
      evidence: e.sentence,
    })
  }
  return facts
}
