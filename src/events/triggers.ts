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
  /\b(chemicals?|chlorine|sarin|toxic gas|nerve agent|mustard gas|poison(?:ous)? gas(?:es)?|suffocation|asphyxia)\b/i
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

/** What can be seized that is not territory: weapons, goods, people (after "by" stands who seized). */
const NOT_TERRITORY =
  /^(?!\s*by\b)\s*(?:\w+\s+){0,3}?(?:weapons?|arms|ammunition|ammo|explosives?|caches?|drugs|narcotics|vehicles?|cars?|trucks?|lorries|tanks?|rifles|guns|missiles|rockets|documents|cash|money|shipments?|boats?|vessels?|ships?|tankers?|cargo|passports?|hostages?|journalists?|civilians|people|men|women|children|soldiers|suspects?|members|fighters|militants|leaders?|commanders?|oil|fuel|grain|goods|equipment|devices?|mines|property|assets|funds|houses|homes|land\b)/i
const FORCES =
  '(?:troops|forces|soldiers|units|fighters|militias?|militiamen|reinforcements|battalions?|brigades?|convoys?|armou?red vehicles|tanks|military vehicles|personnel|police(?:men)?|border guards|gunmen|jihadists|militants|rebels)'

/** What is withdrawn that is not a force: "withdrew from the treaty", "withdrew its ambassador". */
const NOT_FORCES_WITHDRAWN =
  /^\s*(?:from\s+)?(?:[\w-]+\s+){0,4}?(?:pacts?|treat(?:y|ies)|deals?|agreements?|accords?|talks|negotiations|race|elections?|candidacy|bid|support|funding|ambassadors?|envoys?|diplomats?|recognition|membership|application|lawsuit|complaints?|charges|bills?|money|statements?|licen[cs]es?)\b/i
/** Riot gear is deployed against crowds; that is not a troop movement. */
const RIOT_GEAR =
  /^\s*(?:[\w-]+\s+){0,2}?(?:tear ?gas|water ?cannons?|rubber bullets|pepper spray|batons|stun grenades)\b/i
/** Aircraft that fire missiles: "warplanes fired a missile". */
const AIRCRAFT_WORDS =
  '(?:jets|warplanes|war planes|aircraft|drones?|helicopters?|gunships?|bombers|planes|UAVs?)'
/** Bases and posts an armed force sets up; relief, refugee and detention camps are not among them. */
const MILITARY_SITES =
  '(?:bases?|headquarters|HQs?|outposts?|observation posts?|military posts?|checkpoints?|(?<!(?:relief|refugee|displacement|IDP|migrant|detention|holiday|summer) )camps?|observation points?|military points?|command (?:centers?|centres?|posts?)|garrisons?|barracks|airstrips?|fortifications?)'
/** Armed bodies that can be formed: "a new brigade", "a drone unit", "a militia network". */
const ARMED_UNITS =
  '(?:units?|brigades?|battalions?|regiments?|divisions?|militias?|militia networks?|armed groups?|armed wings?|military wings?|forces|task forces?|(?:special|armed|military|combat|militant|rebel) groups?|organi[sz]ations?|commands?|military councils?|entit(?:y|ies))'

/** Verbs that let aid cross: "approved", "authorising", "renewed", "extend". */
const AUTHORISE = '(?:authori[sz]|approv|renew|extend)\\w*'

