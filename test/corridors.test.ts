/**
 * Corridors (issue 8): the road network pack, Yen's k shortest paths, place names, the routing
 * core with its why-not and availability answers, and scenarios built from reports through the
 * whole pipeline into a PGlite store: the seed, the samples and test/fixtures/corridors.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { Hono } from 'hono'
import { MultiUndirectedGraph } from 'graphology'
import { openStore } from '../src/store/open-store.ts'
import type { Store } from '../src/store/store.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'
import { loadKnowledge, PackError } from '../src/places/load-packs.ts'
import type { PackCrossing } from '../src/model/pack.ts'
import type { PackNetwork } from '../src/model/network.ts'
import type { StatusFact } from '../src/model/site.ts'
import type { RouteAnswer } from '../src/model/route.ts'
import type { AppEnv } from '../src/server/app-env.ts'
import { kShortestPaths, shortestPath } from '../src/corridors/k-shortest-paths.ts'
import { loadNetwork } from '../src/corridors/load-network.ts'
import { greatCircleKm } from '../src/places/great-circle.ts'
import { buildRoadNetwork } from '../src/corridors/road-network.ts'
import { resolvePlace } from '../src/corridors/resolve-place.ts'
import { CorridorError } from '../src/corridors/corridor-error.ts'
import { actorDirectory } from '../src/corridors/actor-directory.ts'
import { trafficTimelines } from '../src/corridors/crossing-state.ts'
import { findRoutes, type RouteQuery } from '../src/corridors/find-routes.ts'
import { routeAvailability } from '../src/corridors/route-availability.ts'
import { answerRoute, routeAnswer } from '../src/corridors/route-service.ts'
import { routeText } from '../src/cli/route-text.ts'
import { registerRouteCommand } from '../src/cli/route-command.ts'
import { CliError } from '../src/cli/cli-error.ts'
import { registerRouteApi } from '../src/server/route-api.ts'
import { AppError } from '../src/server/app-error.ts'
import { tempDir } from './support/backends.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SEED = path.resolve(HERE, '../../shared/seed/albukamal-2019-09-30.txt')
const FIXTURES = path.join(HERE, 'fixtures/corridors')
const missing = fs.existsSync(SEED) ? false : `../shared/seed is absent (looked for ${SEED})`

/** "Regime- or PMU-held": the pack has no relation between the Syrian army and government. */
const REGIME_OR_PMU = ['PMU', 'Syrian government', 'Syrian Arab Army']

/** A seeded pseudo-random generator, so the random graphs are the same on every run. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

/** Every simple path from `a` to `b` as edge lists, by brute force, for checking Yen's algorithm. */
function allSimplePaths(graph: MultiUndirectedGraph, a: string, b: string) {
  const paths: { edges: string[]; length: number }[] = []
  const walk = (node: string, seen: Set<string>, edges: string[], length: number) => {
    if (node === b) {
      paths.push({ edges, length })
      return
    }
    graph.forEachEdge(node, (edge, attr, s, t) => {
      const next = s === node ? t : s
      if (seen.has(next)) return
      walk(next, new Set([...seen, next]), [...edges, edge], length + (attr.w as number))
    })
  }
  walk(a, new Set([a]), [], 0)
  return paths.sort((x, y) => x.length - y.length)
}

