/** Whether a sentence speaks of the future, so a bare "Monday" or "July" lies ahead, not behind. */

const FUTURE =
  /\b(will|won't|shall|would|'ll|going to|due to|set to|scheduled|expected to|plans? to|planned|planning|intends? to|is to|are to|upcoming|postponed|delayed until|next)\b/gi
const PAST =
  /\b(was|were|had|did|said|says|told|took|met|came|went|began|saw|held|left|fled|hit|struck|fought|seized|reported|announced|(?<!\b(?:be|been|being|is|are|am|get|gets|got)\s+)(?!(?:postponed|delayed|scheduled|planned)\b)\w{3,}ed)\b/gi

/** True for a character that ends a sentence: `.`, `!`, `?` or a line break. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10
}

function sentenceBounds(text: string, offset: number): [number, number] {
  let from = offset
  while (from > 0 && !endsSentence(text.charCodeAt(from - 1))) from--
  let to = offset
  while (to < text.length && !endsSentence(text.charCodeAt(to))) to++
  return [from, to]
}

function nearest(re: RegExp, text: string, from: number, at: number): number {
  let best = Infinity
  for (const m of text.matchAll(re)) {
    const d = Math.abs(from + m.index - at)
    if (d < best) best = d
  }
  return best
}

/**
 * True when the sentence around `offset` is about the future: a future marker ("will", "due to",
 * "scheduled") is nearer the expression than any past-tense verb.
 */
export function isFuture(text: string, offset: number): boolean {
  const [from, to] = sentenceBounds(text, offset)
  const sentence = text.slice(from, to)
  const future = nearest(FUTURE, sentence, from, offset)
  if (future === Infinity) return false
  return future < nearest(PAST, sentence, from, offset)
}
