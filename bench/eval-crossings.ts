/**
 * `npm run eval:crossings -- [DIR]`: ingests DIR/articles.jsonl into a fresh embedded database,
 * exports the JSONL contract, and scores the status facts and the cross-report merging against
 * DIR/gold.jsonl and DIR/crossings.json as ../shared/eval/crossings-dev/README.md describes.
 * Works on any folder in that format; writes the table to docs/benchmarks.md for the default one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../src/store/open-store.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { loadExportData } from '../src/exports/export-data.ts'
import { toJsonl } from '../src/exports/to-jsonl.ts'
import { recogniseActors } from '../src/actors/recognise-actors.ts'
import { foldName } from '../src/text/fold-name.ts'
import { loadKnowledge } from '../src/places/load-packs.ts'
import { greatCircleKm } from '../src/places/great-circle.ts'
import { markdownTable, machineLine, writeSection } from './report-section.ts'

const DEFAULT_DIR = path.resolve(import.meta.dirname, '../../shared/eval/crossings-dev')
const dir = path.resolve(process.argv[2] ?? DEFAULT_DIR)
const NEAR_KM = 15

interface GoldFact {
  crossing: string
  status: string | null
  date: string | null
  controller: string | null
  evidence: string
}
interface GoldArticle {
  id: string
  status_facts: GoldFact[]
}
interface GoldCrossing {
  lat: number
  lon: number
  names: Record<string, string[]>
}
interface StatusRecord {
  kind: 'status'
  articleId: string
  site: { id: string; name: string; lat: number | null; lon: number | null }
  status: string | null
  controller: string | null
  date: { start: string; end: string; precision: string }
  evidence: { text: string }
}
interface ClusterRecord {
  kind: 'cluster'
  type: string
  site: { id: string } | null
  date: { start: string }
  articleIds: string[]
  lineages: number
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return greatCircleKm(a.lat, a.lon, b.lat, b.lon)
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)
}

/** The same date at the gold's precision (YYYY, YYYY-MM or YYYY-MM-DD); a gold with no date takes any. */
function sameDate(gold: string | null, ours: string): boolean {
  return gold === null || ours.slice(0, gold.length) === gold
}

const TYPE_OF_STATUS: Record<string, string[]> = {
  open: ['crossing-opened'],
  closed: ['crossing-closed'],
  restricted: ['crossing-closed', 'crossing-opened'],
  seized: ['control-taken'],
  handover: ['control-taken'],
}

