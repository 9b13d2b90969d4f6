/** A site status an analyst set by hand, as a status fact the timeline weighs like any other. */
import type { Correction, SitePatch, StatusFact } from '../model/index.js'

/** The fact a `set-status` correction states: asserted, from the analyst, with their note and source. */
export function manualStatusFact(c: Correction): StatusFact {
  const patch = c.patch as SitePatch
  const words = [c.note, c.source ? `Source: ${c.source}` : null].filter(Boolean).join(' — ')
  return {
    siteId: c.targetId,
    eventId: `manual-${c.id}`,
    articleId: '',
    status: patch.status,
    scope: patch.scope,
    controller: patch.controller,
    holders: patch.controller
      ? patch.controller.split('; ').map((name) => ({ id: `manual:${name}`, name, country: null }))
      : undefined,
    time: { ...patch.time, certainty: 'stated' },
    modality: 'asserted',
    source: { kind: 'analyst', name: c.author, text: c.source ?? c.note ?? 'set by hand' },
    evidence: words || `Set by ${c.author}`,
  }
}
