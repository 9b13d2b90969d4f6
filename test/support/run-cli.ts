/** Runs the real `borderwatch` binary in a child process, as a user would. */
import { spawn, spawnSync } from 'node:child_process'
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

function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.DATABASE_URL
  delete env.BORDERWATCH_DB
  return env
}

/**
 * Like {@link runCli} without blocking this process, for tests whose own server must keep
 * answering while the command runs.
 */
export function runCliAsync(db: string, args: string[], script = BIN): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const runner = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script]
    const child = spawn(process.execPath, [...runner, '--db', db, ...args], { env: cliEnv() })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** Runs `borderwatch ...args` with the embedded database in `db`. */
export function runCli(db: string, args: string[], input?: string): CliRun {
  const env = cliEnv()
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    input,
    env,
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
