/** Who says so: reads whether a sentence asserts an event or only relays a claim or report. */
import type { EventType, Modality } from '../model/index.js'

/** Cues that qualify the trigger when they stand before it in its sentence. */
const CUES_BEFORE: [Modality, RegExp][] = [
  [
    'denied',
    /\b(den(?:y|ied|ies|ying)|(?:rejected|dismissed|refuted) (?:the )?(?:reports?|allegations?|claims?|accusations?|charges?))\b/i,
  ],
  [
    'negated',
    /\b(not|n't|never|no|without|neither|nor|failed to|refus(?:ed|es|ing) to|declin(?:ed|es|ing) to)\s+(?:[\w-]+\s+){0,2}$/i,
  ],
  // "demanded the withdrawal of", "rejected a call for troops to be deployed": asked for, not done.
  [
    'hypothetical',
    /\b(must|should|ought to|needs? to|ha(?:ve|s) to|demand(?:ed|s|ing)?|call(?:ed|s|ing)? for|urg(?:ed|es|ing)|appeal(?:ed|s)? for|appeals? for|request(?:ed|s|ing)?|reject(?:ed|s|ing)?|oppos(?:ed|es|ing)|press(?:ed|es|ing) for|sought|seek(?:s|ing)?)\s+(?:(?!(?:which|that|who|when|where|after|before|while|as|and|but)\b)[\w'’-]+\s+){0,6}$/i,
  ],
  // "is willing to withdraw", "threatened to shell": an intention, not (yet) an act.
  [
    'planned',
    /\b(tr(?:y|ies|ying) to|attempt(?:s|ing)? to|efforts? to|willing to|ready to|prepared to|prepar(?:es|ing) to|offer(?:ed|s|ing)? to|promis(?:ed|es|ing) to|pledg(?:ed|es|ing) to|threaten(?:ed|s|ing)? to|vow(?:ed|s|ing)? to|swor[en] to|aim(?:s|ed)? to|hop(?:es|ed) to|wants? to)\s+(?:(?!(?:which|that|who|when|where|after|before|while|as|and|but)\b)[\w'’-]+\s+){0,3}$/i,
  ],
  ['claimed', /\b(claim(?:s|ed|ing)?)\b/i],
  [
    'alleged',
    /\b(alleged(?:ly)?|allegations?|accus(?:ed|es|ing) (?:[\w'’-]+ ){0,4}?of|reportedly|purported(?:ly)?|ostensibly|unconfirmed|rumou?red|suspected)\b/i,
  ],
  [
    'hypothetical',
    /\b(could|might|may|possibl[ey]|potential(?:ly)?|in case|would have|unless|if|whether)\b[^,;]{0,50}$/,
  ],
  [
    'planned',
    /\b(will|would|plans? to|planned|is to|are to|was to|were to|set to|expected to|intend(?:s|ed)? to|going to|supposed to|(?:is|are|was|were) due to|scheduled to)\b/i,
  ],
  [
    'reported',
    /\b(reported|according to|reports? (?:emerged|said|say|indicat\w*)|sources? (?:said|say))\b/i,
  ],
]

/** An event called off after its trigger: "the opening of the crossing was put off". */
const CALLED_OFF_AFTER =
  /^[\p{L}-]*\s+(?:[\p{L}’'-]+\s+){0,5}?(?:was|were|has been|have been|had been|is|are|got)\s+(?:\w+\s+)?(?:put off|postponed|delayed|called off|cancel+ed|suspended|blocked|halted|shelved)\b/iu

/** Attribution after the trigger: "…, the Observatory said", "according to activists". */
const ATTRIBUTION_AFTER =
  /\b(according to|reportedly)\b|,\s*(?:[\p{L}’'-]+\s+){0,5}(?:said|says|reported|claimed|told)\b/iu

/**
 * The modality of an event of `type` whose trigger starts at `triggerOffset` in `sentence`.
 * A statement is itself asserted unless only known from reports; other events take the strongest
 * cue before the trigger, or an attribution after it.
 */
export function readModality(sentence: string, type: EventType, triggerOffset: number): Modality {
  if (type === 'statement' || type === 'threat') {
    return /\baccording to reports\b|\breportedly\b/i.test(sentence) ? 'reported' : 'asserted'
  }
  const before = sentence.slice(0, triggerOffset)
  if (CALLED_OFF_AFTER.test(sentence.slice(triggerOffset))) return 'negated'
  for (const [modality, re] of CUES_BEFORE) if (re.test(before)) return modality
  const after = sentence.slice(triggerOffset)
  if (ATTRIBUTION_AFTER.test(after)) {
    return /\bclaim/i.test(after)
      ? 'claimed'
      : /\breportedly\b/i.test(after)
        ? 'alleged'
        : 'reported'
  }
  return 'asserted'
}
