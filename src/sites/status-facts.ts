/** Turns events at crossings into status facts: open, closed, restricted, seized, handed over, announced, and who holds it. */
import type { ArticleEvent, EventActor, SiteStatus, StatusFact } from '../model/index.js'

/** Words that make an opening or closure partial: "open to aid only", "partially reopened", "open to pedestrian traffic". */
const PARTIAL =
  /\b(only|partial(?:ly)?|limited|open (?:to|for) pedestrians?(?: traffic)?(?! and)|restrict\w*|except|exempt\w*|some traffic|one[- ]way|humanitarian (?:cases|traffic|aid) only|for (?:returning|departing)|(?:one|two|three|four|five|six|[1-6]) days? a week)\b/i
/** Closed or open to one nationality only: "closed to Lebanese nationals", "to foreign citizens". */
const ONE_NATIONALITY =
  /\b(?:to|for) (?:[A-Z]\p{L}+|foreign) (?:nationals|citizens|passport[- ]holders)\b/u

/** Where a clause about something else begins: "…, as the border has been partially closed". */
const OTHER_CLAUSE = /;|,\s*(?:as|which|who|where|while|because|since|after|when)\b/gi

/** The clause of the sentence that holds the trigger: the words that say how open or closed the site is. */
function triggerClause(sentence: string, trigger: string): string {
  const at = Math.max(0, sentence.indexOf(trigger))
  let from = 0
  let to = sentence.length
  for (const m of sentence.matchAll(OTHER_CLAUSE)) {
    if (m.index < at) from = m.index
    else if (m.index >= at + trigger.length) {
      to = m.index
      break
    }
  }
  return sentence.slice(from, to)
}

function partial(event: ArticleEvent): boolean {
  const clause = triggerClause(event.sentence, event.trigger)
  return PARTIAL.test(clause) || ONE_NATIONALITY.test(clause)
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
    if (partial(event)) return 'restricted'
    return planned ? 'planned-open' : 'open'
  }
  if (event.type === 'crossing-closed') {
    if (event.subtype === 'restricted' || partial(event)) return 'restricted'
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

/** Between a closure and a seizure that tells when it came: "closed in 2014 when Daesh took …". */
const WHEN_CLAUSE = /\b(?:when|since)\b/i

/**
 * "The crossing was closed in 2014 when Daesh gained control of the area": the seizure in the
 * closure's when-clause dates the closure and names who held the crossing; it is that closure's
 * circumstance, told once, not a fact of its own. ("closed after it was overrun" tells two events.)
 */
function closureCircumstance(e: ArticleEvent, events: ArticleEvent[]): boolean {
  if (e.type !== 'control-taken' || e.subtype === 'security' || !e.place?.siteId) return false
  return events.some((c) => {
    if (c.type !== 'crossing-closed' || c.evidenceStart !== e.evidenceStart) return false
    if (c.place?.siteId !== e.place?.siteId || c.time.start !== e.time.start) return false
    const from = c.sentence.indexOf(c.trigger) + c.trigger.length
    const to = e.sentence.indexOf(e.trigger, from)
    return to > from && WHEN_CLAUSE.test(c.sentence.slice(from, to))
  })
}

/**
 * A fact that only says who holds a site adds nothing when a fact of the same report about that
 * site, at a time that covers it, already names every one of its holders ("ready for work, with
 * police from Al-Anbar taking care of security").
 */
function withoutRepeatedHolders(facts: StatusFact[]): StatusFact[] {
  return facts.filter(
    (f) =>
      f.status !== null ||
      !facts.some(
        (o) =>
          o !== f &&
          o.status !== null &&
          o.siteId === f.siteId &&
          o.time.start <= f.time.start &&
          o.time.end >= f.time.end &&
          (f.holders ?? []).every((h) => o.holders?.some((x) => x.id === h.id)),
      ),
  )
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
  const circumstances = new Set<string>()
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
    if (closureCircumstance(e, events)) circumstances.add(e.id)
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
  const held = holdersFromSeizure(holdersFromSentence(facts))
  return withoutRepeatedHolders(held.filter((f) => !circumstances.has(f.eventId)))
}
