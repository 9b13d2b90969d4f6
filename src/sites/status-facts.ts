/** Turns events at crossings into status facts: open, closed, restricted, seized, handed over, announced, and who holds it. */
import type { ArticleEvent, EventActor, SiteStatus, StatusFact } from '../model/index.js'

/** Words that make an opening or closure partial: "open to aid only", "partially reopened". */
const PARTIAL =
  /\b(only|partial(?:ly)?|limited|restrict\w*|except|exempt\w*|some traffic|one[- ]way|humanitarian (?:cases|traffic|aid) only|for (?:returning|departing)|(?:one|two|three|four|five|six|[1-6]) days? a week)\b/i
/** Closed or open to one nationality only: "closed to Lebanese nationals", "to foreign citizens". */
const ONE_NATIONALITY =
  /\b(?:to|for) (?:[A-Z]\p{L}+|foreign) (?:nationals|citizens|passport[- ]holders)\b/u

function partial(sentence: string): boolean {
  return PARTIAL.test(sentence) || ONE_NATIONALITY.test(sentence)
}
/** A construction that puts checks on passage at a site, not a base beside it. */
const CHECKPOINT = /\bcheck ?points?\b/i

/** Kinds of actors that can control or run a site. */
const CONTROLLER_KINDS = new Set([
  'state-forces',
  'government',
  'police-or-border-guards',
  'armed-group',
  'intergovernmental',
  'unidentified',
])

/** Actors the index knows only by kind ("rebels", "the army"): named as the report wrote them. */
const UNNAMED = new Set(['armed-group', 'state-forces', 'police-or-border-guards', 'unidentified'])

/** How a holder is named in a fact: its index name, or the words of the report for an unnamed one. */
function holderName(a: EventActor): string {
  return UNNAMED.has(a.id) && a.text ? a.text.replace(/^the\s+/i, '') : a.name
}

/** What an event says of a site's status: a status, `null` for "who holds it" only, or nothing. */
function statusOf(event: ArticleEvent): SiteStatus | null | undefined {
  const planned = event.modality === 'planned' || event.subtype === 'planned'
  // "will be open to civil and commercial traffic only from 5 a.m.": the terms it runs on, restricted.
  if (event.type === 'crossing-opened') {
    if (partial(event.sentence)) return 'restricted'
    return planned ? 'planned-open' : 'open'
  }
  if (event.type === 'crossing-closed') {
    if (event.subtype === 'restricted' || partial(event.sentence)) return 'restricted'
    return planned ? 'planned-close' : 'closed'
  }
  // Forces arriving at a crossing ("made their way back to the border") now hold it; fighters
  // defecting, a unit being formed or reservists called up there say nothing of who holds it.
  if (event.type === 'deployment') return event.subtype === 'deploy' ? null : undefined
  // "Azerbaijan set up a checkpoint at the Lachin Corridor": passage now runs through its checks.
  if (event.type === 'construction')
    return CHECKPOINT.test(event.trigger) ? 'restricted' : undefined
  if (event.type !== 'control-taken') return undefined
  if (event.subtype === 'handover') return 'handover'
  if (event.subtype === 'security') return null
  return 'seized'
}

/**
 * "closed in 2014 when Daesh gained control of the area": a fact with no holder of its own takes
 * the one a seizure or security claim of the same sentence names for that site.
 */
function holdersFromSentence(facts: StatusFact[]): StatusFact[] {
  return facts.map((f) => {
    if (f.controller) return f
    const taker = facts.find(
      (o) =>
        o !== f &&
        o.controller &&
        o.siteId === f.siteId &&
        o.evidence === f.evidence &&
        o.time.start === f.time.start &&
        (o.status === null || o.status === 'seized' || o.status === 'handover'),
    )
    return taker
      ? { ...f, controller: taker.controller, ...(taker.holders ? { holders: taker.holders } : {}) }
      : f
  })
}

/**
 * "The crossing was taken over by tanks … the crossing was out of service": a fact with no holder
 * of its own, on the day the same report has the site seized (or handed over), is under the one
 * who took it that day. Only one side may have taken it: two sides on one day leave it unsaid.
 */
function holdersFromSeizure(facts: StatusFact[]): StatusFact[] {
  return facts.map((f) => {
    if (f.controller || f.status === 'seized' || f.status === 'handover') return f
    const takers = facts.filter(
      (o) =>
        o.controller &&
        o.siteId === f.siteId &&
        (o.status === 'seized' || o.status === 'handover') &&
        o.modality === 'asserted' &&
        o.time.start === f.time.start &&
        (o.time.precision === 'day' || o.time.precision === 'instant'),
    )
    // "Israeli forces" and "Israeli tanks" are one side: takers of one state count once.
    const side = (t: StatusFact) =>
      t.holders?.every((h) => h.country) ? t.holders.map((h) => h.country).join() : t.controller
    if (new Set(takers.map(side)).size !== 1) return f
    const taker = takers[0]
    return {
      ...f,
      controller: taker.controller,
      ...(taker.holders ? { holders: taker.holders } : {}),
    }
  })
}

/** A time read against the report's own date ("on Monday", "in December", or that date itself). */
function hangsOnPublication(e: ArticleEvent): boolean {
  return e.time.certainty === 'publication' || e.time.anchor?.kind === 'publication'
}

/**
 * The status facts the events of one article state about sites. With `undated` (the report shows
 * no date), a fact whose date would hang on the report's date is left out: dated by the clock of
 * the ingest, it would put an old closure at today.
 */
export function statusFacts(
  events: ArticleEvent[],
  options: { undated?: boolean } = {},
): StatusFact[] {
  const facts: StatusFact[] = []
  for (const e of events) {
    const siteId = e.place?.siteId
    const status = statusOf(e)
    if (!siteId || status === undefined) continue
    if (options.undated && hangsOnPublication(e)) continue
    if (e.modality === 'negated' || e.modality === 'hypothetical') continue
    const holders = e.actors.filter(
      (a) => a.role === 'actor' && (!a.kind || CONTROLLER_KINDS.has(a.kind)),
    )
    const controller = holders.map(holderName).join('; ') || null
    if (status === null && !controller) continue
    facts.push({
      siteId,
      eventId: e.id,
      articleId: e.articleId,
      status,
      scope: e.scope ?? 'all',
      controller,
      ...(holders.length
        ? {
            holders: holders.map((a) => ({
              id: a.id,
              name: holderName(a),
              country: a.country ?? null,
            })),
          }
        : {}),
      time: e.time,
      modality: e.modality,
      ...(e.attribution ? { source: e.attribution } : {}),
      evidence: e.sentence,
    })
  }
  return holdersFromSeizure(holdersFromSentence(facts))
}