describe("k shortest paths (Yen's algorithm on graphology)", () => {
  it('finds the three shortest loopless paths of a small graph, in order', () => {
    // Yen's example graph (Wikipedia) as two-way roads: D–E can now be taken from D, so the third
    // path is C-D-E-F-H (7), after C-E-G-H (7, fewer roads), not the one-way graph's C-D-F-H (8).
    const g = new MultiUndirectedGraph()
    const roads: [string, string, number][] = [
      ['C', 'D', 3],
      ['C', 'E', 2],
      ['D', 'F', 4],
      ['E', 'D', 1],
      ['E', 'F', 2],
      ['E', 'G', 3],
      ['F', 'G', 2],
      ['F', 'H', 1],
      ['G', 'H', 2],
    ]
    for (const [a, b, w] of roads) {
      g.mergeNode(a)
      g.mergeNode(b)
      g.addEdgeWithKey(`${a}${b}`, a, b, { w })
    }
    const paths = kShortestPaths(g, 'C', 'H', 3, { weight: (_, e) => e.w as number })
    assert.deepEqual(
      paths.map((p) => [p.nodes.join(''), p.length]),
      [
        ['CEFH', 5],
        ['CEGH', 7],
        ['CDEFH', 7],
      ],
    )
  })

  it('agrees with brute force on random multigraphs, and never repeats a node', () => {
    const next = random(7)
    for (let round = 0; round < 20; round++) {
      const g = new MultiUndirectedGraph()
      const n = 7
      for (let i = 0; i < n; i++) g.addNode(`n${i}`)
      for (let e = 0; e < 14; e++) {
        const a = Math.floor(next() * n)
        const b = Math.floor(next() * n)
        if (a !== b) g.addEdgeWithKey(`e${e}`, `n${a}`, `n${b}`, { w: 1 + Math.floor(next() * 9) })
      }
      const expected = allSimplePaths(g, 'n0', `n${n - 1}`)
      const found = kShortestPaths(g, 'n0', `n${n - 1}`, 6, { weight: (_, e) => e.w as number })
      assert.equal(found.length, Math.min(6, expected.length), `round ${round}`)
      found.forEach((p, i) => {
        assert.equal(p.length, expected[i].length, `round ${round}, path ${i + 1}`)
        assert.equal(new Set(p.nodes).size, p.nodes.length, 'loopless')
      })
      assert.equal(new Set(found.map((p) => p.edges.join())).size, found.length, 'distinct')
    }
  })

  it('A* with a consistent estimate gives the same length as Dijkstra', () => {
    const network = loadNetwork()
    const goal = network.graph.getNodeAttributes('beirut')
    const weight = (_: string, e: { km: number }) => e.km
    for (const from of ['tehran', 'basra', 'gaziantep', 'aqaba', 'kuwait-city']) {
      const plain = shortestPath(network.graph, from, 'beirut', { weight })
      const guided = shortestPath(network.graph, from, 'beirut', {
        weight,
        estimate: (n) => {
          const a = network.graph.getNodeAttributes(n)
          return greatCircleKm(a.lat, a.lon, goal.lat, goal.lon) * network.detour
        },
      })
      assert.ok(plain && guided)
      assert.equal(guided.length, plain.length)
    }
  })
})

