/**
 * Analysts' corrections: confirm, reject, edit, merge, split, set status, undo — audit-logged, and
 * still applied after the reports are extracted again. Runs against every storage backend.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './support/backends.ts'
import type { Store } from '../src/store/store.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { reprocess } from '../src/pipeline/reprocess.ts'
import { extractDocument, PIPELINE_VERSION } from '../src/pipeline/extract-document.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'
import { addCorrection, undoCorrection } from '../src/review/review-service.ts'
import { listCorrections } from '../src/review/correction-store.ts'
import { readAudit } from '../src/review/audit-log.ts'
import { applyEventCorrections } from '../src/review/apply-corrections.ts'
import { editPatch, parseReviewDate } from '../src/review/review-input.ts'
import { ReviewError } from '../src/review/review-error.ts'
import { sitesWithStatus } from '../src/sites/site-service.ts'
import { clusterEvents } from '../src/clusters/cluster-events.ts'
import type { ApiEvent, ArticleEvent, Correction } from '../src/model/index.ts'
import { createApp } from '../src/server/create-app.ts'
import { addUser } from '../src/auth/user-repository.ts'
import { createToken } from '../src/auth/token-repository.ts'
import { json } from './support/json-body.ts'

const ctx = defaultContext()

async function samples(store: Store): Promise<void> {
  await syncPackSites(store)
  await ingestSources(store, [SAMPLES_DIR], ctx)
}

/** The first stored event matching `pick`. */
async function eventWhere(store: Store, pick: (e: ApiEvent) => boolean): Promise<ApiEvent> {
  const { events } = await store.listEvents({ limit: 100_000, includeRejected: true })
  const found = events.find(pick)
  assert.ok(found, 'the samples hold such an event')
  return found
}

const albukamalOpened = (e: ApiEvent) =>
  e.type === 'crossing-opened' &&
  e.place?.siteId === 'albukamal-al-qaim' &&
  e.time.start === '2019-09-30'

async function statusOn(store: Store, siteId: string, date: string): Promise<string> {
  const [site] = (await sitesWithStatus(store, date)).filter((s) => s.id === siteId)
  return site.status
}

