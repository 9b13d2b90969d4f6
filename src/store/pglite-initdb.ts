/**
 * Creates a new embedded database in a short-lived child process. PGlite's initdb grows its
 * WebAssembly memory to several hundred MiB, which a process never hands back; done in a child
 * that then exits, the process that opens the created database stays that much smaller.
 */
import fs from 'node:fs'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/** Plain JavaScript, so the child needs no TypeScript loader. */
const INITDB = `
const [module, dataDir] = process.argv.slice(1)
import(module)
  .then(async ({ PGlite }) => {
    const db = await PGlite.create(dataDir)
    await db.close()
  })
  .catch((error) => {
    process.stderr.write(String((error && error.message) || error))
    process.exit(1)
  })
`

/** True when `dataDir` holds no database yet. */
export function needsInitdb(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'))
}

/** Runs initdb for `dataDir` in a child process; rejects with PGlite's message when it fails. */
export function initdbInChild(dataDir: string): Promise<void> {
  const module = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=commonjs', '-e', INITDB, module, dataDir],
      { maxBuffer: 1024 * 1024 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(stderr.trim() || error.message)) : resolve(),
    )
  })
}
