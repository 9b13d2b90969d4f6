/** Corrections and the audit log over HTTP: analysts confirm, reject, edit, merge, split, set status, undo. */
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import { EventType, Modality, SitePatch } from '../model/index.js'
import { addCorrection, undoCorrection, type CorrectionRequest } from '../review/review-service.js'
import { listCorrections } from '../review/correction-store.js'
import { readAudit } from '../review/audit-log.js'
import { editPatch, reviewTime } from '../review/review-input.js'
import { ReviewError } from '../review/review-error.js'
import { AppError } from './app-error.js'
import type { AppEnv } from './app-env.js'
import { parseQuery } from './query-params.js'

const text = z.string().trim().min(1).max(2000)
const said = { note: text.optional(), source: text.optional() }
const id = z.string().trim().min(1).max(200)
const names = z.array(z.string().trim().min(1).max(200)).max(50)

/** The body of `POST /api/corrections`, one shape per action. */
export const CorrectionBody = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['confirm', 'reject', 'split']), event: id, ...said }),
  z.object({ action: z.literal('merge'), event: id, with: id, ...said }),
  z.object({
    action: z.literal('edit'),
    event: id,
    type: EventType.optional(),
    modality: Modality.optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    place: z.string().trim().max(200).nullable().optional(),
    actors: names.optional(),
    targets: names.optional(),
    ...said,
  }),
  z.object({
    action: z.literal('set-status'),
    site: id,
    status: SitePatch.shape.status.default(null),
    scope: SitePatch.shape.scope.default('all'),
    controller: z.string().trim().min(1).max(500).nullable().default(null),
    from: z.string(),
    to: z.string().optional(),
    ...said,
  }),
])
export type CorrectionBody = z.infer<typeof CorrectionBody>

const ListQuery = z.object({
  event: id.optional(),
  site: id.optional(),
  all: z.enum(['0', '1', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
})

const AuditQuery = z.object({
  target: id.optional(),
  actor: id.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
})

/** A refused correction as the API's error. */
function asAppError(error: unknown): never {
  if (error instanceof ReviewError) {
    const status = error.code === 'not-found' ? 404 : error.code === 'already-undone' ? 409 : 400
    throw new AppError(status, error.code, error.message)
  }
  throw error
}

async function bodyOf(c: Context<AppEnv>): Promise<CorrectionBody> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new AppError(400, 'bad-request', 'the body must be JSON')
  }
  const parsed = CorrectionBody.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(400, 'bad-request', `body field "${issue.path.join('.')}": ${issue.message}`)
  }
  return parsed.data
}

/** The request a body stands for, with names and dates resolved. */
async function requestOf(store: Store, body: CorrectionBody): Promise<CorrectionRequest> {
  const said = { note: body.note ?? null, source: body.source ?? null }
  switch (body.action) {
    case 'set-status':
      return {
        action: body.action,
        site: body.site,
        status: {
          status: body.status,
          scope: body.scope,
          controller: body.controller,
          time: reviewTime(body.from, body.to),
        },
        ...said,
      }
    case 'edit': {
      const current = await store.getEvent(body.event)
      if (!current) throw new ReviewError('not-found', `event "${body.event}": no such event`)
      const fields = {
        type: body.type,
        modality: body.modality,
        from: body.from,
        to: body.to,
        place: body.place,
        actors: body.actors,
        targets: body.targets,
      }
      const patch = editPatch(await store.listSites(), current, fields)
      return { action: body.action, event: body.event, patch, ...said }
    }
    case 'merge':
      return { action: body.action, event: body.event, with: body.with, ...said }
    default:
      return { action: body.action, event: body.event, ...said }
  }
}

/**
 * Registers the review routes; `onChange` runs after every correction or undo (to drop caches).
 * @example registerReviewApi(app, store, () => clusters.invalidate())
 */
export function registerReviewApi(app: Hono<AppEnv>, store: Store, onChange: () => void): void {
  const author = (c: Context<AppEnv>) => c.get('principal')?.name ?? 'anonymous'

  app.get('/api/corrections', async (c) => {
    const q = parseQuery(ListQuery, c.req.query())
    const corrections = await listCorrections(store.db, {
      ...(q.event ? { targetId: q.event } : {}),
      ...(q.site ? { targetKind: 'site' as const, targetId: q.site } : {}),
      includeUndone: q.all === '1' || q.all === 'true',
      limit: q.limit,
    })
    return c.json({ corrections })
  })

  app.post('/api/corrections', async (c) => {
    const body = await bodyOf(c)
    const result = await requestOf(store, body)
      .then((request) => addCorrection(store, request, author(c)))
      .catch(asAppError)
    onChange()
    return c.json(result, 201)
  })

  app.post('/api/corrections/:id/undo', async (c) => {
    const result = await undoCorrection(store, c.req.param('id'), author(c)).catch(asAppError)
    onChange()
    return c.json(result)
  })

  app.get('/api/audit', async (c) => {
    const q = parseQuery(AuditQuery, c.req.query())
    const entries = await readAudit(store.db, {
      ...(q.target ? { targetId: q.target } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      limit: q.limit,
    })
    return c.json({ entries })
  })
}
