/**
 * Says which language an article is in, from what the page declares and what its text shows.
 * The text wins when it clearly disagrees: pages often keep a template's `lang="en"`.
 */

/** A language guess: a primary ISO 639-1 subtag, or null when nothing tells. */
export interface LanguageGuess {
  language: string | null
  source: 'declared' | 'text' | 'none'
}

const STOPWORDS: Record<string, string[]> = {
  en: 'the of and to in a is that for on was with as by it at from said were has have be are which'.split(
    ' ',
  ),
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus'.split(
    ' ',
  ),
  fr: 'le la les de des et en un une du est que pour dans qui au sur par pas plus ne se ce il'.split(
    ' ',
  ),
  es: 'el la de que y en los del se las por un para con una su al lo como más pero sus le ya'.split(
    ' ',
  ),
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas'.split(' '),
  it: 'di e il la che in un per è una del della non sono con al le si da dei nel alla anche'.split(
    ' ',
  ),
  id: 'yang dan di dari untuk dengan ini itu dalam tidak akan pada juga ke karena oleh ada'.split(
    ' ',
  ),
}

const SCRIPTS: [string, RegExp][] = [
  ['ar', /[\u0600-\u06ff]/g],
  ['he', /[\u0590-\u05ff]/g],
  ['ru', /[\u0400-\u04ff]/g],
  ['ko', /[\uac00-\ud7af]/g],
  ['ja', /[\u3040-\u30ff]/g],
  ['zh', /[\u4e00-\u9fff]/g],
]
const ANY_SCRIPT = /[\u0590-\u06ff\u0400-\u04ff\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]/

/** For each stopword, the languages it belongs to; built once. */
const STOPWORD_LANGUAGES = new Map<string, string[]>()
for (const [lang, list] of Object.entries(STOPWORDS)) {
  for (const word of list)
    STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), lang])
}
/** The longest stopword: longer words need not be looked up. */
const LONGEST_STOPWORD = Math.max(...[...STOPWORD_LANGUAGES.keys()].map((w) => w.length))

/** The language the text itself shows, or null when it is too short or unclear. */
export function languageOfText(text: string): string | null {
  const sample = text.slice(0, 20_000)
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? []
  let letters = 0
  for (const w of words) letters += w.length
  if (letters < 80) return null
  if (ANY_SCRIPT.test(sample)) {
    for (const [lang, re] of SCRIPTS) {
      if ((sample.match(re) ?? []).length / letters > 0.3) return lang
    }
  }
  const hits = new Map<string, number>()
  for (const w of words) {
    if (w.length > LONGEST_STOPWORD) continue
    const langs = STOPWORD_LANGUAGES.get(w)
    if (langs) for (const lang of langs) hits.set(lang, (hits.get(lang) ?? 0) + 1)
  }
  let best: string | null = null
  let bestShare = 0
  // Languages in the order they are listed, so that ties fall as they always did.
  for (const lang of Object.keys(STOPWORDS)) {
    const share = (hits.get(lang) ?? 0) / words.length
    if (share > bestShare) {
      best = lang
      bestShare = share
    }
  }
  return bestShare >= 0.12 ? best : null
}

/** Combines a declared language (`<html lang>`, meta tags) with the text's own evidence. */
export function detectLanguage(declared: string | null | undefined, text: string): LanguageGuess {
  const fromText = languageOfText(text)
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0] || null
  if (fromText && fromText !== primary) return { language: fromText, source: 'text' }
  if (primary) return { language: primary, source: 'declared' }
  return { language: fromText, source: fromText ? 'text' : 'none' }
}
