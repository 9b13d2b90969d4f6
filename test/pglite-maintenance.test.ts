/** PGlite has no autovacuum: the store vacuums and analyses a table once it has grown enough. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { openStore } from '../src/store/open-store.ts'
import { tempDir } from './support/backends.ts'

describe('PGlite maintenance', () => {
  it('vacuums and analyses a grown table after enough write transactions', async () => {
    const dir = tempDir()
    const store = await openStore({ dir })
    try {
      const stats = async () =>
        (
          await store.db.query<{ relpages: number; reltuples: number }>(
            `select relpages, reltuples from pg_class where relname = 'settings'`,
          )
        )[0]
      assert.equal((await stats()).relpages, 0)
      for (let t = 0; t < 50; t++)
        await store.db.transaction(async (tx) => {
          for (let i = 0; i < 60; i++)
            await tx.query('insert into settings (key, value) values ($1, $2)', [
              `k-${t}-${i}`,
              'x'.repeat(200),
            ])
        })
      const after = await stats()
      assert.ok(after.relpages > 64, `relpages ${after.relpages}`)
      assert.ok(after.reltuples > 2000, `reltuples ${after.reltuples}`)
    } finally {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
