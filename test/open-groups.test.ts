/** Merging through the open-cluster index gives exactly the clusters of comparing every pair. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { clusterEvents, sameHappening } from '../src/clusters/cluster-events.ts'
import type { ApiEvent, EventPlace, TimePrecision } from '../src/model/index.ts'

/** The merge as it was before the index: every event against every cluster so far. */
function referenceGroups(events: ApiEvent[]): { ids: string[]; why: string[] }[] {
  const byTime = (a: ApiEvent, b: ApiEvent) =>
    a.time.start.localeCompare(b.time.start) || a.id.localeCompare(b.id)
  const groups: { members: ApiEvent[]; why: string[] }[] = []
  for (const e of [...events].sort(byTime)) {
    const g = groups.find((g) => g.members.every((m) => sameHappening(m, e) !== null))
    if (g) {
      g.why.push(`${e.id} (${e.article.outlet ?? e.article.id}): ${sameHappening(g.members[0], e)}`)
      g.members.push(e)
    } else groups.push({ members: [e], why: [] })
  }
  return groups.map((g) => ({ ids: g.members.map((m) => m.id), why: g.why }))
}

const SPOTS = [
  { lat: 34.4, lon: 40.98, siteId: 'albukamal' },
  { lat: 32.54, lon: 36.2, siteId: 'nasib' },
  { lat: 34.5, lon: 41.1, siteId: null },
  { lat: 89.9, lon: 10, siteId: null },
  { lat: -60, lon: 179.95, siteId: null },
  { lat: -60.1, lon: -179.9, siteId: 'dateline' },
]
const PRECISIONS: TimePrecision[] = ['day', 'day', 'day', 'week', 'month', 'year']

const anEvent = fc.record({
  type: fc.constantFrom('crossing-opened', 'crossing-closed', 'statement'),
  spot: fc.nat(SPOTS.length),
  spread: fc.constantFrom(0, 0.1, 0.3, 1.2),
  dLat: fc.double({ min: -1, max: 1, noNaN: true }),
  dLon: fc.double({ min: -1, max: 1, noNaN: true }),
  precise: fc.constantFrom<EventPlace['precision']>('site', 'town', 'country'),
  day: fc.nat(20),
  length: fc.nat(3),
  precision: fc.constantFrom(...PRECISIONS),
  actor: fc.constantFrom(null, 'pmu', 'idf'),
  lineage: fc.nat(5),
})

type EventRecord = typeof anEvent extends fc.Arbitrary<infer T> ? T : never

function toEvent(r: EventRecord, i: number): ApiEvent {
  const spot = SPOTS[r.spot]
  const place: EventPlace | null = spot
    ? {
        name: 'somewhere',
        ref: 'x',
        country: null,
        lat: Math.max(-90, Math.min(90, spot.lat + r.dLat * r.spread)),
        lon: ((spot.lon + r.dLon * r.spread * 2 + 540) % 360) - 180,
        precision: r.precise,
        siteId: r.precise === 'site' ? spot.siteId : null,
        text: 'somewhere',
      }
    : null
  const start = new Date(Date.UTC(2020, 0, 1 + r.day)).toISOString().slice(0, 10)
  const end = new Date(Date.UTC(2020, 0, 1 + r.day + r.length)).toISOString().slice(0, 10)
  return {
    id: `e${i.toString().padStart(3, '0')}`,
    articleId: `a${i}`,
    type: r.type as ApiEvent['type'],
    modality: 'asserted',
    trigger: 'x',
    time: { start, end, precision: r.precision, certainty: 'stated' },
    place,
    actors: r.actor ? [{ role: 'actor', id: r.actor, name: r.actor, text: r.actor }] : [],
    sentence: 'x',
    evidenceStart: 0,
    evidenceEnd: 1,
    scope: null,
    article: {
      id: `a${i}`,
      title: 't',
      outlet: `o${i % 4}`,
      url: null,
      published: null,
      lineageId: `l${r.lineage}`,
    },
  }
}

describe('clusterEvents with the open-cluster index', () => {
  it('merges exactly as comparing every event with every cluster', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { minLength: 20, maxLength: 150, size: 'max' }), (records) => {
        const events = records.map(toEvent)
        const got = clusterEvents(events).map((c) => ({ ids: c.eventIds, why: c.why }))
        const want = referenceGroups(events)
        const first = (g: { ids: string[] }) => events.find((e) => e.id === g.ids[0]) as ApiEvent
        want.sort(
          (a, b) =>
            first(a).time.start.localeCompare(first(b).time.start) ||
            first(a).id.localeCompare(first(b).id),
        )
        assert.deepEqual(got, want)
      }),
      { numRuns: 300, seed: 9 },
    )
  })

  it('merges places under 25 km apart across grid cells, the date line and a pole', () => {
    const pairs: [number, number, number, number][] = [
      [60, 10.24, 60, 10.67],
      [0, 179.9, 0, -179.9],
      [89.95, 0, 89.95, 180],
    ]
    for (const [lat1, lon1, lat2, lon2] of pairs) {
      const records = [lat1, lat2].map((_, i) => ({
        type: 'crossing-opened',
        spot: 0,
        spread: 0,
        dLat: 0,
        dLon: 0,
        precise: 'town' as const,
        day: 3,
        length: 0,
        precision: 'day' as const,
        actor: null,
        lineage: i,
      }))
      const [a, b] = records.map(toEvent)
      a.place = { ...(a.place as EventPlace), lat: lat1, lon: lon1 }
      b.place = { ...(b.place as EventPlace), lat: lat2, lon: lon2 }
      assert.equal(clusterEvents([a, b]).length, 1, `${lat1},${lon1} and ${lat2},${lon2}`)
    }
  })
})
