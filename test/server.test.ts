/** The HTTP API, called through `app.request()` with no socket (Hono's habit). */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createApp } from '../src/server/create-app.ts'
import { addUser } from '../src/auth/user-repository.ts'
import { createToken } from '../src/auth/token-repository.ts'
import { samplesStore, type SamplesStore } from './support/samples-store.ts'
import { json } from './support/json-body.ts'

describe('HTTP API', () => {
  let samples: SamplesStore
  let app: ReturnType<typeof createApp>
  /** An analyst's bearer header: reads are public here, writes need a user. */
  let analyst: { authorization: string }
  before(async () => {
    samples = await samplesStore()
    app = createApp(samples.store, { publicRead: true })
    await addUser(samples.store.db, 'analyst', 'analyst', 'test')
    const { token } = await createToken(samples.store.db, 'analyst', null, 'test')
    analyst = { authorization: `Bearer ${token}` }
  })
  after(() => samples.dispose())

  it('reports health with row counts', async () => {
    const res = await app.request('/api/health')
    assert.equal(res.status, 200)
    const body = await json(res)
    assert.equal(body.ok, true)
    assert.ok(body.articles >= 8)
  })

  it('lists events with their article, filtered by type', async () => {
    const all = await json(app.request('/api/events'))
    assert.ok(all.total > 10)
    assert.ok(
      all.events.every(
        (e: { sentence: string; article: { id: string } }) => e.sentence && e.article.id,
      ),
    )
    const opened = await json(app.request('/api/events?type=crossing-opened'))
    assert.ok(opened.total > 0 && opened.total < all.total)
    assert.ok(opened.events.every((e: { type: string }) => e.type === 'crossing-opened'))
  })

  it('answers a bad query with a JSON error, not a stack trace', async () => {
    const res = await app.request('/api/events?type=parade')
    assert.equal(res.status, 400)
    const body = await json(res)
    assert.equal(body.error.code, 'bad-request')
    assert.match(body.error.message, /type/)
    const bad = await app.request('/api/sites?asOf=yesterday')
    assert.equal(bad.status, 400)
    const none = await app.request('/api/nothing')
    assert.equal(none.status, 404)
    assert.equal((await json(none)).error.code, 'not-found')
  })

  it('gives sites with status as of a date, by any spelling', async () => {
    const res = await app.request('/api/sites/Nassib?asOf=2018-12-01')
    assert.equal(res.status, 200)
    const body = await json(res)
    assert.equal(body.sites[0].id, 'nasib-jaber')
    assert.equal(body.sites[0].status, 'open')
    const earlier = await json(app.request('/api/sites/Nassib?asOf=2016-06-01'))
    assert.equal(earlier.sites[0].status, 'closed')
  })

  it('exports the same events in every format', async () => {
    const total = (await json(app.request('/api/events'))).total
    const jsonl = (await (await app.request('/api/export?format=jsonl')).text()).trim().split('\n')
    assert.equal(jsonl.filter((l) => JSON.parse(l).kind === 'event').length, total)
    const clusters = await json(app.request('/api/clusters'))
    assert.equal(
      clusters.clusters.reduce((n: number, c: { eventIds: string[] }) => n + c.eventIds.length, 0),
      total,
    )
    const csv = await app.request('/api/export?format=csv')
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/)
    const geo = await json(app.request('/api/export?format=geojson'))
    assert.equal(geo.type, 'FeatureCollection')
  })

  it('filters events by bbox, actor, modality, text, sources and pages them', async () => {
    const all = await json(app.request('/api/events?limit=10000'))
    const box = await json(app.request('/api/events?bbox=40,33,42,35'))
    assert.ok(box.total > 0 && box.total < all.total)
    assert.ok(
      box.events.every(
        (e: { place: { lat: number; lon: number } }) =>
          e.place.lon >= 40 && e.place.lon <= 42 && e.place.lat >= 33 && e.place.lat <= 35,
      ),
    )
    const pmu = await json(app.request('/api/events?actor=PMU'))
    assert.ok(pmu.total > 0 && pmu.total < all.total)
    const asserted = await json(app.request('/api/events?modality=asserted'))
    assert.ok(asserted.events.every((e: { modality: string }) => e.modality === 'asserted'))
    const text = await json(app.request('/api/events?q=crossing'))
    assert.ok(text.total > 0)
    assert.ok(text.events.every((e: { sentence: string }) => /crossing/i.test(e.sentence)))
    const two = await json(app.request('/api/events?minSources=2'))
    assert.ok(two.total < all.total)
    const clusters = await json(app.request('/api/clusters?minSources=2'))
    const inClusters = clusters.clusters.flatMap((c: { eventIds: string[] }) => c.eventIds)
    assert.equal(two.total, inClusters.length)
    const page1 = await json(app.request('/api/events?limit=2&offset=0'))
    const page2 = await json(app.request('/api/events?limit=2&offset=2'))
    assert.equal(page1.events.length, 2)
    assert.notEqual(page1.events[0].id, page2.events[0].id)
    assert.equal(page1.total, all.total)
    const site = await json(app.request('/api/events?site=Nassib'))
    assert.ok(
      site.events.every((e: { place: { siteId: string } }) => e.place.siteId === 'nasib-jaber'),
    )
    for (const bad of ['bbox=1,2,3', 'minSources=0', 'from=2019', 'limit=0', 'modality=rumour']) {
      const res = await app.request(`/api/events?${bad}`)
      assert.equal(res.status, 400, bad)
      assert.equal((await json(res)).error.code, 'bad-request')
    }
    const nobody = await app.request('/api/events?actor=Nobody%20Atall')
    assert.equal(nobody.status, 404)
    assert.equal((await json(nobody)).error.code, 'unknown-actor')
  })

  it('gives the points of the same events as /api/events, in the same order and pages', async () => {
    for (const query of [
      'limit=10000',
      'type=crossing-opened',
      'minSources=2',
      'limit=3&offset=2',
    ]) {
      const events = await json(app.request(`/api/events?${query}`))
      const points = await json(app.request(`/api/event-points?${query}`))
      assert.equal(points.total, events.total, query)
      assert.deepEqual(
        points.points,
        events.events.map(
          (e: {
            id: string
            type: string
            place: { lon: number; lat: number } | null
            time: { start: string; end: string }
            articleId: string
          }) => ({
            id: e.id,
            type: e.type,
            lon: e.place?.lon ?? null,
            lat: e.place?.lat ?? null,
            start: e.time.start,
            end: e.time.end,
            articleId: e.articleId,
          }),
        ),
        query,
      )
    }
    const bad = await app.request('/api/event-points?type=parade')
    assert.equal(bad.status, 400)
  })

  it('finds the cluster of an event, with its sources', async () => {
    const { events } = await json(app.request('/api/events?limit=1'))
    const { clusters } = await json(app.request(`/api/clusters?event=${events[0].id}`))
    assert.equal(clusters.length, 1)
    assert.ok(clusters[0].sources.some((s: { eventId: string }) => s.eventId === events[0].id))
    const typed = await json(app.request('/api/clusters?type=crossing-opened'))
    assert.ok(typed.clusters.every((c: { type: string }) => c.type === 'crossing-opened'))
  })

  it('gives site status with on= as an alias of asOf, and lists articles', async () => {
    const on = await json(app.request('/api/sites?on=2016-06-01'))
    assert.equal(on.asOf, '2016-06-01')
    assert.equal(on.sites.find((s: { id: string }) => s.id === 'nasib-jaber').status, 'closed')
    const articles = await json(app.request('/api/articles?limit=3'))
    assert.equal(articles.articles.length, 3)
    assert.ok(articles.total >= 8)
  })

  it('describes every /api route in /openapi.json', async () => {
    const doc = await json(app.request('/openapi.json'))
    assert.equal(doc.openapi.slice(0, 2), '3.')
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && !r.path.includes('*'))
    assert.ok(routes.length >= 10)
    for (const r of routes) {
      const p = r.path.replace(/:(\w+)/g, '{$1}')
      assert.ok(doc.paths[p]?.[r.method.toLowerCase()], `${r.method} ${r.path} missing`)
    }
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops as object)) {
        const hono = p.replace(/\{(\w+)\}/g, ':$1')
        assert.ok(
          routes.some((r) => r.path === hono && r.method.toLowerCase() === m),
          `${m} ${p} documented but not served`,
        )
      }
    }
  })

  it('ingests a posted report, a file, and refuses a private URL per item', async () => {
    const text =
      'The Tal Abyad border crossing between Syria and Turkey was closed on Tuesday, officials said.'
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...analyst },
      body: JSON.stringify({ text, published: '2023-02-07', title: 'Tal Abyad closed' }),
    })
    assert.equal(res.status, 200)
    const body = await json(res)
    assert.equal(body.stored, 1)
    assert.equal(body.items[0].status, 'stored')
    assert.equal(body.items[0].input, 'Tal Abyad closed')
    const found = await json(app.request('/api/events?q=Tal%20Abyad'))
    assert.ok(found.total >= 1)
    assert.ok(
      found.events.some(
        (e: { article: { id: string } }) => e.article.id === body.items[0].articleId,
      ),
    )

    const again = await json(
      app.request('/api/ingest', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...analyst },
        body: JSON.stringify([{ text, published: '2023-02-07' }, { url: 'http://127.0.0.1:9/x' }]),
      }),
    )
    assert.equal(again.unchanged, 1)
    assert.equal(again.failed, 1)
    assert.equal(again.errors[0].input, 'http://127.0.0.1:9/x')
    assert.match(again.errors[0].message, /private|public|loopback|refused/i)

    const form = new FormData()
    form.append('file', new Blob(['<html><body><p>bad\u0000</p></body></html>']), 'binary.html')
    form.append(
      'file',
      new Blob(['Rebels seized the Bab al-Hawa crossing on Friday, the observatory reported.']),
      'bab-al-hawa.txt',
    )
    form.append('published', '2012-07-20')
    const uploaded = await json(
      app.request('/api/ingest', { method: 'POST', headers: analyst, body: form }),
    )
    assert.equal(uploaded.stored, 1)
    assert.equal(uploaded.failed, 1)
    assert.equal(uploaded.errors[0].input, 'binary.html')
    assert.doesNotMatch(JSON.stringify(uploaded), /borderwatch-upload-/)

    for (const [body, type, status] of [
      ['{"text": ""}', 'application/json', 400],
      ['{"text": "a", "url": "http://example.org"}', 'application/json', 400],
      ['{"text": "x", "published": "last week"}', 'application/json', 400],
      ['{oops', 'application/json', 400],
      ['plain', 'text/plain', 415],
    ] as const) {
      const bad = await app.request('/api/ingest', {
        method: 'POST',
        headers: { 'content-type': type, ...analyst },
        body,
      })
      assert.equal(bad.status, status, body)
      const err = await json(bad)
      assert.ok(err.error.code && err.error.message, body)
      assert.doesNotMatch(err.error.message, /\n\s+at /)
    }
  })
})
