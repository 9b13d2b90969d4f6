/** Event recognisers: the words that signal each event type, and what else a sentence must hold. */
import type { EventType } from '../model/index.js'

/** One recogniser: a trigger pattern for an event type. */
export interface Trigger {
  type: EventType
  re: RegExp
  /**
   * `crossing`: only where the sentence is about a crossing; `speaker`: needs a speaker;
   * `aircraft`: a general verb ("struck") that is an airstrike only where aircraft are named.
   */
  needs?: 'crossing' | 'speaker' | 'aircraft'
}

/** The recognisers, most specific first; a sentence yields at most one event per type and time. */
export const TRIGGERS: Trigger[] = [
  {
    type: 'crossing-opened',
    re: /(?<!\bto )\b(re-?open(?:ed|s)?\b(?! fire)|re-?opening of|open(?:ed|s)\b(?! fire)|opening of|(?:was|were|be) opened)/gi,
    needs: 'crossing',
  },
  {
    type: 'crossing-closed',
    re: /\b(clos(?:ed|es|ing|ure)|shut(?:s|ting)?(?: down)?|sealed off|sealed)\b/gi,
    needs: 'crossing',
  },
  {
    type: 'control-taken',
    re: /\b(seiz(?:ed|es|ing|ure)|captur(?:ed|es|ing)|overr(?:an|un)|t(?:ook|aken|akes?|aking) (?:over|control)|hand(?:ed|s|ing)? over|handover|hold(?:s|ing)? the security file|assum(?:ed|es) control|in control of)\b/gi,
  },
  {
    type: 'airstrike',
    re: /\b(air ?strikes?|air raids?|drone strikes?|drone attacks?|bomb(?:ed|ing|ings)|strikes? (?:by|from) (?:jets|warplanes|aircraft|drones))\b/gi,
  },
  {
    type: 'airstrike',
    re: /\b(struck|hit|targeted|pounded)\b/gi,
    needs: 'aircraft',
  },
  {
    type: 'shelling',
    re: /\b(shell(?:ed|ing)|fire[ds]? (?:a |an )?(?:rockets?|missiles?|mortars?)|rocket (?:fire|attacks?)|mortar (?:fire|rounds|attacks?)|missile attacks?)\b/gi,
  },
  { type: 'clash', re: /\b(clash(?:ed|es)?|firefights?|gunfights?|fierce fighting)\b/gi },
  {
    type: 'deployment',
    re: /\b(deploy(?:ed|s|ing|ment)?|mov(?:ed|es|ing) (?:some |its |their )?(?:units|troops|forces|fighters)|made (?:their|its) way back|sent (?:troops|reinforcements)|withdr(?:ew|awn|awal|aw))\b/gi,
  },
  {
    type: 'construction',
    re: /\b(build(?:ing|s)? (?:a |an |the )?(?:new )?(?:military )?base|construction (?:of|at)|built (?:a |an )?(?:new )?base|establish(?:ed|ing)? (?:a |an )?(?:new )?base)\b/gi,
  },
  {
    type: 'threat',
    re: /\b(threat(?:en(?:ed|s|ing)?)|vow(?:ed|s) to|to destroy|destroying)\b/gi,
    needs: 'speaker',
  },
  {
    type: 'agreement',
    re: /\b(agreed to|signed an? (?:agreement|deal)|reached an? (?:agreement|deal))\b/gi,
  },
  {
    type: 'statement',
    re: /\b(said|says|say|stressed|announced|told|stated|claimed|declared|reported|denied|accused|praised|warned|wrote)\b/gi,
    needs: 'speaker',
  },
]

/** Words that make a trigger background rather than an event: "after a month of ... airstrikes". */
export const BACKGROUND_BEFORE =
  /\b(after|amid|despite|following(?! up)|concerns? (?:about|over|that)|fears? of)\b[^,;.]{0,40}$/i

/** Words that make "struck" or "hit" an airstrike. */
export const AIRCRAFT =
  /\b(jets?|warplanes?|aircraft|drones?|air ?force|planes?|helicopters?|bombers?|air ?strikes?|air raids?)\b/i

/** A sentence that only supposes: "If the PMU holds the security file ...". */
export const HYPOTHETICAL = /^(if|unless|should|whether)\b/i
