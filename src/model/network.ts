/** Road network packs: cities, crossings and ports joined by main roads, each with its source. */
import { z } from 'zod'
import { SourceRef } from './pack.js'

const NodeId = z.string().regex(/^[a-z0-9-]+$/)

/** A city, town or port of the network, with every spelling that should find it. */
export const NetworkPlaceNode = z.object({
  id: NodeId,
  kind: z.enum(['city', 'town', 'port']),
  name: z.string(),
  names: z.array(z.string()).min(1),
  /** ISO 3166-1 alpha-2 code of the country the place lies in. */
  country: z.string().length(2),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  source: SourceRef,
})
export type NetworkPlaceNode = z.infer<typeof NetworkPlaceNode>

/** A border crossing of the network: its id is a crossing id of the pack's crossings.json. */
export const NetworkCrossingNode = z.object({
  id: NodeId,
  kind: z.literal('crossing'),
  source: SourceRef,
})
export type NetworkCrossingNode = z.infer<typeof NetworkCrossingNode>

/** A node of a network pack. */
export const NetworkNode = z.discriminatedUnion('kind', [NetworkPlaceNode, NetworkCrossingNode])
export type NetworkNode = z.infer<typeof NetworkNode>

/** A main road between two nodes, usable both ways. */
export const NetworkEdge = z.object({
  id: z.string().min(1),
  from: NodeId,
  to: NodeId,
  /** The highway's name or number, e.g. "M5 (Homs–Damascus)". */
  road: z.string().min(1),
  /** Length in km; the source says when it is approximate. */
  km: z.number().positive(),
  source: SourceRef,
})
export type NetworkEdge = z.infer<typeof NetworkEdge>

/** The `network.json` file of a pack. */
export const PackNetwork = z.object({
  note: z.string().optional(),
  nodes: z.array(NetworkNode),
  edges: z.array(NetworkEdge),
})
export type PackNetwork = z.infer<typeof PackNetwork>
