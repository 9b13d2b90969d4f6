/** The `annotate --json` contract: one text, its mentions and events, offsets in Unicode code points. */
import type { Annotations } from '../pipeline/annotate-text.js'

/** What `borderwatch annotate --json` prints per input (see docs/cli.md). */
export interface AnnotationJson extends Annotations {
  input: string
  /** The publication date-time the relative times were resolved against. */
  published: string
  /** The text the offsets point into: the extracted article, or the input itself with `--as-is`. */
  text: string
}

/** Maps UTF-16 offsets (JavaScript's) to code-point offsets (Python's), for texts beyond the BMP. */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset
  const map = new Int32Array(text.length + 1)
  let points = 0
  for (let i = 0; i < text.length; i++) {
    map[i] = points
    const code = text.charCodeAt(i)
    if (code < 0xd800 || code > 0xdbff) points++
  }
  map[text.length] = points
  return (offset) => map[offset]
}

/** Shapes one annotated text for output, offsets counted in code points. */
export function annotationJson(
  input: string,
  published: string,
  text: string,
  annotations: Annotations,
): AnnotationJson {
  const at = codePointOffsets(text)
  return {
    input,
    published,
    text,
    times: annotations.times.map((t) => ({ ...t, start: at(t.start), end: at(t.end) })),
    places: annotations.places.map((p) => ({ ...p, start: at(p.start), end: at(p.end) })),
    actors: annotations.actors.map((a) => ({ ...a, start: at(a.start), end: at(a.end) })),
    events: annotations.events.map((e) => ({
      ...e,
      evidenceStart: at(e.evidenceStart),
      evidenceEnd: at(e.evidenceEnd),
      time: e.time.offset
        ? { ...e.time, offset: [at(e.time.offset[0]), at(e.time.offset[1])] }
        : e.time,
    })),
  }
}
