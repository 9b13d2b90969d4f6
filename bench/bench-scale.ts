/**
 * End-to-end ingest throughput at scale (issue 10): a corpus of generated HTML pages (the bundled
 * sample reports' own text in four page templates with navigation, related links and footers; no
 * copied text) plus the real pages of ../shared/eval's extraction sets when present (read from
 * there, never copied), ingested (a) in process into PGlite, (b) through pg-boss by one worker and
 * (c) by two workers on an embedded PostgreSQL server. Each run is a child process, so peak memory
 * is its own. Beside them, the pipeline alone and plain Readability on linkedom over the same
 * sample of pages, as the reference. Run alone with `node --import tsx bench/bench-scale.ts [pages]`
 * (default 20,000 generated pages).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { contentHash, readSources } from '../src/ingest/read-sources.ts'
import { extractArticle } from '../src/ingest/extract-article.ts'
import { extractDocument } from '../src/pipeline/extract-document.ts'
import type { RawDocument } from '../src/model/index.ts'
import { openStore } from '../src/store/open-store.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { bossQueue, inlineQueue, runWorker } from '../src/jobs/job-queue.ts'
import { startPostgres } from '../test/support/postgres-server.ts'
import { loadArticlePages } from './eval-article-set.ts'
import { loadTrafilaturaPages } from './eval-trafilatura-set.ts'
import { decodeHtml, readPage } from './eval-decode-html.ts'
import { readabilitySystem, type EvalPage } from './eval-systems.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SAMPLES = path.join(HERE, '../samples')
const EVAL = path.join(HERE, '../../shared/eval')

interface Sample {
  title: string
  published: string | null
  paragraphs: string[]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

async function samples(): Promise<Sample[]> {
  const out: Sample[] = []
  for await (const item of readSources([SAMPLES])) {
    if (!('document' in item)) continue
    const a = extractArticle(item.document)
    const paragraphs = a.text.split(/\n+/).filter((p) => p.trim())
    if (paragraphs.length) out.push({ title: a.title, published: a.published, paragraphs })
  }
  return out
}

/** Page `i` of the corpus: sample `i mod n` in template `i mod 4`, with a unique reference line. */
function page(i: number, all: Sample[]): string {
  const s = all[i % all.length]
  const related = [1, 2, 3]
    .map((k) => all[(i + k) % all.length].title)
    .map((t, k) => `<li><a href="/story/${i + k + 1}">${esc(t)}</a></li>`)
    .join('')
  const nav = ['World', 'Middle East', 'Politics', 'Opinion', 'Video', 'Live']
    .map((n) => `<a href="/${n.toLowerCase().replace(/ /g, '-')}">${n}</a>`)
    .join(' | ')
  const body = s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')
  const date = s.published
    ? `<meta property="article:published_time" content="${s.published}">`
    : ''
  const foot = `<footer><p>Reference ${i} · © Bench Wire</p><a href="/about">About</a></footer>`
  const head = `<!doctype html><html lang="en"><head><title>${esc(s.title)}</title>${date}</head><body>`
  switch (i % 4) {
    case 0:
      return `${head}<nav>${nav}</nav><article><h1>${esc(s.title)}</h1>${body}</article><aside><h2>Related</h2><ul>${related}</ul></aside>${foot}</body></html>`
    case 1:
      return `${head}<div class="header">${nav}</div><div class="content story-body"><h1>${esc(s.title)}</h1><div class="share">Share this</div>${body}</div><div class="sidebar"><ul>${related}</ul></div>${foot}</body></html>`
    case 2:
      return `${head}<header>${nav}</header><main><section class="article"><h1>${esc(s.title)}</h1><p class="byline">By Staff</p>${body}<div class="newsletter">Sign up for our newsletter</div></section></main><section class="more"><ul>${related}</ul></section>${foot}</body></html>`
    default:
      return `${head}<table><tr><td class="menu">${nav}</td></tr><tr><td id="main"><h1>${esc(s.title)}</h1>${body}</td><td><ul>${related}</ul></td></tr></table>${foot}</body></html>`
  }
}

/** A real news page of ../shared/eval, without its HTML: `html()` reads it again when needed. */
interface RealPage {
  id: string
  url?: string
  hash: string
  html: () => string
}

