/**
 * `npm run eval:extract`: scores borderwatch's article extractor against Readability on the public
 * article-extraction and trafilatura-en sets, checks the metric code against published peer
 * scores, prints the tables and writes them to docs/benchmarks.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ArticlePage } from './eval-article-set.ts'
import { loadArticlePages, loadArticlePeers } from './eval-article-set.ts'
import type { MetadataScores } from './eval-metadata-metric.ts'
import { dateOutcome, hasGold, isoDay, metadataScores } from './eval-metadata-metric.ts'
import {
  cellNumber,
  findRow,
  headlineScore,
  readmeOrigin,
  readmeRows,
} from './eval-published-scores.ts'
import type { PageError, SystemRun } from './eval-run-pages.ts'
import { runSystem, timePasses, WARMUP_PAGES } from './eval-run-pages.ts'
import type { SegmentScores } from './eval-segment-metric.ts'
import { countSegments, segmentScores } from './eval-segment-metric.ts'
import type { BodyScores, ShingleCounts } from './eval-shingle-metric.ts'
import {
  bodyScores,
  pageF1,
  pagePrecision,
  pageRecall,
  scorePage,
  wordTokens,
} from './eval-shingle-metric.ts'
import type { EvalSystem, Extraction } from './eval-systems.ts'
import { borderwatchSystem, readabilitySystem } from './eval-systems.ts'
import type { TrafilaturaPage } from './eval-trafilatura-set.ts'
import { loadTrafilaturaPages, loadTrafilaturaPeers } from './eval-trafilatura-set.ts'
import { machineLine, markdownTable, writeSection } from './report-section.ts'

const REPO = path.resolve(import.meta.dirname, '..')
const EVAL_DIR = path.resolve(import.meta.dirname, '../../shared/eval')
const ARTICLE_DIR = path.join(EVAL_DIR, 'article-extraction')
const TRAFILATURA_DIR = path.join(EVAL_DIR, 'trafilatura-en')
const COMMAND = '`npm run eval:extract` (bench/eval-extract.ts)'
const SYSTEMS: EvalSystem[] = [borderwatchSystem, readabilitySystem]
/** Timed passes over the article-extraction pages per system, the scoring pass included. */
const SPEED_PASSES = 3

/**
 * What the article-extraction README publishes for each stored peer output: the phrase its
 * "Peers run here" headline F1 follows, and the results-table row it says the run equals.
 */
const PEER_CLAIMS: Record<string, { phrase: string; row?: string }> = {
  'readability_linkedom_blocktext.json': { phrase: 'with block-aware text' },
  'readability_linkedom_textContent.json': {
    phrase: 'linkedom `textContent`',
    row: 'readability_js',
  },
  'readability_jsdom_textContent.json': { phrase: 'jsdom 29.1.1' },
  'article_extractor_blocktext.json': { phrase: 'article-extractor 9.0.1' },
  'py_readability_lxml.json': { phrase: 'html-text 0.5.2' },
}

/** Published article-extraction rows shown beside ours: [first cell prefix, version]. */
const PUBLISHED_BODY_ROWS: [string, string | undefined][] = [
  ['rs_trafilatura', undefined],
  ['trafilatura', '2.0.0'],
  ['readability_js', undefined],
]

/** Published trafilatura rows (whole multilingual set) shown beside ours. */
const PUBLISHED_SEGMENT_ROWS = [
  'trafilatura 2.2.0 (standard)',
  'readability-lxml 0.8.4.1',
  'baseline (text markup)',
]

const f3 = (n: number) => n.toFixed(3)
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '—')
const today = new Date().toISOString().slice(0, 10)

function print(title: string, table: string): void {
  process.stdout.write(`\n## ${title}\n\n${table}\n`)
}

function readme(dir: string): string {
  const file = path.join(dir, 'README.md')
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
}

function dataLine(dir: string, pages: number, text: string): string {
  return `Data: \`${path.relative(REPO, dir)}\` (${pages} pages; source ${readmeOrigin(text)}, per its README.md).`
}

function headerLine(): string {
  return `Produced by ${COMMAND} on ${today}, ${machineLine()}.`
}

function scoreBodies(pages: ArticlePage[], body: (id: string) => string): ShingleCounts[] {
  return pages.map((p) => scorePage(p.goldBody, body(p.id)))
}

function bodyOf(run: SystemRun, id: string): string {
  return run.outputs.get(id)?.body ?? ''
}

/** True when every published number given equals ours to 3 decimals. */
function agrees(ours: number[], published: (number | null)[]): boolean {
  return published.every((p, i) => p === null || f3(p) === f3(ours[i]))
}

interface ArticleResult {
  runs: Map<string, SystemRun>
  /** Milliseconds per pass over all pages, per system. */
  passes: Map<string, number[]>
  counts: Map<string, ShingleCounts[]>
  check: { table: string; allAgree: boolean }
}

