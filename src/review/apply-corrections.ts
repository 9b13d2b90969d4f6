/**
 * Applies analysts' event corrections on top of what the pipeline extracted, as a pure function,
 * so the same corrections apply after every re-extraction of the report.
 */
import type {
  ArticleEvent,
  Correction,
  EventAnchor,
  EventPatch,
  EventReview,
} from '../model/index.js'

/** What re-finds `e` later if its id changes. */
export function anchorOf(e: ArticleEvent): EventAnchor {
  return {
    articleId: e.articleId,
    type: e.type,
    trigger: e.trigger,
    sentence: e.sentence,
    evidenceStart: e.evidenceStart,
  }
}

/**
 * The event a correction is about: the one with its id, else the one its anchor describes (same
 * sentence, trigger and extracted type, nearest to where it was).
 */
export function findTarget(events: ArticleEvent[], c: Correction): ArticleEvent | null {
  const byId = events.find((e) => e.id === c.targetId)
  if (byId) return byId
  const a = c.anchor
  if (!a) return null
  const same = events.filter(
    (e) =>
      e.articleId === a.articleId &&
      e.type === a.type &&
      e.trigger === a.trigger &&
      e.sentence === a.sentence,
  )
  same.sort(
    (x, y) =>
      Math.abs(x.evidenceStart - a.evidenceStart) - Math.abs(y.evidenceStart - a.evidenceStart),
  )
  return same[0] ?? null
}

function applyPatch(e: ArticleEvent, patch: EventPatch): ArticleEvent {
  const next: ArticleEvent = { ...e }
  if (patch.type) next.type = patch.type
  if (patch.modality) next.modality = patch.modality
  if (patch.time) {
    // A time the analyst states replaces the reading; the words it came from no longer apply.
    next.time = { ...patch.time, certainty: 'stated' }
  }
  if (patch.place !== undefined) next.place = patch.place
  if (patch.actors) next.actors = patch.actors
  return next
}

/** The extraction of `e` as the pipeline made it, without any review. */
export function extractedOf(e: ArticleEvent): ArticleEvent {
  if (!e.review) return e
  const rest = { ...e }
  delete rest.review
  return rest
}

/** An event with the corrections that apply to it, in the order they were made. */
function reviewed(e: ArticleEvent, corrections: Correction[]): ArticleEvent {
  let next = e
  let verdict: EventReview['status'] | null = null
  const edited = new Set<string>()
  for (const c of corrections) {
    if (c.action === 'confirm') verdict = 'confirmed'
    else if (c.action === 'reject') verdict = 'rejected'
    else if (c.action === 'edit') {
      const patch = c.patch as EventPatch
      next = applyPatch(next, patch)
      for (const key of Object.keys(patch)) edited.add(key)
    }
  }
  const last = corrections.at(-1) as Correction
  const noted = corrections.filter((c) => c.note).at(-1)
  return {
    ...next,
    review: {
      status: verdict ?? 'edited',
      edited: [...edited].sort(),
      corrections: corrections.map((c) => c.id),
      by: last.author,
      at: last.createdAt,
      note: noted?.note ?? null,
    },
  }
}

/**
 * The events of one extraction with the active corrections applied; `orphans` are corrections
 * whose event the new extraction no longer finds (kept, listed, applied again if it returns).
 */
export function applyEventCorrections(
  events: ArticleEvent[],
  corrections: Correction[],
): { events: ArticleEvent[]; orphans: Correction[] } {
  const active = corrections
    .filter((c) => c.targetKind === 'event' && !c.undoneAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  const base = events.map(extractedOf)
  const byEvent = new Map<string, Correction[]>()
  const orphans: Correction[] = []
  for (const c of active) {
    const target = findTarget(base, c)
    if (!target) {
      orphans.push(c)
      continue
    }
    const list = byEvent.get(target.id)
    if (list) list.push(c)
    else byEvent.set(target.id, [c])
  }
  return {
    events: base.map((e) => {
      const list = byEvent.get(e.id)
      return list ? reviewed(e, list) : e
    }),
    orphans,
  }
}
