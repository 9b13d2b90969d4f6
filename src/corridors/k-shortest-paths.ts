/**
 * Shortest loopless paths on a graphology graph: A* (Dijkstra when no estimate is given) for one,
 * Yen's algorithm for the k shortest, each path a sequence of nodes and the edges between them.
 * Roads are two-way: edges are followed in both directions. Each call first reads the graph into
 * flat arrays (node and edge numbers, weights, adjacency), so that the many searches of Yen's
 * algorithm do not go through graphology's callbacks.
 */
import type { AbstractGraph, Attributes } from 'graphology-types'
import { MinHeap } from './min-heap.js'

/** A path: `edges[i]` joins `nodes[i]` to `nodes[i + 1]`. */
export interface GraphPath {
  nodes: string[]
  edges: string[]
  length: number
}

/** How to search: edge weights, nodes to leave out, and an optional lower bound for A*. */
export interface PathSearch<E extends Attributes> {
  /** A non-negative weight for an edge. */
  weight: (edge: string, attributes: E) => number
  /** False leaves a node out of every path (the source and target are always allowed). */
  nodeAllowed?: (node: string) => boolean
  /**
   * A lower bound of the remaining length from `node` to the target; it must be consistent
   * (never more than an edge's weight plus the bound at its other end), as great-circle distance is.
   */
  estimate?: (node: string) => number
}

/** The graph as arrays: adjacency in compressed rows, one weight per edge. */
interface FlatGraph {
  ids: string[]
  index: Map<string, number>
  edgeIds: string[]
  weights: Float64Array
  /** Neighbours of node i: `next[start[i]] … next[start[i + 1] - 1]`, by `via` edge. */
  start: Int32Array
  next: Int32Array
  via: Int32Array
  allowed: Uint8Array
}

function flatten<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  search: PathSearch<E>,
): FlatGraph {
  const ids = graph.nodes()
  const index = new Map(ids.map((id, i) => [id, i]))
  const edgeIds: string[] = []
  const weights: number[] = []
  const ends: number[] = []
  const degree = new Int32Array(ids.length + 1)
  graph.forEachEdge((edge, attributes, from, to) => {
    const a = index.get(from) as number
    const b = index.get(to) as number
    edgeIds.push(edge)
    weights.push(search.weight(edge, attributes))
    ends.push(a, b)
    degree[a]++
    if (a !== b) degree[b]++
  })
  const start = new Int32Array(ids.length + 1)
  for (let i = 0; i < ids.length; i++) start[i + 1] = start[i] + degree[i]
  const fill = start.slice(0, ids.length)
  const next = new Int32Array(start[ids.length])
  const via = new Int32Array(start[ids.length])
  for (let e = 0; e < edgeIds.length; e++) {
    const a = ends[2 * e]
    const b = ends[2 * e + 1]
    next[fill[a]] = b
    via[fill[a]++] = e
    if (a !== b) {
      next[fill[b]] = a
      via[fill[b]++] = e
    }
  }
  const allowed = new Uint8Array(ids.length).fill(1)
  if (search.nodeAllowed) ids.forEach((id, i) => (allowed[i] = search.nodeAllowed?.(id) ? 1 : 0))
  return { ids, index, edgeIds, weights: Float64Array.from(weights), start, next, via, allowed }
}

/** A path in node and edge numbers. */
interface FlatPath {
  nodes: number[]
  edges: number[]
  length: number
}

const NO_NODES = new Uint8Array(0)
const NO_EDGES = new Set<number>()

/** A* from `source` to `target` on the flat graph; `banned` nodes and edges are left out. */
function search(
  g: FlatGraph,
  source: number,
  target: number,
  estimate: ((node: number) => number) | null,
  bannedNodes: Uint8Array = NO_NODES,
  bannedEdges: Set<number> = NO_EDGES,
): FlatPath | null {
  const n = g.ids.length
  const best = new Float64Array(n).fill(Infinity)
  const from = new Int32Array(n).fill(-1)
  const by = new Int32Array(n).fill(-1)
  const done = new Uint8Array(n)
  const frontier = new MinHeap<number>()
  best[source] = 0
  frontier.push(source, estimate ? estimate(source) : 0)
  while (frontier.size) {
    const node = frontier.pop() as number
    if (done[node]) continue
    done[node] = 1
    if (node === target) break
    for (let j = g.start[node]; j < g.start[node + 1]; j++) {
      const next = g.next[j]
      const edge = g.via[j]
      if (done[next] || bannedNodes[next] || bannedEdges.has(edge)) continue
      if (next !== target && !g.allowed[next]) continue
      const length = best[node] + g.weights[edge]
      if (length >= best[next]) continue
      const remaining = estimate ? estimate(next) : 0
      if (remaining === Infinity) continue
      best[next] = length
      from[next] = node
      by[next] = edge
      frontier.push(next, length + remaining)
    }
  }
  if (!done[target]) return null
  const nodes = [target]
  const edges: number[] = []
  for (let node = target; node !== source; node = from[node]) {
    edges.push(by[node])
    nodes.push(from[node])
  }
  return { nodes: nodes.reverse(), edges: edges.reverse(), length: best[target] }
}