function articleMetricCheck(pages: ArticlePage[], text: string) {
  const rows = readmeRows(text)
  const peerRows: (string | number)[][] = []
  let allAgree = true
  const stored = new Map<string, ShingleCounts[]>()
  for (const peer of loadArticlePeers(ARTICLE_DIR)) {
    const counts = scoreBodies(pages, (id) => peer.output[id]?.articleBody ?? '')
    stored.set(peer.file, counts)
    const s = bodyScores(counts)
    const claim = PEER_CLAIMS[peer.file]
    const row = claim?.row ? findRow(rows, claim.row) : null
    const published = [
      claim ? headlineScore(text, claim.phrase) : null,
      cellNumber(row?.[3]),
      cellNumber(row?.[4]),
      cellNumber(row?.[5]),
    ]
    const given = published.some((p) => p !== null)
    const ok = agrees([s.f1, s.precision, s.recall, s.accuracy], published)
    if (given && !ok) allAgree = false
    peerRows.push([
      peer.file,
      peer.version,
      f3(s.f1),
      f3(s.precision),
      f3(s.recall),
      f3(s.accuracy),
      published.map((p) => (p === null ? '—' : f3(p))).join(' / '),
      given ? (ok ? 'yes' : '**NO**') : 'no published number',
    ])
  }
  const table = markdownTable(
    [
      'peer output',
      'version',
      'F1',
      'P',
      'R',
      'accuracy',
      'README F1 / P / R / accuracy',
      'reproduced to 3 dp',
    ],
    peerRows,
  )
  return { table, allAgree, stored }
}

function runArticle(pages: ArticlePage[], text: string): ArticleResult {
  const { table, allAgree, stored } = articleMetricCheck(pages, text)
  print('Metric check: article-extraction peer outputs', table)
  const runs = new Map<string, SystemRun>()
  const passes = new Map<string, number[]>()
  const counts = new Map<string, ShingleCounts[]>()
  for (const system of SYSTEMS) {
    process.stderr.write(`article-extraction: running ${system.name} on ${pages.length} pages…\n`)
    const run = runSystem(system, pages)
    runs.set(system.name, run)
    passes.set(system.name, [run.ms, ...timePasses(system, pages, SPEED_PASSES - 1)])
    counts.set(
      system.name,
      scoreBodies(pages, (id) => bodyOf(run, id)),
    )
  }
  // The live Readability run should give the stored linkedom textContent output again.
  const live = counts.get(readabilitySystem.name)
  const storedTc = stored.get('readability_linkedom_textContent.json')
  let consistency = ''
  if (live && storedTc) {
    const a = bodyScores(live)
    const b = bodyScores(storedTc)
    consistency = `Live run of ${readabilitySystem.version} vs stored \`readability_linkedom_textContent.json\`: F1 ${f3(a.f1)} vs ${f3(b.f1)}.`
    process.stdout.write(`\n${consistency}\n`)
  }
  return {
    runs,
    passes,
    counts,
    check: { table: consistency ? `${table}\n\n${consistency}` : table, allAgree },
  }
}

function bodyRow(system: EvalSystem, s: BodyScores): string[] {
  return [
    `**${system.name}** (measured)`,
    system.version,
    f3(s.f1),
    f3(s.precision),
    f3(s.recall),
    f3(s.accuracy),
  ]
}

function articleTables(pages: ArticlePage[], text: string, result: ArticleResult) {
  const rows: string[][] = SYSTEMS.map((s) => bodyRow(s, bodyScores(result.counts.get(s.name)!)))
  const published = readmeRows(text)
  for (const [name, version] of PUBLISHED_BODY_ROWS) {
    const r = findRow(published, name, version)
    if (r) rows.push([`${r[0]} (published)`, r[1], r[2], r[3], r[4], r[5]])
  }
  const body = markdownTable(['system', 'version', 'F1', 'precision', 'recall', 'accuracy'], rows)
  const rate = (ms: number) => ((pages.length * 1000) / ms).toFixed(1)
  const speed = markdownTable(
    ['system', 'pages/s (median)', 'ms/page (median)', 'pages/s, each pass', 'pages', 'errors'],
    SYSTEMS.map((s) => {
      const times = result.passes.get(s.name)!
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
      return [
        s.name,
        rate(median),
        (median / pages.length).toFixed(1),
        times.map(rate).join(', '),
        pages.length,
        result.runs.get(s.name)!.errors.length,
      ]
    }),
  )
  return { body, speed }
}

