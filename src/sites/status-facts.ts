/** Turns events at crossings into status facts: open, closed, seized, handed over, and who holds it. */
import type { ArticleEvent, SiteStatus, StatusFact } from '../model/index.js'

function statusOf(event: ArticleEvent): SiteStatus | null | undefined {
  if (event.type === 'crossing-opened') return 'open'
  if (event.type === 'crossing-closed') return 'closed'
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
    const controller =
      e.type === 'control-taken' ? (e.actors.find((a) => a.role === 'actor')?.name ?? null) : null
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
