/** Every storage backend, so each storage test runs once per backend (Kysely's habit). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { openStore } from '../../src/store/open-store.ts'
import type { Store } from '../../src/store/store.ts'
import { startPostgres, type PostgresServer } from './postgres-server.ts'

/** A backend that hands out fresh, empty stores. */
export interface Backend {
  name: 'pglite' | 'postgres'
  setup(): Promise<void>
  /** A new empty store; the same `key` twice opens the same database. */
  open(key?: string): Promise<Store>
  teardown(): Promise<void>
}

/** A temp folder for a test, removed by the caller. */
export function tempDir(prefix = 'borderwatch-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

function pgliteBackend(): Backend {
  const dirs: string[] = []
  const byKey = new Map<string, string>()
  return {
    name: 'pglite',
    async setup() {},
    async open(key = crypto.randomUUID()) {
      let dir = byKey.get(key)
      if (!dir) {
        dir = tempDir()
        dirs.push(dir)
        byKey.set(key, dir)
      }
      return openStore({ dir })
    },
    async teardown() {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
    },
  }
}

function postgresBackend(): Backend {
  let server: PostgresServer | undefined
  const created = new Set<string>()
  return {
    name: 'postgres',
    async setup() {
      server = await startPostgres()
    },
    async open(key = crypto.randomUUID()) {
      const name = `bw_${key
        .replace(/[^a-z0-9]/gi, '')
        .slice(0, 40)
        .toLowerCase()}`
      if (!created.has(name)) {
        await server!.createDatabase(name)
        created.add(name)
      }
      return openStore({ dir: '', databaseUrl: server!.url(name) })
    },
    async teardown() {
      await server?.stop()
    },
  }
}

/** The backends every storage test runs against. */
export function backends(): Backend[] {
  return [pgliteBackend(), postgresBackend()]
}