function worstPages(pages: ArticlePage[], result: ArticleResult): string {
  const ours = result.counts.get(borderwatchSystem.name)!
  const peer = result.counts.get(readabilitySystem.name)!
  const run = result.runs.get(borderwatchSystem.name)!
  return markdownTable(
    ['page', 'F1', 'P', 'R', 'gold tokens', 'our tokens', 'readability F1'],
    pages
      .map((p, i) => ({ p, i, f1: pageF1(ours[i]) }))
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, 10)
      .map(({ p, i, f1 }) => [
        p.id,
        f3(f1),
        f3(pagePrecision(ours[i])),
        f3(pageRecall(ours[i])),
        wordTokens(p.goldBody).length,
        wordTokens(bodyOf(run, p.id)).length,
        f3(pageF1(peer[i])),
      ]),
  )
}

interface TrafilaturaScores {
  segments: SegmentScores
  metadata: MetadataScores
}

function scoreTrafilatura(
  pages: TrafilaturaPage[],
  output: (id: string) => Extraction | null,
): TrafilaturaScores {
  return {
    segments: segmentScores(pages.map((p) => countSegments(p, output(p.id)?.body ?? null))),
    metadata: metadataScores(pages.map((p) => ({ gold: p, guess: output(p.id) }))),
  }
}

function metadataCells(m: MetadataScores): string[] {
  return [
    `${m.title.correct} of ${m.title.total} (${pct(m.title.correct, m.title.total)})`,
    `${m.date.correct} of ${m.date.total} (${pct(m.date.correct, m.date.total)})`,
    `${m.date.wrong} / ${m.date.missing}`,
    `${m.author.correct} of ${m.author.total} (${pct(m.author.correct, m.author.total)})`,
  ]
}

function segmentCells(s: SegmentScores): string[] {
  return [f3(s.precision), f3(s.recall), f3(s.f1), f3(s.accuracy)]
}

const METADATA_HEADERS = ['title', 'date', 'date wrong / none', 'author']

function runTrafilatura(pages: TrafilaturaPage[], text: string) {
  const peerTable = markdownTable(
    ['peer output', 'P', 'R', 'F1', 'accuracy', ...METADATA_HEADERS],
    loadTrafilaturaPeers(TRAFILATURA_DIR).map((peer) => {
      const s = scoreTrafilatura(pages, (id) => peer.output[id] ?? null)
      return [peer.file, ...segmentCells(s.segments), ...metadataCells(s.metadata)]
    }),
  )
  print(
    'Metric check: trafilatura-en peer outputs (no published numbers for this subset)',
    peerTable,
  )

  const runs = new Map<string, SystemRun>()
  const scores = new Map<string, TrafilaturaScores>()
  for (const system of SYSTEMS) {
    process.stderr.write(`trafilatura-en: running ${system.name} on ${pages.length} pages…\n`)
    const run = runSystem(system, pages)
    runs.set(system.name, run)
    scores.set(
      system.name,
      scoreTrafilatura(pages, (id) => run.outputs.get(id) ?? null),
    )
  }
  const segmentRows: string[][] = SYSTEMS.map((system) => {
    const s = scores.get(system.name)!.segments
    return [
      `**${system.name}** (measured)`,
      `English subset, ${pages.length} pages`,
      ...segmentCells(s),
      `${s.tp} / ${s.fp} / ${s.fn} / ${s.tn}`,
    ]
  })
  const published = readmeRows(text)
  for (const name of PUBLISHED_SEGMENT_ROWS) {
    const r = findRow(published, name)
    if (r)
      segmentRows.push([
        `${r[0]} (published)`,
        'whole multilingual set',
        r[1],
        r[2],
        r[4],
        r[3],
        '—',
      ])
  }
  const segments = markdownTable(
    ['system', 'pages', 'P', 'R', 'F1', 'accuracy', 'TP / FP / FN / TN'],
    segmentRows,
  )
  const metadata = markdownTable(
    ['system', ...METADATA_HEADERS],
    SYSTEMS.map((s) => [s.name, ...metadataCells(scores.get(s.name)!.metadata)]),
  )
  return { runs, peerTable, segments, metadata }
}

function dateMisses(pages: TrafilaturaPage[], run: SystemRun): string {
  const rows = pages
    .filter((p) => hasGold(p.date))
    .map((p) => {
      const got = run.outputs.get(p.id)?.date ?? null
      return { p, got, outcome: dateOutcome(p.date!, got) }
    })
    .filter((r) => r.outcome !== 'correct')
    .sort((a, b) => a.outcome.localeCompare(b.outcome) || a.p.id.localeCompare(b.p.id))
    .map((r) => [r.outcome, r.p.id, r.p.date!, isoDay(r.got) ?? r.got ?? '—'])
  return markdownTable(['miss', 'page', 'gold', 'borderwatch'], rows)
}

function errorLines(set: string, runs: Map<string, SystemRun>): string[] {
  return [...runs.entries()].flatMap(([name, run]) =>
    run.errors.map((e: PageError) => `- ${set}, ${name}: \`${e.id}\` — ${e.message}`),
  )
}

