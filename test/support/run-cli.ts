/** Runs the real `borderwatch` binary in a child process, as a user would. */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The `borderwatch` executable. */
export const BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../bin/borderwatch.js',
)

/** The outcome of one command. */
export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `borderwatch ...args` with the embedded database in `db`. */
export function runCli(db: string, args: string[], input?: string): CliRun {
  const env = { ...process.env }
  delete env.DATABASE_URL
  delete env.BORDERWATCH_DB
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    input,
    env,
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
