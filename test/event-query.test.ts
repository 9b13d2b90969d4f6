/**
 * The event filters SQL applies (box, words, actors, a list of ids) and `minSources` through the
 * API, on PGlite and PostgreSQL: each gives exactly what the in-memory filters gave before (words:
 * what each search should find), and pages and totals agree with the whole list.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './support/backends.ts'
import { clusterEvents } from '../src/clusters/cluster-events.ts'
import { createApp } from '../src/server/create-app.ts'
import { inBbox, type Bbox } from '../src/server/query-params.ts'
import type { ApiEvent, ArticleEvent, EventActor, EventPlace } from '../src/model/index.ts'
import type { EventFilter, Extraction, Store } from '../src/store/store.ts'
import { addCorrection } from '../src/review/review-service.ts'

const SITE: EventPlace = {
  name: 'Albukamal-Al Qaim crossing',
  ref: 'crossing:albukamal-al-qaim',
  country: 'SY',
  lat: 34.4,
  lon: 40.98,
  precision: 'site',
  siteId: 'albukamal-al-qaim',
  text: 'Al Qaim',
}

/** Places around and exactly on the edges of the box 40,33,42,35, and far away. */
const PLACES: (EventPlace | null)[] = [
  SITE,
  { ...SITE, siteId: null, precision: 'town', ref: 'a', lon: 40, lat: 33 },
  { ...SITE, siteId: null, precision: 'town', ref: 'b', lon: 42, lat: 35 },
  { ...SITE, siteId: null, precision: 'town', ref: 'c', lon: 42.000001, lat: 34 },
  { ...SITE, siteId: null, precision: 'town', ref: 'd', lon: 41, lat: 32.999999 },
  { ...SITE, siteId: null, precision: 'region', ref: 'e', lon: -70.5, lat: -33.4 },
  null,
]

/** Mixed case, letters beyond ASCII (whose lower case is one letter) and LIKE's own characters. */
const SENTENCES = [
  'The CROSSING at Al Qaim reopened on Monday, officials said.',
  'Trucks crossed into Şanlıurfa after the ÉLYSÉE talks.',
  'A 100% closure_of the road \\ was announced.',
  'Straße und Grenze: the crossing stayed shut.',
  'Nothing happened.',
]

const ACTORS: EventActor[] = [
  { role: 'actor', id: 'pmu', name: 'PMU', text: 'PMU' },
  { role: 'target', id: 'idf', name: 'IDF', text: 'Israeli army' },
  { role: 'source', id: 'sana', name: 'SANA', text: 'SANA' },
]

function extraction(n: number, events: Omit<ArticleEvent, 'articleId'>[]): Extraction {
  const hash = n.toString(16).padStart(64, '0')
  const articleId = `a-${n}`
  return {
    document: { hash, origin: 'test', contentType: 'text/plain', content: `doc ${n}`, hints: {} },
    article: {
      id: articleId,
      documentHash: hash,
      title: `Report ${n}`,
      byline: null,
      outlet: `Outlet ${n}`,
      url: null,
      published: '2021-03-02',
      publishedStrategy: 'given',
      language: 'en',
      text: events.map((e) => e.sentence).join(' '),
    },
    mentions: [],
    events: events.map((e) => ({ ...e, articleId })),
    statusFacts: [],
    pipelineVersion: 'test',
  }
}

/**
 * Events crossing every place, sentence and actor set; each report's first event is the same
 * reopening (one cluster, as many sources as reports), the others mostly stand alone.
 */
function corpus(): Extraction[] {
  const certainty = 'stated' as const
  const precision = 'day' as const
  const out: Extraction[] = []
  for (let n = 0; n < 12; n++) {
    const events = [0, 1, 2].map((i) => {
      const k = n * 3 + i
      const day = i === 0 ? '2021-03-01' : `2021-0${1 + (k % 9)}-1${k % 10}`
      return {
        id: `e-${n}-${i}`,
        type: i === 1 ? ('airstrike' as const) : ('crossing-opened' as const),
        modality: 'asserted' as const,
        trigger: 'reopened',
        time:
          k % 11 === 5
            ? { start: '2021-01-01', end: '2021-12-31', precision: 'year' as const, certainty }
            : { start: k % 5 === 4 ? `${day}T10:00` : day, end: day, precision, certainty },
        place: i === 0 ? SITE : PLACES[k % PLACES.length],
        actors: ACTORS.slice(k % 3, (k % 3) + (k % 4)),
        sentence: SENTENCES[k % SENTENCES.length],
        evidenceStart: 0,
        evidenceEnd: 10,
        scope: null,
      }
    })
    out.push(extraction(n, events))
  }
  return out
}

