/**
 * Where one page's ingest time goes (issue 10): runs the pipeline over the scale corpus
 * (bench/bench-scale.ts) and, with `--store`, times the store write alone on PGlite and on an
 * embedded PostgreSQL server. For function-level shares run it under the V8 profiler and summarise
 * the profile it writes:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-pipeline.ts [pages]
 *   node --import tsx bench/profile-pipeline.ts --summarise /tmp/prof/FILE.cpuprofile [rows]
 *   node --import tsx bench/profile-pipeline.ts --summarise /tmp/prof/FILE.cpuprofile 30 recogniseActors
 *
 * (the last form breaks one function's inclusive time down by the functions it calls).
 * The summary lists each pipeline stage's inclusive share of the run, then the functions with
 * the most self time and the most inclusive time. Timings are for comparing runs made back to
 * back on the same machine; they are no throughput figure (that is `npm run bench`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { extractDocument, PIPELINE_VERSION } from '../src/pipeline/extract-document.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { openStore } from '../src/store/open-store.ts'
import type { Store } from '../src/store/store.ts'
import { startPostgres } from '../test/support/postgres-server.ts'
import { scaleCorpus } from './bench-scale.ts'

/** The functions `extractDocument` hands each stage to, in pipeline order. */
const STAGES = [
  'extractDocument',
  'extractArticle',
  'canonicalUrl',
  'recogniseTimes',
  'annotatePlaces',
  'eventPlaces',
  'recogniseActors',
  'extractEvents',
  'statusFacts',
  'foundSites',
  'minhash',
  'saveExtraction',
]

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/**
 * Self and inclusive milliseconds per function (recursion counted once), from a V8 profile; with
 * `focus`, also the inclusive time of each function called directly by the outermost `focus` frame.
 */
export function summariseProfile(
  profile: CpuProfile,
  focus?: string,
): {
  totalMs: number
  self: Map<string, number>
  inclusive: Map<string, number>
  callees: Map<string, number>
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').slice(-2).join('/')
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`
  }
  const sampleMs = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    sampleMs.set(id, (sampleMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  )
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const callees = new Map<string, number>()
  let totalMs = 0
  for (const [id, ms] of sampleMs) {
    totalMs += ms
    const leaf = byId.get(id)
    if (!leaf) continue
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + ms)
    const stack: ProfileNode[] = []
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1))
      stack.push(n)
    const onStack = new Set<string>()
    for (const n of stack) {
      onStack.add(label(n))
      onStack.add(`stage:${n.callFrame.functionName}`)
    }
    for (const l of onStack) inclusive.set(l, (inclusive.get(l) ?? 0) + ms)
    const outer = stack.findLastIndex((n) => n.callFrame.functionName === focus)
    if (outer >= 0) {
      const callee = outer > 0 ? label(stack[outer - 1]) : '(self)'
      callees.set(callee, (callees.get(callee) ?? 0) + ms)
    }
  }
  return { totalMs, self, inclusive, callees }
}

function printSummary(file: string, rows: number, focus?: string): void {
  const { totalMs, self, inclusive, callees } = summariseProfile(
    JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile,
    focus,
  )
  const pct = (ms: number) => `${((ms * 100) / totalMs).toFixed(1).padStart(5)}%`
  const line = (ms: number, what: string) =>
    process.stdout.write(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${what}\n`)
  process.stdout.write(`profile: ${totalMs.toFixed(0)} ms sampled\n\nstages (inclusive):\n`)
  for (const s of STAGES) line(inclusive.get(`stage:${s}`) ?? 0, s)
  const top = (m: Map<string, number>) =>
    [...m].filter(([k]) => !k.startsWith('stage:')).sort((a, b) => b[1] - a[1])
  process.stdout.write('\nself time:\n')
  for (const [k, ms] of top(self).slice(0, rows)) line(ms, k)
  process.stdout.write('\ninclusive time:\n')
  for (const [k, ms] of top(inclusive).slice(0, rows)) line(ms, k)
  if (!focus) return
  process.stdout.write(`\ncalled by ${focus} (inclusive):\n`)
  for (const [k, ms] of top(callees).slice(0, rows)) line(ms, k)
}

/** Milliseconds of CPU this process has used (user and system), steadier than wall time on a busy machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Milliseconds of CPU used by the PostgreSQL servers this process started and by their exited
 * backends (Linux /proc; 0 elsewhere).
 */
function serverCpuMs(): number {
  let ticks = 0
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[1]) !== process.pid || !stat.includes('(postgres)')) continue
      ticks += fields.slice(11, 15).reduce((n, f) => n + Number(f), 0)
    } catch {
      continue
    }
  }
  return ticks * 10
}

/** Stores every extraction of `docs` in `store`; returns the wall and CPU milliseconds it took. */
async function timeWrites(
  store: Store,
  extractions: ReturnType<typeof extractDocument>[],
  docs: Awaited<ReturnType<typeof scaleCorpus>>,
): Promise<{ wall: number; cpu: number }> {
  const t = performance.now()
  const c = cpuMs()
  for (const [i, x] of extractions.entries()) {
    await store.saveExtraction({ document: docs[i], ...x, pipelineVersion: PIPELINE_VERSION })
  }
  return { wall: performance.now() - t, cpu: cpuMs() - c }
}

async function profile(pages: number, withStore: boolean): Promise<void> {
  const docs = await scaleCorpus(pages)
  const ctx = defaultContext()
  ctx.gazetteer.lookup('damascus')
  const t = performance.now()
  const c = cpuMs()
  const extractions = docs.map((d) => extractDocument(d, ctx))
  const cpu = cpuMs() - c
  const ms = performance.now() - t
  const rate = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(1)} pages/s`
  const perPage = (ms: number) => `${(ms / docs.length).toFixed(2)} ms/page`
  process.stdout.write(
    `pipeline: ${docs.length} pages (${docs.real ?? 0} real) in ${ms.toFixed(0)} ms, ${rate(docs.length, ms)}; CPU ${perPage(cpu)}\n`,
  )
  if (!withStore) return
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borderwatch-profile-'))
  try {
    const store = await openStore({ dir })
    await syncPackSites(store)
    const write = await timeWrites(store, extractions, docs)
    await store.close()
    process.stdout.write(
      `store write, PGlite: ${rate(docs.length, write.wall)}; CPU ${perPage(write.cpu)}\n`,
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const server = await startPostgres()
  try {
    await server.createDatabase('bw_profile')
    const store = await openStore({ dir: '', databaseUrl: server.url('bw_profile') })
    await syncPackSites(store)
    await store.close()
    const before = serverCpuMs()
    const again = await openStore({ dir: '', databaseUrl: server.url('bw_profile') })
    const write = await timeWrites(again, extractions, docs)
    await again.close()
    await new Promise((resolve) => setTimeout(resolve, 500))
    process.stdout.write(
      `store write, PostgreSQL: ${rate(docs.length, write.wall)}; client CPU ${perPage(write.cpu)}, server CPU ${perPage(serverCpuMs() - before)}\n`,
    )
  } finally {
    await server.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  if (args[0] === '--summarise') printSummary(args[1], Number(args[2] ?? 30), args[3])
  else {
    const withStore = args.includes('--store')
    const pages = Number(args.find((a) => /^\d+$/.test(a)) ?? 400)
    await profile(pages, withStore)
  }
}