describe('road network pack', () => {
  const network = loadNetwork()
  const { graph } = network

  it('attaches every crossing of the crossings pack to roads on both sides', () => {
    const crossings = loadKnowledge().crossings
    assert.ok(crossings.length >= 46)
    for (const c of crossings) {
      assert.ok(graph.hasNode(c.id), `${c.id} is a node`)
      const sides = new Set(graph.mapNeighbors(c.id, (_, n) => n.countries[0]))
      for (const country of c.countries) assert.ok(sides.has(country), `${c.id}: ${country} side`)
    }
  })

  it('has the places the issue names, each road with a length and a source', () => {
    const places = [
      'Tehran',
      'Kermanshah',
      'Mehran',
      'Ahvaz',
      'Shalamcheh',
      'Baghdad',
      'Basra',
      'Ramadi',
      'Rutba',
      'Al Qaim',
      'Mosul',
      'Erbil',
      'Zakho',
      'Rabia',
      'Trebil',
      'Damascus',
      'Homs',
      'Palmyra',
      'Deir ez-Zor',
      'Albukamal',
      'Hasakah',
      'Qamishli',
      'Aleppo',
      'al-Tanf',
      'Nasib',
      'Daraa',
      'Jdeidet Yabous',
      'Beirut',
      'Masnaa',
      'Baalbek',
      'Amman',
      'Jaber',
      'Karameh',
      'Gaziantep',
      'Kilis',
      'Habur',
    ]
    for (const p of places) assert.ok(resolvePlace(network, p), p)
    graph.forEachEdge((edge, e) => {
      assert.ok(e.km > 0 && e.road && e.source.length > 10, edge)
    })
    assert.ok(graph.order > 150 && graph.size > 200)
  })

  it('refuses a crossing with a missing side and a road over a border without a crossing', () => {
    const crossing: PackCrossing = {
      id: 'x-crossing',
      name: 'X crossing',
      names: ['X crossing'],
      kind: 'road',
      countries: ['SY', 'IQ'],
      sides: [{ country: 'SY', names: ['X'], lat: 34, lon: 41 }],
      lat: 34,
      lon: 41,
      traffic: ['people'],
      source: 'test',
    }
    const place = (id: string, country: string, lon: number) => ({
      id,
      kind: 'town' as const,
      name: id,
      names: [id],
      country,
      lat: 34,
      lon,
      source: 'test',
    })
    const nodes: PackNetwork['nodes'] = [
      place('a', 'SY', 40),
      place('b', 'IQ', 42),
      { id: 'x-crossing', kind: 'crossing', source: 'test' },
    ]
    const edge = (from: string, to: string) => ({
      id: `${from}-${to}`,
      from,
      to,
      road: 'r',
      km: 100,
      source: 'test',
    })
    assert.throws(
      () =>
        buildRoadNetwork([
          {
            file: 't',
            network: { nodes, edges: [edge('a', 'x-crossing')] },
            crossings: [crossing],
          },
        ]),
      (e: unknown) => e instanceof PackError && /no road on its IQ side/.test(e.message),
    )
    assert.throws(
      () =>
        buildRoadNetwork([
          { file: 't', network: { nodes, edges: [edge('a', 'b')] }, crossings: [crossing] },
        ]),
      (e: unknown) => e instanceof PackError && /without a crossing/.test(e.message),
    )
  })
})

describe('place names', () => {
  const network = loadNetwork()

  it('finds Albukamal in any spelling, and the town before its crossing', () => {
    for (const name of [
      'Abu Kamal',
      'Albukamal',
      'Al-Bukamal',
      'al bukamal',
      'ALBUKAMAL',
      'البوكمال',
    ]) {
      assert.equal(resolvePlace(network, name).id, 'albukamal', name)
    }
    assert.equal(resolvePlace(network, 'Al-Qa’im').id, 'al-qaim')
    assert.equal(resolvePlace(network, 'Jaber').id, 'nasib-jaber')
    assert.equal(resolvePlace(network, 'albukamal-al-qaim').id, 'albukamal-al-qaim')
  })

  it('names the nearest known places for an unknown one, on one line', () => {
    assert.throws(
      () => resolvePlace(network, 'Tehrn'),
      (e: unknown) =>
        e instanceof CorridorError &&
        e.code === 'unknown-place' &&
        e.suggestions[0] === 'Tehran (IR)' &&
        /^unknown place "Tehrn"; nearest known: Tehran \(IR\)/.test(e.message) &&
        !e.message.includes('\n'),
    )
    assert.throws(
      () => resolvePlace(network, 'Abu Kamaal'),
      (e: unknown) => e instanceof CorridorError && e.suggestions.includes('Albukamal (SY)'),
    )
  })
})

/** A status fact as the pipeline would store it. */
function fact(
  siteId: string,
  start: string,
  status: StatusFact['status'],
  extra: Partial<StatusFact> = {},
): StatusFact {
  return {
    siteId,
    eventId: `e-${siteId}-${start}-${status}`,
    articleId: `a-${siteId}-${start}`,
    status,
    scope: 'all',
    controller: null,
    time: { start, end: start, precision: 'day', certainty: 'stated' },
    modality: 'asserted',
    evidence: `${siteId} ${status ?? 'held'} on ${start}`,
    ...extra,
  }
}

