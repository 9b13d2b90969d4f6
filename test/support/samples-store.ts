/** A fresh embedded store with the bundled samples ingested, for API and browser tests. */
import fs from 'node:fs'
import { openStore } from '../../src/store/open-store.ts'
import type { Store } from '../../src/store/store.ts'
import { defaultContext, syncPackSites } from '../../src/pipeline/open-context.ts'
import { ingestSources } from '../../src/pipeline/ingest-sources.ts'
import { SAMPLES_DIR } from '../../src/cli/commands.ts'
import { tempDir } from './backends.ts'

/** The store and how to remove it. */
export interface SamplesStore {
  store: Store
  dispose: () => Promise<void>
}

/** Opens a store in a temp folder and ingests `samples/` into it. */
export async function samplesStore(): Promise<SamplesStore> {
  const dir = tempDir()
  const store = await openStore({ dir })
  const ctx = defaultContext()
  await syncPackSites(store)
  await ingestSources(store, [SAMPLES_DIR], ctx)
  return {
    store,
    async dispose() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
