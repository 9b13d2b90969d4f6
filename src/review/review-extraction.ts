/** One extraction with analysts' corrections applied and its site facts read again from the result. */
import type { ArticleEvent, Correction, StatusFact } from '../model/index.js'
import { statusFacts } from '../sites/status-facts.js'
import { applyEventCorrections } from './apply-corrections.js'

/**
 * The events to store for one report and the status facts they make: rejected events stay stored
 * (to be shown and undone) but state no facts; edited events state the facts of their new values.
 * `undated` (the report shows no date) is passed on to the facts, as at extraction.
 */
export function reviewExtraction(
  events: ArticleEvent[],
  corrections: Correction[],
  options: { undated?: boolean } = {},
): { events: ArticleEvent[]; statusFacts: StatusFact[]; orphans: Correction[] } {
  const applied = applyEventCorrections(events, corrections)
  const kept = applied.events.filter((e) => e.review?.status !== 'rejected')
  return {
    events: applied.events,
    statusFacts: statusFacts(kept, options),
    orphans: applied.orphans,
  }
}