/** The real news pages of ../shared/eval's extraction sets, when that folder is there. */
function realPages(): RealPage[] {
  const sets: [string, (dir: string) => EvalPage[], (bytes: Buffer) => string][] = [
    ['article-extraction', loadArticlePages, (b) => new TextDecoder('utf-8').decode(b)],
    ['trafilatura-en', loadTrafilaturaPages, decodeHtml],
  ]
  return sets.flatMap(([name, load, decode]) => {
    const dir = path.join(EVAL, name)
    if (!fs.existsSync(dir)) return []
    return load(dir)
      .filter((p) => !p.loadError && p.html)
      .map(({ id, url, hash, file }) => ({
        id,
        ...(url ? { url } : {}),
        hash,
        html: () => readPage(file, decode).html,
      }))
  })
}

/** A corpus that makes its pages one at a time, so no process holds all of them at once. */
export interface ScaleCorpus {
  /** Generated pages. */
  generated: number
  /** Real pages of ../shared/eval (0 when that folder is missing). */
  real: number
  /** The generated pages in order, then every real page once. */
  documents(): Iterable<RawDocument>
}

/** The scale corpus: `pages` generated pages, then every real page of ../shared/eval once. */
export async function scaleCorpusStream(pages: number): Promise<ScaleCorpus> {
  const all = await samples()
  const seen = new Set<string>()
  const real = realPages().filter((p) => !seen.has(p.hash) && seen.add(p.hash))
  return {
    generated: pages,
    real: real.length,
    *documents() {
      for (let i = 0; i < pages; i++) {
        const content = page(i, all)
        yield {
          hash: contentHash(content),
          origin: `bench:${i}`,
          url: `https://bench.example/story/${i}`,
          contentType: 'text/html' as const,
          content,
          hints: {},
        }
      }
      for (const p of real)
        yield {
          hash: p.hash,
          origin: `eval:${p.id}`,
          ...(p.url ? { url: p.url } : {}),
          contentType: 'text/html' as const,
          content: p.html(),
          hints: {},
        }
    },
  }
}

/** The whole corpus in memory (for profiling); `real` says how many real pages end it. */
export async function scaleCorpus(pages: number): Promise<RawDocument[] & { real?: number }> {
  const corpus = await scaleCorpusStream(pages)
  return Object.assign([...corpus.documents()], { real: corpus.real })
}

/** A mix of generated and real pages for the in-memory rows: every real page and some generated. */
function memorySample(corpus: RawDocument[] & { real?: number }, size: number): RawDocument[] {
  const real = corpus.real ?? 0
  const generated = corpus.slice(0, corpus.length - real)
  return [...generated.slice(0, Math.max(0, size - real)), ...corpus.slice(corpus.length - real)]
}

interface ChildReport {
  jobs: number
  firstMs: number
  lastMs: number
  maxRssMiB: number
}

/** Child modes: `pglite <dir> <pages>` ingests in process; `worker <url>` works until the queue is empty. */
async function child(mode: string, arg: string, pages: number): Promise<void> {
  const pipeline = defaultContext()
  pipeline.gazetteer.lookup('damascus')
  let first = 0
  let last = 0
  let jobs = 0
  const tick = () => {
    const now = Date.now()
    if (!first) first = now
    last = now
    jobs++
  }
  if (mode === 'pglite') {
    const corpus = await scaleCorpusStream(pages)
    const store = await openStore({ dir: arg })
    await syncPackSites(store)
    const queue = inlineQueue({ store, pipeline })
    first = Date.now()
    for (const document of corpus.documents()) {
      await queue.enqueue({ kind: 'document', document })
      tick()
    }
    await store.close()
  } else {
    const store = await openStore({ dir: '', databaseUrl: arg })
    await runWorker(arg, { store, pipeline }, { untilEmpty: true, onOutcome: tick })
    await store.close()
  }
  const report: ChildReport = {
    jobs,
    firstMs: first,
    lastMs: last,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

function runChild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const c = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), ...args],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    c.stdout.on('data', (d: Buffer) => (out += d.toString()))
    c.on('error', reject)
    c.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildReport)
      else reject(new Error(`bench child ${args[0]} exited with ${code}`))
    })
  })
}

function dirSize(dir: string): number {
  let total = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    total += e.isDirectory() ? dirSize(p) : fs.statSync(p).size
  }
  return total
}

