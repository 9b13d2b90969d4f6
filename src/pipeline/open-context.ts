/** Builds the pipeline's knowledge (gazetteer, actors) and syncs the registry's sites into a store. */
import { defaultGazetteer, Gazetteer } from '../places/gazetteer.js'
import { loadKnowledge, type Knowledge } from '../places/load-packs.js'
import { defaultActorIndex } from '../actors/actor-index.js'
import { packSites } from '../sites/site-registry.js'
import type { Store } from '../store/store.js'
import { listUserSites, userSitesRevision } from '../user-sites/user-site-store.js'
import { registryEntry, withUserSites } from '../user-sites/user-site-knowledge.js'
import type { PipelineContext } from './extract-document.js'

/** The context over `gazetteer`: its crossings by id, the shipped actors, the clock. */
function contextOver(gazetteer: Gazetteer): PipelineContext {
  const crossings = new Map(
    gazetteer.knowledge.crossings.map((c) => [
      c.id,
      { name: c.name, ref: `crossing:${c.id}`, lat: c.lat, lon: c.lon },
    ]),
  )
  return { gazetteer, actors: defaultActorIndex(), crossings, now: () => new Date().toISOString() }
}

/** The default context over the shipped packs. */
export function defaultContext(): PipelineContext {
  return contextOver(defaultGazetteer())
}

/** The registry origin of the shipped packs' sites: `pack:<name>@<version>,…`. */
export function packOrigin(): string {
  return `pack:${loadKnowledge()
    .packs.map((p) => `${p.name}@${p.version}`)
    .join(',')}`
}

/**
 * Writes the packs' sites into the registry, so sites exist before any report names them, then
 * the analysts' sites over them (an analyst's change to a pack site stands).
 */
export async function syncPackSites(store: Store): Promise<void> {
  await store.syncSites(packSites(loadKnowledge()), packOrigin())
  const users = await listUserSites(store.db)
  if (users.length)
    await store.syncSites(
      users.map((u) => registryEntry(u.id, u.site)),
      'user',
    )
}

let cached: { revision: string; context: PipelineContext } | undefined
const synced = new WeakMap<Store, string>()

/**
 * The context for a store: the packs plus the sites analysts added to it (rebuilt only when
 * those change), with the registry synced. Use it wherever reports are read into a store.
 */
export async function openContext(store: Store): Promise<PipelineContext> {
  const revision = await userSitesRevision(store.db)
  if (cached?.revision !== revision) {
    const users = await listUserSites(store.db)
    const knowledge: Knowledge = withUserSites(loadKnowledge(), users)
    cached = {
      revision,
      context: users.length ? contextOver(new Gazetteer(knowledge)) : defaultContext(),
    }
  }
  if (synced.get(store) !== revision) {
    await syncPackSites(store)
    synced.set(store, revision)
  }
  return cached.context
}
