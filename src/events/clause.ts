/** Clause-level views of a sentence: where the trigger's clause starts, appositives, quotations. */

/** Words that open a new clause before a trigger ("... in 2017 when elements of KH moved"). */
const CLAUSE_OPENER =
  /(?:[;:]|\b(?:when|that|as|after|while|because|whereas|but|and then)\b|(?<![A-Z][\w-]*),\s+and\b(?=\s+(?:the\s+)?[A-Z]))\s*/gi
/** ", a group sanctioned by the US which is part of the PMU," — says who someone is, not what they did. */
const APPOSITIVE = /,\s*(?:a|an|the|which|who|whose|part of|one of)\b[^,]{0,100},/gi
/** "According to media reports, the …", "On Friday, the …": an opening phrase, not a noun an appositive describes. */
const OPENING_PHRASE =
  /^\s*(?:according to|on|in|at|(?:(?:shortly|soon|just|immediately|hours|days|minutes|weeks|moments)\s+)?(?:after|before)|during|since|as a result|in response|in turn|in return|consequently|subsequently|meanwhile|earlier|later|however|yesterday|today|overnight|early|late|last (?:week|month|year|night)|this (?:week|month|year|morning))\b[^,]{0,50}$/i

/**
 * What opens reported speech: "According to an army spokesman, …", "… the ministry said rebels …".
 * The clause after it tells the event; the words before it name the source.
 */
const REPORT_OPENER =
  /\baccording to\b[^,]{0,80},\s*|\b(?:said|says|say|reported|reports|claimed|claims|added|confirmed|announced|stated)\b(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?\s*/gi

/** Offset (within `text`) where the clause holding position `at` starts. */
export function clauseStart(text: string, at: number): number {
  let start = 0
  for (const m of text.slice(0, at).matchAll(CLAUSE_OPENER)) start = m.index + m[0].length
  return start
}

/**
 * Offset where the reported clause holding `at` starts: after "according to X," or "X said"
 * when one stands in its clause, else where the clause starts.
 */
export function reportedClauseStart(text: string, at: number): number {
  const base = clauseStart(text, at)
  let start = base
  for (const m of text.slice(base, at).matchAll(REPORT_OPENER)) start = base + m.index + m[0].length
  return start
}

/** Ranges of `text` inside appositives, which hold descriptions rather than subjects. */
export function appositiveRanges(text: string): [number, number][] {
  return [...text.matchAll(APPOSITIVE)]
    .filter((m) => !OPENING_PHRASE.test(text.slice(0, m.index)))
    .map((m) => [m.index, m.index + m[0].length])
}

/**
 * Ranges of `text` inside quotation marks that quote speech. Short quoted fragments ("scare
 * quotes" such as will “hold the security file”) stay part of the reporter's sentence.
 */
export function quotedRanges(text: string, minWords = 6): [number, number][] {
  const ranges: [number, number][] = []
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"/g)) {
    if (m[0].split(/\s+/).length >= minWords) ranges.push([m.index, m.index + m[0].length])
  }
  return ranges
}

/** True when [start, end) lies inside one of `ranges`. */
export function insideAny(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([a, b]) => start >= a && end <= b)
}
