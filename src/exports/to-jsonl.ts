/**
 * The `export --format jsonl` contract (docs/cli.md): one record a line, each with a `kind` —
 * `event`, `status`, `cluster`, `site`. Article ids are the ids the input gave (JSONL `id`) when it
 * gave one, so outside tools can join records to their own reports.
 */
import type { ApiEvent, Site, StatusFact } from '../model/index.js'
import type { EventCluster } from '../model/index.js'

/** What an export holds. */
export interface ExportData {
  events: ApiEvent[]
  facts: StatusFact[]
  clusters: EventCluster[]
  sites: Site[]
  /** The input's own id of each article that had one, by borderwatch article id. */
  sourceIds: ReadonlyMap<string, string>
}

function siteRef(site: Site | undefined, id: string) {
  return site
    ? { id: site.id, name: site.name, lat: site.lat, lon: site.lon, countries: site.countries }
    : { id, name: id, lat: null, lon: null, countries: [] }
}

/** All records of an export as JSON Lines. */
export function toJsonl(data: ExportData): string {
  const sites = new Map(data.sites.map((s) => [s.id, s]))
  const article = (id: string) => data.sourceIds.get(id) ?? id
  const lines: string[] = []
  for (const e of data.events)
    lines.push(JSON.stringify({ kind: 'event', ...e, articleId: article(e.articleId) }))
  for (const f of data.facts) {
    lines.push(
      JSON.stringify({
        kind: 'status',
        articleId: article(f.articleId),
        eventId: f.eventId,
        site: siteRef(sites.get(f.siteId), f.siteId),
        status: f.status,
        scope: f.scope,
        controller: f.controller,
        date: { start: f.time.start, end: f.time.end, precision: f.time.precision },
        modality: f.modality,
        source: f.source ?? null,
        evidence: { text: f.evidence },
      }),
    )
  }
  for (const c of data.clusters) {
    lines.push(
      JSON.stringify({
        kind: 'cluster',
        id: c.id,
        type: c.type,
        site: c.siteId ? siteRef(sites.get(c.siteId), c.siteId) : null,
        place: c.place,
        date: { start: c.time.start, end: c.time.end, precision: c.time.precision },
        articleIds: c.articleIds.map(article),
        eventIds: c.eventIds,
        lineages: c.lineages,
        why: c.why,
      }),
    )
  }
  for (const s of data.sites) lines.push(JSON.stringify({ ...s, siteKind: s.kind, kind: 'site' }))
  return lines.length ? `${lines.join('\n')}\n` : ''
}
