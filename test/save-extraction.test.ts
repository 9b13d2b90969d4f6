/** Storing an extraction on every backend: rows kept verbatim, replaced whole on re-extraction. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './support/backends.ts'
import { contentHash } from '../src/ingest/read-sources.ts'
import { defaultContext } from '../src/pipeline/open-context.ts'
import { extractDocument, PIPELINE_VERSION } from '../src/pipeline/extract-document.ts'
import { ingestDocument } from '../src/pipeline/ingest-sources.ts'
import type { Mention, RawDocument } from '../src/model/index.ts'

const REPORT =
  'Amman, May 6, 2024\n\nJordan closed the Jaber crossing with Syria on Monday after clashes near Nassib, officials said.\n'

function document(content: string): RawDocument {
  return {
    hash: contentHash(content),
    origin: 'test',
    contentType: 'text/plain',
    content,
    hints: {},
  }
}

/** Mentions whose text and values hold what array literals and JSON must escape. */
const AWKWARD: Mention[] = [
  {
    kind: 'actor',
    text: 'NULL',
    start: 0,
    end: 4,
    actorId: 'a"b',
    name: '{x,y}',
    actorKind: 'government',
    country: null,
  },
  {
    kind: 'actor',
    text: 'back\\slash "quoted", {braced}',
    start: 5,
    end: 9,
    actorId: 'c\\d',
    name: 'Ḥimṣ — ’',
    actorKind: 'armed-group',
    country: 'SY',
  },
  {
    kind: 'actor',
    text: '',
    start: 10,
    end: 10,
    actorId: 'e',
    name: ' ',
    actorKind: 'unidentified',
    country: null,
  },
]

for (const backend of backends()) {
  describe(`saving extractions on ${backend.name}`, () => {
    before(() => backend.setup())
    after(() => backend.teardown())

    it('stores mentions verbatim and replaces an earlier extraction whole', async () => {
      const store = await backend.open()
      try {
        const ctx = defaultContext()
        const doc = document(REPORT)
        const result = extractDocument(doc, ctx)
        const id = result.article.id
        await store.saveExtraction({ document: doc, ...result, pipelineVersion: PIPELINE_VERSION })
        const first = await store.db.query<{ n: number }>(
          'select count(*)::int as n from mentions where article_id = $1',
          [id],
        )
        assert.equal(first[0].n, result.mentions.length)

        await store.saveExtraction({
          document: doc,
          ...result,
          mentions: AWKWARD,
          pipelineVersion: 'next',
        })
        const rows = await store.db.query<{
          seq: number
          kind: string
          text: string
          value: unknown
        }>('select seq, kind, text, value from mentions where article_id = $1 order by seq', [id])
        assert.deepEqual(
          rows.map((r) => [r.seq, r.kind, r.text, r.value]),
          AWKWARD.map(({ kind, text, start: _s, end: _e, ...value }, seq) => [
            seq,
            kind,
            text,
            value,
          ]),
        )
        const articles = await store.db.query<{ pipeline_version: string; lineage_id: string }>(
          'select pipeline_version, lineage_id from articles where document_hash = $1',
          [doc.hash],
        )
        assert.deepEqual(articles, [{ pipeline_version: 'next', lineage_id: id }])
        const bands = await store.db.query<{ n: number }>(
          'select count(*)::int as n from article_bands where article_id = $1',
          [id],
        )
        assert.equal(bands[0].n, 16)

        await store.saveExtraction({
          document: doc,
          ...result,
          mentions: [],
          signature: [],
          pipelineVersion: 'last',
        })
        const counts = await store.db.query<{ mentions: number; bands: number }>(
          `select (select count(*)::int from mentions where article_id = $1) as mentions,
                  (select count(*)::int from article_bands where article_id = $1) as bands`,
          [id],
        )
        assert.deepEqual(counts, [{ mentions: 0, bands: 0 }])
      } finally {
        await store.close()
      }
    })

    it('stores one of two copies of a page ingested at the same moment', async () => {
      const store = await backend.open()
      try {
        const ctx = defaultContext()
        const page = (n: number) =>
          `<html><head><link rel="canonical" href="https://news.example/story"></head><body><article><p>Jordan reopened the Jaber crossing with Syria on Monday, officials said, and the first traders crossed before noon. Edition ${n}.</p></article></body></html>`
        const copies = [1, 2].map((n) => ({
          ...document(page(n)),
          contentType: 'text/html' as const,
        }))
        const outcomes = await Promise.all(copies.map((d) => ingestDocument(store, d, ctx)))
        assert.deepEqual(outcomes.map((o) => o.status).sort(), ['duplicate', 'stored'])
        assert.equal((await store.counts()).documents, 1)
      } finally {
        await store.close()
      }
    })
  })
}
