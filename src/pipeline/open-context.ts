/** Builds the pipeline's knowledge (gazetteer, actors) and syncs the pack sites into a store. */
import { defaultGazetteer } from '../places/gazetteer.js'
import { defaultActorIndex } from '../actors/actor-index.js'
import { packSites } from '../sites/site-registry.js'
import type { Store } from '../store/store.js'
import type { PipelineContext } from './extract-document.js'

/** The default context over the shipped packs. */
export function defaultContext(): PipelineContext {
  const gazetteer = defaultGazetteer()
  const crossings = new Map(
    gazetteer.knowledge.crossings.map((c) => [
      c.id,
      { name: c.name, ref: `crossing:${c.id}`, lat: c.lat, lon: c.lon },
    ]),
  )
  return { gazetteer, actors: defaultActorIndex(), crossings, now: () => new Date().toISOString() }
}

/** Writes the packs' sites into the registry, so sites exist before any report names them. */
export async function syncPackSites(store: Store, ctx: PipelineContext): Promise<void> {
  const knowledge = ctx.gazetteer.knowledge
  const origin = knowledge.packs.map((p) => `${p.name}@${p.version}`).join(',')
  await store.syncSites(packSites(knowledge), `pack:${origin}`)
}
