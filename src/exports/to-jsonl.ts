/** Events as JSON Lines: one whole event (with its article reference) per line. */
import type { ApiEvent } from '../model/index.js'

/** The stable machine interface of `export --format jsonl` (see docs/exports.md). */
export function eventsToJsonl(events: ApiEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '')
}
