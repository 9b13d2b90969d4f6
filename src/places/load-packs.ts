/** Loads and validates the knowledge packs in `data/packs/`. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import {
  PackActors,
  PackCountries,
  PackCrossings,
  PackManifest,
  PackPlaces,
  type PackActor,
  type PackCountry,
  type PackCrossing,
  type PackPlace,
} from '../model/index.js'

/** The packs folder shipped with borderwatch. */
export const PACKS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/packs',
)

/** A problem in a pack file, named by file and field. */
export class PackError extends Error {
  readonly code = 'bad-pack'
  constructor(message: string) {
    super(message)
    this.name = 'PackError'
  }
}

/** Everything the packs know, merged across packs. */
export interface Knowledge {
  packs: (z.infer<typeof PackManifest> & { dir: string })[]
  places: PackPlace[]
  crossings: PackCrossing[]
  actors: PackActor[]
  countries: PackCountry[]
}

function readPart<S extends z.ZodTypeAny>(dir: string, file: string, schema: S): z.infer<S> | null {
  const full = path.join(dir, file)
  if (!fs.existsSync(full)) return null
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(full, 'utf8'))
  } catch (error) {
    throw new PackError(`${full}: not valid JSON (${(error as Error).message})`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new PackError(`${full}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data
}

let cached: Knowledge | undefined

/** Loads every pack under `dir` (each a folder with `pack.json`); cached for the default folder. */
export function loadKnowledge(dir: string = PACKS_DIR): Knowledge {
  if (dir === PACKS_DIR && cached) return cached
  const knowledge: Knowledge = { packs: [], places: [], crossings: [], actors: [], countries: [] }
  const folders = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => fs.existsSync(path.join(dir, f, 'pack.json')))
        .sort()
    : []
  for (const folder of folders) {
    const packDir = path.join(dir, folder)
    const manifest = readPart(packDir, 'pack.json', PackManifest)!
    knowledge.packs.push({ ...manifest, dir: packDir })
    knowledge.places.push(...(readPart(packDir, 'places.json', PackPlaces)?.places ?? []))
    knowledge.crossings.push(
      ...(readPart(packDir, 'crossings.json', PackCrossings)?.crossings ?? []),
    )
    knowledge.actors.push(...(readPart(packDir, 'actors.json', PackActors)?.actors ?? []))
    knowledge.countries.push(
      ...(readPart(packDir, 'countries.json', PackCountries)?.countries ?? []),
    )
  }
  if (dir === PACKS_DIR) cached = knowledge
  return knowledge
}
