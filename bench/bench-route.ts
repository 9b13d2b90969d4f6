/**
 * Route query speed on a synthetic 5,000-node road network (issue 8's target: < 50 ms a query).
 * The network is made up, not real roads: a jittered 70 × 70 grid of towns split into 25
 * "countries" of 14 × 14, joined by roads to their grid neighbours (and some diagonals), with
 * every fifth road across a border turned into a crossing (112 crossings), each with five dated
 * status facts. Run alone with `node --import tsx bench/bench-route.ts`.
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { PackCrossing } from '../src/model/pack.ts'
import type { PackNetwork } from '../src/model/network.ts'
import type { StatusFact } from '../src/model/site.ts'
import { buildRoadNetwork, type RoadNetwork } from '../src/corridors/road-network.ts'
import { greatCircleKm } from '../src/places/great-circle.ts'
import { actorDirectory } from '../src/corridors/actor-directory.ts'
import { trafficTimelines } from '../src/corridors/crossing-state.ts'
import { findRoutes, type RouteQuery } from '../src/corridors/find-routes.ts'
import { loadKnowledge } from '../src/places/load-packs.ts'

const SIDE = 70
const BLOCK = 14
const QUERIES = 200

/** A seeded generator, so every run measures the same network and queries. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

/** Two letters per block of the grid: "country" codes of the synthetic network. */
function country(row: number, col: number): string {
  return `${String.fromCharCode(65 + Math.floor(row / BLOCK))}${String.fromCharCode(65 + Math.floor(col / BLOCK))}`
}

/** The synthetic network and the status facts of its crossings. */
export function syntheticWorld(): { network: RoadNetwork; facts: StatusFact[]; places: string[] } {
  const next = random(42)
  const nodes: PackNetwork['nodes'] = []
  const edges: PackNetwork['edges'] = []
  const crossings: PackCrossing[] = []
  const facts: StatusFact[] = []
  const at = new Map<string, { lat: number; lon: number }>()
  const id = (r: number, c: number) => `t-${r}-${c}`
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const lat = 29 + r * 0.15 + (next() - 0.5) * 0.08
      const lon = 35 + c * 0.2 + (next() - 0.5) * 0.1
      at.set(id(r, c), { lat, lon })
      nodes.push({
        id: id(r, c),
        kind: 'town',
        name: `Town ${r}-${c}`,
        names: [`Town ${r}-${c}`],
        country: country(r, c),
        lat,
        lon,
        source: 'synthetic',
      })
    }
  }
  const road = (a: string, b: string) => {
    const p = at.get(a) as { lat: number; lon: number }
    const q = at.get(b) as { lat: number; lon: number }
    const km = greatCircleKm(p.lat, p.lon, q.lat, q.lon) * (1.1 + next() * 0.4)
    edges.push({ id: `${a}~${b}`, from: a, to: b, road: 'synthetic road', km, source: 'synthetic' })
  }
  const actors = ['pmu', 'syrian-government', 'us-forces', 'hts', 'sdf']
  const names = loadKnowledge().actors.filter((a) => actors.includes(a.id))
  let border = 0
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const neighbours: [number, number][] = [
        [r + 1, c],
        [r, c + 1],
      ]
      if ((r + c) % 3 === 0) neighbours.push([r + 1, c + 1])
      for (const [r2, c2] of neighbours) {
        if (r2 >= SIDE || c2 >= SIDE) continue
        const a = id(r, c)
        const b = id(r2, c2)
        if (country(r, c) === country(r2, c2)) {
          road(a, b)
          continue
        }
        if (r2 !== r && c2 !== c) continue
        if (border++ % 5) continue
        const x = `x-${r}-${c}-${r2}-${c2}`
        const p = at.get(a) as { lat: number; lon: number }
        const q = at.get(b) as { lat: number; lon: number }
        const mid = { lat: (p.lat + q.lat) / 2, lon: (p.lon + q.lon) / 2 }
        at.set(x, mid)
        crossings.push({
          id: x,
          name: `Crossing ${x}`,
          names: [`Crossing ${x}`],
          kind: 'road',
          countries: [country(r, c), country(r2, c2)],
          sides: [{ country: country(r, c), names: [`Post ${x}`], lat: mid.lat, lon: mid.lon }],
          lat: mid.lat,
          lon: mid.lon,
          traffic: ['people', 'goods'],
          source: 'synthetic',
        })
        nodes.push({ id: x, kind: 'crossing', source: 'synthetic' })
        road(a, x)
        road(x, b)
        for (let year = 2015; year < 2020; year++) {
          const holder = names[Math.floor(next() * names.length)]
          facts.push({
            siteId: x,
            eventId: `e-${x}-${year}`,
            articleId: `a-${x}-${year}`,
            status: next() < 0.7 ? 'open' : 'closed',
            scope: 'all',
            controller: holder.name,
            time: {
              start: `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
              end: `${year}-12-31`,
              precision: 'day',
              certainty: 'stated',
            },
            modality: 'asserted',
            evidence: `Synthetic report on ${x}.`,
          })
        }
      }
    }
  }
  const network = buildRoadNetwork([{ file: 'synthetic', network: { nodes, edges }, crossings }])
  return { network, facts, places: nodes.filter((n) => n.kind !== 'crossing').map((n) => n.id) }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

/** Times route queries (k = 3, across the network) and returns one row for docs/benchmarks.md. */
export async function benchRoute(): Promise<[string, string, string]> {
  const t0 = performance.now()
  const { network, facts, places } = syntheticWorld()
  const buildMs = performance.now() - t0
  const actors = actorDirectory(loadKnowledge().actors)
  const timelines = trafficTimelines(facts, 'goods')
  const next = random(7)
  const pick = () => places[Math.floor(next() * places.length)]
  const times: number[] = []
  let found = 0
  let blocked = 0
  for (let i = 0; i < QUERIES + 10; i++) {
    const query: RouteQuery = {
      from: pick(),
      to: pick(),
      on: `${2016 + Math.floor(next() * 4)}-06-15`,
      traffic: 'goods',
      via: i % 4 === 0 ? ['pmu', 'syrian-government'] : [],
      avoid: i % 4 === 1 ? ['us-forces'] : [],
      k: 3,
      assumeOpen: false,
    }
    if (query.from === query.to) continue
    const t = performance.now()
    const result = findRoutes(network, timelines, query, actors)
    const ms = performance.now() - t
    if (i < 10) continue // warm-up
    times.push(ms)
    if (result.routes.length) found++
    else blocked++
  }
  times.sort((a, b) => a - b)
  const median = percentile(times, 0.5)
  return [
    'route query, synthetic 5,000-node network (k = 3)',
    `${median.toFixed(1)} ms median`,
    `p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms over ${times.length} random queries (${found} with routes, ${blocked} answered why-not); ${network.graph.order} nodes, ${network.graph.size} roads, ${network.crossings.length} crossings, synthetic (bench/bench-route.ts); built in ${buildMs.toFixed(0)} ms; target < 50 ms`,
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [measure, result, notes] = await benchRoute()
  process.stdout.write(`${measure}: ${result}\n${notes}\n`)
}
