/**
 * Every event clustered once per revision of the data (`Store.eventRevision`, kept by triggers, so
 * checking it is one row read), and each event's independent sources written back to the store so
 * `minSources` is an index condition for every server sharing the database, even after a restart.
 */
import { clusterEvents } from '../clusters/cluster-events.js'
import type { ApiEvent, EventCluster } from '../model/index.js'
import type { Store } from '../store/store.js'

/** The clusters of the events at one revision. */
export interface ClusterView {
  revision: number
  events: Map<string, ApiEvent>
  clusters: EventCluster[]
  byEvent: Map<string, EventCluster>
}

/** Clusters kept until the events or the corrections change. */
export class ClusterCache {
  private value: ClusterView | null = null
  /** The computation under way, shared by requests that arrive meanwhile. */
  private building: Promise<ClusterView> | null = null

  constructor(private readonly store: Store) {}

  /** Forgets the clusters (a change of revision would also be noticed on the next request). */
  invalidate(): void {
    this.value = null
  }

  /** The clusters of every listed event (rejected ones left out), and which cluster each event is in. */
  async get(): Promise<ClusterView> {
    const { revision } = await this.store.eventRevision()
    if (this.value?.revision === revision) return this.value
    if (!this.building) {
      this.building = this.build(revision).finally(() => {
        this.building = null
      })
    }
    const view = await this.building
    // A computation that began before a change is not kept past it: the next request rebuilds.
    return view.revision >= revision ? view : this.get()
  }

  /**
   * Makes the stored source counts current: when the events or corrections changed since they were
   * written (by this server or another), clusters the events again and writes what changed.
   */
  async ensureSources(): Promise<void> {
    const { revision, sourcesRevision } = await this.store.eventRevision()
    if (revision === sourcesRevision) return
    const view = await this.get()
    const lineages = new Map<string, number>()
    for (const cluster of view.clusters) {
      if (cluster.lineages < 2) continue
      for (const id of cluster.eventIds) lineages.set(id, cluster.lineages)
    }
    await this.store.saveEventSources(view.revision, lineages)
  }

  /** Clusters the events as of `revision` (read before the events, so a later change shows). */
  private async build(revision: number): Promise<ClusterView> {
    const { events } = await this.store.listEvents({ limit: 10_000_000 })
    const clusters = clusterEvents(events, await this.store.clusterOverrides())
    const byEvent = new Map<string, EventCluster>()
    for (const cluster of clusters) for (const id of cluster.eventIds) byEvent.set(id, cluster)
    const view = { revision, events: new Map(events.map((e) => [e.id, e])), clusters, byEvent }
    this.value = view
    return view
  }
}