for (const backend of backends()) {
  describe(`review on ${backend.name}`, () => {
    let store: Store
    before(async () => {
      await backend.setup()
      store = await backend.open()
      await samples(store)
    })
    after(async () => {
      await store.close()
      await backend.teardown()
    })

    it('rejects an event: gone from listings and timelines, kept on record, and undone', async () => {
      const target = await eventWhere(store, albukamalOpened)
      const before = await store.listEvents({ limit: 100_000 })
      const { correction, event } = await addCorrection(
        store,
        { action: 'reject', event: target.id, note: 'test rejection' },
        'ana',
      )
      assert.equal(event?.review?.status, 'rejected')
      assert.deepEqual(event?.review?.corrections, [correction.id])
      const afterReject = await store.listEvents({ limit: 100_000 })
      assert.equal(afterReject.total, before.total - 1)
      assert.ok(!afterReject.events.some((e) => e.id === target.id))
      const all = await store.listEvents({ limit: 100_000, includeRejected: true })
      assert.equal(all.total, before.total)
      const facts = await store.statusFacts('albukamal-al-qaim')
      assert.ok(!facts.some((f) => f.eventId === target.id), 'a rejected event states no facts')

      const undone = await undoCorrection(store, correction.id, 'bob')
      assert.equal(undone.correction.undoneBy, 'bob')
      assert.equal(undone.event?.review, undefined)
      assert.equal((await store.listEvents({ limit: 100_000 })).total, before.total)
      assert.ok(
        (await store.statusFacts('albukamal-al-qaim')).some((f) => f.eventId === target.id),
        'its facts are back',
      )
      await assert.rejects(undoCorrection(store, correction.id, 'bob'), /already undone/)

      const audit = await readAudit(store.db, { targetId: target.id })
      assert.deepEqual(
        audit.map((a) => [a.action, a.actor]),
        [
          ['correction.undo', 'bob'],
          ['correction.reject', 'ana'],
        ],
      )
      const reject = audit[1]
      assert.equal((reject.before as ArticleEvent).review, undefined)
      assert.equal((reject.after as ArticleEvent).review?.status, 'rejected')
      assert.equal(reject.note, 'test rejection')
    })

    it('edits type, date, place and actors; the site timeline follows the edit', async () => {
      const target = await eventWhere(store, albukamalOpened)
      const sites = await store.listSites()
      const patch = editPatch(sites, target, {
        type: 'crossing-closed',
        from: '2019-10-02',
        place: 'Al Qaim',
        actors: ['PMU'],
      })
      const { correction, event } = await addCorrection(
        store,
        { action: 'edit', event: target.id, patch },
        'ana',
      )
      assert.equal(event?.type, 'crossing-closed')
      assert.deepEqual([event?.time.start, event?.time.end], ['2019-10-02', '2019-10-02'])
      assert.equal(event?.place?.siteId, 'albukamal-al-qaim')
      assert.deepEqual(
        event?.actors.filter((a) => a.role === 'actor').map((a) => a.id),
        ['pmu'],
      )
      assert.deepEqual(event?.review?.edited, ['actors', 'place', 'time', 'type'])
      const closed = (await store.statusFacts('albukamal-al-qaim')).find(
        (f) => f.eventId === target.id,
      )
      assert.equal(closed?.status, 'closed')
      assert.equal(closed?.time.start, '2019-10-02')
      // The type filter sees the corrected type.
      const listed = await store.listEvents({ types: ['crossing-closed'], limit: 100_000 })
      assert.ok(listed.events.some((e) => e.id === target.id))
      await undoCorrection(store, correction.id, 'ana')
      assert.equal((await store.getEvent(target.id))?.type, 'crossing-opened')
    })

    it('keeps corrections through re-extraction of every report', async () => {
      const target = await eventWhere(store, albukamalOpened)
      const { correction } = await addCorrection(
        store,
        { action: 'edit', event: target.id, patch: { modality: 'claimed' } },
        'ana',
      )
      const rejected = await eventWhere(
        store,
        (e) => e.type === 'crossing-opened' && e.id !== target.id,
      )
      await addCorrection(store, { action: 'reject', event: rejected.id }, 'ana')
      const summary = await reprocess(store, ctx, { all: true })
      assert.ok(summary.reprocessed >= 10)
      const again = await store.getEvent(target.id)
      assert.equal(again?.modality, 'claimed')
      assert.deepEqual(again?.review?.corrections, [correction.id])
      assert.ok(
        !(await store.listEvents({ limit: 100_000 })).events.some((e) => e.id === rejected.id),
      )
      for (const c of await listCorrections(store.db, { targetKind: 'event' }))
        await undoCorrection(store, c.id, 'ana')
    })

    it('re-finds an event whose id changed when its report was extracted again', async () => {
      const target = await eventWhere(store, albukamalOpened)
      const { correction } = await addCorrection(
        store,
        { action: 'edit', event: target.id, patch: { modality: 'alleged' } },
        'ana',
      )
      const [doc] = await store.db.query<{ hash: string }>(
        'select document_hash as hash from articles where id = $1',
        [target.articleId],
      )
      const [document] = (
        await store.documentsToReprocess({ version: 'none', after: '', limit: 100_000 })
      ).filter((d) => d.hash === doc.hash)
      const result = extractDocument(document, ctx)
      // An improved pipeline reads the time differently, so the event gets another id.
      const moved = result.events.map((e) =>
        e.id === target.id
          ? { ...e, id: `${e.id}-v2`, time: { ...e.time, precision: 'day' as const } }
          : e,
      )
      await store.saveExtraction({
        document,
        ...result,
        events: moved,
        pipelineVersion: PIPELINE_VERSION,
      })
      assert.equal(await store.getEvent(target.id), null)
      const found = await store.getEvent(`${target.id}-v2`)
      assert.equal(found?.modality, 'alleged')
      assert.deepEqual(found?.review?.corrections, [correction.id])
      await undoCorrection(store, correction.id, 'ana')
      await reprocess(store, ctx, { all: true })
    })

    it('sets a site status by hand: it wins its day, shows the note, and can be undone', async () => {
      assert.equal(await statusOn(store, 'albukamal-al-qaim', '2019-10-05'), 'open')
      const { correction, site } = await addCorrection(
        store,
        {
          action: 'set-status',
          site: 'Abu Kamal',
          status: {
            status: 'closed',
            scope: 'all',
            controller: 'Iraqi border guards',
            time: parseReviewDate('2019-10-05'),
          },
          note: 'closed after the strike, per border officials',
          source: 'phone call with the border authority',
        },
        'ana',
      )
      assert.equal(site?.status, 'closed')
      assert.equal(await statusOn(store, 'albukamal-al-qaim', '2019-10-06'), 'closed')
      const [api] = (await sitesWithStatus(store, '2019-10-06')).filter(
        (s) => s.id === 'albukamal-al-qaim',
      )
      const fact = api.timeline.at(-1)?.facts.find((f) => f.source?.kind === 'analyst')
      assert.match(fact?.evidence ?? '', /per border officials — Source: phone call/)
      assert.ok(api.controllers.includes('Iraqi border guards'))
      await undoCorrection(store, correction.id, 'ana')
      assert.equal(await statusOn(store, 'albukamal-al-qaim', '2019-10-06'), 'open')
      const audit = await readAudit(store.db, { targetId: 'albukamal-al-qaim' })
      assert.deepEqual(
        audit.map((a) => [
          a.action,
          (a.before as { status: string }).status,
          (a.after as { status: string }).status,
        ]),
        [
          ['correction.undo', 'closed', 'open'],
          ['correction.set-status', 'open', 'closed'],
        ],
      )
    })

    it('merges and splits clusters, by event ids that survive re-clustering', async () => {
      const { events } = await store.listEvents({ types: ['crossing-opened'], limit: 100_000 })
      const overrides = () => store.clusterOverrides()
      const clusterOf = async (id: string) =>
        clusterEvents(events, await overrides()).find((c) => c.eventIds.includes(id))!
      const merged = clusterEvents(events).find((c) => c.eventIds.length > 1)
      assert.ok(merged, 'the samples have a reopening told by two reports')
      const [a, b] = merged.eventIds
      const split = await addCorrection(
        store,
        { action: 'split', event: b, note: 'another day' },
        'ana',
      )
      assert.deepEqual(split.cluster, [b])
      assert.ok(!(await clusterOf(a)).eventIds.includes(b))
      assert.match((await clusterOf(b)).why.join(' '), /split off by ana/)
      const other = events.find((e) => e.place?.siteId !== merged.siteId)!
      const merge = await addCorrection(
        store,
        { action: 'merge', event: b, with: other.id, note: 'same happening' },
        'ana',
      )
      assert.deepEqual(new Set(merge.cluster), new Set([b, other.id]))
      await assert.rejects(
        addCorrection(store, { action: 'merge', event: a, with: a }, 'ana'),
        ReviewError,
      )
      await undoCorrection(store, merge.correction.id, 'ana')
      await undoCorrection(store, split.correction.id, 'ana')
      assert.deepEqual((await clusterOf(a)).eventIds, merged.eventIds)
    })

    it('refuses bad corrections with a message naming the input, storing nothing', async () => {
      const count = (await listCorrections(store.db, { includeUndone: true })).length
      await assert.rejects(
        addCorrection(store, { action: 'reject', event: 'e-nope' }, 'ana'),
        /event "e-nope": no such event/,
      )
      await assert.rejects(
        addCorrection(
          store,
          {
            action: 'set-status',
            site: 'Nowhere Crossing',
            status: {
              status: 'open',
              scope: 'all',
              controller: null,
              time: parseReviewDate('2020'),
            },
            note: 'x',
          },
          'ana',
        ),
        /site "Nowhere Crossing": no site by that name/,
      )
      const target = await eventWhere(store, albukamalOpened)
      await assert.rejects(
        addCorrection(store, { action: 'edit', event: target.id, patch: {} }, 'ana'),
        /nothing to change/,
      )
      assert.throws(() => parseReviewDate('2019-02-30'), /expected YYYY, YYYY-MM or YYYY-MM-DD/)
      assert.equal((await listCorrections(store.db, { includeUndone: true })).length, count)
    })
  })
}