/** Shortest lengths from every node to `target` (Dijkstra from it), through allowed nodes only. */
function lengthsTo(g: FlatGraph, target: number, source: number): Float64Array {
  const best = new Float64Array(g.ids.length).fill(Infinity)
  const done = new Uint8Array(g.ids.length)
  const frontier = new MinHeap<number>()
  best[target] = 0
  frontier.push(target, 0)
  while (frontier.size) {
    const node = frontier.pop() as number
    if (done[node]) continue
    done[node] = 1
    // The search may end at the source even where it is not allowed, but never pass through it.
    if (node !== target && node !== source && !g.allowed[node]) continue
    for (let j = g.start[node]; j < g.start[node + 1]; j++) {
      const next = g.next[j]
      const length = best[node] + g.weights[g.via[j]]
      if (!done[next] && length < best[next]) {
        best[next] = length
        frontier.push(next, length)
      }
    }
  }
  return best
}

function toPath(g: FlatGraph, p: FlatPath): GraphPath {
  return {
    nodes: p.nodes.map((i) => g.ids[i]),
    edges: p.edges.map((e) => g.edgeIds[e]),
    length: p.length,
  }
}

/**
 * The shortest path from `source` to `target`, or `null` when there is none.
 * @example shortestPath(graph, 'tehran', 'beirut', { weight: (_, e) => e.km })
 */
export function shortestPath<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  source: string,
  target: string,
  options: PathSearch<E>,
): GraphPath | null {
  if (!graph.hasNode(source) || !graph.hasNode(target)) return null
  const g = flatten(graph, options)
  const { estimate } = options
  const path = search(
    g,
    g.index.get(source) as number,
    g.index.get(target) as number,
    estimate ? (i) => estimate(g.ids[i]) : null,
  )
  return path && toPath(g, path)
}

/**
 * Up to `k` loopless paths from `source` to `target`, shortest first (Yen, 1971): each next path
 * leaves an earlier one at some spur node and takes the shortest way on that avoids the earlier
 * paths' next edges there and their root nodes. Two classic speed-ups: spur nodes before the
 * point where the last path left its parent are skipped (Lawler, 1972), and every spur search is
 * an A* guided by the exact lengths to the target on the whole graph, which bans only lengthen.
 * Equal lengths are ordered by fewer edges, then by edge ids, so the answer does not depend on
 * insertion order. `options.estimate` is not needed and not used.
 * @example kShortestPaths(graph, 'tehran', 'beirut', 3, { weight: (_, e) => e.km })
 */
export function kShortestPaths<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  source: string,
  target: string,
  k: number,
  options: PathSearch<E>,
): GraphPath[] {
  if (k < 1 || source === target || !graph.hasNode(source) || !graph.hasNode(target)) return []
  const g = flatten(graph, options)
  const s = g.index.get(source) as number
  const t = g.index.get(target) as number
  const remaining = lengthsTo(g, t, s)
  if (remaining[s] === Infinity) return []
  const estimate = (node: number) => remaining[node]
  const first = search(g, s, t, estimate)
  if (!first) return []
  type Found = FlatPath & { deviation: number; key: string }
  const keyOf = (edges: number[]) => edges.map((e) => g.edgeIds[e]).join('\n')
  const found: Found[] = [{ ...first, deviation: 0, key: keyOf(first.edges) }]
  const seen = new Set([found[0].key])
  const candidates: Found[] = []
  while (found.length < k) {
    const last = found[found.length - 1]
    let rootLength = 0
    for (let i = 0; i < last.deviation; i++) rootLength += g.weights[last.edges[i]]
    const bannedNodes = new Uint8Array(g.ids.length)
    for (let i = 0; i < last.deviation; i++) bannedNodes[last.nodes[i]] = 1
    for (let i = last.deviation; i < last.nodes.length - 1; i++) {
      const bannedEdges = new Set<number>()
      for (const p of found) {
        if (p.edges.length > i && last.edges.every((e, j) => j >= i || p.edges[j] === e)) {
          bannedEdges.add(p.edges[i])
        }
      }
      const spur = search(g, last.nodes[i], t, estimate, bannedNodes, bannedEdges)
      if (spur) {
        const edges = [...last.edges.slice(0, i), ...spur.edges]
        const key = keyOf(edges)
        if (!seen.has(key)) {
          seen.add(key)
          candidates.push({
            nodes: [...last.nodes.slice(0, i), ...spur.nodes],
            edges,
            length: rootLength + spur.length,
            deviation: i,
            key,
          })
        }
      }
      rootLength += g.weights[last.edges[i]]
      bannedNodes[last.nodes[i]] = 1
    }
    if (!candidates.length) break
    candidates.sort(
      (a, b) =>
        a.length - b.length ||
        a.edges.length - b.edges.length ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    found.push(candidates.shift() as Found)
  }
  return found.map((p) => toPath(g, p))
}
