/**
 * Analysts' corrections as transactions: check the target, store the correction, write the audit
 * entry, and re-apply the report's corrections so listings, timelines and exports show the result.
 */
import crypto from 'node:crypto'
import type {
  ApiEvent,
  Correction,
  CorrectionAction,
  EventPatch,
  SitePatch,
} from '../model/index.js'
import { Store } from '../store/store.js'
import { clusterEvents } from '../clusters/cluster-events.js'
import { siteTimeline, statusOn } from '../sites/site-timeline.js'
import { anchorOf } from './apply-corrections.js'
import { getCorrection, insertCorrection, listCorrections, markUndone } from './correction-store.js'
import { recordAudit } from './audit-log.js'
import { resolveSite } from './review-input.js'
import { ReviewError } from './review-error.js'

/** What an analyst asks for; which fields are needed depends on `action`. */
export interface CorrectionRequest {
  action: CorrectionAction
  /** The event confirmed, rejected, edited, merged or split. */
  event?: string
  /** For `merge`: an event of the other cluster. */
  with?: string
  /** For `set-status`: the site, by id or any spelling. */
  site?: string
  /** For `edit`: the fields to change. */
  patch?: EventPatch
  /** For `set-status`: status, scope, controller and from when. */
  status?: SitePatch
  note?: string | null
  source?: string | null
}

/** A stored correction and what its target looks like now. */
export interface CorrectionResult {
  correction: Correction
  /** The event after the change (for event corrections); `null` once it is no longer found. */
  event?: ApiEvent | null
  /** For cluster corrections: the event ids of the target's cluster after the change. */
  cluster?: string[]
  /** For site corrections: status and controllers from the correction's date on. */
  site?: { status: string; controllers: string[] }
}

let last = 0

/** A new id that sorts by creation time. */
function newId(): string {
  const now = Math.max(Date.now(), last + 1)
  last = now
  return `r-${now.toString(36)}${crypto.randomBytes(3).toString('hex')}`
}

async function eventOrFail(
  store: Store,
  id: string | undefined,
  what = 'event',
): Promise<ApiEvent> {
  if (!id) throw new ReviewError('invalid', `${what}: an event id is required`)
  const event = await store.getEvent(id)
  if (!event) throw new ReviewError('not-found', `${what} "${id}": no such event`)
  return event
}

/** The event ids of the cluster `eventId` is in, among events of its type. */
async function clusterOf(store: Store, event: ApiEvent): Promise<string[]> {
  const { events } = await store.listEvents({ types: [event.type], limit: 10_000_000 })
  const overrides = await listCorrections(store.db, { targetKind: 'cluster' })
  const cluster = clusterEvents(events, overrides).find((c) => c.eventIds.includes(event.id))
  return cluster?.eventIds ?? []
}

async function siteState(
  store: Store,
  siteId: string,
  date: string,
): Promise<{ status: string; controllers: string[] }> {
  const interval = statusOn(siteTimeline(await store.statusFacts(siteId)), date)
  return { status: interval?.status ?? 'unknown', controllers: interval?.controllers ?? [] }
}

function checkPatch(patch: EventPatch | undefined): EventPatch {
  if (!patch || !Object.keys(patch).length)
    throw new ReviewError(
      'invalid',
      'edit: nothing to change (give a type, modality, time, place or actors)',
    )
  return patch
}

function checkStatus(status: SitePatch | undefined, note: string | null | undefined): SitePatch {
  if (!status) throw new ReviewError('invalid', 'set-status: a status or controller is required')
  if (status.status === null && !status.controller)
    throw new ReviewError('invalid', 'set-status: give a status, a controller, or both')
  if (!note?.trim()) throw new ReviewError('invalid', 'set-status: a note saying why is required')
  return status
}