async function main(): Promise<void> {
  if (!fs.existsSync(EVAL_DIR)) {
    process.stdout.write(`No evaluation data at ${EVAL_DIR}; nothing to evaluate.\n`)
    return
  }
  const errors: string[] = []
  const checkParts: string[] = []
  const written: string[] = []

  if (fs.existsSync(ARTICLE_DIR)) {
    const text = readme(ARTICLE_DIR)
    const pages = loadArticlePages(ARTICLE_DIR)
    const result = runArticle(pages, text)
    const { body, speed } = articleTables(pages, text, result)
    print('Article body, article-extraction (4-gram shingles)', body)
    print('Extraction speed, article-extraction (one core)', speed)
    print('Lowest borderwatch F1, article-extraction', worstPages(pages, result))
    errors.push(...errorLines('article-extraction', result.runs))
    checkParts.push(
      `${dataLine(ARTICLE_DIR, pages.length, text)}\nEach stored peer output scored with bench/eval-shingle-metric.ts against the numbers its README publishes (headline F1 under "Peers run here"; P / R / accuracy where the README says the run equals a results-table row). ${result.check.allAgree ? 'All published numbers are reproduced to 3 decimals.' : '**Some published numbers are not reproduced.**'}\n\n${result.check.table}`,
    )
    written.push('extract-body')
    writeSection(
      'extract-body',
      'Article extraction: body text',
      `${headerLine()}\n${dataLine(ARTICLE_DIR, pages.length, text)}\nMetric: the benchmark's 4-gram shingle match (macro precision over pages with output, macro recall, F1 of the two, accuracy = identical token sequence); bench/eval-shingle-metric.ts. "(published)" rows are copied from the README's results table (their ± is 1.96 × bootstrap std; ours are point estimates). A page that throws counts as empty output.\n\n${body}\n\nSpeed: extraction only (HTML already decoded to a string), one thread, wall time (performance.now) of ${SPEED_PASSES} passes over all pages after ${WARMUP_PAGES} untimed warm-up pages; the systems run one after the other, so load from other processes on the machine shows up as spread between passes.\n\n${speed}`,
    )
  } else {
    process.stdout.write(`No article-extraction folder at ${ARTICLE_DIR}; skipped.\n`)
  }

  if (fs.existsSync(TRAFILATURA_DIR)) {
    const text = readme(TRAFILATURA_DIR)
    const pages = loadTrafilaturaPages(TRAFILATURA_DIR)
    const result = runTrafilatura(pages, text)
    print('Article body, trafilatura-en (with/without segments)', result.segments)
    print('Metadata, trafilatura-en', result.metadata)
    print(
      'borderwatch date misses, trafilatura-en',
      dateMisses(pages, result.runs.get('borderwatch')!),
    )
    errors.push(...errorLines('trafilatura-en', result.runs))
    checkParts.push(
      `${dataLine(TRAFILATURA_DIR, pages.length, text)}\nStored peer outputs scored with bench/eval-segment-metric.ts and bench/eval-metadata-metric.ts; the README publishes no numbers for this English subset, so these are for comparison only.\n\n${result.peerTable}`,
    )
    written.push('extract-trafilatura')
    writeSection(
      'extract-trafilatura',
      'Article extraction: trafilatura-en body and metadata',
      `${headerLine()}\n${dataLine(TRAFILATURA_DIR, pages.length, text)}\nBody: each "with" segment found in the whitespace-normalised output is a TP (else FN), each "without" segment found is an FP (else TN), summed over pages; bench/eval-segment-metric.ts. "(published)" rows are the README's trafilatura results on the **whole 990-page multilingual set**, not this subset. Metadata: title = exact match after whitespace normalisation and case folding (pages with a gold title); date = the output's first 10 characters equal the gold YYYY-MM-DD (pages with a gold date; "none" = no ISO date given); author = a gold author contained, case-insensitively, in the byline (pages with a gold author). A page that throws counts as empty output.\n\n${result.segments}\n\n${result.metadata}`,
    )
  } else {
    process.stdout.write(`No trafilatura-en folder at ${TRAFILATURA_DIR}; skipped.\n`)
  }

  if (checkParts.length) {
    written.push('extract-metric-check')
    writeSection(
      'extract-metric-check',
      'Article extraction: metric check',
      `${headerLine()}\n\n${checkParts.join('\n\n')}`,
    )
  }
  process.stdout.write(
    `\n## Pages that threw (counted as empty output)\n\n${errors.length ? errors.join('\n') : 'none'}\n`,
  )
  process.stdout.write(`\nWrote ${written.join(', ') || 'no sections'} to docs/benchmarks.md.\n`)
}

await main()