const ids = (events: { id: string }[]) => events.map((e) => e.id)

for (const backend of backends()) {
  describe(`event filters in SQL on ${backend.name}`, () => {
    let store: Store
    let all: ApiEvent[]
    before(async () => {
      await backend.setup()
      store = await backend.open()
      for (const x of corpus()) await store.saveExtraction(x)
      all = (await store.listEvents({ limit: 10_000 })).events
    })
    after(async () => {
      await store?.close()
      await backend.teardown()
    })

    /** Asserts the SQL filter gives `expected` in the same order, whole and in pages of 4. */
    async function same(filter: EventFilter, expected: ApiEvent[], label: string) {
      const whole = await store.listEvents({ ...filter, limit: 10_000 })
      assert.deepEqual(ids(whole.events), ids(expected), label)
      assert.equal(whole.total, expected.length, label)
      const paged: ApiEvent[] = []
      for (let offset = 0; offset < expected.length + 4; offset += 4) {
        const page = await store.listEvents({ ...filter, limit: 4, offset })
        assert.equal(page.total, expected.length, `${label}: total at offset ${offset}`)
        paged.push(...page.events)
      }
      assert.deepEqual(ids(paged), ids(expected), `${label}: pages`)
    }

    it('filters by box like inBbox, edges included and unplaced events left out', async () => {
      assert.equal(all.length, 36)
      const boxes: Bbox[] = [
        [40, 33, 42, 35],
        [40.5, 33.5, 41.5, 35],
        [-71, -34, -70, -33],
        [-180, -90, 180, 90],
        [10, 10, 11, 11],
      ]
      for (const box of boxes) {
        const expected = all.filter((e) => inBbox(e.place, box))
        await same({ bbox: box }, expected, `bbox ${box.join(',')}`)
      }
    })

    it('finds sentences by their words ignoring case: all words, phrases, or, and -exclusions', async () => {
      // Which of SENTENCES each search finds: whole words (letters beyond ASCII too), never text
      // inside a word; "quoted" words in that order; `or` between alternatives; `-` leaves out.
      const searches: [string, number[]][] = [
        ['crossing', [0, 3]],
        ['CROSSING', [0, 3]],
        ['cross', []],
        ['şanlıurfa', [1]],
        ['ÉLYSÉE', [1]],
        ['élysée talks', [1]],
        ['qaim al', [0]],
        ['"al qaim"', [0]],
        ['"qaim al"', []],
        ['crossing -shut', [0]],
        ['shut or happened', [3, 4]],
        ['closure', [2]],
        ['100', [2]],
        ['straße', [3]],
        ['%', []],
        [' ', []],
        ['absent', []],
      ]
      for (const [words, found] of searches) {
        const expected = all.filter((e) => found.includes(SENTENCES.indexOf(e.sentence)))
        await same({ text: words }, expected, `q=${words}`)
      }
    })

    it('filters by overlap with dates, one-sided, reversed and to the minute', async () => {
      const ranges: [string | undefined, string | undefined][] = [
        ['2021-03-01', '2021-03-01'],
        ['2021-04-11', '2021-06-30'],
        ['2021-05-15', undefined],
        [undefined, '2021-02-28'],
        ['2021-06-01', '2021-04-01'],
        ['2022-01-01', undefined],
      ]
      for (const [from, to] of ranges) {
        const expected = all.filter(
          (e) => (!from || e.time.end >= from) && (!to || e.time.start <= to),
        )
        await same({ from, to }, expected, `from ${from} to ${to}`)
      }
    })

    it('filters by any of several actors in any role, and by a list of ids', async () => {
      for (const actorIds of [['pmu'], ['idf', 'sana'], ['nobody']]) {
        const expected = all.filter((e) => e.actors.some((a) => actorIds.includes(a.id)))
        await same({ actorIds }, expected, `actors ${actorIds.join(',')}`)
      }
      const some = ['e-3-1', 'e-0-0', 'e-11-2', 'e-missing']
      await same(
        { ids: some },
        all.filter((e) => some.includes(e.id)),
        'ids',
      )
      await same({ ids: [] }, [], 'no ids')
      const box: Bbox = [40, 33, 42, 35]
      await same(
        { bbox: box, text: 'crossing', types: ['crossing-opened'], actorIds: ['pmu'] },
        all.filter(
          (e) =>
            inBbox(e.place, box) &&
            e.sentence.toLowerCase().includes('crossing') &&
            e.type === 'crossing-opened' &&
            e.actors.some((a) => a.id === 'pmu'),
        ),
        'combined',
      )
    })

    it('answers minSources, bbox and q through the API as it did in memory', async () => {
      const app = createApp(store, { publicRead: true })
      const byEvent = new Map(
        clusterEvents(all).flatMap((c) => c.eventIds.map((id) => [id, c.lineages] as const)),
      )
      const cases: [string, (e: ApiEvent) => boolean][] = [
        ['minSources=2', (e) => (byEvent.get(e.id) ?? 1) >= 2],
        ['minSources=3', (e) => (byEvent.get(e.id) ?? 1) >= 3],
        [
          'minSources=2&bbox=40,33,42,35&q=Crossing',
          (e) =>
            (byEvent.get(e.id) ?? 1) >= 2 &&
            inBbox(e.place, [40, 33, 42, 35]) &&
            e.sentence.toLowerCase().includes('crossing'),
        ],
      ]
      for (const [query, keep] of cases) {
        const expected = all.filter(keep)
        assert.ok(expected.length > 0 && expected.length < all.length, query)
        const body = (await (
          await app.request(`/api/events?${query}&limit=5&offset=2`)
        ).json()) as {
          events: ApiEvent[]
          total: number
        }
        assert.equal(body.total, expected.length, query)
        assert.deepEqual(ids(body.events), ids(expected.slice(2, 7)), query)
      }
    })

    it('keeps a revision and the count of events not rejected as events are written, replaced and rejected', async () => {
      const own = await backend.open()
      try {
        const [first, second] = corpus()
        const unfiltered = async () => (await own.listEvents({ limit: 1, offset: 1 })).total
        const start = await own.eventRevision()
        await own.saveExtraction(first)
        await own.saveExtraction(second)
        assert.equal(await unfiltered(), 6)
        const written = await own.eventRevision()
        assert.ok(written.revision > start.revision, 'writing events changes the revision')
        // Extracted again with one event fewer: its old events go, the new ones come.
        await own.saveExtraction({ ...second, events: second.events.slice(0, 2) })
        assert.equal(await unfiltered(), 5)
        await addCorrection(own, { action: 'reject', event: 'e-0-1' }, 'ana')
        assert.equal(await unfiltered(), 4)
        assert.equal(
          (await own.listEvents({ limit: 1, offset: 1, includeRejected: true })).total,
          5,
        )
        assert.ok((await own.eventRevision()).revision > written.revision)
        assert.equal((await own.eventRevision()).sourcesRevision, null)
      } finally {
        await own.close()
      }
    })

    it("stores each event's sources once per revision and answers minSources from them after a restart", async () => {
      const own = await backend.open()
      try {
        const [first, second, third] = corpus()
        await own.saveExtraction(first)
        await own.saveExtraction(second)
        const sources = async (app: ReturnType<typeof createApp>) =>
          (
            (await (await app.request('/api/events?minSources=2&limit=1&offset=0')).json()) as {
              total: number
            }
          ).total
        assert.equal(await sources(createApp(own, { publicRead: true })), 2)
        const state = await own.eventRevision()
        assert.equal(state.sourcesRevision, state.revision)
        // Another server on the same data reads the stored counts without clustering again.
        let clustered = 0
        const overrides = own.clusterOverrides.bind(own)
        own.clusterOverrides = async () => {
          clustered++
          return overrides()
        }
        const restarted = createApp(own, { publicRead: true })
        assert.equal(await sources(restarted), 2)
        assert.equal(clustered, 0)
        // A third report of the same reopening: the counts are written again before the answer.
        await own.saveExtraction(third)
        assert.equal(await sources(restarted), 3)
        assert.equal(clustered, 1)
        const body = (await (
          await restarted.request('/api/events?minSources=3&limit=1&offset=1')
        ).json()) as { total: number; events: ApiEvent[] }
        assert.equal(body.total, 3)
        assert.deepEqual(ids(body.events), ['e-1-0'])
      } finally {
        await own.close()
      }
    })

    it('answers the API with the same events, as JSON built by the database', async () => {
      for (const filter of [
        { limit: 7, offset: 3 },
        { text: 'crossing', bbox: [40, 33, 42, 35] as Bbox },
      ]) {
        const json = await store.listEventsJson(filter)
        const objects = await store.listEvents(filter)
        assert.equal(json.total, objects.total)
        assert.deepEqual(
          json.events.map((e) => JSON.parse(e) as ApiEvent),
          JSON.parse(JSON.stringify(objects.events)),
        )
      }
    })
  })
}
