/**
 * Load on the HTTP API (issue 11): autocannon drives `serve` over loopback for a bounded time with
 * reads alone, then with a read/write mix (corrections and ingests), signed in with an analyst token.
 * Records requests/second, p50/p99 latency and errors, then checks no write was lost or doubled.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import autocannon from 'autocannon'
import { openStore } from '../src/store/open-store.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'
import { createApp } from '../src/server/create-app.ts'
import { addUser } from '../src/auth/user-repository.ts'
import { createToken } from '../src/auth/token-repository.ts'
import { listCorrections } from '../src/review/correction-store.ts'

const CONNECTIONS = 8

type Request = NonNullable<autocannon.Options['requests']>[number]

/** One autocannon run: requests/second, latency percentiles and every kind of failure. */
async function drive(url: string, seconds: number, requests: Request[]) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    statuses: {
      '2xx': result['2xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
    },
  }
}

/**
 * Runs both loads for `seconds` each on a PGlite store holding the samples; returns table rows
 * `[load, requests/s, p50, p99, requests, failures, notes]`.
 */
export async function benchLoad(seconds: number): Promise<string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borderwatch-load-'))
  const store = await openStore({ dir })
  const ctx = defaultContext()
  try {
    await syncPackSites(store)
    await ingestSources(store, [SAMPLES_DIR], ctx)
    await addUser(store.db, 'loader', 'analyst', 'bench')
    const { token } = await createToken(store.db, 'loader', 'load bench', 'bench')
    const { events } = await store.listEvents({ limit: 1000 })
    const [article] = await store.db.query<{ id: string }>('select id from articles limit 1')
    // The limiter would turn most writes into 429s; the bench measures the server, not the limiter.
    const app = createApp(store, { context: () => ctx, writeRateLimit: { perMinute: 1e9 } })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const auth = { authorization: `Bearer ${token}` }
    const get = (p: string): Request => ({ method: 'GET', path: p, headers: auth })
    const reads = [
      get('/api/events?limit=100'),
      get('/api/events?type=airstrike,shelling&from=2019-01-01&to=2020-12-31'),
      get('/api/events?q=crossing&limit=50'),
      get('/api/sites'),
      get('/api/sites?on=2019-10-01'),
      get('/api/clusters?limit=50'),
      get(`/api/articles/${article.id}`),
      get('/api/route?origin=Tehran&destination=Beirut&on=2019-10-01'),
    ]
    let n = 0
    let confirmsSent = 0
    const json = { ...auth, 'content-type': 'application/json' }
    const writes: Request[] = [
      {
        method: 'POST',
        path: '/api/corrections',
        headers: json,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            sent: confirmsSent++,
            action: 'confirm',
            event: events[n++ % events.length].id,
            note: 'load bench',
          }),
        }),
      },
      {
        method: 'POST',
        path: '/api/ingest',
        headers: json,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            text: `Report ${n++} of the load bench. The Nasib crossing between Jordan and Syria reopened on Monday after three years, officials said.`,
            published: '2018-10-15',
          }),
        }),
      },
    ]
    const correctionsBefore = (await listCorrections(store.db)).length
    const readRun = await drive(url, seconds, reads)
    const mixRun = await drive(url, seconds, [...reads, ...writes])
    // Requests cut off when the time ran out may still be finishing on the server.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const stored = (await listCorrections(store.db)).length - correctionsBefore
    server.close()
    const row = (name: string, r: Awaited<ReturnType<typeof drive>>, notes: string) => [
      name,
      r.rps.toFixed(0),
      `${r.p50} ms`,
      `${r.p99} ms`,
      String(r.total),
      String(r.failures),
      notes,
    ]
    return [
      row(
        'reads',
        readRun,
        `${reads.length} kinds of GET in turn (events with filters, text search, sites on a date, clusters, an article, a route); ${CONNECTIONS} connections, ${seconds} s`,
      ),
      row(
        'reads + writes (80/20)',
        mixRun,
        `the same reads plus a correction (confirm) and an ingest of a short report per ${reads.length + writes.length} requests; corrections: ${confirmsSent} sent, ${stored} stored (those sent as time ran out may get no answer)`,
      ),
    ]
  } finally {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
