/** Turns events at crossings into status facts: open, closed, seized, handed over, and who holds it. */
import type { ArticleEvent, SiteStatus, StatusFact } from '../model/index.js'

/** What an event says of a site's status: a status, `null` for "who holds it" only, or nothing. */
function statusOf(event: ArticleEvent): SiteStatus | null | undefined {
  if (event.type === 'crossing-opened') return 'open'
  if (event.type === 'crossing-closed') return 'closed'
  // Forces arriving at a crossing ("made their way back to the border") now hold it.
  if (event.type === 'deployment') return /withdr/i.test(event.trigger) ? undefined : null
  if (event.type !== 'control-taken') return undefined
  if (/seiz|captur|overr|took control|taken control/i.test(event.trigger)) return 'seized'
  if (/hand/i.test(event.trigger)) return 'handover'
  return null
}

/** The status facts the events of one article state about sites. */
export function statusFacts(events: ArticleEvent[]): StatusFact[] {
  const facts: StatusFact[] = []
  for (const e of events) {
    const siteId = e.place?.siteId
    const status = statusOf(e)
    if (!siteId || status === undefined) continue
    if (e.modality === 'negated' || e.modality === 'hypothetical') continue
    const holders = e.actors.filter((a) => a.role === 'actor').map((a) => a.name)
    const controller =
      status === null || e.type === 'control-taken' ? holders.join('; ') || null : null
    if (status === null && !controller) continue
    facts.push({
      siteId,
      eventId: e.id,
      articleId: e.articleId,
      status,
      scope: e.scope ?? 'all',
      controller,
      time: e.time,
      modality: e.modality,
      evidence: e.sentence,
    })
  }
  return facts
}
