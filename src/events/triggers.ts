/**
 * Event recognisers: the words that signal each event type, what else a sentence must hold, and
 * what rules a reading out. Written from ACLED's and PLOVER's definitions of each type
 * (docs/event-types.md), not from any evaluation set.
 */
import type { EventType } from '../model/index.js'

/** One recogniser: a trigger pattern for an event type. */
export interface Trigger {
  type: EventType
  re: RegExp
  /**
   * `crossing`: only where the sentence is about a crossing; `speaker`: needs a speaker;
   * `aircraft`: a general verb ("struck") that is an airstrike only where aircraft are named;
   * `territory`: a place or a word for ground ("town", "positions") stands next to the trigger.
   */
  needs?: 'crossing' | 'speaker' | 'aircraft' | 'territory'
  /** The finer kind this trigger signals (see `ArticleEvent.subtype`). */
  subtype?: string
  /** A sentence matching this is another kind of event: the trigger does not fire there. */
  unless?: RegExp
  /** The words right after the trigger must not match this (what was seized: weapons, not a town). */
  notBefore?: RegExp
  /** The words right before the trigger must not match this ("weapons were seized"). */
  notAfter?: RegExp
}

/** Explosives that are not air or artillery fire: ACLED codes these as remote explosives, suicide bombs or grenades. */
const OTHER_EXPLOSIVES =
  /\b(car[- ]bombs?|roadside bombs?|IEDs?|improvised explosive|explosive devices?|suicide|landmines?|land mines?|grenades?|bomb (?:went off|exploded)|booby[- ]trap|detonat\w+|sticky bomb|(?:motorcycle|vehicle)[- ]borne)\b/i
/** Chemical weapons are their own ACLED sub-event. */
const CHEMICAL =
  /\b(chemical|chlorine|sarin|toxic gas|nerve agent|mustard gas|poison(?:ous)? gas(?:es)?|suffocation|asphyxia)\b/i
/** Weapons, goods and people being seized: a police or customs matter, not territory changing hands. */
const SEIZED_GOODS =
  /\b(weapons?|firearms?|arms|ammunition|ammunitions|ammo|pistols?|rifles?|revolvers?|cartridges|rounds of|explosives|drugs|narcotics|counterfeit|cash|smuggl\w+|contraband|caches?|shabu|cocaine|heroin|footage)\b/i
/** Crowds: violence involving them is a protest, riot or mob event, not an armed clash. */
const CROWDS =
  /\b(protest\w*|demonstrat\w+|rioters?|riots?|mobs?|crowds?|students|villagers|supporters|rally|rallies|march(?:ers)?)\b/i
/** A passive whose subject is goods: "two firearms and ammunition were seized". */
const GOODS_SUBJECT = new RegExp(
  `${SEIZED_GOODS.source}[\\w\\s,'’-]{0,60}\\b(?:was|were|been|are|is|being)\\s+$`,
  'i',
)

/** What can be seized that is not territory: weapons, goods, people. */
const NOT_TERRITORY =
  /^\s*(?:\w+\s+){0,3}?(?:weapons?|arms|ammunition|ammo|explosives?|caches?|drugs|narcotics|vehicles?|cars?|trucks?|lorries|tanks?|rifles|guns|missiles|rockets|documents|cash|money|shipments?|boats?|vessels?|ships?|tankers?|cargo|passports?|hostages?|journalists?|civilians|people|men|women|children|soldiers|suspects?|members|fighters|militants|leaders?|commanders?|oil|fuel|grain|goods|equipment|devices?|mines|property|assets|funds|houses|homes|land\b)/i
const FORCES =
  '(?:troops|forces|soldiers|units|fighters|militias?|militiamen|reinforcements|battalions?|brigades?|convoys?|armou?red vehicles|tanks|military vehicles|personnel|police(?:men)?|border guards|gunmen|jihadists|militants|rebels)'

