/**
 * `npm run eval:time`: scores borderwatch's time recogniser on the TempEval-3 platinum set the
 * TempEval-3 way, with plain chrono-node as the peer in the same run, prints the table and writes
 * it to docs/benchmarks.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as chrono from 'chrono-node'
import { recogniseTimes } from '../src/time/recognise-times.ts'
import { markdownTable, machineLine, writeSection } from './report-section.ts'
import {
  scoreDocument,
  timexScores,
  zeroCounts,
  type Timex,
  type TimexCounts,
} from './eval-timex-metric.ts'

const FILE = path.resolve(import.meta.dirname, '../../shared/eval/timex/te3-platinum.jsonl')
const COMMAND = '`npm run eval:time` (bench/eval-time.ts)'
const STORED_PEER = path.resolve(path.dirname(FILE), 'peer-outputs/chrono-2.10.3-casual.jsonl')

interface Te3Document {
  id: string
  dct: string
  text: string
  timexes: Timex[]
}

interface System {
  name: string
  run: (doc: Te3Document) => Timex[]
}

const borderwatch: System = {
  name: 'borderwatch',
  run: (doc) =>
    recogniseTimes(doc.text, { published: doc.dct }).map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.type,
      value: m.value.timex ?? '',
    })),
}

function chronoValue(c: chrono.ParsedComponents): string {
  const pad = (n: number | null, w = 2) => String(n ?? 0).padStart(w, '0')
  const y = pad(c.get('year'), 4)
  if (c.isCertain('day') || c.isCertain('weekday')) {
    const day = `${y}-${pad(c.get('month'))}-${pad(c.get('day'))}`
    return c.isCertain('hour') ? `${day}T${pad(c.get('hour'))}:${pad(c.get('minute'))}` : day
  }
  if (c.isCertain('month')) return `${y}-${pad(c.get('month'))}`
  return y
}

const chronoPeer: System = {
  name: 'chrono-node 2.10.3 (casual)',
  run: (doc) =>
    chrono.en.casual
      .parse(doc.text, { instant: new Date(`${doc.dct}T12:00:00Z`), timezone: 0 })
      .map((r) => ({
        start: r.index,
        end: r.index + r.text.length,
        text: r.text,
        type: r.start.isCertain('hour') ? 'TIME' : 'DATE',
        value: chronoValue(r.start),
      })),
}

function load(): Te3Document[] | null {
  if (!fs.existsSync(FILE)) return null
  return fs
    .readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Te3Document)
}

/** The stored chrono-node run the set's README reports (relaxed F1 0.698, value F1 0.335 with a character scorer), to check this scorer against. */
function storedPeer(): System | null {
  if (!fs.existsSync(STORED_PEER)) return null
  const byId = new Map<string, Timex[]>()
  for (const line of fs.readFileSync(STORED_PEER, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const row = JSON.parse(line) as { id: string; preds: Timex[] }
    byId.set(row.id, row.preds)
  }
  return {
    name: 'chrono-node, stored output (README: 0.698 / 0.335)',
    run: (doc) => byId.get(doc.id) ?? [],
  }
}

function pct(n: number): string {
  return n.toFixed(3)
}

function main(): void {
  const docs = load()
  if (!docs) {
    console.error(`eval:time: ${FILE} not found — the TempEval-3 set lives in ../shared/eval/timex`)
    process.exitCode = 1
    return
  }
  const rows: (string | number)[][] = []
  const misses: string[] = []
  const stored = storedPeer()
  for (const system of [borderwatch, chronoPeer, ...(stored ? [stored] : [])]) {
    const counts: TimexCounts = zeroCounts()
    for (const doc of docs) {
      const found = system.run(doc)
      scoreDocument(counts, doc.text, doc.timexes, found)
      if (system === borderwatch && process.env.VERBOSE) {
        for (const g of doc.timexes) {
          const hit = found.find((f) => f.start < g.end && g.start < f.end)
          if (!hit || hit.value !== g.value)
            misses.push(
              `${doc.dct} ${g.type} ${JSON.stringify(g.text)} gold=${g.value} got=${hit ? `${JSON.stringify(hit.text)} ${hit.value}` : '—'}`,
            )
        }
        for (const f of found)
          if (!doc.timexes.some((g) => f.start < g.end && g.start < f.end))
            misses.push(
              `${doc.dct} spurious ${f.type} ${JSON.stringify(f.text)} ${f.value} | ${doc.text.slice(Math.max(0, f.start - 30), f.end + 20).replace(/\s+/g, ' ')}`,
            )
      }
    }
    const s = timexScores(counts)
    rows.push([
      system.name,
      pct(s.relaxed.p),
      pct(s.relaxed.r),
      pct(s.relaxed.f1),
      pct(s.strict.f1),
      pct(s.valueAccuracy),
      pct(s.valueF1),
      pct(s.typeF1),
    ])
  }
  const speedDocs = docs.map((d) => d.text)
  const passes = 20
  for (const text of speedDocs) recogniseTimes(text, { published: '2013-03-22' })
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < passes; i++)
    for (const text of speedDocs) recogniseTimes(text, { published: '2013-03-22' })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const perSecond = (passes * speedDocs.length) / seconds
  const headers = [
    'system',
    'relaxed P',
    'relaxed R',
    'relaxed F1',
    'strict F1',
    'value acc.',
    'value F1',
    'type F1',
  ]
  const table = markdownTable(headers, rows)
  const body = [
    `TempEval-3 platinum (${docs.length} documents, ${docs.reduce((n, d) => n + d.timexes.length, 0)} gold timexes), scored the TempEval-3 way: token extents, relaxed = any shared token, strict = the same tokens; value accuracy over relaxed matches; value F1 = value accuracy × relaxed F1. Command: ${COMMAND}. Machine: ${machineLine()}.`,
    table,
    'Published on this set (from ../shared/eval/timex/README.md): HeidelTime relaxed F1 0.903, value F1 0.776; SUTime 0.903 / 0.674. Targets: relaxed F1 ≥ 0.92, value F1 ≥ 0.85.',
    `Speed of time annotation alone on these documents: ${perSecond.toFixed(0)} documents/second on one core (${passes} passes).`,
  ].join('\n\n')
  console.log(table)
  console.log(`\n${perSecond.toFixed(0)} documents/second`)
  if (misses.length) console.log(`\n${misses.join('\n')}`)
  writeSection('eval-time', 'Time expressions (TempEval-3 platinum)', body)
}

main()
