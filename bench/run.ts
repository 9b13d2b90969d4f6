/**
 * `npm run bench`: pipeline and ingest throughput on the bundled samples, then the event queries
 * and the map's first render at scale (bench/bench-web.ts). Prints the tables and writes them to
 * docs/benchmarks.md with the command and machine that produced them. `npm run bench -- web` runs
 * only the latter, `npm run bench -- load` only the API load (bench/bench-load.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { readSources } from '../src/ingest/read-sources.ts'
import type { RawDocument } from '../src/model/index.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { extractDocument, readArticle } from '../src/pipeline/extract-document.ts'
import { extractArticle } from '../src/ingest/extract-article.ts'
import { recogniseTimes } from '../src/time/recognise-times.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { openStore } from '../src/store/open-store.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'
import { machineLine, markdownTable, writeSection } from './report-section.ts'
import { benchRoute } from './bench-route.ts'
import { benchScale } from './bench-scale.ts'
import { benchWeb } from './bench-web.ts'
import { benchLoad } from './bench-load.ts'

const ROUNDS = 20

async function sampleDocuments(): Promise<RawDocument[]> {
  const docs: RawDocument[] = []
  for await (const item of readSources([SAMPLES_DIR]))
    if ('document' in item) docs.push(item.document)
  return docs
}

/** The API under load (issue 11), in its own section of docs/benchmarks.md. */
async function runLoad(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20)
  const load = markdownTable(
    ['load', 'requests/s', 'p50', 'p99', 'requests', 'errors', 'notes'],
    await benchLoad(seconds),
  )
  process.stdout.write(`${load}\n`)
  writeSection(
    'load',
    'API under load (autocannon)',
    `Produced by \`npm run bench\` (or \`npm run bench -- load\`; bench/bench-load.ts, BENCH_LOAD_SECONDS=${seconds} s a load) on ${new Date().toISOString().slice(0, 10)}, ${machineLine()}. \`serve\` on loopback over PGlite with the samples, an analyst token, the write rate limit raised so the server and not the limiter is measured; "errors" counts connection errors, timeouts and non-2xx answers.\n\n${load}`,
  )
}

async function main(): Promise<void> {
  const rows: [string, string, string][] = []
  const t0 = performance.now()
  const ctx = defaultContext()
  ctx.gazetteer.lookup('damascus')
  rows.push([
    'knowledge load (gazetteer + actors)',
    `${(performance.now() - t0).toFixed(0)} ms`,
    'once per process',
  ])

  const docs = await sampleDocuments()
  const t1 = performance.now()
  let events = 0
  for (let r = 0; r < ROUNDS; r++)
    for (const d of docs) events += extractDocument(d, ctx).events.length
  const perDoc = (performance.now() - t1) / (ROUNDS * docs.length)
  rows.push([
    'pipeline, document → events (in memory)',
    `${(1000 / perDoc).toFixed(1)} docs/s`,
    `${perDoc.toFixed(1)} ms/doc over ${ROUNDS}×${docs.length} sample reports, ${events / ROUNDS} events per round`,
  ])

  const articles = docs.map((d) => extractArticle(d))
  const timeRounds = ROUNDS * 10
  let timeMentions = 0
  const t4 = performance.now()
  for (let r = 0; r < timeRounds; r++)
    for (const a of articles)
      timeMentions += recogniseTimes(a.text, { published: a.published ?? '2020-01-01' }).length
  const perTimeDoc = (performance.now() - t4) / (timeRounds * articles.length)
  rows.push([
    'time annotation alone (one core)',
    `${(1000 / perTimeDoc).toFixed(0)} articles/s`,
    `${perTimeDoc.toFixed(2)} ms/article over ${timeRounds}×${articles.length} sample articles, ${timeMentions / timeRounds} time mentions per round; target ≥ 1,000`,
  ])

  const t5 = performance.now()
  let annotatedEvents = 0
  for (let r = 0; r < ROUNDS; r++)
    for (const a of articles) annotatedEvents += readArticle(a, ctx, a.url).events.length
  const perAnnotated = (performance.now() - t5) / (ROUNDS * articles.length)
  rows.push([
    'full annotation: times, places, actors, events (one core)',
    `${(1000 / perAnnotated).toFixed(0)} articles/s`,
    `${perAnnotated.toFixed(2)} ms/article over ${ROUNDS}×${articles.length} sample articles (article text already extracted), ${annotatedEvents / ROUNDS} events per round; target ≥ 200`,
  ])

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borderwatch-bench-'))
  try {
    const store = await openStore({ dir })
    await syncPackSites(store)
    const t2 = performance.now()
    const summary = await ingestSources(store, [SAMPLES_DIR], ctx)
    const ingestMs = performance.now() - t2
    const t3 = performance.now()
    await ingestSources(store, [SAMPLES_DIR], ctx)
    const againMs = performance.now() - t3
    await store.close()
    rows.push([
      'ingest into PGlite (new reports)',
      `${((summary.stored * 1000) / ingestMs).toFixed(1)} docs/s`,
      `${summary.stored} reports in ${ingestMs.toFixed(0)} ms`,
    ])
    rows.push([
      'ingest again (all already stored)',
      `${((summary.stored * 1000) / againMs).toFixed(1)} docs/s`,
      `${againMs.toFixed(0)} ms`,
    ])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  rows.push(await benchRoute())
  // Issue 10's corpus is 20,000 pages (about half an hour here); BENCH_PAGES sets a smaller one.
  rows.push(...(await benchScale(Number(process.env.BENCH_PAGES ?? 20_000))))
  await runLoad()
  rows.push([
    'peak resident memory of this bench process (max RSS)',
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    'the harness, not an ingest process: the rows above in one process (gazetteer, PGlite, the in-memory sample of 1,000 pages, Readability, the load test with its server); each ingest set-up above reports its own peak',
  ])

  const table = markdownTable(['measure', 'result', 'notes'], rows)
  process.stdout.write(`${table}\n`)
  writeSection(
    'pipeline',
    'Pipeline and ingest speed',
    `Produced by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, ${machineLine()}.\nThe corpus is the ${docs.length} bundled sample reports; it measures speed, not accuracy.\n\n${table}`,
  )
  await benchWeb()
}

if (process.argv[2] === 'web') await benchWeb()
else if (process.argv[2] === 'load') await runLoad()
else await main()