/** Makes one correction, audit-logged, in one transaction. */
export async function addCorrection(
  store: Store,
  request: CorrectionRequest,
  author: string,
): Promise<CorrectionResult> {
  return store.db.transaction(async (tx) => {
    const s = new Store(tx)
    const base = {
      id: newId(),
      note: request.note?.trim() || null,
      source: request.source?.trim() || null,
      author,
      createdAt: new Date().toISOString(),
      undoneAt: null,
      undoneBy: null,
    }
    const { action } = request
    if (action === 'set-status') {
      const site = resolveSite(await s.listSites(), request.site ?? '')
      const patch = checkStatus(request.status, request.note)
      const before = await siteState(s, site.id, patch.time.start)
      const correction: Correction = {
        ...base,
        targetKind: 'site',
        targetId: site.id,
        articleId: null,
        action,
        anchor: null,
        patch,
      }
      await insertCorrection(tx, correction)
      const after = await siteState(s, site.id, patch.time.start)
      await recordAudit(tx, {
        actor: author,
        action: `correction.${action}`,
        targetKind: 'site',
        targetId: site.id,
        before,
        after,
        note: correction.note,
      })
      return { correction, site: after }
    }
    const event = await eventOrFail(s, request.event)
    if (action === 'merge' || action === 'split') {
      const other = action === 'merge' ? await eventOrFail(s, request.with, 'with') : null
      if (other && other.id === event.id)
        throw new ReviewError('invalid', 'merge: an event cannot be merged with itself')
      if (other && other.type !== event.type)
        throw new ReviewError(
          'invalid',
          `merge: ${event.id} is ${event.type} but ${other.id} is ${other.type}; only events of one type make a cluster`,
        )
      const before = [await clusterOf(s, event), ...(other ? [await clusterOf(s, other)] : [])]
      const correction: Correction = {
        ...base,
        targetKind: 'cluster',
        targetId: event.id,
        articleId: event.articleId,
        action,
        anchor: anchorOf(event),
        patch: other ? { with: other.id } : {},
      }
      await insertCorrection(tx, correction)
      const cluster = await clusterOf(s, event)
      await recordAudit(tx, {
        actor: author,
        action: `correction.${action}`,
        targetKind: 'cluster',
        targetId: event.id,
        before: { clusters: before },
        after: { clusters: [cluster] },
        note: correction.note,
      })
      return { correction, cluster }
    }
    const extracted = (await s.extractedEvent(event.id)) ?? event
    const correction: Correction = {
      ...base,
      targetKind: 'event',
      targetId: event.id,
      articleId: event.articleId,
      action,
      anchor: anchorOf(extracted),
      patch: action === 'edit' ? checkPatch(request.patch) : {},
    }
    await insertCorrection(tx, correction)
    await s.reapplyCorrections(event.articleId)
    const now = await s.getEvent(event.id)
    await recordAudit(tx, {
      actor: author,
      action: `correction.${action}`,
      targetKind: 'event',
      targetId: event.id,
      before: withoutArticle(event),
      after: now ? withoutArticle(now) : null,
      note: correction.note,
    })
    return { correction, event: now }
  })
}

function withoutArticle(e: ApiEvent): Omit<ApiEvent, 'article'> {
  const rest: Partial<ApiEvent> = { ...e }
  delete rest.article
  return rest as Omit<ApiEvent, 'article'>
}

/** Undoes a correction: it stays on record, marked undone, and no longer applies. */
export async function undoCorrection(
  store: Store,
  id: string,
  author: string,
): Promise<CorrectionResult> {
  return store.db.transaction(async (tx) => {
    const s = new Store(tx)
    const correction = await getCorrection(tx, id)
    if (!correction) throw new ReviewError('not-found', `correction "${id}": no such correction`)
    if (correction.undoneAt)
      throw new ReviewError(
        'already-undone',
        `correction "${id}" was already undone by ${correction.undoneBy} at ${correction.undoneAt}`,
      )
    const at = new Date().toISOString()
    const done = { ...correction, undoneAt: at, undoneBy: author }
    const audit = {
      actor: author,
      action: 'correction.undo',
      targetKind: correction.targetKind,
      targetId: correction.targetId,
      note: `undo ${correction.id} (${correction.action})`,
    }
    if (correction.targetKind === 'site') {
      const date = (correction.patch as SitePatch).time.start
      const before = await siteState(s, correction.targetId, date)
      await markUndone(tx, id, author, at)
      const after = await siteState(s, correction.targetId, date)
      await recordAudit(tx, { ...audit, before, after })
      return { correction: done, site: after }
    }
    const event = await s.getEvent(correction.targetId)
    if (correction.targetKind === 'cluster') {
      const before = event ? await clusterOf(s, event) : []
      await markUndone(tx, id, author, at)
      const cluster = event ? await clusterOf(s, event) : []
      await recordAudit(tx, {
        ...audit,
        before: { clusters: [before] },
        after: { clusters: [cluster] },
      })
      return { correction: done, cluster }
    }
    await markUndone(tx, id, author, at)
    if (correction.articleId) await s.reapplyCorrections(correction.articleId)
    const now = await s.getEvent(correction.targetId)
    await recordAudit(tx, {
      ...audit,
      before: event ? withoutArticle(event) : null,
      after: now ? withoutArticle(now) : null,
    })
    return { correction: done, event: now }
  })
}