const rate = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(1)} pages/s`
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

/** Runs the three set-ups over `pages` generated pages and returns the table rows. */
export async function benchScale(pages = 20_000): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = []
  const rates: [string, number][] = []
  const corpus = await scaleCorpus(Math.min(pages, 1000))
  const sample = memorySample(corpus, 1000)
  const real = corpus.real ?? 0
  const what = `${sample.length - real} generated + ${real} real pages (../shared/eval)`
  const pipeline = defaultContext()
  pipeline.gazetteer.lookup('damascus')
  const t = performance.now()
  for (const d of sample) extractDocument(d, pipeline)
  const pipelineMs = performance.now() - t
  rows.push([
    'pipeline alone, in memory (1 core)',
    rate(sample.length, pipelineMs),
    `${what}, every stage, no database: the ceiling for one worker`,
  ])
  const r0 = performance.now()
  for (const d of sample)
    readabilitySystem.extract({ id: d.origin, file: '', html: d.content, hash: d.hash })
  const readabilityMs = performance.now() - r0
  rows.push([
    'reference: Readability on linkedom alone (1 core)',
    rate(sample.length, readabilityMs),
    `the same ${sample.length} pages, article text only (no dates, places, events or storage); ${readabilitySystem.version}`,
  ])
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borderwatch-scale-'))
  try {
    const p = await runChild(['pglite', dir, String(pages)])
    const ms = p.lastMs - p.firstMs
    rates.push(['PGlite', (p.jobs * 1000) / ms])
    rows.push([
      'PGlite, in process (1 core)',
      rate(p.jobs, ms),
      `${p.jobs} pages (${real} real) in ${(ms / 1000).toFixed(1)} s; peak ${p.maxRssMiB.toFixed(0)} MiB; database ${mib((dirSize(dir) * 10_000) / p.jobs)} per 10,000 articles; target ≥ 50`,
    ])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }

  const server = await startPostgres()
  try {
    const corpus = await scaleCorpusStream(pages)
    const total = corpus.generated + corpus.real
    for (const workers of [1, 2]) {
      const name = `bw_scale_${workers}`
      await server.createDatabase(name)
      const url = server.url(name)
      const store = await openStore({ dir: '', databaseUrl: url })
      await syncPackSites(store)
      const queue = await bossQueue(url)
      const t0 = performance.now()
      for (const document of corpus.documents()) await queue.enqueue({ kind: 'document', document })
      const enqueueMs = performance.now() - t0
      await queue.close()
      const reports = await Promise.all(
        Array.from({ length: workers }, () => runChild(['worker', url])),
      )
      const jobs = reports.reduce((n, r) => n + r.jobs, 0)
      const ms =
        Math.max(...reports.map((r) => r.lastMs)) - Math.min(...reports.map((r) => r.firstMs))
      rates.push([`PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`, (jobs * 1000) / ms])
      const size = await store.db.query<{ size: string }>(
        'select pg_database_size(current_database()) as size',
      )
      await store.close()
      rows.push([
        `PostgreSQL + pg-boss, ${workers} worker${workers > 1 ? 's' : ''}`,
        rate(jobs, ms),
        `${jobs} pages (${real} real) in ${(ms / 1000).toFixed(1)} s (enqueue ${rate(total, enqueueMs).replace('pages', 'jobs')}); peak ${Math.max(...reports.map((r) => r.maxRssMiB)).toFixed(0)} MiB per worker; database ${mib((Number(size[0].size) * 10_000) / jobs)} per 10,000 articles (with the finished jobs)`,
      ])
    }
  } finally {
    await server.stop()
  }
  const [best, perSecond] = [...rates].sort((a, b) => b[1] - a[1])[0]
  const minutes = 100_000 / perSecond / 60
  rows.push([
    '100,000 articles (a GDELT-scale day), projected',
    `${minutes.toFixed(1)} min`,
    `at the best rate measured above (${best}, ${perSecond.toFixed(1)} pages/s); target < 20 min`,
  ])
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, arg, pages] = process.argv.slice(2)
  if (mode === 'pglite' || mode === 'worker') await child(mode, arg, Number(pages ?? 0))
  else {
    const rows = await benchScale(Number(mode ?? 20_000))
    for (const r of rows) process.stdout.write(`${r.join(' | ')}\n`)
  }
}
