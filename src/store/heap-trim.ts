/**
 * A full garbage collection every few hundred write transactions of the embedded database (during
 * an ingest, one a document): PGlite's process holds the pipeline too. Between its own full collections V8 lets garbage grow to
 * two or three times the live heap (about 180 MB: gazetteers, actors, caches); in a long PGlite
 * ingest that slack, with PGlite's WebAssembly memory, set the peak: 1,234 MiB over 20,378 pages
 * without collections, 745 MiB with one every 250 documents, at the same rate (docs/scaling.md).
 * Workers on a PostgreSQL server peak near 700–850 MiB without it, and forced collections there
 * cost two workers sharing two cores about a tenth of their rate, so they do not collect. The
 * collector is reached the way Jest's leak detector reaches it: `--expose-gc` set at run time,
 * `gc` read from a new context.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

/** Write transactions between two collections. */
const EVERY = 250

let collector: (() => void) | null | undefined
let writes = 0

/** V8's full collector, or `null` when this runtime does not give it. */
export function garbageCollector(): (() => void) | null {
  if (collector !== undefined) return collector
  const exposed = (globalThis as { gc?: () => void }).gc
  if (typeof exposed === 'function') return (collector = exposed)
  try {
    v8.setFlagsFromString('--expose-gc')
    const gc: unknown = vm.runInNewContext('gc')
    collector = typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    collector = null
  }
  return collector
}

/** Counts one committed write transaction and collects garbage on every {@link EVERY}th. */
export function writeCommitted(): void {
  writes++
  if (writes % EVERY === 0) garbageCollector()?.()
}
