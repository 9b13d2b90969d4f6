/** Re-extraction of stored documents, on every storage backend: stale only, all, and resumed. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { backends } from './support/backends.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { reprocess } from '../src/pipeline/reprocess.ts'
import { PIPELINE_VERSION } from '../src/pipeline/extract-document.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'

const ctx = defaultContext()
const INPUTS = [
  'nasib-jaber-2018-10-15.html',
  'al-qaim-2019-09-30.txt',
  'rafah-2024-05-07.html',
].map((f) => path.join(SAMPLES_DIR, f))

for (const backend of backends()) {
  describe(`reprocess on ${backend.name}`, () => {
    before(() => backend.setup())
    after(() => backend.teardown())

    it('re-extracts only what an older pipeline read, then nothing', async () => {
      const store = await backend.open()
      try {
        await syncPackSites(store)
        await ingestSources(store, INPUTS, ctx)
        const events = (await store.counts()).events
        await store.db.query(
          `update articles set pipeline_version = 'old' where title like 'Jordan and Syria%'`,
        )
        assert.deepEqual(await reprocess(store, ctx, { batchSize: 1 }), {
          reprocessed: 1,
          events: (await store.listEvents({ limit: 1000 })).events.filter((e) =>
            e.article.title.startsWith('Jordan and Syria'),
          ).length,
        })
        assert.equal((await reprocess(store, ctx)).reprocessed, 0)
        const counts = await store.counts()
        assert.equal(counts.events, events)
        assert.equal(counts.documents, 3)
        const versions = await store.db.query<{ pipeline_version: string }>(
          'select distinct pipeline_version from articles',
        )
        assert.deepEqual(versions, [{ pipeline_version: PIPELINE_VERSION }])
      } finally {
        await store.close()
      }
    })

    it('re-extracts everything with --all, and resumes an interrupted run', async () => {
      const store = await backend.open()
      try {
        await syncPackSites(store)
        await ingestSources(store, INPUTS, ctx)
        assert.equal((await reprocess(store, ctx, { all: true, batchSize: 2 })).reprocessed, 3)
        assert.equal(await store.getSetting('reprocess-all-started'), null)
        // An --all run that stopped after one document: its start is recorded, that document is newer.
        const started = new Date(Date.now() - 60_000).toISOString()
        await store.setSetting('reprocess-all-started', started)
        await store.db.query(
          `update articles set extracted_at = $1 where title not like 'Jordan and Syria%'`,
          [new Date(Date.now() - 3_600_000).toISOString()],
        )
        assert.equal((await reprocess(store, ctx, { all: true })).reprocessed, 2)
        assert.equal((await store.counts()).articles, 3)
      } finally {
        await store.close()
      }
    })
  })
}
