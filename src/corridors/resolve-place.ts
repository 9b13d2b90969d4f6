/**
 * A place as a user writes it ("Abu Kamal", "Al-Bukamal", "البوكمال") to a node of the road
 * network, with the nearest known names when nothing matches.
 */
import { foldName, nameKeys } from '../text/fold-name.js'
import { editDistance } from '../text/edit-distance.js'
import { CorridorError } from './corridor-error.js'
import type { RoadNetwork, RoadNode } from './road-network.js'

interface NameIndex {
  nodes: RoadNode[]
  /** Every key of every name of each node. */
  keys: Map<RoadNode, Set<string>>
}

const indexes = new WeakMap<RoadNetwork, NameIndex>()

function indexOf(network: RoadNetwork): NameIndex {
  let index = indexes.get(network)
  if (!index) {
    const nodes = network.graph.mapNodes((_, n) => n)
    const keys = new Map(nodes.map((n) => [n, new Set([n.id, ...n.names.flatMap(nameKeys)])]))
    index = { nodes, keys }
    indexes.set(network, index)
  }
  return index
}

function label(node: RoadNode): string {
  return node.kind === 'crossing' ? node.name : `${node.name} (${node.countries[0]})`
}

/** The best matches of one tier: places before crossings, since a town and its crossing share names. */
function pick(matches: RoadNode[], name: string): RoadNode | null {
  if (!matches.length) return null
  const places = matches.filter((n) => n.kind !== 'crossing')
  const best = places.length ? places : matches
  if (best.length === 1) return best[0]
  const names = best.map(label).sort()
  throw new CorridorError(
    'ambiguous-place',
    `"${name}" could be ${names.join(' or ')}; write the one you mean, or its id (${best
      .map((n) => n.id)
      .sort()
      .join(', ')})`,
    names,
  )
}

/**
 * The network node for `name`: its id, or any spelling of its names, folded (case, accents,
 * hyphens, apostrophes and a leading Arabic article do not matter). A town wins over the crossing
 * named after it. Throws CorridorError `unknown-place` with the nearest known names, or
 * `ambiguous-place` when two places share the name.
 * @example resolvePlace(network, 'Abu Kamal').id // 'albukamal'
 */
export function resolvePlace(network: RoadNetwork, name: string): RoadNode {
  const wanted = name.trim()
  if (network.graph.hasNode(wanted)) return network.graph.getNodeAttributes(wanted)
  const { nodes, keys } = indexOf(network)
  const fold = foldName(wanted)
  const exact = pick(
    nodes.filter((n) => n.names.some((x) => foldName(x) === fold)),
    wanted,
  )
  if (exact) return exact
  const asked = nameKeys(wanted)
  const loose = pick(
    nodes.filter((n) => asked.some((k) => keys.get(n)?.has(k))),
    wanted,
  )
  if (loose) return loose
  const near = nodes
    .map((n) => ({
      name: label(n),
      d: Math.min(...[...(keys.get(n) ?? [])].map((k) => editDistance(fold, k))),
    }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 5)
    .map((x) => x.name)
  throw new CorridorError(
    'unknown-place',
    `unknown place "${name}"; nearest known: ${near.join(', ')}`,
    near,
  )
}