describe('routing core on a small world', () => {
  // West (SY) — north crossing (short) or south crossing (long) — East (IQ).
  const crossing = (id: string, lat: number, traffic: PackCrossing['traffic']): PackCrossing => ({
    id,
    name: `${id} crossing`,
    names: [`${id} crossing`],
    kind: 'road',
    countries: ['SY', 'IQ'],
    sides: [{ country: 'SY', names: [`${id} west`], lat, lon: 41 }],
    lat,
    lon: 41,
    traffic,
    source: 'test',
  })
  const place = (id: string, country: string, lat: number, lon: number) => ({
    id,
    kind: 'city' as const,
    name: id,
    names: [id],
    country,
    lat,
    lon,
    source: 'test',
  })
  const road = (from: string, to: string, km: number) => ({
    id: `${from}-${to}`,
    from,
    to,
    road: `${from}–${to} road`,
    km,
    source: 'test',
  })
  const network = buildRoadNetwork([
    {
      file: 'test',
      crossings: [crossing('north', 35, ['people', 'goods']), crossing('south', 33, ['people'])],
      network: {
        nodes: [
          place('west', 'SY', 34, 39),
          place('east', 'IQ', 34, 43),
          { id: 'north', kind: 'crossing', source: 'test' },
          { id: 'south', kind: 'crossing', source: 'test' },
        ],
        edges: [
          road('west', 'north', 200),
          road('north', 'east', 200),
          road('west', 'south', 300),
          road('south', 'east', 300),
        ],
      },
    },
  ])
  const actors = actorDirectory(loadKnowledge().actors)
  const query = (on: string, extra: Partial<RouteQuery> = {}): RouteQuery => ({
    from: 'west',
    to: 'east',
    on,
    traffic: 'people',
    via: [],
    avoid: [],
    k: 3,
    assumeOpen: false,
    ...extra,
  })
  const facts = [
    fact('north', '2019-01-01', 'open', { controller: "Kata'ib Hezbollah" }),
    fact('north', '2020-02-20', 'closed'),
    fact('south', '2019-06-01', 'open', { controller: 'US forces' }),
    fact('south', '2019-08-01', 'closed', { scope: 'aid' }),
  ]
  const people = trafficTimelines(facts, 'people')

  it('gives the open routes shortest first, each crossing with status, controller and evidence', () => {
    const { routes, whyNot } = findRoutes(network, people, query('2019-10-01'), actors)
    assert.equal(whyNot, null)
    assert.deepEqual(
      routes.map((r) => [r.lengthKm, r.crossings.map((c) => `${c.id}:${c.status}`)]),
      [
        [400, ['north:open']],
        [600, ['south:open']],
      ],
    )
    assert.deepEqual(routes[0].crossings[0].controllers, ["Kata'ib Hezbollah"])
    assert.equal(routes[0].crossings[0].facts[0].evidence, 'north open on 2019-01-01')
    assert.deepEqual(
      routes[0].legs.map((l) => l.road),
      ['west–north road', 'north–east road'],
    )
  })

  it('says which crossings block each candidate route, and since when', () => {
    const { routes, whyNot } = findRoutes(network, people, query('2018-06-01'), actors)
    assert.equal(routes.length, 0)
    assert.ok(whyNot)
    assert.deepEqual(
      whyNot.map((r) => r.blockers.map((b) => `${b.id}: ${b.reasons.join('+')}: ${b.explanation}`)),
      [
        ['north: no-status: no report states its status on 2018-06-01'],
        ['south: no-status: no report states its status on 2018-06-01'],
      ],
    )
    const later = findRoutes(network, people, query('2020-03-01', { k: 1 }), actors)
    assert.equal(
      later.routes[0]?.crossings[0].id,
      'south',
      'the south crossing still carries people',
    )
    const closedBoth = findRoutes(
      network,
      people,
      query('2020-03-01', { avoid: ['us-forces'] }),
      actors,
    )
    assert.deepEqual(
      closedBoth.whyNot?.map((r) => r.blockers.map((b) => b.explanation)),
      [['closed since 2020-02-20'], ['held by US forces since 2019-06-01']],
    )
    const text = routeText(routeAnswerOf(closedBoth, '2020-03-01'), (id) => `${id} crossing`).join(
      '\n',
    )
    assert.match(text, /No open route on 2020-03-01/)
    assert.match(text, /blocked at north crossing \(SY–IQ\): closed since 2020-02-20/)
  })

  it('reads each kind of traffic from its own facts and from the crossings pack', () => {
    const aid = trafficTimelines(facts, 'aid')
    const { routes } = findRoutes(network, aid, query('2019-10-01', { traffic: 'aid' }), actors)
    // South is closed to aid and carries people only; north carries goods, so aid convoys pass.
    assert.deepEqual(
      routes.map((r) => r.crossings.map((c) => c.id)),
      [['north']],
    )
    const goods = trafficTimelines(facts, 'goods')
    const after = findRoutes(network, goods, query('2020-03-01', { traffic: 'goods' }), actors)
    assert.deepEqual(after.whyNot?.[1].blockers[0].reasons, ['traffic'])
  })

  it('keeps to crossings held by an actor or its affiliates, and away from others', () => {
    const viaPmu = findRoutes(network, people, query('2019-10-01', { via: ['pmu'] }), actors)
    assert.deepEqual(
      viaPmu.routes.map((r) => r.crossings.map((c) => c.id)),
      [['north']],
      "Kata'ib Hezbollah is part of the PMU",
    )
    const viaIsf = findRoutes(
      network,
      people,
      query('2019-10-01', { via: ['iraqi-security-forces'] }),
      actors,
    )
    assert.deepEqual(
      viaIsf.routes.map((r) => r.crossings.map((c) => c.id)),
      [['north']],
      'the PMU is part of the ISF since 2016, and so are its factions',
    )
    const before = findRoutes(
      network,
      people,
      query('2015-10-01', { via: ['iraqi-security-forces'], assumeOpen: true }),
      actors,
    )
    assert.equal(before.routes.length, 0)
    const avoidIrgc = findRoutes(network, people, query('2019-10-01', { avoid: ['irgc'] }), actors)
    assert.deepEqual(
      avoidIrgc.routes.map((r) => r.crossings.map((c) => c.id)),
      [['south']],
    )
  })

  it('counts unknown crossings as open only when asked, and marks them', () => {
    const { routes } = findRoutes(
      network,
      people,
      query('2018-06-01', { assumeOpen: true }),
      actors,
    )
    assert.deepEqual(
      routes.map((r) => r.crossings.map((c) => `${c.id}:${c.status}:${c.assumed}`)),
      [['north:unknown:true'], ['south:unknown:true']],
    )
  })

  it('gives the intervals in which a route existed, with the facts that opened and closed it', () => {
    const q = query('2021-01-01', { traffic: 'goods' })
    const goods = trafficTimelines(facts, 'goods')
    const intervals = routeAvailability(network, goods, q, actors, {
      from: '2018-01-01',
      to: '2021-12-31',
    })
    assert.deepEqual(
      intervals.map((i) => ({
        start: i.start,
        end: i.end,
        opened: i.openedBy.map((f) => f.evidence),
        closed: i.closedBy.map((f) => f.evidence),
        routes: i.routes.map((r) => `${r.start}..${r.end}: ${r.crossings.join()}`),
      })),
      [
        {
          start: '2019-01-01',
          end: '2020-02-20',
          opened: ['north open on 2019-01-01'],
          closed: ['north closed on 2020-02-20'],
          routes: ['2019-01-01..2020-02-20: north'],
        },
      ],
    )
  })
})

