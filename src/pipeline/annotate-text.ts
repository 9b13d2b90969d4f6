/** The `annotate` stage view: a text and the mentions found in it, offsets into that very text. */
import type { TimeMention, TimeValue, TimexType } from '../model/index.js'
import { recogniseTimes } from '../time/recognise-times.js'
import { dateOrderForUrl } from '../time/date-order.js'

/** A time mention as `annotate --json` prints it. */
export interface TimeAnnotation {
  start: number
  end: number
  text: string
  type: TimexType
  value: TimeValue
}

/** Everything `annotate` finds in one text. */
export interface Annotations {
  times: TimeAnnotation[]
}

/** What a text is annotated against. */
export interface AnnotateOptions {
  /** Publication date-time (ISO 8601): what "yesterday" and "on Monday" count from. */
  published: string
  /** The page's URL, whose domain hints at how numeric dates are written. */
  url?: string | null
}

/** Finds the time mentions of `text` (places, actors and events join as their stages land). */
export function annotateText(text: string, options: AnnotateOptions): Annotations {
  const times = recogniseTimes(text, {
    published: options.published,
    dateOrder: dateOrderForUrl(options.url),
  })
  return { times: times.map(timeAnnotation) }
}

function timeAnnotation(t: TimeMention): TimeAnnotation {
  const value: TimeValue = { ...t.value }
  delete value.text
  delete value.offset
  return { start: t.start, end: t.end, text: t.text, type: t.type, value }
}
