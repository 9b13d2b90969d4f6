/** The storage suite: runs once against PGlite and once against a real PostgreSQL server. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './support/backends.ts'
import type { Extraction } from '../src/store/store.ts'
import type { ArticleEvent, StatusFact } from '../src/model/index.ts'
import { listMigrations, migrate } from '../src/store/migrate.ts'

function extraction(hash: string, version = 'test-1', eventCount = 2): Extraction {
  const articleId = `a-${hash.slice(0, 16)}`
  const events: ArticleEvent[] = Array.from({ length: eventCount }, (_, i) => ({
    id: `e-${hash.slice(0, 8)}-${i}`,
    articleId,
    type: i === 0 ? 'crossing-opened' : 'airstrike',
    modality: i === 0 ? 'asserted' : 'alleged',
    trigger: i === 0 ? 're-opened' : 'airstrikes',
    time: {
      start: `2019-09-${10 + i}`,
      end: `2019-09-${10 + i}`,
      precision: 'day',
      certainty: 'stated',
    },
    place: {
      name: 'Albukamal–Al Qaim',
      ref: 'crossing:x',
      country: null,
      lat: 34.4,
      lon: 41,
      precision: 'site',
      siteId: i === 0 ? 'site-x' : null,
      text: 'the crossing',
    },
    actors: [],
    sentence: `Sentence ${i}.`,
    evidenceStart: i * 12,
    evidenceEnd: i * 12 + 11,
    scope: i === 0 ? 'all' : null,
  }))
  const statusFacts: StatusFact[] = [
    {
      siteId: 'site-x',
      eventId: events[0].id,
      articleId,
      status: 'open',
      scope: 'all',
      controller: null,
      time: events[0].time,
      modality: 'asserted',
      evidence: 'Sentence 0.',
    },
  ]
  return {
    document: {
      hash,
      origin: 'test',
      contentType: 'text/plain',
      content: `content of ${hash}`,
      hints: {},
    },
    article: {
      id: articleId,
      documentHash: hash,
      title: 'A title',
      byline: null,
      outlet: 'Test Wire',
      url: null,
      published: '2019-09-30T19:03+03:00',
      publishedStrategy: 'given',
      language: 'en',
      text: 'Sentence 0. Sentence 1.',
    },
    mentions: [
      { kind: 'time', text: 'Monday', start: 0, end: 6, type: 'DATE', value: events[0].time },
    ],
    events,
    statusFacts,
    pipelineVersion: version,
  }
}

for (const backend of backends()) {
  describe(`store on ${backend.name}`, () => {
    before(() => backend.setup())
    after(() => backend.teardown())

    it('applies every migration once, and again is a no-op', async () => {
      const store = await backend.open('migrations')
      try {
        const rows = await store.db.query<{ version: string }>(
          'select version from schema_migrations',
        )
        assert.deepEqual(
          rows.map((r) => r.version).sort(),
          listMigrations().map((m) => m.version),
        )
        assert.deepEqual(await migrate(store.db), [])
      } finally {
        await store.close()
      }
      const again = await backend.open('migrations')
      await again.close()
    })

    it('stores an extraction and reads it back with its article', async () => {
      const store = await backend.open()
      try {
        await store.saveExtraction(extraction('a'.repeat(64)))
        const { events, total } = await store.listEvents()
        assert.equal(total, 2)
        assert.equal(events[0].article.outlet, 'Test Wire')
        assert.equal(events[0].time.start, '2019-09-11')
        assert.deepEqual(await store.counts(), {
          documents: 1,
          articles: 1,
          events: 2,
          statusFacts: 1,
        })
        assert.equal(await store.extractedVersion('a'.repeat(64)), 'test-1')
        const mentions = await store.mentions(events[0].article.id)
        assert.equal(mentions[0].kind, 'time')
        assert.equal(mentions[0].text, 'Monday')
      } finally {
        await store.close()
      }
    })

    it('replaces an extraction instead of duplicating it', async () => {
      const store = await backend.open()
      try {
        await store.saveExtraction(extraction('b'.repeat(64), 'v1', 2))
        await store.saveExtraction(extraction('b'.repeat(64), 'v2', 1))
        assert.deepEqual(await store.counts(), {
          documents: 1,
          articles: 1,
          events: 1,
          statusFacts: 1,
        })
        assert.equal(await store.extractedVersion('b'.repeat(64)), 'v2')
      } finally {
        await store.close()
      }
    })

    it('keeps what was stored when a save fails half-way', async () => {
      const store = await backend.open()
      try {
        await store.saveExtraction(extraction('c'.repeat(64), 'v1', 2))
        const broken = extraction('c'.repeat(64), 'v2', 2)
        broken.events[1].id = broken.events[0].id
        await assert.rejects(store.saveExtraction(broken))
        assert.deepEqual(await store.counts(), {
          documents: 1,
          articles: 1,
          events: 2,
          statusFacts: 1,
        })
        assert.equal(await store.extractedVersion('c'.repeat(64)), 'v1')
      } finally {
        await store.close()
      }
    })

    it('filters events by type, site and time', async () => {
      const store = await backend.open()
      try {
        await store.saveExtraction(extraction('d'.repeat(64)))
        assert.equal((await store.listEvents({ types: ['airstrike'] })).total, 1)
        assert.equal((await store.listEvents({ siteId: 'site-x' })).total, 1)
        assert.equal((await store.listEvents({ from: '2019-09-11' })).total, 1)
        assert.equal((await store.listEvents({ to: '2019-09-10' })).total, 1)
        assert.equal((await store.listEvents({ from: '2020-01-01' })).total, 0)
        assert.equal((await store.statusFacts('site-x'))[0].status, 'open')
      } finally {
        await store.close()
      }
    })

    it('syncs sites without duplicating them', async () => {
      const store = await backend.open()
      try {
        const site = {
          id: 'site-x',
          kind: 'crossing' as const,
          name: 'X',
          names: ['X', 'Ex'],
          countries: ['SY', 'IQ'],
          lat: 34.4,
          lon: 41,
          source: 'test',
        }
        await store.syncSites([site], 'pack:test')
        await store.syncSites([{ ...site, name: 'X crossing' }], 'pack:test')
        const sites = await store.listSites()
        assert.equal(sites.length, 1)
        assert.equal(sites[0].name, 'X crossing')
        assert.deepEqual(sites[0].names, ['X', 'Ex'])
      } finally {
        await store.close()
      }
    })

    if (backend.name === 'pglite') {
      it('refuses a second opener of the same folder with a clear message', async () => {
        const store = await backend.open('locked')
        try {
          await assert.rejects(backend.open('locked'), (error: Error & { code?: string }) => {
            assert.equal(error.code, 'db-locked')
            assert.match(error.message, /in use by another borderwatch process \(pid \d+\)/)
            assert.match(error.message, /--db/)
            return true
          })
        } finally {
          await store.close()
        }
        const reopened = await backend.open('locked')
        assert.equal((await reopened.counts()).documents, 0)
        await reopened.close()
      })
    }
  })
}