async function main(): Promise<void> {
  for (const f of ['articles.jsonl', 'gold.jsonl', 'crossings.json']) {
    if (!fs.existsSync(path.join(dir, f))) {
      console.error(
        `eval:crossings: ${path.join(dir, f)} not found (give a folder in the crossings-dev format)`,
      )
      process.exitCode = 1
      return
    }
  }
  const gold = readJsonl<GoldArticle>(path.join(dir, 'gold.jsonl'))
  const crossings = JSON.parse(fs.readFileSync(path.join(dir, 'crossings.json'), 'utf8')) as Record<
    string,
    GoldCrossing
  >
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'borderwatch-eval-crossings-'))
  const ctx = defaultContext()
  let records: (StatusRecord | ClusterRecord | { kind: string })[] = []
  try {
    const store = await openStore({ dir: dbDir })
    await syncPackSites(store)
    const summary = await ingestSources(store, [path.join(dir, 'articles.jsonl')], ctx)
    console.log(
      `ingested: ${summary.stored} stored, ${summary.failed.length} failed, ${summary.duplicates} duplicates`,
    )
    records = toJsonl(await loadExportData(store))
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    await store.close()
  } finally {
    fs.rmSync(dbDir, { recursive: true, force: true })
  }
  const ours = records.filter((r): r is StatusRecord => r.kind === 'status')
  const countries = loadKnowledge().countries
  const clusters = records.filter((r): r is ClusterRecord => r.kind === 'cluster')

  const onCrossing = (f: StatusRecord, key: string): boolean => {
    const c = crossings[key]
    if (!c) return false
    if (
      f.site.lat !== null &&
      f.site.lon !== null &&
      km(c, { lat: f.site.lat, lon: f.site.lon }) <= NEAR_KM
    )
      return true
    const names = new Set(Object.values(c.names).flat().map(foldName))
    return names.has(foldName(f.site.name))
  }
  const controllerMatches = (goldText: string, ourText: string | null): boolean => {
    if (!ourText) return false
    const goldIds = new Set(recogniseActors(goldText, ctx.actors).map((a) => a.actorId))
    const ourIds = new Set(recogniseActors(ourText, ctx.actors).map((a) => a.actorId))
    if ([...goldIds].some((id) => ourIds.has(id))) return true
    // A gold controller that is a state ("Jordan", "Jordan (Public Security Directorate)") is
    // any holder of ours of that state ("Jordanian government"), unless ours is its opposition.
    const state = countries.find((c) =>
      [c.name, ...c.names].some((n) => foldName(n) === foldName(goldText.split(/[(,;]/)[0])),
    )
    if (
      state &&
      !/\b(?:opposition|rebels?|insurgents?|militants?)\b/i.test(ourText) &&
      [state.name, ...state.names, ...state.demonyms].some((n) =>
        new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(ourText),
      )
    )
      return true
    const words = (t: string) =>
      new Set(
        t
          .toLowerCase()
          .match(/[a-z]{4,}/g)
          ?.filter((w) => !/^(forces?|side|with|from|the|security|government)$/.test(w)),
      )
    const g = words(goldText)
    return [...words(ourText)].some((w) => g.has(w))
  }

  let goldTotal = 0
  let found = 0
  let lenient = 0
  let lenientDated = 0
  let controllerAsked = 0
  let controllerRight = 0
  const usedOurs = new Set<StatusRecord>()
  const misses: string[] = []
  const controllerMisses: string[] = []
  for (const article of gold) {
    const mine = ours.filter((f) => f.articleId === article.id)
    const candidatesOf = (g: GoldFact) =>
      mine.filter((f) => !usedOurs.has(f) && onCrossing(f, g.crossing) && f.status === g.status)
    // One fact of ours for one gold fact. Where a report repeats a status (two tellings of one
    // reopening), a gold fact that names a controller is paired first with a fact naming the same
    // one, so the pairing does not depend on the order the facts are listed in.
    const paired = new Map<GoldFact, StatusRecord>()
    for (const g of article.status_facts) {
      if (!g.controller) continue
      const hit = candidatesOf(g).find(
        (f) => sameDate(g.date, f.date.start) && controllerMatches(g.controller!, f.controller),
      )
      if (hit) {
        paired.set(g, hit)
        usedOurs.add(hit)
      }
    }
    for (const g of article.status_facts) {
      goldTotal++
      const candidates = [...(paired.has(g) ? [paired.get(g)!] : []), ...candidatesOf(g)]
      if (candidates.length) {
        lenient++
        if (candidates.some((f) => sameDate(g.date, f.date.start))) lenientDated++
      }
      const hit = candidates.find((f) => sameDate(g.date, f.date.start))
      if (!hit) {
        misses.push(
          `${article.id} ${g.crossing} ${g.status} ${g.date}: ${g.evidence.slice(0, 110)}`,
        )
        continue
      }
      usedOurs.add(hit)
      found++
      if (g.controller) {
        controllerAsked++
        if (controllerMatches(g.controller, hit.controller)) controllerRight++
        else
          controllerMisses.push(
            `${article.id} ${g.crossing} ${g.status} ${g.date}: gold "${g.controller}", ours "${hit.controller ?? ''}"`,
          )
      }
    }
  }
  const goldIds = new Set(gold.map((a) => a.id))
  const ourTotal = ours.filter((f) => goldIds.has(f.articleId)).length
  const p = ourTotal ? found / ourTotal : 0
  const r = goldTotal ? found / goldTotal : 0
  const f1 = p + r ? (2 * p * r) / (p + r) : 0

  // Happenings several reports tell: the same crossing, status and day in two or more articles.
  const happenings = new Map<
    string,
    { crossing: string; status: string; date: string; articles: Set<string> }
  >()
  for (const article of gold)
    for (const g of article.status_facts) {
      if (!g.status || !g.date || g.date.length < 10 || !TYPE_OF_STATUS[g.status]) continue
      const key = `${g.crossing}|${g.status}|${g.date}`
      const h = happenings.get(key) ?? {
        crossing: g.crossing,
        status: g.status,
        date: g.date,
        articles: new Set(),
      }
      h.articles.add(article.id)
      happenings.set(key, h)
    }
  const shared = [...happenings.values()].filter((h) => h.articles.size >= 2)
  let merged = 0
  const mergeLines: string[] = []
  for (const h of shared) {
    const c = crossings[h.crossing]
    const matching = clusters.filter(
      (k) =>
        TYPE_OF_STATUS[h.status].includes(k.type) &&
        k.date.start.slice(0, 10) === h.date &&
        k.site !== null &&
        records.some(
          (s) =>
            s.kind === 'site' &&
            (s as unknown as { id: string }).id === k.site?.id &&
            km(c, s as unknown as { lat: number; lon: number }) <= NEAR_KM,
        ),
    )
    const best = [...matching].sort((a, b) => b.articleIds.length - a.articleIds.length)[0]
    const covered = best ? [...h.articles].filter((a) => best.articleIds.includes(a)).length : 0
    if (covered === h.articles.size) merged++
    mergeLines.push(
      `${h.crossing} ${h.status} ${h.date}: ${h.articles.size} reports in the gold; largest cluster holds ${covered} of them${best ? `, ${best.lineages} independent source(s)` : ''}`,
    )
  }

  const n3 = (x: number) => x.toFixed(3)
  const table = markdownTable(
    ['measure', 'result', 'target'],
    [
      ['status facts: precision', `${n3(p)} (${found}/${ourTotal})`, ''],
      ['status facts: recall', `${n3(r)} (${found}/${goldTotal})`, ''],
      ['status facts: F1', n3(f1), '≥ 0.85'],
      [
        'date accuracy (facts on the right crossing with the right status)',
        `${n3(lenient ? lenientDated / lenient : 0)} (${lenientDated}/${lenient})`,
        '≥ 0.90',
      ],
      [
        'controller accuracy (found facts whose gold names one)',
        `${n3(controllerAsked ? controllerRight / controllerAsked : 0)} (${controllerRight}/${controllerAsked})`,
        '≥ 0.85',
      ],
      [
        'happenings told by several reports merged into one cluster',
        `${merged}/${shared.length}`,
        'all',
      ],
    ],
  )
  console.log(table)
  console.log(mergeLines.join('\n'))
  if (process.env.VERBOSE) {
    console.log(`\nmissed gold facts:\n${misses.join('\n')}`)
    console.log(`\nwrong or missing controllers:\n${controllerMisses.join('\n')}`)
    const extra = ours.filter((f) => goldIds.has(f.articleId) && !usedOurs.has(f))
    console.log(
      `\nfacts not in the gold:\n${extra
        .map(
          (f) =>
            `${f.articleId} ${f.site.id} ${f.status} ${f.date.start.slice(0, 10)}: ${f.evidence.text.slice(0, 110)}`,
        )
        .join('\n')}`,
    )
  }
  if (dir === DEFAULT_DIR)
    writeSection(
      'eval-crossings',
      'Crossing status facts and merging (crossings-dev)',
      [
        `Command: \`npm run eval:crossings\` (bench/eval-crossings.ts) on ../shared/eval/crossings-dev (${gold.length} reports). Machine: ${machineLine()}.`,
        'A status fact is found when borderwatch reports it from the same report, on the same crossing (within 15 km of the gold point, or sharing a spelling), with the same status and a date equal at the gold precision. Date accuracy is measured over facts that match on crossing and status; controller accuracy over found facts whose gold names a controller (an actor in common, a shared name word, or a state named as controller and a holder of that state). Each gold fact is paired with one fact of ours; gold facts that name a controller are paired first with facts naming the same one. The rules behind these numbers were written while reading this set’s misses: reports they have not seen will score lower.',
        table,
        mergeLines.map((l) => `- ${l}`).join('\n'),
      ].join('\n\n'),
    )
}

await main()
