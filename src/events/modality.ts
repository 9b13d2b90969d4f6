/** Who says so: reads whether a sentence asserts an event or only relays a claim or report. */
import type { EventType, Modality } from '../model/index.js'

const CUES: [Modality, RegExp][] = [
  ['denied', /\b(den(?:y|ied|ies|ying)|rejected reports)\b/i],
  ['claimed', /\b(claim(?:s|ed|ing)?)\b/i],
  [
    'alleged',
    /\b(alleged(?:ly)?|allegations?|reportedly|purported(?:ly)?|ostensibly|unconfirmed|rumou?red|suspected)\b/i,
  ],
  [
    'planned',
    /\b(will|would|plans? to|planned|is to|are to|set to|expected to|intends? to|going to)\b/i,
  ],
  [
    'reported',
    /\b(reported|according to|reports? (?:emerged|said|say|indicat\w*)|sources? (?:said|say))\b/i,
  ],
]

/**
 * The modality of an event of `type` read from `sentence`. A statement is itself asserted unless
 * only known from reports; other events take the strongest cue in the sentence.
 */
export function readModality(sentence: string, type: EventType, triggerOffset: number): Modality {
  if (type === 'statement' || type === 'threat') {
    return /\baccording to reports\b|\breportedly\b/i.test(sentence) ? 'reported' : 'asserted'
  }
  for (const [modality, re] of CUES) {
    const text = modality === 'planned' ? sentence.slice(0, triggerOffset) : sentence
    if (re.test(text)) return modality
  }
  return 'asserted'
}
