/** The HTTP API, called through `app.request()` with no socket (Hono's habit). */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createApp } from '../src/server/create-app.ts'
import { samplesStore, type SamplesStore } from './support/samples-store.ts'

/** A response body as loosely typed JSON, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(res: Response | Promise<Response>): Promise<any> {
  return (await res).json()
}

describe('HTTP API', () => {
  let samples: SamplesStore
  let app: ReturnType<typeof createApp>
  before(async () => {
    samples = await samplesStore()
    app = createApp(samples.store)
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
})