/** The recognisers, most specific first; a sentence yields at most one event per recogniser. */
export const TRIGGERS: Trigger[] = [
  {
    type: 'crossing-opened',
    re: /(?<!\bto )\b(re-?open(?:ed|s)?\b(?! fire)|re-?opening of|open(?:ed|s)\b(?! fire)|opening of|(?:was|were|be) opened)/gi,
    needs: 'crossing',
  },
  {
    type: 'crossing-opened',
    // "the Council approved delivery of aid through the Bab al-Hawa crossing"
    re: /\b((?:authori[sz]|approv|renew|extend)\w*(?= (?:[\w'’-]+ ){0,10}?(?:through|via) (?:the )?))/gi,
    needs: 'crossing',
  },
  {
    type: 'crossing-closed',
    re: /\b(clos(?:ed|es|ing|ure)|shut(?:s|ting)?(?: down)?|seal(?:ed|s|ing)?(?: off)?|cut off|severed|blocked|out of service|impassable)\b/gi,
    needs: 'crossing',
  },
  {
    type: 'crossing-closed',
    re: /\b(restrict(?:ed|s|ing|ions? on)|limited to|only (?:open|allowed|permitted) (?:to|for)|suspend(?:ed|s|ing)? (?:\w+ ){0,3}(?:traffic|crossings?|movement|entry|exits?|operations))\b/gi,
    needs: 'crossing',
    subtype: 'restricted',
  },
  {
    type: 'control-taken',
    re: /\b(hold(?:s|ing)? the security file|in control of|secur(?:e|ed|ing) the (?:crossing|border|area))\b/gi,
    subtype: 'security',
  },
  {
    type: 'control-taken',
    re: /\b(hand(?:ed|s|ing)? (?:it |them )?over|handover|hand-over|transferr?(?:ed|ing)? control|ceded|took over from|handed control)\b/gi,
    subtype: 'handover',
  },
  {
    type: 'control-taken',
    re: /\b(recaptur(?:ed|es|ing|e)|re-?t(?:ook|aken|ake|aking)|regain(?:ed|s|ing)?(?: control)?|liberat(?:ed|es|ing|ion of)|recover(?:ed|s|ing)|took back|taken back|wrest(?:ed)? back|reclaim(?:ed|s)|re-?entered|retaking|recapture of)\b/gi,
    subtype: 'by-force',
    needs: 'territory',
    notBefore: NOT_TERRITORY,
    notAfter: GOODS_SUBJECT,
    unless: CROWDS,
  },
  {
    type: 'control-taken',
    re: /\b(seiz(?:ed|es|ing|ure of)|captur(?:ed|es|ing|e of)|overr(?:an|un|unning)|t(?:ook|aken|akes?|aking) (?:full |complete |total )?(?:over|control)|took(?= [A-Z])|gain(?:ed|s|ing) (?:control|ground)|assum(?:ed|es) control|fell to|under the control of|advanced (?:into|on)|entered the (?:town|city|village|area)|dr(?:ove|iven|ive|iving) (?:\w+ ){0,4}out|push(?:ed|ing)? (?:\w+ ){0,3}(?:back|out)|freed|controlling the|ousted|wrest(?:ed|ing)? control|established control|(?:extended|imposed|restored) (?:its |their |full )?control)\b/gi,
    subtype: 'by-force',
    needs: 'territory',
    notBefore: NOT_TERRITORY,
    notAfter: GOODS_SUBJECT,
    unless: CROWDS,
  },
  {
    type: 'airstrike',
    re: /\b(air ?strikes?|air-strikes?|air raids?|airstrikes?|aerial (?:bombardments?|attacks?|strikes?|bombings?|raids?)|combat sorties|sorties|drone strikes?|drone attacks?|bombing raids?|barrel bombs?|air attacks?|strikes? (?:by|from) (?:jets|warplanes|aircraft|drones|planes|helicopters))\b/gi,
    unless: CHEMICAL,
  },
  {
    type: 'airstrike',
    re: /\b(struck|strikes?|hit|targeted|targeting|pounded|bombed|bombing|attacked|raids?|raided|shelled|dropped|destroyed|fired (?:\w+ ){0,4}(?:on|at|missiles|rockets)|launched (?:a |an )?(?:strike|attack|raid)s?|carried out (?:a |an )?(?:strike|attack|raid)s?)\b/gi,
    needs: 'aircraft',
    unless: new RegExp(`${OTHER_EXPLOSIVES.source}|${CHEMICAL.source}`, 'i'),
  },
  {
    type: 'shelling',
    re: /\b(shell(?:ed|ing|s)\b(?! compan)|artillery|mortars?|rockets? (?:fire|attacks?|hit|landed|fell|struck|slammed)|fire[ds]? (?:\w+ ){0,2}(?:rockets?|missiles?|mortars?|shells|projectiles)|launch(?:ed|es)? (?:\w+ ){0,2}(?:rockets?|missiles?)|missile (?:strikes?|attacks?|fire)|bombard(?:ed|ment|ing)|katyushas?|grad rockets?|howitzers?|tank (?:fire|shells?)|projectiles|(?:rockets?|missiles?|mortars?|shells|projectiles|mortar rounds) (?:\w+ ){0,2}(?:were |was )?(?:fired|launched|landed|fell|hit|struck|slammed)|(?:ballistic|surface-to-surface|cruise|guided|anti-tank) missiles?)\b/gi,
    unless: new RegExp(
      `${OTHER_EXPLOSIVES.source}|${CHEMICAL.source}|\\b(?:test(?:ed|ing|s)?|test-fir\\w+)\\b`,
      'i',
    ),
  },
  {
    type: 'clash',
    re: /\b(clash(?:ed|es|ing)?|fire ?fights?|gun ?battles?|gunfights?|shoot-?outs?|fire exchange|exchang(?:ed|es|ing) (?:gun)?fire|exchange of (?:gun)?fire|battles? (?:with|against|between)|(?:launched|launching) (?:an |a )?(?:\w+ )?(?:offensive|assault)|fended off|kill(?:ed|ing)(?: and wound(?:ed|ing))? (?:[\w()'’-]+ ){0,6}(?:militants|terrorists|rebels|insurgents|jihadists|fighters|soldiers|troops)|(?:militants|terrorists|rebels|insurgents|jihadists|fighters|soldiers|troops|members|policemen|security personnel|servicemen) (?:were|have been|had been) killed|opened fire on (?:[\w'’-]+ ){0,3}(?:militants|troops|soldiers|forces|fighters|police|positions)|(?:raid(?:ed|s)?|set upon|charged|storm(?:ed|ing)) (?:a |an |the )?(?:[\w'’-]+ ){0,3}(?:base|positions?|camp|headquarters|HQ|checkpoint|police station|barracks|outpost|convoy)|attacks? (?:on|against) (?:[\w'’-]+ ){0,3}(?:forces|troops|soldiers|bases?|positions|checkpoints?|police|army)|killed in (?:\w+ ){0,2}attacks|(?:heavy|fierce|intense|violent) (?:fighting|battles?|combat)|fighting (?:between|broke out|erupted|raged|continued)|fought|battl(?:ed|ing)|skirmish(?:es)?|ambush(?:ed|es)?|engag(?:ed|ing) (?:in combat|with)|armed confrontations?|repell?(?:ed|ing) (?:an |the )?(?:attack|assault|offensive)|(?:attack|assault)(?:ed|s)? (?:[\w'’-]+ ){0,4}(?:positions?|checkpoints?|posts?|bases?|outposts?|convoys?|patrols?|camps?|troops|forces|soldiers))\b/gi,
    unless: new RegExp(`${CROWDS.source}|${OTHER_EXPLOSIVES.source}|${CHEMICAL.source}`, 'i'),
  },
  {
    type: 'deployment',
    re: new RegExp(
      `\\b(withdr(?:ew|awn|awal|aw|awing|aws)|pull(?:ed|ing|s)? (?:\\w+ )?(?:out|back)|pull-?out|leaving their (?:last )?(?:bastion|stronghold|positions)|retreat(?:ed|ing|s)? from|evacuat(?:ed|ing) (?:its |their )?(?:positions|bases?|troops|forces)|abandon(?:ed|ing) (?:its |their )?(?:positions|bases?|posts?))\\b`,
      'gi',
    ),
    subtype: 'withdraw',
    unless: CROWDS,
  },
  {
    type: 'deployment',
    re: new RegExp(
      `\\b(re-?deploy(?:ed|s|ing|ment)?|deploy(?:ed|s|ing|ment)?|dispatch(?:ed|es|ing)|sen[dt]s? (?:\\w+ ){0,3}${FORCES}|mov(?:ed|es|ing) (?:\\w+ ){0,2}${FORCES}|made (?:their|its) way back|reinforc(?:ed|ing|ements)|mass(?:ed|ing) (?:\\w+ ){0,2}${FORCES}|build-?up of (?:\\w+ ){0,2}${FORCES}|(?:forward(?:ed|s)|brought in|rush(?:ed|es)|dispatch(?:ed|es)) (?:\\w+ ){0,3}${FORCES}|${FORCES} (?:arrived|were sent|were deployed|moved into))\\b`,
      'gi',
    ),
    subtype: 'deploy',
    unless: CROWDS,
  },
  {
    type: 'construction',
    re: /\b((?:build(?:s|ing)?|built|construct\w*|establish\w*|set(?:ting)? up|erect\w*|install\w*|open(?:ed|ing)?|creat\w*) (?:[\w“”"'’-]+ ){0,3}?(?:bases?|headquarters|HQs?|outposts?|observation posts?|military posts?|checkpoints?|camps?|observation points?|military points?|command (?:centers?|centres?|posts?)|garrisons?|airstrips?|fortifications?)|construction (?:of|at) (?:[\w“”"'’-]+ ){0,4}(?:bases?|sites?|facilit\w+|headquarters|outposts?|posts?|camps?)|new (?:military |army )?bases?)\b/gi,
  },
  {
    type: 'sanction',
    re: /\b(impos(?:ed|es|ing) (?:\w+ ){0,3}sanctions|blacklist(?:ed|ing|s)?|asset freezes?|froze (?:the )?assets|travel bans?|designated (?:\w+ ){0,4}(?:as a )?(?:terrorist|under))\b/gi,
  },
  {
    type: 'sanction',
    // "a group sanctioned by the US" describes; "the US sanctioned the group" reports.
    re: /\b(sanction(?:ed|s|ing)\b(?! relief))/gi,
    notAfter: /\b(?:a|an)\s+(?:\w+\s+){0,2}$/i,
  },
  {
    type: 'threat',
    re: /\b(threat(?:en(?:ed|s|ing)?)|vow(?:ed|s) to|to destroy|destroying|warn(?:ed|s) (?:of|that) (?:\w+ ){0,6}(?:would|will) (?:retaliate|respond|strike|attack|destroy))\b/gi,
    needs: 'speaker',
  },
  {
    type: 'agreement',
    re: /\b(agree(?:d|s)? (?:to|on|upon)|agree(?:d|s)? (?:a |an |the )(?:[\w-]+ ){0,3}?(?:ceasefire|cease-fire|truce|deal|agreement|accord|pact|settlement)|surrender(?:ed|s|ing)?|(?:announc|declar)(?:ed|es) (?:\w+ )?(?:a |an )(?:[\w-]+ ){0,3}?(?:ceasefire|cease-fire|truce)|released (?:\w+ ){0,4}in exchange for|(?:sign(?:ed|s|ing)?|conclud(?:ed|es)|reach(?:ed|es|ing)?|broker(?:ed|s)?|struck|announc(?:ed|es)) (?:a |an |the )?(?:\w+[- ]){0,3}?(?:agreements?|deals?|accords?|treat(?:y|ies)|memorand(?:um|a)|ceasefires?|cease-fires?|truces?|protocols?|pacts?|understandings?|settlements?)|(?:ceasefire|cease-fire|truce|peace deal|peace agreement|agreement|deal|accord) (?:was |has been |had been |were )?(?:agreed|brokered|reached|signed|announced|took effect|came into effect)|prisoner (?:exchanges?|swaps?)|exchang(?:ed|e) (?:of )?(?:prisoners|detainees|bodies))\b/gi,
  },
  {
    type: 'statement',
    re: /\b(said|says|say|stressed|announced|told|stated|claimed|declared|reported|denied|accused|praised|warned|wrote|condemned|demanded|called for)\b/gi,
    needs: 'speaker',
  },
]

/** Words that make a trigger background rather than an event: "after a month of ... airstrikes". */
export const BACKGROUND_BEFORE =
  /\b(after|amid|despite|following(?! up)|concerns? (?:about|over|that)|fears? of)\b[^,;.]{0,40}$/i

/** Words that make "struck" or "hit" an airstrike. */
export const AIRCRAFT =
  /\b(jets?|warplanes?|war planes?|aircraft|drones?|air ?force|planes?|helicopters?|choppers?|gunships?|bombers?|air ?strikes?|air raids?|aerial|UAVs?)\b/i

/** A sentence that only supposes: "If the PMU holds the security file ...". */
export const HYPOTHETICAL = /^(if|unless|should|whether)\b/i
