/**
 * The road network as a graphology graph: network packs' nodes and roads, with every crossing
 * node carrying its crossing's names, position and traffic from the crossings pack.
 */
import { MultiUndirectedGraph } from 'graphology'
import type { PackCrossing } from '../model/pack.js'
import type { PackNetwork } from '../model/network.js'
import type { Traffic } from '../model/route.js'
import { PackError } from '../places/load-packs.js'
import { greatCircleKm } from '../places/great-circle.js'

/** What a crossing node knows of its crossing. */
export interface CrossingInfo {
  id: string
  name: string
  countries: string[]
  traffic: Traffic[]
}

/** Attributes of a network node. */
export interface RoadNode {
  id: string
  kind: 'city' | 'town' | 'port' | 'crossing'
  name: string
  /** Every spelling that finds it; for a crossing also both sides' names. */
  names: string[]
  countries: string[]
  lat: number
  lon: number
  source: string
  crossing: CrossingInfo | null
}

/** Attributes of a road. */
export interface RoadEdge {
  road: string
  km: number
  source: string
}

/** Roads are two-way; two roads may join the same pair of places. */
export type RoadGraph = MultiUndirectedGraph<RoadNode, RoadEdge>

/** A validated network, ready for routing. */
export interface RoadNetwork {
  graph: RoadGraph
  /**
   * The smallest ratio of a road's length to the great-circle distance between its ends (at most 1),
   * so that great-circle distance × detour never overestimates a remaining route length.
   */
  detour: number
  /** Ids of the crossing nodes. */
  crossings: string[]
}

/** One network file and the crossings of its pack. */
export interface NetworkPart {
  /** Where the part came from, for error messages. */
  file: string
  network: PackNetwork
  crossings: PackCrossing[]
}

/**
 * Builds the graph and checks what a schema cannot: ids unique and known, roads crossing a border
 * only through a crossing node, and every crossing of a pack attached to roads on both sides.
 * @example buildRoadNetwork([{ file: 'network.json', network, crossings }]).graph.order
 */
export function buildRoadNetwork(parts: NetworkPart[]): RoadNetwork {
  const graph: RoadGraph = new MultiUndirectedGraph<RoadNode, RoadEdge>()
  const crossingIds: string[] = []
  for (const { file, network, crossings } of parts) {
    const byId = new Map(crossings.map((c) => [c.id, c]))
    for (const n of network.nodes) {
      if (graph.hasNode(n.id)) throw new PackError(`${file}: node ${n.id} is defined twice`)
      if (n.kind === 'crossing') {
        const c = byId.get(n.id)
        if (!c)
          throw new PackError(`${file}: node ${n.id}: no crossing by that id in crossings.json`)
        const sides = c.sides.flatMap((s) => s.names)
        graph.addNode(n.id, {
          id: n.id,
          kind: 'crossing',
          name: c.name,
          names: [...new Set([c.name, ...c.names, ...sides])],
          countries: [...c.countries],
          lat: c.lat,
          lon: c.lon,
          source: n.source,
          crossing: { id: c.id, name: c.name, countries: [...c.countries], traffic: c.traffic },
        })
        crossingIds.push(n.id)
      } else {
        graph.addNode(n.id, {
          id: n.id,
          kind: n.kind,
          name: n.name,
          names: [...new Set([n.name, ...n.names])],
          countries: [n.country],
          lat: n.lat,
          lon: n.lon,
          source: n.source,
          crossing: null,
        })
      }
    }
    for (const e of network.edges) {
      for (const end of [e.from, e.to]) {
        if (!graph.hasNode(end)) throw new PackError(`${file}: edge ${e.id}: no node ${end}`)
      }
      if (graph.hasEdge(e.id)) throw new PackError(`${file}: edge ${e.id} is defined twice`)
      if (e.from === e.to) throw new PackError(`${file}: edge ${e.id} joins ${e.from} to itself`)
      checkBorder(file, e.id, graph.getNodeAttributes(e.from), graph.getNodeAttributes(e.to))
      graph.addEdgeWithKey(e.id, e.from, e.to, { road: e.road, km: e.km, source: e.source })
    }
    for (const c of crossings) {
      if (!graph.hasNode(c.id)) {
        throw new PackError(`${file}: crossing ${c.id} of crossings.json has no node`)
      }
      const reached = new Set(graph.mapNeighbors(c.id, (_, a) => a.countries[0]))
      const missing = c.countries.filter((country) => !reached.has(country))
      if (missing.length) {
        throw new PackError(
          `${file}: crossing ${c.id} has no road on its ${missing.join(' and ')} side`,
        )
      }
    }
  }
  return { graph, detour: detourOf(graph), crossings: crossingIds }
}

/** A road may join two places of one country, or a place to a crossing of that place's country. */
function checkBorder(file: string, edge: string, a: RoadNode, b: RoadNode): void {
  if (a.crossing && b.crossing) {
    throw new PackError(`${file}: edge ${edge} joins two crossings; put a place between them`)
  }
  const place = a.crossing ? b : a
  const other = a.crossing ? a : b
  if (!other.countries.includes(place.countries[0])) {
    throw new PackError(
      `${file}: edge ${edge} crosses from ${place.countries[0]} to ${other.countries.join('/')} without a crossing`,
    )
  }
}

function detourOf(graph: RoadGraph): number {
  let detour = 1
  graph.forEachEdge((_, e, __, ___, a, b) => {
    const straight = greatCircleKm(a.lat, a.lon, b.lat, b.lon)
    if (straight > 0) detour = Math.min(detour, e.km / straight)
  })
  return detour
}