describe('applying corrections (pure)', () => {
  const event = (id: string, start: number): ArticleEvent => ({
    id,
    articleId: 'a-1',
    type: 'airstrike',
    modality: 'reported',
    trigger: 'airstrikes',
    sentence: 'Unidentified aircraft carried out airstrikes near the crossing.',
    evidenceStart: start,
    evidenceEnd: start + 60,
    time: { start: '2019-09-29', end: '2019-09-29', precision: 'day', certainty: 'stated' },
    place: null,
    actors: [],
    scope: null,
  })
  const correction = (over: Partial<Correction>): Correction => ({
    id: 'r-1',
    targetKind: 'event',
    targetId: 'e-old',
    articleId: 'a-1',
    action: 'reject',
    anchor: {
      articleId: 'a-1',
      type: 'airstrike',
      trigger: 'airstrikes',
      sentence: 'Unidentified aircraft carried out airstrikes near the crossing.',
      evidenceStart: 100,
    },
    patch: {},
    note: null,
    source: null,
    author: 'ana',
    createdAt: '2026-01-01T00:00:00.000Z',
    undoneAt: null,
    undoneBy: null,
    ...over,
  })

  it('re-anchors by sentence and trigger to the nearest telling, and lists what it cannot find', () => {
    const { events, orphans } = applyEventCorrections(
      [event('e-new-far', 400), event('e-new', 104)],
      [correction({}), correction({ id: 'r-2', anchor: null, targetId: 'e-gone' })],
    )
    assert.equal(events.find((e) => e.id === 'e-new')?.review?.status, 'rejected')
    assert.equal(events.find((e) => e.id === 'e-new-far')?.review, undefined)
    assert.deepEqual(
      orphans.map((c) => c.id),
      ['r-2'],
    )
  })

  it('applies corrections in the order they were made; the last verdict stands; undone ones do not apply', () => {
    const { events } = applyEventCorrections(
      [event('e-old', 100)],
      [
        correction({ id: 'r-3', action: 'confirm', createdAt: '2026-01-03T00:00:00.000Z' }),
        correction({ id: 'r-1', createdAt: '2026-01-01T00:00:00.000Z' }),
        correction({
          id: 'r-2',
          action: 'edit',
          patch: { modality: 'asserted' },
          createdAt: '2026-01-02T00:00:00.000Z',
        }),
        correction({
          id: 'r-4',
          action: 'reject',
          createdAt: '2026-01-04T00:00:00.000Z',
          undoneAt: '2026-01-05T00:00:00.000Z',
        }),
      ],
    )
    assert.equal(events[0].review?.status, 'confirmed')
    assert.equal(events[0].modality, 'asserted')
    assert.deepEqual(events[0].review?.corrections, ['r-1', 'r-2', 'r-3'])
  })
})

