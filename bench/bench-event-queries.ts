/**
 * Event query latency (issue 9): a database of synthetic events, then a mix of `GET /api/events`
 * queries with varied parameters (no filter, type, dates, box, actor, site, text, minimum sources,
 * deep offsets, a combination) through `createApp(store).request()`, no socket; each request
 * timed until its body is read. Runs on PGlite and on an embedded PostgreSQL server.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { loadKnowledge } from '../src/places/load-packs.ts'
import { createApp } from '../src/server/create-app.ts'
import { openStore } from '../src/store/open-store.ts'
import type { Store } from '../src/store/store.ts'
import { tempDir } from '../test/support/backends.ts'
import { startPostgres } from '../test/support/postgres-server.ts'
import { seededRandom } from './seeded-random.ts'
import { loadSyntheticEvents } from './synthetic-events.ts'

/** Timings of one kind of query, in ms. */
export interface QueryTimings {
  kind: string
  example: string
  times: number[]
  /** Median `total` of the answers: how many events the filters let through. */
  matched: number
}

/** One backend's results. */
export interface BackendReport {
  backend: 'pglite' | 'postgres'
  events: number
  loadSeconds: number
  /** The first query that needs clusters: clustering every event once, in ms. */
  clusterBuild: number
  kinds: QueryTimings[]
}

const TYPES = ['crossing-opened', 'crossing-closed', 'airstrike', 'shelling', 'clash', 'statement']
/** The words text searches look for. */
export const WORDS = [
  'smuggling',
  'customs',
  'aid convoys',
  'refugees',
  'reinforcements',
  'qaim',
  'wall',
]
const PAGE = 100

type Pick = <T>(items: T[]) => T

/** The kinds of query and how each draws its parameters. */
function queryKinds(
  sites: { name: string; lat: number; lon: number }[],
  actors: string[],
): { kind: string; path: (pick: Pick, rand: () => number) => string }[] {
  const month = (rand: () => number, months = 1) => {
    const m = Math.floor(rand() * (60 - months))
    const from = new Date(Date.UTC(2020, m, 1))
    const to = new Date(Date.UTC(2020, m + months, 0))
    return `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`
  }
  const box = (pick: Pick, rand: () => number) => {
    const s = pick(sites)
    const half = 0.25 + rand() * 1.5
    const f = (n: number) => n.toFixed(2)
    return `bbox=${f(s.lon - half)},${f(s.lat - half)},${f(s.lon + half)},${f(s.lat + half)}`
  }
  return [
    { kind: 'first page, no filter', path: () => `limit=${PAGE}` },
    { kind: 'default page (1,000 events)', path: () => '' },
    { kind: 'type', path: (pick) => `type=${pick(TYPES)}&limit=${PAGE}` },
    { kind: 'date range (a month)', path: (_, rand) => `${month(rand)}&limit=${PAGE}` },
    { kind: 'bbox', path: (pick, rand) => `${box(pick, rand)}&limit=${PAGE}` },
    {
      kind: 'actor',
      path: (pick) => `actor=${encodeURIComponent(pick(actors))}&limit=${PAGE}`,
    },
    {
      kind: 'site',
      path: (pick) => `site=${encodeURIComponent(pick(sites).name)}&limit=${PAGE}`,
    },
    {
      kind: 'text (q)',
      path: (pick) => `q=${encodeURIComponent(pick(WORDS))}&limit=${PAGE}`,
    },
    {
      kind: 'minSources (clusters cached)',
      path: (_, rand) => `minSources=${2 + Math.floor(rand() * 3)}&limit=${PAGE}`,
    },
    {
      kind: 'deep offset',
      path: (_, rand) => `limit=${PAGE}&offset=${10_000 + Math.floor(rand() * 89_000)}`,
    },
    {
      kind: 'type + quarter + bbox',
      path: (pick, rand) =>
        `type=${pick(TYPES)}&${month(rand, 3)}&${box(pick, rand)}&limit=${PAGE}`,
    },
  ]
}

async function timeRequest(
  app: ReturnType<typeof createApp>,
  path: string,
): Promise<{ ms: number; total: number }> {
  const t = performance.now()
  const res = await app.request(path)
  const body = await res.text()
  const ms = performance.now() - t
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`)
  return { ms, total: (JSON.parse(body) as { total: number }).total }
}

/** Times `rounds` queries of every kind against `store`, interleaved in a random order, after one untimed round. */
export async function runMix(
  store: Store,
  rounds: number,
): Promise<Omit<BackendReport, 'backend' | 'events' | 'loadSeconds'>> {
  const knowledge = loadKnowledge()
  const sites = knowledge.crossings.slice(0, 20)
  const actors = knowledge.actors.slice(0, 30).map((a) => a.aliases[0] ?? a.name)
  const kinds = queryKinds(sites, actors)
  const app = createApp(store, { publicRead: true })
  const rand = seededRandom(42)
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)]
  const clusterBuild = (await timeRequest(app, '/api/events?minSources=2&limit=1')).ms
  for (const k of kinds) await timeRequest(app, `/api/events?${k.path(pick, rand)}`)
  const plan = kinds.flatMap((k, i) => Array.from({ length: rounds }, () => i))
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[plan[i], plan[j]] = [plan[j], plan[i]]
  }
  const results = kinds.map((k) => ({
    kind: k.kind,
    example: '',
    times: [] as number[],
    totals: [] as number[],
  }))
  for (const i of plan) {
    const path = `/api/events?${kinds[i].path(pick, rand)}`.replace(/\?$/, '')
    const { ms, total } = await timeRequest(app, path)
    results[i].times.push(ms)
    results[i].totals.push(total)
    results[i].example ||= path
  }
  return {
    clusterBuild,
    kinds: results.map(({ totals, ...r }) => ({ ...r, matched: percentile(totals, 0.5) })),
  }
}

/** The nearest-rank percentile `p` (0–1) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN
}

/**
 * Builds `events` synthetic events in each backend and times `rounds` queries of every kind.
 * PostgreSQL is vacuumed and analysed after the load, as its autovacuum would soon do; PGlite is
 * measured as the store's own maintenance leaves it (src/store/pglite-maintenance.ts).
 */
export async function benchEventQueries(events = 100_000, rounds = 20): Promise<BackendReport[]> {
  /** Loads the corpus into `store` (then runs `settle`), times the mix, and closes the store. */
  const measure = async (
    backend: BackendReport['backend'],
    store: Store,
    settle: () => Promise<void> = async () => {},
  ): Promise<BackendReport> => {
    try {
      const t = performance.now()
      const corpus = await loadSyntheticEvents(store, events)
      await settle()
      const loadSeconds = (performance.now() - t) / 1000
      return { backend, events: corpus.events, loadSeconds, ...(await runMix(store, rounds)) }
    } finally {
      await store.close()
    }
  }
  const reports: BackendReport[] = []
  const dir = tempDir('borderwatch-queries-')
  try {
    reports.push(await measure('pglite', await openStore({ dir })))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const server = await startPostgres()
  try {
    await server.createDatabase('bw_bench_queries')
    const store = await openStore({ dir: '', databaseUrl: server.url('bw_bench_queries') })
    reports.push(await measure('postgres', store, () => store.db.exec('vacuum analyze')))
  } finally {
    await server.stop()
  }
  return reports
}
