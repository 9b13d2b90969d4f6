/** Splits article text into sentences with offsets, minding abbreviations such as "U.S." and "Sept.". */

/** A sentence and its offsets in the article text. */
export interface Sentence {
  text: string
  start: number
  end: number
}

const ABBREVIATIONS =
  /(?:\b(?:U\.S|U\.K|U\.N|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|Rep|Sen|Gov|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|vs|etc|i\.e|e\.g)|\b[A-Z])\.$/

/** Splits text at sentence ends and paragraph breaks. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  const push = (end: number) => {
    const raw = text.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed)
      out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length })
    start = end
  }
  const re = /([.!?]["'”’)]?)(\s+)(?=["'“‘(]?[\p{Lu}\p{N}])|\n\s*\n/gu
  for (const m of text.matchAll(re)) {
    if (m[1] && ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue
    push(m.index + (m[1]?.length ?? 0))
  }
  push(text.length)
  return out
}
