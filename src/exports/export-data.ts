/** Reads everything an export holds from the store: events, status facts, their clusters and the sites. */
import type { Store } from '../store/store.js'
import { clusterEvents } from '../clusters/cluster-events.js'
import type { ExportData } from './to-jsonl.js'

/** All stored events, facts and sites, with the events merged into clusters. */
export async function loadExportData(store: Store): Promise<ExportData> {
  const { events } = await store.listEvents({ limit: 1_000_000 })
  return {
    events,
    facts: await store.statusFacts(),
    clusters: clusterEvents(events, await store.clusterOverrides()),
    sites: await store.listSites(),
    sourceIds: await store.articleSourceIds(),
  }
}
