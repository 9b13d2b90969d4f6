/**
 * A full garbage collection every few hundred extracted documents. Between its own full
 * collections V8 lets garbage grow to two or three times the live heap; in a long ingest that
 * slack, not the live data (about 180 MB: gazetteers, actors, caches), sets the process's peak
 * memory. On the 6,378-page scale corpus with PGlite, one collection every 250 documents took the
 * peak from 816 to 735 MiB at the same rate (docs/scaling.md). The collector is reached the way
 * Jest's leak detector reaches it: `--expose-gc` set at run time, `gc` read from a new context.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

/** Documents between two collections. */
const EVERY = 250

let collector: (() => void) | null | undefined
let extracted = 0

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

/** Counts one extracted document and collects garbage on every {@link EVERY}th. */
export function documentExtracted(): void {
  extracted++
  if (extracted % EVERY === 0) garbageCollector()?.()
}
