/** Loads the road network of every pack that has a `network.json`, validated against its crossings. */
import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { PackCrossings } from '../model/pack.js'
import { PackNetwork } from '../model/network.js'
import { PACKS_DIR, PackError } from '../places/load-packs.js'
import { buildRoadNetwork, type NetworkPart, type RoadNetwork } from './road-network.js'

function readJson<S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> {
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new PackError(`${file}: not readable JSON (${(error as Error).message})`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new PackError(`${file}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data
}

let cached: RoadNetwork | undefined

/**
 * The network of every pack folder under `dir` (a folder with `pack.json` and `network.json`);
 * cached for the default folder. Throws PackError naming the file and the problem.
 * @example loadNetwork().graph.hasNode('albukamal-al-qaim') // true
 */
export function loadNetwork(dir: string = PACKS_DIR): RoadNetwork {
  if (dir === PACKS_DIR && cached) return cached
  const parts: NetworkPart[] = []
  const folders = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
  for (const folder of folders) {
    const packDir = path.join(dir, folder)
    const file = path.join(packDir, 'network.json')
    if (!fs.existsSync(path.join(packDir, 'pack.json')) || !fs.existsSync(file)) continue
    const crossingsFile = path.join(packDir, 'crossings.json')
    const crossings = fs.existsSync(crossingsFile)
      ? readJson(crossingsFile, PackCrossings).crossings
      : []
    parts.push({ file, network: readJson(file, PackNetwork), crossings })
  }
  const network = buildRoadNetwork(parts)
  if (dir === PACKS_DIR) cached = network
  return network
}
