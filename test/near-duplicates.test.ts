/** Near-duplicates: MinHash estimates, and lineages assigned in the store on every backend. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { bandKeys, minhash, shingles, similarity } from '../src/ingest/near-duplicates.ts'
import { backends } from './support/backends.ts'
import { defaultContext } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import type { Store } from '../src/store/store.ts'

/** Ingests each text as a document of its own through standard input, in order. */
async function ingestEach(store: Store, docs: string[]): Promise<void> {
  const ctx = defaultContext()
  let n = 0
  const stdin = async () => Buffer.from(docs[n++])
  for (let i = 0; i < docs.length; i++)
    await ingestSources(store, ['-'], ctx, {}, undefined, { stdin })
}

const WIRE =
  'Jordan and Syria reopened their main border crossing on Monday, more than three years after rebel fighters captured the Syrian side and severed one of the busiest overland trade routes in the region. The gate at the Jaber post on the Jordanian side swung open at 8 a.m., a border official said, though by late morning only a trickle of travellers and a few traders had crossed. Syrian state television showed the Nassib terminal largely empty. The reopening followed a meeting of technical committees at which the two sides agreed the final arrangements.'
const REPUBLISHED = `${WIRE.replace('8 a.m.', '8 a.m. local time')} Reporting by a staff correspondent; editing by the desk.`
const OTHER =
  'Israeli forces took control of the Palestinian side of the Rafah crossing between Gaza and Egypt early on Tuesday, closing the main gateway for people and humanitarian aid on the southern border, after a night of strikes on the eastern part of the city. The United Nations said its staff were denied access to the crossing.'

describe('minhash', () => {
  it('estimates a republished copy as similar and another story as not', () => {
    assert.ok(similarity(minhash(WIRE), minhash(REPUBLISHED)) >= 0.6)
    assert.ok(similarity(minhash(WIRE), minhash(OTHER)) < 0.2)
    assert.equal(similarity(minhash(WIRE), minhash(WIRE)), 1)
    assert.deepEqual(minhash(''), [])
    assert.equal(bandKeys(minhash(WIRE)).length, 16)
  })

  it('hashes each five-word shingle as its words joined by spaces', () => {
    const fnv = (text: string) => {
      let h = 0x811c9dc5
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
      return h >>> 0
    }
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
    const text =
      'Ḥimṣ, Homs and HOMS: the crossing at al-Qa’im reopened on 3 May. The crossing reopened.'
    const w = words(text)
    const expected = new Set(
      w.slice(0, w.length - 4).map((_, i) => fnv(w.slice(i, i + 5).join(' '))),
    )
    assert.deepEqual(shingles(text), expected)
    assert.deepEqual(shingles('Two words'), new Set([fnv('two words')]))
    assert.deepEqual(shingles(' — '), new Set())
  })
})

for (const backend of backends()) {
  describe(`lineages on ${backend.name}`, () => {
    before(() => backend.setup())
    after(() => backend.teardown())

    it('puts copies of one wire story in one lineage, and other stories in their own', async () => {
      const store = await backend.open()
      try {
        const docs = [WIRE, REPUBLISHED, OTHER].map(
          (text, i) => `Title ${i}\n\nOctober 15, 2018\n\n${text}\n`,
        )
        await ingestEach(store, docs)
        const rows = await store.db.query<{ title: string; id: string; lineage_id: string }>(
          'select title, id, lineage_id from articles order by title',
        )
        assert.equal(rows.length, 3)
        assert.equal(rows[1].lineage_id, rows[0].id, 'the republished copy joins the first lineage')
        assert.equal(rows[2].lineage_id, rows[2].id, 'another story starts its own')
        const { events } = await store.listEvents()
        assert.ok(events.every((e) => e.article.lineageId))
      } finally {
        await store.close()
      }
    })

    it('keeps a story copied verbatim many times, and its near copies, in one lineage', async () => {
      const store = await backend.open()
      try {
        // More exact copies than the candidates compared, so the copies are found by their bands
        // in index order; the edited copy and the other story go through the band counting.
        const copies = Array.from({ length: 20 }, (_, i) => `Wire copy ${i}\n\n${WIRE}\n`)
        const docs = [...copies, `Edited copy\n\n${REPUBLISHED}\n`, `Other story\n\n${OTHER}\n`]
        await ingestEach(store, docs)
        const rows = await store.db.query<{ title: string; id: string; lineage_id: string }>(
          'select title, id, lineage_id from articles',
        )
        const first = rows.find((r) => r.title === 'Wire copy 0')
        assert.ok(first)
        const lineages = new Map(rows.map((r) => [r.title, r.lineage_id]))
        for (let i = 0; i < 20; i++) assert.equal(lineages.get(`Wire copy ${i}`), first.id)
        assert.equal(lineages.get('Edited copy'), first.id)
        const other = rows.find((r) => r.title === 'Other story')
        assert.equal(other?.lineage_id, other?.id)
      } finally {
        await store.close()
      }
    })
  })
}