describe('review over HTTP', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  const headers: Record<string, Record<string, string>> = {}
  const backend = backends()[0]
  before(async () => {
    store = await backend.open()
    await samples(store)
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      await addUser(store.db, role, role, 'test')
      const { token } = await createToken(store.db, role, null, 'test')
      headers[role] = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    }
    app = createApp(store, { publicRead: true })
  })
  after(async () => {
    await store.close()
    await backend.teardown()
  })

  const post = (path: string, role: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: headers[role], body: JSON.stringify(body) })

  it('lets analysts correct, records them as the author, and hides rejected events', async () => {
    const target = await eventWhere(store, albukamalOpened)
    const res = await post('/api/corrections', 'analyst', {
      action: 'reject',
      event: target.id,
      note: 'duplicate of another report',
    })
    assert.equal(res.status, 201)
    const body = await json(res)
    assert.equal(body.correction.author, 'analyst')
    assert.equal(body.event.review.status, 'rejected')
    const events = await json(app.request('/api/events?limit=10000'))
    assert.ok(!events.events.some((e: ApiEvent) => e.id === target.id))
    const clusters = await json(app.request(`/api/clusters?event=${target.id}`))
    assert.equal(clusters.clusters.length, 0, 'a rejected event is in no cluster')
    const list = await json(app.request(`/api/corrections?event=${target.id}`))
    assert.deepEqual(
      list.corrections.map((c: Correction) => c.id),
      [body.correction.id],
    )
    const undo = await post(`/api/corrections/${body.correction.id}/undo`, 'analyst', {})
    assert.equal(undo.status, 200)
    assert.equal((await json(undo)).event.review, undefined)
    assert.equal(
      (await post(`/api/corrections/${body.correction.id}/undo`, 'analyst', {})).status,
      409,
    )
  })

  it('edits with names and dates as typed, and sets a site status', async () => {
    const target = await eventWhere(store, albukamalOpened)
    const res = await post('/api/corrections', 'analyst', {
      action: 'edit',
      event: target.id,
      modality: 'claimed',
      from: '2019-09',
      actors: ['Kataib Hezbollah'],
    })
    assert.equal(res.status, 201)
    const { event, correction } = await json(res)
    assert.equal(event.modality, 'claimed')
    assert.deepEqual(
      [event.time.start, event.time.end, event.time.precision],
      ['2019-09-01', '2019-09-30', 'month'],
    )
    assert.equal(
      event.actors.find((a: { role: string }) => a.role === 'actor').id,
      'kataib-hezbollah',
    )
    await post(`/api/corrections/${correction.id}/undo`, 'analyst', {})

    const set = await post('/api/corrections', 'analyst', {
      action: 'set-status',
      site: 'albukamal-al-qaim',
      status: 'restricted',
      scope: 'goods',
      from: '2019-10-10',
      note: 'trucks turned back',
    })
    assert.equal(set.status, 201)
    const sites = await json(app.request('/api/sites?on=2019-10-11'))
    const site = sites.sites.find((s: { id: string }) => s.id === 'albukamal-al-qaim')
    assert.equal(site.status, 'restricted')
    await post(`/api/corrections/${(await json(set)).correction.id}/undo`, 'analyst', {})
  })

  it('refuses viewers and anonymous writers, keeps the audit log for admins, and names bad input', async () => {
    const target = await eventWhere(store, albukamalOpened)
    assert.equal(
      (await post('/api/corrections', 'viewer', { action: 'confirm', event: target.id })).status,
      403,
    )
    const anonymous = await app.request('/api/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'confirm', event: target.id }),
    })
    assert.equal(anonymous.status, 401)
    const bad = await post('/api/corrections', 'analyst', {
      action: 'edit',
      event: target.id,
      from: '2019-13',
    })
    assert.equal(bad.status, 400)
    assert.match((await json(bad)).error.message, /date "2019-13"/)
    const missing = await post('/api/corrections', 'analyst', {
      action: 'confirm',
      event: 'e-nope',
    })
    assert.equal(missing.status, 404)
    const shape = await post('/api/corrections', 'analyst', { action: 'launch', event: target.id })
    assert.equal(shape.status, 400)
    assert.equal((await app.request('/api/audit', { headers: headers.analyst })).status, 403)
    const audit = await json(
      app.request(`/api/audit?target=${target.id}`, { headers: headers.admin }),
    )
    assert.ok(audit.entries.length >= 4)
    assert.ok(audit.entries.every((e: { actor: string }) => e.actor === 'analyst'))
    assert.ok(audit.entries.some((e: { action: string }) => e.action === 'correction.undo'))
  })
})