/** The recognisers, most specific first; a sentence yields at most one event per recogniser. */
export const TRIGGERS: Trigger[] = [
  {
    type: 'crossing-opened',
    re: /(?<!\bto )\b(re-?open(?:ed|s)?\b(?! fire)|re-?opening of|open(?:ed|s)\b(?! fire)|opening of|(?:was|were|be) opened|(?:be|is|are|was|were|remains?|remained|remaining|stays?|stayed|staying) (?:(?:\w+ly|now|still) )?open\b(?! fire)|(?:is|was|are|were) ready (?:for (?:work|operation|traffic)|to (?:operate|receive)))/gi,
    needs: 'crossing',
    // "announced the reopening of": the announcement of a decision, read by the trigger below.
    notAfter: /\bannounc(?:ed|es|ing|ement of)\s+(?:the\s+|its\s+)?$/i,
  },
  {
    type: 'crossing-opened',
    // "agreed to reopen the crossing on Monday", "announced the reopening of the bridge": a decision, not yet an opening.
    // "the closure of their shared border to cargo will end Sept. 26": the end of a closure, ahead.
    re: /\b((?:agree[ds]?|decided?|decides|plans?|planned|vow(?:ed|s)?|promised?|intends?|prepar(?:ed|es|ing)) to re-?open|announc(?:ed|es|ing|ement of) (?:the |its )?re-?opening|closure (?:[\w'’-]+ ){0,10}?(?:will|is to|is set to) (?:end|be lifted)|(?:to|will) (?:end|lift) (?:the |its |their |a )?(?:[\w'’-]+ ){0,2}closure)\b/gi,
    needs: 'crossing',
    subtype: 'planned',
  },
  {
    type: 'crossing-opened',
    // "the Council approved delivery of aid through the Bab al-Hawa crossing"
    re: new RegExp(`\\b(${AUTHORISE}(?= (?:[\\w'’-]+ ){0,10}?(?:through|via) (?:the )?))`, 'gi'),
    needs: 'crossing',
  },
  {
    type: 'crossing-opened',
    // "to approve the extension of a mandate to deliver aid", "renewed the cross-border mechanism":
    // the authorisation aid crosses under (the UN's for Syria, since 2014).
    re: new RegExp(
      `\\b(${AUTHORISE} (?:the )?(?:(?:extension|renewal) of )?(?:the |a |an |its )?(?:[\\w-]+ )?(?:mandate|mechanism|authori[sz]ation))\\b`,
      'gi',
    ),
    needs: 'crossing',
  },
  {
    type: 'crossing-closed',
    re: /\b(clos(?:ed|es|ing|ure)|shut(?:s|ting)?(?: down)?|seal(?:ed|s|ing)?(?: off)?|cut(?:s|ting)? off|severed|block(?:ed|s|ing)?|out of service|impassable)\b/gi,
    needs: 'crossing',
    // "the closure … will end": the closure's end is told, read as a planned opening above.
    notBefore: /^\s+(?:[\w'’-]+\s+){0,10}?(?:will|is to|is set to)\s+(?:end|be lifted)\b/i,
  },
  {
    type: 'crossing-closed',
    // "a mandate to deliver aid …, which expired on Sunday": aid under it may no longer cross.
    re: /(?<=\b(?:mandate|mechanism|authori[sz]ation)\b[^.;]{0,120}?)\b(expired|lapsed|ran out)\b/gi,
    needs: 'crossing',
  },
  {
    type: 'crossing-closed',
    // "The resolution did not approve the Bab al-Salam crossing": aid through it is no longer authorised.
    re: /\b((?:did not|didn't|does not|doesn't|failed to|refused to|declined to) (?:approve|authori[sz]e|renew|extend)|(?:was|were|has|have|had) not (?:been )?(?:approved|authori[sz]ed|renewed|extended))\b/gi,
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
    re: /\b(hold(?:s|ing)? the security file|in control of|(?:in|within) the (?:control zone|zone of control|area of responsibility) of|secur(?:e|ed|ing) the (?:crossing|border|area)|tak(?:e|es|ing|en) (?:care|charge) of (?:the )?security|in charge of (?:the )?security|responsible for (?:the )?security)\b/gi,
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
    re: /\b(seiz(?:ed|es|ing|ure of)|captur(?:ed|es|ing|e of)|overr(?:an|un|unning)|t(?:ook|aken|akes?|aking) (?:full |complete |total )?(?:over|control)|took(?= [A-Z])|gain(?:ed|s|ing) (?:control|ground)|assum(?:ed|es) control|fell to|under the control of|advanced (?:into|on)|entered the (?:town|city|village|area)|dr(?:ove|iven|ive|iving) (?:\w+ ){0,4}out|push(?:ed|ing)? (?:\w+ ){0,3}(?:back|out)|freed|controlling the|ousted|wrest(?:ed|ing)? control|established (?:[“"]?[\w-]+[”"]? )?control|established [“"][\w-]+ control[”"]|lost (?:the )?control (?:of|over)|(?:extended|imposed|restored) (?:its |their |full )?control)\b/gi,
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
    type: 'airstrike',
    // Missiles and rockets fired from aircraft are air strikes (ACLED), not artillery.
    re: new RegExp(
      `\\b(${AIRCRAFT_WORDS} (?:\\w+ ){0,2}(?:fired|launched) (?:\\w+ ){0,3}(?:missiles?|rockets?)|(?:missiles?|rockets?) (?:\\w+ ){0,2}(?:fired|launched) (?:[\\w-]+ ){0,5}(?:by|from) (?:\\w+ ){0,2}${AIRCRAFT_WORDS})\\b`,
      'gi',
    ),
    unless: new RegExp(`${OTHER_EXPLOSIVES.source}|${CHEMICAL.source}`, 'i'),
  },
  {
    type: 'shelling',
    re: /\b(shell(?:ed|ing|s)\b(?! compan)|artillery|mortars?|rockets? (?:fire|attacks?|hit|landed|fell|struck|slammed)|fire[ds]? (?:\w+ ){0,2}(?:rockets?|missiles?|mortars?|shells|projectiles)|launch(?:ed|es)? (?:\w+ ){0,2}(?:rockets?|missiles?)|missile (?:strikes?|attacks?|fire)|bombard(?:ed|ment|ing)|katyushas?|grad rockets?|howitzers?|tank (?:fire|shells?|attacks?)|(?:rockets?|missiles?|mortars?|shells|projectiles|mortar rounds) (?:\w+ ){0,2}(?:were |was )?(?:fired|launched|landed|fell|hit|struck|slammed)|(?:ballistic|surface-to-surface|cruise|guided|anti-tank) missiles?)\b/gi,
    unless: new RegExp(
      `${OTHER_EXPLOSIVES.source}|${CHEMICAL.source}|\\b(?:test(?:ed|ing|s)?|test-fir\\w+)\\b`,
      'i',
    ),
  },
  {
    type: 'clash',
    re: /\b(clash(?:ed|es|ing)?|fire ?fights?|gun ?battles?|gunfights?|shoot-?outs?|fire exchange|exchang(?:ed|es|ing) (?:gun)?fire|exchange of (?:gun)?fire|battles? (?:with|against|between)|(?:launched|launching) (?:an |a )?(?:\w+ )?(?:offensive|assault)|fended off|kill(?:ed|ing)(?: and wound(?:ed|ing))? (?:[\w()'’-]+ ){0,6}(?:militants|terrorists|rebels|insurgents|jihadists|fighters|soldiers|troops)|(?:militants|terrorists|rebels|insurgents|jihadists|fighters|soldiers|troops|members|policemen|security personnel|servicemen) (?:were|have been|had been) killed|opened fire on (?:[\w'’-]+ ){0,3}(?:militants|troops|soldiers|forces|fighters|police|positions)|(?:raid(?:ed|s)?|set upon|charged|storm(?:ed|ing)) (?:a |an |the )?(?:[\w'’-]+ ){0,3}(?:base|positions?|camp|headquarters|HQ|checkpoint|police station|barracks|outpost|convoy)|attacks? (?:on|against) (?:[\w'’-]+ ){0,3}(?:forces|troops|soldiers|bases?|positions|checkpoints?|police|army)|killed in (?:\w+ ){0,2}attacks|(?:heavy|fierce|intense|violent) (?:fighting|battles?|combat)|fighting (?:between|broke out|erupted|raged|continued)|fought|battl(?:ed|ing)|skirmish(?:es)?|ambush(?:ed|es)?|engag(?:ed|ing) (?:in combat|with)|armed confrontations?|repell?(?:ed|ing) (?:an |the )?(?:attack|assault|offensive)|(?:were|was|been) (?:repell?ed|repulsed)|(?:attack|assault)(?:ed|s|ing)? (?:[\w'’-]+ ){0,4}(?:positions?|checkpoints?|posts?|bases?|outposts?|convoys?|patrols?|camps?|troops|forces|soldiers|headquarters?|HQ|barracks))\b/gi,
    // Deaths in an explosion are remote violence, not a battle.
    unless: new RegExp(
      `${CROWDS.source}|${OTHER_EXPLOSIVES.source}|${CHEMICAL.source}|\\b(?:explosions?|blasts?)\\b`,
      'i',
    ),
  },
  {
    type: 'deployment',
    re: new RegExp(
      `\\b(withdr(?:ew|awn|awal|aw|awing|aws)|pull(?:ed|ing|s)? (?:\\w+ )?(?:out|back)|pull-?out|leaving their (?:last )?(?:bastion|stronghold|positions)|retreat(?:ed|ing|s)? from|evacuat(?:ed|ing) (?:its |their )?(?:positions|bases?|troops|forces)|abandon(?:ed|ing) (?:its |their )?(?:positions|bases?|posts?))\\b`,
      'gi',
    ),
    subtype: 'withdraw',
    unless: CROWDS,
    notBefore: NOT_FORCES_WITHDRAWN,
  },
  {
    type: 'deployment',
    re: new RegExp(
      `\\b(re-?deploy(?:ed|s|ing|ment)?|deploy(?:ed|s|ing|ment)?|dispatch(?:ed|es|ing)|sen[dt]s? (?:\\w+ ){0,3}${FORCES}|mov(?:ed|es|ing) (?:\\w+ ){0,2}${FORCES}|made (?:their|its) way back|reinforc(?:ed|ing|ements)|mass(?:ed|ing) (?:\\w+ ){0,2}${FORCES}|build-?up of (?:\\w+ ){0,2}${FORCES}|(?:forward(?:ed|s)|brought in|rush(?:ed|es)|dispatch(?:ed|es)) (?:\\w+ ){0,3}${FORCES}|${FORCES} (?:arrived|were sent|were deployed|moved into))\\b`,
      'gi',
    ),
    subtype: 'deploy',
    unless: CROWDS,
    notBefore: RIOT_GEAR,
  },
  {
    type: 'deployment',
    // ACLED's "Change to group/activity": fighters changing sides.
    re: /\b(defect(?:ed|ing|s|ion|ions)?\b|(?:switch(?:ed|es|ing)|chang(?:ed|es|ing)) sides)/gi,
    subtype: 'defect',
  },
  {
    type: 'deployment',
    // A new armed unit or group: "formed a drone unit", "a new brigade was set up".
    re: new RegExp(
      `\\b((?:form(?:ed|s|ing)?|formation of|set(?:ting)? up|establish(?:ed|es|ing)|creat(?:ed|es|ing)|found(?:ed|ing)) (?:a |an |the |two |three |several )?(?:new )?(?:(?!(?:on|against|with|by|of|to|from|at|in|for|control) )[\\w'’-]+ ){0,3}?${ARMED_UNITS}|${ARMED_UNITS} (?:[\\w'’()-]+ ){0,4}?(?:was|were|has been|have been|had been) (?:formed|set up|established|created|founded))\\b`,
      'gi',
    ),
    subtype: 'form',
    unless: CROWDS,
  },
  {
    type: 'deployment',
    // "Popular Mobilisation Forces" is a name; "mobilised to help dig out cars" is relief work.
    re: /\b((?<!popular )mobili[sz](?:ed|es|ing|ation)|call(?:ed|s|ing)? up (?:\w+ ){0,3}reservists)\b/gi,
    subtype: 'mobilize',
    unless: CROWDS,
    notBefore:
      /^\s*(?:[\w-]+\s+){0,3}?(?:efforts?|resources|funds|aid|relief|rescuers?|volunteers|support|voters|to (?:help|assist|rescue|evacuate|fight the (?:fire|virus|pandemic)))\b/i,
  },
  {
    type: 'construction',
    re: new RegExp(
      `\\b((?:build(?:s|ing)?|built|construct\\w*|establish\\w*|set(?:ting)? up|erect\\w*|install\\w*|open(?:ed|ing)?|creat\\w*) (?:(?!(?:on|at|against|near|in|into|from|to|by|with|fire|control) )[\\w“”"'’-]+ ){0,5}?${MILITARY_SITES}|${MILITARY_SITES} (?:[\\w'’-]+ ){0,3}?(?:was|were|has been|have been|had been|is being|are being) (?:established|set up|built|constructed|erected|opened)|construction (?:of|at) (?:[\\w“”"'’-]+ ){0,4}(?:bases?|sites?|facilit\\w+|headquarters|outposts?|posts?|camps?)|new (?:military |army )?bases?)\\b`,
      'gi',
    ),
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
    type: 'sanction',
    // Cutting aid, links or ties and expelling envoys: coercion short of force (PLOVER SANCTION, CAMEO 16).
    re: /\b((?:suspend|halt|cut|froze|freez|withh[oe]ld|reduc|stopp|prohibit|ban)(?:ed|es|s|ing|e|en)? (?:[\w-]+ ){0,3}?(?:aid|assistance|funding|loans|air links|flights|trade|ties|relations|cooperation|food supplies|deliveries|imports|exports)|expell?(?:ed|s|ing) (?:[\w-]+ ){0,3}?(?:diplomats?|ambassadors?|envoys?|inspectors|observers|monitors|attach[eé]s?)|recall(?:ed|s|ing) (?:its |their )?(?:ambassador|envoy)s?|(?:impos|introduc|tighten)\w* (?:an? |the )?(?:[\w-]+ ){0,2}?(?:embargo|blockade)|(?:arms|oil|trade) embargo)\b/gi,
  },
  {
    type: 'threat',
    // Explicit threats and ultimatums are threats whoever makes them; "X will … unless …" is a conditional one.
    re: /\b(threaten(?:ed|s|ing)? (?:to|that|further|military|retaliation|reprisals)|(?:issued|gave|delivered|set) (?:an |a )?(?:[\w-]+ )?ultimatum|ultimatum to|swor[en] to (?:fight|avenge|retaliate|destroy|continue)|(?<=\b(?:will|would)\b[^.;]{0,120}?)unless)\b/gi,
  },
  {
    type: 'agreement',
    // An offer or promise to cooperate: PLOVER's AGREE, though no agreement has been reached (ACLED codes none).
    re: /\b(offer(?:ed|s)? to|promis(?:ed|es) to|pledg(?:ed|es) to|agreed in principle|accept(?:ed|s) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:proposal|offer|plan|formula|terms|conditions|invitation|demands?)|(?:is|are|was|were) (?:willing|ready|prepared) to)\b/gi,
    subtype: 'offer',
  },
  {
    type: 'threat',
    re: /\b(threat(?:en(?:ed|s|ing)?)|vow(?:ed|s) to|to destroy|destroying|warn(?:ed|s) (?:of|that) (?:\w+ ){0,6}(?:would|will) (?:retaliate|respond|strike|attack|destroy))\b/gi,
    needs: 'speaker',
  },
  {
    type: 'agreement',
    re: /\b(agree(?:d|s)? (?:to|on|upon)|agree(?:d|s)? (?:a |an |the )(?:[\w-]+ ){0,3}?(?:ceasefire|cease-fire|truce|deal|agreement|accord|pact|settlement)|surrender(?:ed|s|ing)?|(?:announc|declar)(?:ed|es) (?:\w+ )?(?:a |an )(?:[\w-]+ ){0,3}?(?:ceasefire|cease-fire|truce)|released (?:\w+ ){0,4}in exchange for|(?:sign(?:ed|s|ing)?|conclud(?:ed|es)|reach(?:ed|es|ing)?|broker(?:ed|s)?|struck|announc(?:ed|es)) (?:a |an |the )?(?:\w+[- ]){0,3}?(?:agreements?|deals?|accords?|treat(?:y|ies)|memorand(?:um|a)|ceasefires?|cease-fires?|truces?|protocols?|pacts?|understandings?|settlements?)|(?:ceasefire|cease-fire|truce|peace deal|peace agreement|agreement|deal|accord) (?:was |has been |had been |were )?(?:agreed|brokered|reached|signed|announced|took effect|came into effect)|prisoner (?:exchanges?|swaps?|releases?)|exchang(?:ed|e) (?:\w+ )?(?:of )?(?:prisoners|detainees|bodies)|(?:releas(?:ed|es|ing)|freed|release of) (?:[\w,-]+ ){0,4}(?:prisoners|detainees|captives)|(?:ceasefire|cease-fire|truce|agreement|deal|accord) (?:[\w'’-]+ ){0,10}?(?:(?:took|takes|take|went|goes|go|came|comes) (?:into )?effect|(?:is|are|was|were) (?:set|due|scheduled) to (?:take effect|come into (?:force|effect)))|deals? to (?:evacuate|exchange|release|withdraw|end)|(?:start(?:ed|s|ing)?|beg[au]n|open(?:ed|s)?|resum(?:ed|es|ing)|join(?:ed|s)?|held|hold(?:s|ing)?) (?:\w+ ){0,2}(?:peace|ceasefire|cease-fire|truce|reconciliation) (?:talks|negotiations)|(?:peace|ceasefire|cease-fire|truce) (?:talks|negotiations) (?:began|started|opened|resumed)|join(?:ed|s)? talks)\b/gi,
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
  /(?<!anti-)\b(jets?|warplanes?|war planes?|aircraft|drones?|air ?force|planes?|helicopters?|choppers?|gunships?|bombers?|air ?strikes?|air raids?|aerial|UAVs?)\b/i

/** A sentence that only supposes: "If the PMU holds the security file ...". */
export const HYPOTHETICAL = /^(if|unless|should|whether)\b/i
