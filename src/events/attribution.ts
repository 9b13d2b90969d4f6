/** Who says so, how sure, and how many died: what a sentence adds to the bare event. */
import type { ActorMention, Attribution } from '../model/index.js'

const SPEECH_VERB =
  '(?:said|says|say|reported|reports|claimed|claims|told|stated|announced|confirmed|alleged|wrote|quoted|cited|published|released|showed|posted)'
const UNNAMED =
  /\b(reports?|sources?|activists?|witnesses|residents|local media|state media|media reports|monitors?|observers?|officials said|an official)\b/i
const CUES =
  /\b(mysterious|unidentified|unknown|alleged(?:ly)?|reportedly|purported(?:ly)?|suspected|unconfirmed|apparent(?:ly)?|possibl[ey]|likely|rumou?red|ostensibly|unverified|could not be (?:independently )?verified)\b/gi

const MEDIA_KINDS = new Set(['media'])
const PERSON_KINDS = new Set(['person'])

function attributionKind(m: ActorMention): Attribution['kind'] {
  if (MEDIA_KINDS.has(m.actorKind)) return 'media'
  if (PERSON_KINDS.has(m.actorKind)) return 'person'
  return 'organisation'
}

/**
 * The source a sentence gives for what it reports: "according to X", "X reported that …",
 * "…, X said", or unnamed "reports"; `null` when the sentence asserts it on the outlet's word.
 */
export function findAttribution(
  sentence: string,
  sentenceStart: number,
  actors: ActorMention[],
  triggerAt: number,
): (Omit<Attribution, 'kind'> & { kind: Attribution['kind'] }) | null {
  const local = (m: ActorMention) => [m.start - sentenceStart, m.end - sentenceStart] as const
  for (const m of actors) {
    const [a, b] = local(m)
    const before = sentence.slice(Math.max(0, a - 24), a)
    const after = sentence.slice(b, b + 40)
    const according = /\b(?:according to|reported by|cited by|quoted by|via)\s+(?:the\s+)?$/i.exec(
      before,
    )
    if (according)
      return {
        kind: attributionKind(m),
        name: m.name,
        text: sentence.slice(a - according[0].length, b),
      }
    const says = new RegExp(`^\\s+(?:(?:\\w+\\s+){0,2})${SPEECH_VERB}\\b`, 'i').exec(after)
    const isSpeaker =
      says && (a < triggerAt - sentenceStart || /^[,\s]/.test(sentence.slice(b - 1)))
    if (says && isSpeaker && m.start !== triggerAt)
      return { kind: attributionKind(m), name: m.name, text: sentence.slice(a, b + says[0].length) }
  }
  const trigger = triggerAt - sentenceStart
  for (const unnamed of sentence.matchAll(new RegExp(UNNAMED.source, 'gi'))) {
    const after = sentence.slice(
      unnamed.index + unnamed[0].length,
      unnamed.index + unnamed[0].length + 40,
    )
    const before = sentence.slice(Math.max(0, unnamed.index - 16), unnamed.index)
    const speaks = new RegExp(`^\\s+(?:\\w+\\s+){0,2}${SPEECH_VERB}\\b`, 'i').test(after)
    const according = /\baccording to\s+(?:the\s+)?$/i.test(before)
    // "reports said X happened" before the event, or "…, sources said" after it.
    const governs =
      (unnamed.index < trigger &&
        (speaks || according || /^\s+(?:emerged|indicat|suggest)/i.test(after))) ||
      (unnamed.index > trigger && (speaks || according) && /[,;]\s*(?:\w+\s+){0,3}$/.test(before))
    if (governs) return { kind: 'reports', name: unnamed[1], text: unnamed[0] }
  }
  return null
}

/** The certainty cues of a sentence ("mysterious", "unidentified", "alleged"), lower-cased, once each. */
export function certaintyCues(sentence: string): string[] {
  return [...new Set([...sentence.matchAll(CUES)].map((m) => m[1].toLowerCase()))]
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  dozens: 24,
  a: 1,
}

function count(word: string): number | undefined {
  const w = word.toLowerCase().replace(/,/g, '')
  if (/^\d+$/.test(w)) return Number(w)
  return WORD_NUMBERS[w]
}

const NUMBER =
  '(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)'
const KILLED_AFTER = new RegExp(
  `\\b(?:killing|killed|leaving|left)\\s+(?:at least\\s+|about\\s+|some\\s+|around\\s+|nearly\\s+|more than\\s+)?${NUMBER}\\b(?:\\s+\\w+){0,3}?\\s*(?:dead|people|persons|civilians|soldiers|fighters|militants|members|troops|children|women|men|policemen|officers|others)?`,
  'i',
)
const KILLED_BEFORE = new RegExp(
  `\\b(?:at least\\s+|about\\s+|some\\s+|around\\s+|nearly\\s+|more than\\s+)?${NUMBER}\\s+(?:[\\w-]+\\s+){0,3}?(?:were|was|have been|had been|are)?\\s*(?:killed|dead|died|lost their lives)\\b`,
  'i',
)
const TOLL = new RegExp(`\\bdeath toll (?:\\w+\\s+){0,3}?(?:to|at|of)\\s+${NUMBER}\\b`, 'i')

/** Deaths a sentence states ("killing 6 civilians", "at least 12 were killed"), or undefined. */
export function statedFatalities(sentence: string): number | undefined {
  for (const re of [TOLL, KILLED_AFTER, KILLED_BEFORE]) {
    const m = re.exec(sentence)
    if (!m) continue
    const n = count(m[1])
    if (n !== undefined && !/wounded|injured/i.test(m[0])) return n
  }
  return undefined
}
