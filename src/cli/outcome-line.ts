/** One line per ingest outcome, worded as `borderwatch ingest` words them. */
import type { IngestOutcome } from '../pipeline/ingest-sources.js'

/** The line for an outcome (failed ones are for stderr). */
export function outcomeLine(o: IngestOutcome): string {
  if (o.status === 'failed') return `error: ${o.error}`
  if (o.status === 'unchanged') return `already stored: ${o.input}`
  if (o.status === 'duplicate') return `duplicate: ${o.input} (${o.note})`
  const note = o.note ? ` (${o.note})` : ''
  return `${o.status}: ${o.input} — ${o.events} events — ${o.title ?? ''}${note}`
}