/** A RouteAnswer around a core result, for the text formatter. */
function routeAnswerOf(result: ReturnType<typeof findRoutes>, on: string): RouteAnswer {
  const place = (id: string) => ({
    id,
    name: id,
    kind: 'city' as const,
    countries: [],
    lat: 0,
    lon: 0,
  })
  return {
    query: {
      from: place('west'),
      to: place('east'),
      on,
      traffic: 'people',
      via: [],
      avoid: [],
      k: 3,
      assumeOpen: false,
      period: null,
    },
    ...result,
    availability: null,
    articles: {},
  }
}

/** Opens a temp store with the packs' sites and ingests `inputs`. */
async function storeWith(
  inputs: string[],
): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dir = tempDir()
  const store = await openStore({ dir })
  const ctx = defaultContext()
  await syncPackSites(store)
  const seed = await ingestSources(store, [SEED], ctx, { published: '2019-09-30T19:03+03:00' })
  assert.equal(seed.failed.length, 0)
  const rest = await ingestSources(store, inputs, ctx)
  assert.equal(rest.failed.length, 0)
  return {
    store,
    async dispose() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

const passes = (answer: RouteAnswer, crossing: string) =>
  answer.routes.some((r) => r.crossings.some((c) => c.id === crossing))

describe('land bridge from reports: the seed and the corridor fixtures', { skip: missing }, () => {
  let store: Store
  let dispose: () => Promise<void>
  const ask = (on: string, extra: object = {}) =>
    answerRoute(store, { from: 'Tehran', to: 'Beirut', on, via: REGIME_OR_PMU, ...extra })
  before(async () => {
    ;({ store, dispose } = await storeWith([
      path.join(FIXTURES, 'mehran-2018-10-25.txt'),
      path.join(FIXTURES, 'masnaa-2019-01-09.txt'),
    ]))
  })
  after(async () => dispose?.())

  it('has no regime- or PMU-held route Tehran → Beirut through Albukamal–Al Qaim before 2019-09-30', async () => {
    const answer = await ask('2019-09-01')
    assert.equal(passes(answer, 'albukamal-al-qaim'), false)
    const candidate = answer.whyNot?.find((r) =>
      r.crossings.some((c) => c.id === 'albukamal-al-qaim'),
    )
    assert.ok(candidate, 'a candidate through Albukamal–Al Qaim is explained')
    const blocker = candidate.blockers.find((b) => b.id === 'albukamal-al-qaim')
    assert.ok(blocker, 'Albukamal–Al Qaim is named as a blocker')
    assert.ok(blocker.reasons.includes('status'), blocker.explanation)
    assert.ok(blocker.since && blocker.since < '2019-09-30')
  })

  it('has one from 2019-09-30, with the reopening report as evidence', async () => {
    const answer = await ask('2019-10-01')
    const route = answer.routes.find((r) => r.crossings.some((c) => c.id === 'albukamal-al-qaim'))
    assert.ok(route, 'a route through Albukamal–Al Qaim')
    assert.deepEqual(
      route.crossings.map((c) => c.id),
      ['mehran-zurbatiyah', 'albukamal-al-qaim', 'masnaa-jdeidet-yabous'],
    )
    const albukamal = route.crossings[1]
    assert.equal(albukamal.status, 'open')
    assert.equal(albukamal.since, '2019-09-30')
    const opening = albukamal.facts.find(
      (f) => f.status === 'open' && /re-opened on Monday/.test(f.evidence),
    )
    assert.ok(opening, 'the seed sentence is the evidence')
    assert.match(
      answer.articles[opening.articleId]?.title ?? '',
      /border crossing between Iraq-Syria opens/,
    )
    assert.ok(route.crossings.every((c) => c.controllers.length > 0))
  })

  it('changes its answer when a fixture report closes a crossing on the path', async () => {
    const before = await ask('2020-03-01')
    assert.ok(passes(before, 'mehran-zurbatiyah'))
    const ctx = defaultContext()
    const closing = await ingestSources(store, [path.join(FIXTURES, 'mehran-2020-02-21.txt')], ctx)
    assert.equal(closing.stored, 1)
    const after = await ask('2020-03-01')
    assert.equal(
      after.routes.length,
      0,
      'no other Iran–Iraq crossing is known to be open and held so',
    )
    const near = await answerRoute(store, { from: 'Ilam', to: 'Badrah', on: '2020-03-01', k: 1 })
    const blocked = near.whyNot?.[0]?.blockers.find((b) => b.id === 'mehran-zurbatiyah')
    assert.ok(blocked, 'Mehran is named as the blocker')
    assert.equal(blocked.status, 'closed')
    assert.ok(blocked.since && blocked.since >= '2020-02-20' && blocked.since < '2020-03-01')
    assert.ok(blocked.facts.some((f) => /coronavirus/.test(f.evidence)))
    assert.ok(
      passes(await ask('2020-03-01', { traffic: 'goods', assumeOpen: true }), 'mehran-zurbatiyah'),
      'closed to travellers only',
    )
  })

  it('gives the land bridge’s availability over time, opened by the seed and closed by the fixture', async () => {
    const answer = await ask('2020-12-31', { period: { from: '2019-01-01', to: '2020-12-31' } })
    assert.equal(answer.availability?.length, 1)
    const [interval] = answer.availability ?? []
    assert.equal(interval.start, '2019-09-30')
    assert.ok(interval.end && interval.end >= '2020-02-20' && interval.end < '2020-03-01')
    assert.ok(
      interval.openedBy.some((f) => f.siteId === 'albukamal-al-qaim' && f.status === 'open'),
    )
    assert.ok(interval.closedBy.every((f) => f.siteId === 'mehran-zurbatiyah'))
    assert.ok(interval.closedBy.some((f) => f.status === 'closed'))
  })

  it('answers `route --json` in-process, and refuses an unknown place with exit code 1', async () => {
    const program = new Command('borderwatch').exitOverride()
    registerRouteCommand(program, (fn) => fn(store))
    const out: string[] = []
    const write = process.stdout.write
    process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write
    try {
      await program.parseAsync(
        [
          'route',
          'Tehran',
          'Abu Kamal',
          '--on',
          '2019-10-01',
          '--via-controller',
          'PMU,Syrian government',
          '-k',
          '2',
          '--json',
        ],
        { from: 'user' },
      )
    } finally {
      process.stdout.write = write
    }
    const answer = JSON.parse(out.join('')) as RouteAnswer
    assert.equal(answer.query.to.id, 'albukamal')
    assert.deepEqual(
      answer.query.via.map((a) => a.id),
      ['pmu', 'syrian-government'],
    )
    assert.ok(answer.routes.length >= 1 && answer.routes.length <= 2)
    await assert.rejects(
      program.parseAsync(['route', 'Tehran', 'Bayroot', '--on', '2019-10-01'], { from: 'user' }),
      (e: unknown) =>
        e instanceof CliError && e.code === 'not-found' && /nearest known: Beirut/.test(e.message),
    )
    await assert.rejects(
      program.parseAsync(['route', 'Tehran', 'Beirut', '--on', '2019-13-01'], { from: 'user' }),
      (e: unknown) => e instanceof CliError && e.code === 'bad-argument',
    )
  })

  it('answers GET /api/route, with errors as { error: { code, message } }', async () => {
    const app = new Hono<AppEnv>()
    app.onError((error, c) =>
      error instanceof AppError
        ? c.json({ error: { code: error.code, message: error.message } }, error.status)
        : c.json({ error: { code: 'internal', message: error.message } }, 500),
    )
    registerRouteApi(app, store)
    const ok = await app.request(
      '/api/route?origin=Tehran&destination=Beirut&on=2019-10-01&via=PMU,Syrian%20government,SAA&k=1',
    )
    assert.equal(ok.status, 200)
    const body = (await ok.json()) as RouteAnswer
    assert.deepEqual(
      body.routes[0].crossings.map((c) => c.id),
      ['mehran-zurbatiyah', 'albukamal-al-qaim', 'masnaa-jdeidet-yabous'],
    )
    const unknown = await app.request('/api/route?origin=Tehran&destination=Atlantis')
    assert.equal(unknown.status, 404)
    assert.equal(
      ((await unknown.json()) as { error: { code: string } }).error.code,
      'unknown-place',
    )
    const bad = await app.request('/api/route?origin=Tehran&destination=Beirut&k=99')
    assert.equal(bad.status, 400)
  })
})

describe('corridors from the samples', { skip: missing }, () => {
  let store: Store
  let dispose: () => Promise<void>
  before(async () => {
    ;({ store, dispose } = await storeWith([
      SAMPLES_DIR,
      path.join(FIXTURES, 'mehran-2018-10-25.txt'),
      path.join(FIXTURES, 'masnaa-2019-01-09.txt'),
    ]))
  })
  after(async () => dispose?.())

  it('has no goods route Damascus → Amman through Nasib–Jaber while it was shut, and one after it reopened', async () => {
    const shut = await answerRoute(store, {
      from: 'Damascus',
      to: 'Amman',
      on: '2016-06-01',
      traffic: 'goods',
    })
    assert.equal(passes(shut, 'nasib-jaber'), false)
    const nasib = shut.whyNot?.[0].blockers.find((b) => b.id === 'nasib-jaber')
    assert.ok(nasib, 'the shortest candidate is blocked at Nasib–Jaber')
    assert.ok(nasib.reasons.includes('status') && nasib.since && nasib.since.startsWith('2015'))
    const reopened = await answerRoute(store, {
      from: 'Damascus',
      to: 'Amman',
      on: '2018-11-01',
      traffic: 'goods',
      k: 1,
    })
    assert.deepEqual(
      reopened.routes[0]?.crossings.map((c) => c.id),
      ['nasib-jaber'],
    )
    assert.equal(reopened.routes[0].crossings[0].since, '2018-10-15')
  })

  it('keeps the land bridge shut before 2019-09-30 and open after, with the samples too', async () => {
    const ask = (on: string) =>
      answerRoute(store, { from: 'Tehran', to: 'Beirut', on, via: REGIME_OR_PMU })
    assert.equal(passes(await ask('2019-09-01'), 'albukamal-al-qaim'), false)
    assert.equal(passes(await ask('2019-10-01'), 'albukamal-al-qaim'), true)
  })
})

describe('route answers without a store', () => {
  it('refuses bad dates, k and periods with a bad-query error', () => {
    const world = { network: loadNetwork(), actors: loadKnowledge().actors, facts: [] }
    const refuse = (request: Parameters<typeof routeAnswer>[1], pattern: RegExp) =>
      assert.throws(
        () => routeAnswer(world, request, '2024-01-01'),
        (e: unknown) =>
          e instanceof CorridorError && e.code === 'bad-query' && pattern.test(e.message),
      )
    refuse({ from: 'Tehran', to: 'Beirut', on: '2019-02-30' }, /YYYY-MM-DD/)
    refuse({ from: 'Tehran', to: 'Beirut', k: 0 }, /k 0/)
    refuse({ from: 'Tehran', to: 'Beirut', period: { from: '2020-01-01' } }, /both/)
    refuse(
      { from: 'Tehran', to: 'Beirut', period: { from: '2021-01-01', to: '2020-01-01' } },
      /after/,
    )
    refuse({ from: 'Abu Kamal', to: 'Albukamal' }, /same place/)
    assert.throws(
      () => routeAnswer(world, { from: 'Tehran', to: 'Beirut', via: ['Hezbolah'] }, '2024-01-01'),
      (e: unknown) =>
        e instanceof CorridorError && e.code === 'unknown-actor' && /Hezbollah/.test(e.message),
    )
  })
})
