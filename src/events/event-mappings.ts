/** borderwatch event types in other schemes' terms: ACLED sub-event types and PLOVER categories (docs/event-types.md). */
import type { ArticleEvent } from '../model/index.js'

const STATE_KINDS = new Set(['state-forces', 'government', 'police-or-border-guards'])
const ARMED_KINDS = new Set([...STATE_KINDS, 'armed-group', 'unidentified'])

/**
 * True when the event's acting side (its first armed actor, the head of "Syrian troops and allied
 * fighters") is a state's forces or government.
 */
function stateActed(e: ArticleEvent): boolean | null {
  const actor = e.actors.find((a) => a.role === 'actor' && a.kind && ARMED_KINDS.has(a.kind))
  if (!actor?.kind) return null
  return STATE_KINDS.has(actor.kind)
}

/** Types whose announced intent PLOVER codes as THREATEN. */
const COERCIVE = new Set(['airstrike', 'shelling', 'clash', 'sanction', 'crossing-closed'])

/** Modalities of events that did not (or not yet) happen: ACLED and PLOVER code none of them. */
const UNREAL = new Set(['denied', 'negated', 'hypothetical', 'planned'])

/**
 * The ACLED sub-event type (as the CASE 2021 label) an event corresponds to, or null when none
 * does or when the report says it did not or has not yet happened.
 */
export function acledSubEvent(e: ArticleEvent): string | null {
  if (UNREAL.has(e.modality)) return null
  switch (e.type) {
    case 'airstrike':
      return 'AIR_STRIKE'
    case 'shelling':
      return 'ART_MISS_ATTACK'
    case 'clash':
      return 'ARMED_CLASH'
    case 'construction':
      return 'HQ_ESTABLISHED'
    case 'agreement':
      return e.subtype === 'offer' ? null : 'AGREEMENT'
    case 'deployment':
      return e.subtype === 'withdraw' ? 'NON_VIOL_TERRIT_TRANSFER' : 'CHANGE_TO_GROUP_ACT'
    case 'control-taken':
      if (e.subtype === 'handover') return 'NON_VIOL_TERRIT_TRANSFER'
      if (e.subtype === 'security') return null
      return stateActed(e) === false ? 'NON_STATE_ACTOR_OVERTAKES_TER' : 'GOV_REGAINS_TERIT'
    default:
      return null
  }
}

/** The current PLOVER category an event corresponds to, or null (also for events that did not happen). */
export function ploverCategory(e: ArticleEvent): string | null {
  if (e.modality === 'denied' || e.modality === 'negated' || e.modality === 'hypothetical')
    return null
  // "threatened to shell", "will impose sanctions": a stated intent to coerce is a threat.
  if (e.modality === 'planned' && COERCIVE.has(e.type)) return 'THREATEN'
  switch (e.type) {
    case 'airstrike':
    case 'shelling':
    case 'clash':
      return 'ASSAULT'
    case 'control-taken':
      return e.subtype === 'handover' || e.subtype === 'security' ? null : 'ASSAULT'
    case 'threat':
      return 'THREATEN'
    case 'agreement':
      return 'AGREE'
    case 'sanction':
      return 'SANCTION'
    case 'deployment':
      return e.subtype === 'withdraw' ? 'RETREAT' : 'MOBILIZE'
    case 'crossing-closed':
      return 'COERCE'
    default:
      return null
  }
}
