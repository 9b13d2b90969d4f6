/** The repository: every read and write the pipeline, CLI and server make, in one SQL dialect. */
import type { SqlClient } from './sql-client.js'
import { bandKeys, similarity, SAME_LINEAGE } from '../ingest/near-duplicates.js'
import { listCorrections } from '../review/correction-store.js'
import { reviewExtraction } from '../review/review-extraction.js'
import { manualStatusFact } from '../review/manual-status.js'
import { FOUND_ORIGIN } from '../sites/found-sites.js'
import type {
  ApiEvent,
  Article,
  ArticleEvent,
  Correction,
  Mention,
  RawDocument,
  Site,
  StatusFact,
} from '../model/index.js'

/** Everything extracted from one document, stored or replaced together. */
export interface Extraction {
  document: RawDocument
  article: Article
  mentions: Mention[]
  events: ArticleEvent[]
  statusFacts: StatusFact[]
  pipelineVersion: string
  /** The page's canonical URL, when it has one (see src/ingest/canonical-url.ts). */
  canonicalUrl?: string | null
  /** MinHash signature of the article text, for near-duplicate lineages. */
  signature?: number[]
  /** Crossings found in the text that no registry entry covers: added, never overwriting one. */
  sites?: Site[]
}

/** Filters for listing events. */
export interface EventFilter {
  types?: string[]
  siteId?: string
  /** Only events with one of these modalities. */
  modalities?: string[]
  /** Only events with one of these actors, in any role. */
  actorIds?: string[]
  /** Only events whose place name contains this text (case-insensitive). */
  place?: string
  from?: string
  to?: string
  /** Events analysts rejected are left out unless this is set. */
  includeRejected?: boolean
  /** Only events placed in this box: west, south, east, north in degrees, edges included. */
  bbox?: [number, number, number, number]
  /**
   * Only events whose sentence has these words, ignoring case: every word, a "quoted phrase" in
   * order, `or` between alternatives, `-word` left out (PostgreSQL's `websearch_to_tsquery`).
   */
  text?: string
  /** Only these events. */
  ids?: string[]
  /**
   * Only events whose cluster has at least this many independent sources, as stored by
   * {@link Store.saveEventSources}; the caller makes sure they are current ({@link Store.eventRevision}).
   */
  minSources?: number
  limit?: number
  offset?: number
}

interface EventRow {
  data: ArticleEvent
  article_id: string
  title: string
  outlet: string | null
  url: string | null
  published: string | null
  lineage_id: string | null
}

/** The article an event was read from, as the API shows it beside the event. */
function articleOf(r: Omit<EventRow, 'data'>): ApiEvent['article'] {
  return {
    id: r.article_id,
    title: r.title,
    outlet: r.outlet,
    url: r.url,
    published: r.published,
    lineageId: r.lineage_id,
  }
}

/** A stored event with the article it was read from, as the API and CLI show it. */
function apiEvent(r: EventRow): ApiEvent {
  return { ...r.data, article: articleOf(r) }
}

/** Most earlier articles a new one is compared with for its lineage (those sharing most bands). */
const MAX_LINEAGE_CANDIDATES = 16

/** The advisory lock that serialises writers of `event_sources` on one PostgreSQL server. */
const SOURCES_LOCK = 4_242_012

/** Most parameters one statement may carry (PostgreSQL allows 65,535). */
const MAX_PARAMS = 60_000

/**
 * Inserts `rows` with as few statements as the parameter limit allows: one round trip for a whole
 * article's mentions instead of one per mention.
 */
async function insertRows(
  tx: SqlClient,
  head: string,
  rows: unknown[][],
  tail = '',
): Promise<void> {
  if (!rows.length) return
  const width = rows[0].length
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width))
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const values = chunk
      .map(
        (_, r) =>
          `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
      )
      .join(', ')
    await tx.query(`${head} values ${values} ${tail}`, chunk.flat())
  }
}

/**
 * Writes one registry entry with its origin. With `replace`, an entry of the same id is replaced
 * (packs and analysts' sites); without, it is left as it is (crossings found in a report's text).
 */
export async function writeSite(
  tx: SqlClient,
  s: Site,
  origin: string,
  options: { replace: boolean },
): Promise<void> {
  await tx.query(
    `insert into sites (id, kind, name, names, countries, lat, lon, source, origin)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (id) do ${
       options.replace
         ? `update set kind = excluded.kind, name = excluded.name,
       names = excluded.names, countries = excluded.countries, lat = excluded.lat,
       lon = excluded.lon, source = excluded.source, origin = excluded.origin`
         : 'nothing'
     }`,
    [
      s.id,
      s.kind,
      s.name,
      JSON.stringify(s.names),
      JSON.stringify(s.countries),
      s.lat,
      s.lon,
      s.source,
      origin,
    ],
  )
}

/**
 * The class of the advisory locks taken on canonical URLs (the second key is the URL's hash), so
 * two workers storing copies of one page at the same moment store one.
 */
const CANONICAL_URL_LOCK = 4_242_013

/** How many of the first articles sharing a new article's first band are checked for exact copies. */
const COPY_SCAN = 64

/**
 * The lineage of a new article: that of its closest near-duplicate already stored (the same wire
 * story on another site), or a lineage of its own (its id). Its bands are written with the article.
 */
async function findLineage(
  tx: SqlClient,
  articleId: string,
  signature: number[],
  keys: string[],
): Promise<string> {
  if (!keys.length) return articleId
  type Candidate = { id: string; signature: number[]; lineage_id: string | null }
  // The articles sharing the most bands are the likeliest copies; a story republished hundreds
  // of times is compared with a few of its copies, not all of them. Exact copies (the same
  // signature, so all of its bands: bands are cut from the signature) rank first, by id: when
  // the first articles of one band in index order hold enough of them, they are the candidates,
  // found without counting the bands of every copy; otherwise the bands are counted.
  let candidates = await tx.query<Candidate>(
    `select a.id, a.signature, a.lineage_id
     from (select article_id from article_bands
           where band_key = $1 and article_id <> $2
           order by article_id limit ${COPY_SCAN}) f,
       lateral (select id, signature, lineage_id from articles
                where id = f.article_id offset 0) a
     where a.signature = $3::jsonb
     order by f.article_id limit ${MAX_LINEAGE_CANDIDATES}`,
    [keys[0], articleId, JSON.stringify(signature)],
  )
  if (candidates.length < MAX_LINEAGE_CANDIDATES) {
    candidates = await tx.query<Candidate>(
      `select a.id, a.signature, a.lineage_id
       from (select article_id, count(*) as hits from article_bands
             where band_key = any($1) and article_id <> $2
             group by article_id order by hits desc, article_id limit ${MAX_LINEAGE_CANDIDATES}) c
       join articles a on a.id = c.article_id order by c.hits desc, a.id`,
      [keys, articleId],
    )
  }
  let lineage = articleId
  let best = SAME_LINEAGE
  for (const c of candidates) {
    const score = similarity(signature, c.signature)
    if (score >= best) {
      best = score
      lineage = c.lineage_id ?? c.id
    }
  }
  return lineage
}

/**
 * Inserts one article's events and status facts; an event analysts reviewed keeps the pipeline's
 * own reading beside it (`extracted`) so corrections can be re-applied or undone.
 */
async function writeEvents(
  tx: SqlClient,
  articleId: string,
  events: ArticleEvent[],
  facts: StatusFact[],
  extracted: ArticleEvent[] = events,
): Promise<void> {
  const machine = new Map(extracted.map((e) => [e.id, e]))
  await insertRows(
    tx,
    `insert into events (id, article_id, type, modality, time_start, time_end, time_precision,
           site_id, lat, lon, geo_precision, evidence_start, evidence_end, data, extracted, review)`,
    events.map((e) => [
      e.id,
      articleId,
      e.type,
      e.modality,
      e.time.start,
      e.time.end,
      e.time.precision,
      e.place?.siteId ?? null,
      e.place?.lat ?? null,
      e.place?.lon ?? null,
      e.place?.precision ?? null,
      e.evidenceStart,
      e.evidenceEnd,
      JSON.stringify(e),
      e.review ? JSON.stringify(machine.get(e.id) ?? null) : null,
      e.review?.status ?? null,
    ]),
  )
  await insertRows(
    tx,
    `insert into site_status (event_id, site_id, article_id, status, scope, controller,
           time_start, time_end, time_precision, modality, data)`,
    facts.map((f) => [
      f.eventId,
      f.siteId,
      articleId,
      f.status,
      f.scope,
      f.controller,
      f.time.start,
      f.time.end,
      f.time.precision,
      f.modality,
      JSON.stringify(f),
    ]),
  )
}

/** The SQL of one event listing: its page for any select list, and how to count its matches. */
interface EventQuery {
  params: unknown[]
  limit: number
  offset: number
  /** The page, newest first, selecting `columns` from `e` (events) and `a` (articles). */
  page: (columns: string) => string
  /** The page, newest first, selecting `columns` from `e` (events) alone. */
  eventsPage: (columns: string) => string
  count: { sql: string; params: unknown[] }
}

/** Turns a filter into SQL: every condition a parameter, so any text is safe. */
function eventQuery(filter: EventFilter): EventQuery {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.types?.length) {
    params.push(filter.types)
    where.push(`e.type = any($${params.length})`)
  }
  if (filter.siteId) {
    params.push(filter.siteId)
    where.push(`e.site_id = $${params.length}`)
  }
  if (filter.modalities?.length) {
    params.push(filter.modalities)
    where.push(`e.modality = any($${params.length})`)
  }
  if (filter.actorIds?.length) {
    params.push(filter.actorIds)
    where.push(`e.actor_ids ?| $${params.length}::text[]`)
  }
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox
    params.push(west, east, south, north)
    const n = params.length
    where.push(`e.lon between $${n - 3} and $${n - 2} and e.lat between $${n - 1} and $${n}`)
  }
  if (filter.text) {
    params.push(filter.text)
    where.push(
      `e.search_words @@ websearch_to_tsquery('simple', lower($${params.length}::text collate pg_c_utf8))`,
    )
  }
  if (filter.ids) {
    params.push(filter.ids)
    where.push(`e.id = any($${params.length}::text[])`)
  }
  if (filter.place) {
    params.push(`%${filter.place.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
    where.push(`e.data->'place'->>'name' ilike $${params.length}`)
  }
  if (filter.from || filter.to) {
    // A wider test the span index answers; the two exact comparisons below decide.
    const swap = filter.from && filter.to && filter.from > filter.to
    params.push(swap ? filter.to : (filter.from ?? null), swap ? filter.from : (filter.to ?? null))
    where.push(
      `event_span(least(e.time_start, e.time_end), greatest(e.time_start, e.time_end), '[]') && event_span($${params.length - 1}, $${params.length}, '[]')`,
    )
  }
  if (filter.from) {
    params.push(filter.from)
    where.push(`e.time_end >= $${params.length}`)
  }
  if (filter.to) {
    params.push(filter.to)
    where.push(`e.time_start <= $${params.length}`)
  }
  // Every event is in a cluster with at least one source.
  const minSources = filter.minSources && filter.minSources > 1 ? filter.minSources : null
  const onlyMinSources = minSources !== null && !where.length
  if (minSources !== null) {
    params.push(minSources)
    where.push(
      `e.id in (select s.event_id from event_sources s where s.lineages >= $${params.length})`,
    )
  }
  const unfiltered = !where.length
  if (!filter.includeRejected) where.unshift(`e.review is distinct from 'rejected'`)
  const clause = where.length ? `where ${where.join(' and ')}` : ''
  const limit = Math.max(0, Math.floor(filter.limit ?? 1000))
  const offset = Math.max(0, Math.floor(filter.offset ?? 0))
  // Kept totals answer a query with no filter, or with minSources alone (the stored counts hold
  // only events not rejected); any other is counted, from the indexes where they hold the columns.
  const count =
    unfiltered && !filter.includeRejected
      ? { sql: 'select live::int as n from event_state', params: [] }
      : onlyMinSources && !filter.includeRejected
        ? {
            sql: 'select count(*)::int as n from event_sources where lineages >= $1',
            params: [minSources],
          }
        : { sql: `select count(*)::int as n from events e ${clause}`, params }
  return {
    params,
    limit,
    offset,
    // The page's ids first, from the indexes where they can be, so only its own rows are read and
    // joined with their articles.
    page: (columns) =>
      `select ${columns}
       from (select e.id, e.time_start from events e ${clause}
             order by e.time_start desc, e.id limit ${limit} offset ${offset}) page
       join events e on e.id = page.id join articles a on a.id = e.article_id
       order by page.time_start desc, page.id`,
    eventsPage: (columns) =>
      `select ${columns} from events e ${clause}
       order by e.time_start desc, e.id limit ${limit} offset ${offset}`,
    count,
  }
}

/** Reads and writes borderwatch's tables through a {@link SqlClient}. */
export class Store {
  constructor(readonly db: SqlClient) {}

  /** The hash of a stored document with this canonical URL, if any. */
  async documentByCanonicalUrl(url: string): Promise<string | null> {
    const rows = await this.db.query<{ hash: string }>(
      'select hash from documents where canonical_url = $1 limit 1',
      [url],
    )
    return rows[0]?.hash ?? null
  }

  /** The pipeline version that extracted this document, or null if it is not stored. */
  async extractedVersion(hash: string): Promise<string | null> {
    const rows = await this.db.query<{ pipeline_version: string }>(
      'select pipeline_version from articles where document_hash = $1',
      [hash],
    )
    return rows[0]?.pipeline_version ?? null
  }

  /**
   * A batch of stored documents to extract again, in hash order after `after`: those extracted by
   * another pipeline version, or (with `extractedBefore`) every one extracted before that instant.
   */
  async documentsToReprocess(options: {
    version: string
    extractedBefore?: string
    after?: string
    limit: number
  }): Promise<RawDocument[]> {
    return this.documents(
      `select d.hash, d.origin, d.url, d.content_type, d.content, d.hints
       from documents d left join articles a on a.document_hash = d.hash
       where d.hash > $1
         and (a.id is null or ${options.extractedBefore ? 'a.extracted_at < $3' : 'a.pipeline_version <> $3'})
       order by d.hash limit $2`,
      [options.after ?? '', options.limit, options.extractedBefore ?? options.version],
    )
  }

  /**
   * The stored documents whose reports were linked to `siteId` (an event or a status fact there),
   * or whose text contains one of `names` (case-insensitive), in hash order.
   */
  async documentsAbout(siteId: string, names: string[]): Promise<RawDocument[]> {
    const containing = names.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    return this.documents(
      `select d.hash, d.origin, d.url, d.content_type, d.content, d.hints
       from documents d join articles a on a.document_hash = d.hash
       where a.id in (select article_id from events where site_id = $1)
          or a.id in (select article_id from site_status where site_id = $1)
          or a.text ilike any($2::text[])
       order by d.hash`,
      [siteId, containing],
    )
  }

  /** Runs a query selecting documents' columns and returns them as raw documents. */
  private async documents(sql: string, params: unknown[]): Promise<RawDocument[]> {
    const rows = await this.db.query<{
      hash: string
      origin: string
      url: string | null
      content_type: RawDocument['contentType']
      content: string
      hints: RawDocument['hints']
    }>(sql, params)
    return rows.map((r) => ({
      hash: r.hash,
      origin: r.origin,
      url: r.url ?? undefined,
      contentType: r.content_type,
      content: r.content,
      hints: r.hints,
    }))
  }

  /** Reads a value of the small key-value table the CLI keeps its bookkeeping in. */
  async getSetting(key: string): Promise<string | null> {
    const rows = await this.db.query<{ value: string }>(
      'select value from settings where key = $1',
      [key],
    )
    return rows[0]?.value ?? null
  }

  /** Writes a bookkeeping value; `null` removes it. */
  async setSetting(key: string, value: string | null): Promise<void> {
    if (value === null) {
      await this.db.query('delete from settings where key = $1', [key])
      return
    }
    await this.db.query(
      'insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
      [key, value],
    )
  }

  /**
   * Stores a document and its extraction, replacing any earlier extraction of it, atomically.
   * With `unlessCanonicalTwin`, a document whose canonical URL another stored document has is
   * not stored: the twin's hash is returned instead (null when stored).
   */
  async saveExtraction(
    x: Extraction,
    options: { unlessCanonicalTwin?: boolean } = {},
  ): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const d = x.document
      const a = x.article
      if (options.unlessCanonicalTwin && x.canonicalUrl) {
        // Checked under a lock on the URL: a copy another worker is storing now is seen here.
        if (tx.backend === 'postgres')
          await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [
            CANONICAL_URL_LOCK,
            x.canonicalUrl,
          ])
        const [twin] = await tx.query<{ hash: string }>(
          'select hash from documents where canonical_url = $1 and hash <> $2 limit 1',
          [x.canonicalUrl, d.hash],
        )
        if (twin) return twin.hash
      }
      // Whether an earlier extraction of this document is to be replaced, and whether analysts
      // corrected its events: a document stored for the first time needs neither looked at.
      const [stored] = await tx.query<{ extracted: boolean; corrected: boolean }>(
        `insert into documents (hash, origin, url, content_type, content, hints, canonical_url)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (hash) do update set canonical_url = coalesce(excluded.canonical_url, documents.canonical_url)
         returning exists (select 1 from articles where document_hash = $1) as extracted,
           exists (select 1 from corrections where target_kind = 'event' and article_id = $8
                   and undone_at is null) as corrected`,
        [
          d.hash,
          d.origin,
          d.url ?? null,
          d.contentType,
          d.content,
          JSON.stringify(d.hints),
          x.canonicalUrl ?? null,
          a.id,
        ],
      )
      if (stored.extracted)
        await tx.query('delete from articles where document_hash = $1', [d.hash])
      const signature = x.signature ?? []
      const keys = [...new Set(bandKeys(signature))]
      const lineage = await findLineage(tx, a.id, signature, keys)
      // The article, its bands and its mentions in one statement: one round trip, not three.
      const mentions = x.mentions.map((m) => {
        const { kind, text, start, end, ...value } = m
        return { kind, text, start, end, value: JSON.stringify(value) }
      })
      await tx.query(
        `with article as (
           insert into articles (id, document_hash, title, byline, outlet, url, published,
             published_at, published_strategy, text, pipeline_version, language, signature, lineage_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)),
         bands as (
           insert into article_bands (band_key, article_id)
           select key, $1 from unnest($15::text[]) as key on conflict do nothing)
         insert into mentions (article_id, seq, kind, start_offset, end_offset, text, value)
         select $1, m.seq - 1, m.kind, m.start_offset, m.end_offset, m.text, m.value::jsonb
         from unnest($16::text[], $17::int[], $18::int[], $19::text[], $20::text[])
           with ordinality as m(kind, start_offset, end_offset, text, value, seq)`,
        [
          a.id,
          d.hash,
          a.title,
          a.byline,
          a.outlet,
          a.url,
          a.published,
          a.published,
          a.publishedStrategy,
          a.text,
          x.pipelineVersion,
          a.language,
          JSON.stringify(signature),
          lineage,
          keys,
          mentions.map((m) => m.kind),
          mentions.map((m) => m.start),
          mentions.map((m) => m.end),
          mentions.map((m) => m.text),
          mentions.map((m) => m.value),
        ],
      )
      for (const site of x.sites ?? []) await writeSite(tx, site, FOUND_ORIGIN, { replace: false })
      const corrections = stored.corrected
        ? await listCorrections(tx, { targetKind: 'event', articleId: a.id })
        : []
      const reviewed = corrections.length
        ? reviewExtraction(x.events, corrections, { undated: !x.article.published })
        : { events: x.events, statusFacts: x.statusFacts }
      await writeEvents(tx, a.id, reviewed.events, reviewed.statusFacts, x.events)
      return null
    })
  }

  /** Replaces the registry entries of one origin (a pack) with `sites`. */
  async syncSites(sites: Site[], origin: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const s of sites) await writeSite(tx, s, origin, { replace: true })
    })
  }

  /** Events with the article each came from, newest first. */
  async listEvents(filter: EventFilter = {}): Promise<{ events: ApiEvent[]; total: number }> {
    const q = eventQuery(filter)
    const rows = await this.db.query<EventRow>(
      q.page(`e.data, a.id as article_id, a.title, a.outlet, a.url, a.published, a.lineage_id`),
      q.params,
    )
    return { events: rows.map(apiEvent), total: await this.countEvents(q, rows.length) }
  }

  /**
   * The same page as {@link Store.listEvents}, each event already as its JSON text (the stored
   * event as the database prints it, with its article added), so a server answers without parsing
   * and serialising every event again.
   */
  async listEventsJson(filter: EventFilter = {}): Promise<{ events: string[]; total: number }> {
    const q = eventQuery(filter)
    const rows = await this.db.query<Omit<EventRow, 'data'> & { data: string }>(
      q.page(`e.data::text as data, a.id as article_id, a.title, a.outlet, a.url, a.published,
              a.lineage_id`),
      q.params,
    )
    const events = rows.map((r) => {
      const article = JSON.stringify(articleOf(r))
      // The stored event is a JSON object: the article goes in before its closing brace.
      const open = r.data.slice(0, r.data.lastIndexOf('}')).trimEnd()
      return `${open}${open.endsWith('{') ? '' : ','}"article":${article}}`
    })
    return { events, total: await this.countEvents(q, rows.length) }
  }

  /**
   * The same page as {@link Store.listEvents}, each event as an {@link EventPoint} for a map: what
   * markers, counts and a timeline need, read from one index, as the JSON text of the array (built
   * by the database: a tenth the size of the events, and no row-by-row answer).
   */
  async listEventPointsJson(filter: EventFilter = {}): Promise<{ points: string; total: number }> {
    const q = eventQuery(filter)
    const [{ points, n }] = await this.db.query<{ points: string; n: number }>(
      `select coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, 'lon', e.lon,
                'lat', e.lat, 'start', e.time_start, 'end', e.time_end, 'articleId', e.article_id)
              order by e.time_start desc, e.id), '[]')::text as points,
              count(*)::int as n
       from (${q.eventsPage('e.id, e.type, e.lon, e.lat, e.time_start, e.time_end, e.article_id')}) e`,
      q.params,
    )
    return { points, total: await this.countEvents(q, n) }
  }

  /** How many events the query matches, given the page it returned. */
  private async countEvents(q: EventQuery, pageRows: number): Promise<number> {
    // A first page with room to spare holds every match.
    if (!q.offset && pageRows < q.limit) return pageRows
    const [{ n }] = await this.db.query<{ n: number }>(q.count.sql, q.count.params)
    return n
  }

  /**
   * The events' revision, which changes with every write to events or corrections, and the
   * revision the stored source counts (`minSources`) were computed at: they hold while the two agree.
   */
  async eventRevision(): Promise<{ revision: number; sourcesRevision: number | null }> {
    const [r] = await this.db.query<{ revision: string; sources_revision: string | null }>(
      'select revision::text, sources_revision::text from event_state',
    )
    return {
      revision: Number(r.revision),
      sourcesRevision: r.sources_revision === null ? null : Number(r.sources_revision),
    }
  }

  /**
   * Stores the independent sources of each event's cluster, computed from the events as they were
   * at `revision`; only events with two or more are kept (every other event has one). Writes only
   * what changed since the last time.
   */
  async saveEventSources(revision: number, lineages: Map<string, number>): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Two servers writing at once would mix their rows; the second waits for the first.
      if (tx.backend === 'postgres')
        await tx.query('select pg_advisory_xact_lock($1)', [SOURCES_LOCK])
      const stored = new Map(
        (
          await tx.query<{ event_id: string; lineages: number }>(
            'select event_id, lineages from event_sources',
          )
        ).map((r) => [r.event_id, r.lineages]),
      )
      const gone = [...stored.keys()].filter((id) => (lineages.get(id) ?? 1) < 2)
      const changed = [...lineages].filter(([id, n]) => n >= 2 && stored.get(id) !== n)
      if (gone.length)
        await tx.query('delete from event_sources where event_id = any($1::text[])', [gone])
      if (changed.length)
        await tx.query(
          `insert into event_sources (event_id, lineages)
           select * from unnest($1::text[], $2::int[])
           on conflict (event_id) do update set lineages = excluded.lineages`,
          [changed.map(([id]) => id), changed.map(([, n]) => n)],
        )
      await tx.query('update event_state set sources_revision = $1', [revision])
    })
    // Statistics for the planner, and a visibility map so counts read only the index.
    await this.db.exec('vacuum analyze event_sources')
  }

  /** The id each article's input gave it (a JSONL line's `id`), for the articles that had one. */
  async articleSourceIds(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; source_id: string | null }>(
      `select a.id, d.hints->>'id' as source_id
       from articles a join documents d on d.hash = a.document_hash`,
    )
    return new Map(rows.filter((r) => r.source_id).map((r) => [r.id, r.source_id as string]))
  }

  /** Every site of the registry. */
  async listSites(): Promise<Site[]> {
    const rows = await this.db.query<Site & { names: string[]; countries: string[] }>(
      'select id, kind, name, names, countries, lat, lon, source from sites order by id',
    )
    return rows.map((r) => ({ ...r, lat: Number(r.lat), lon: Number(r.lon) }))
  }

  /**
   * Status facts, for one site or all, in time order: those read from reports and those analysts
   * set by hand.
   */
  async statusFacts(siteId?: string): Promise<StatusFact[]> {
    const rows = await this.db.query<{ data: StatusFact }>(
      siteId
        ? 'select data from site_status where site_id = $1 order by time_start, event_id'
        : 'select data from site_status order by site_id, time_start, event_id',
      siteId ? [siteId] : [],
    )
    const manual = (
      await listCorrections(this.db, {
        targetKind: 'site',
        ...(siteId ? { targetId: siteId } : {}),
      })
    )
      .filter((c) => c.action === 'set-status')
      .map(manualStatusFact)
    if (!manual.length) return rows.map((r) => r.data)
    return [...rows.map((r) => r.data), ...manual].sort(
      (a, b) =>
        a.siteId.localeCompare(b.siteId) ||
        a.time.start.localeCompare(b.time.start) ||
        a.eventId.localeCompare(b.eventId),
    )
  }

  /** A number that changes whenever a correction is made or undone, for caches of derived views. */
  async reviewRevision(): Promise<number> {
    const [r] = await this.db.query<{ n: number }>(
      'select (count(*) + count(undone_at))::int as n from corrections',
    )
    return r.n
  }

  /** The active merges and splits analysts made to clusters. */
  async clusterOverrides(): Promise<Correction[]> {
    return listCorrections(this.db, { targetKind: 'cluster' })
  }

  /** One stored event with its article, rejected or not. */
  async getEvent(id: string): Promise<ApiEvent | null> {
    const rows = await this.db.query<EventRow>(
      `select e.data, a.id as article_id, a.title, a.outlet, a.url, a.published, a.lineage_id
       from events e join articles a on a.id = e.article_id where e.id = $1`,
      [id],
    )
    const r = rows[0]
    return r ? apiEvent(r) : null
  }

  /** One event as the pipeline extracted it, before any correction. */
  async extractedEvent(id: string): Promise<ArticleEvent | null> {
    const rows = await this.db.query<{ data: ArticleEvent }>(
      'select coalesce(extracted, data) as data from events where id = $1',
      [id],
    )
    return rows[0]?.data ?? null
  }

  /** One article's events as stored (corrections applied), in evidence order. */
  async articleEvents(articleId: string): Promise<ArticleEvent[]> {
    const rows = await this.db.query<{ data: ArticleEvent }>(
      'select data from events where article_id = $1 order by evidence_start, id',
      [articleId],
    )
    return rows.map((r) => r.data)
  }

  /**
   * Re-applies the article's active corrections to its extracted events and rewrites them with the
   * status facts they state; returns the corrections that found no event. Run inside a transaction.
   */
  async reapplyCorrections(articleId: string): Promise<string[]> {
    // Serialises corrections of one report with each other and with its re-extraction.
    await this.db.query('select id from articles where id = $1 for update', [articleId])
    const rows = await this.db.query<{ data: ArticleEvent }>(
      `select coalesce(extracted, data) as data from events where article_id = $1
       order by evidence_start, id`,
      [articleId],
    )
    const extracted = rows.map((r) => r.data)
    const corrections = await listCorrections(this.db, { targetKind: 'event', articleId })
    const [article] = await this.db.query<{ published: string | null }>(
      'select published from articles where id = $1',
      [articleId],
    )
    const reviewed = reviewExtraction(extracted, corrections, { undated: !article?.published })
    await this.db.query('delete from events where article_id = $1', [articleId])
    await writeEvents(this.db, articleId, reviewed.events, reviewed.statusFacts, extracted)
    return reviewed.orphans.map((c) => c.id)
  }

  /** One article with its text, for showing evidence in context. */
  async getArticle(id: string): Promise<(Article & { pipelineVersion: string }) | null> {
    const rows = await this.db.query<Record<string, string | null>>(
      `select a.id, a.document_hash, a.title, a.byline, a.outlet, a.url, a.published,
              a.published_strategy, a.language, a.text, a.pipeline_version
       from articles a where a.id = $1`,
      [id],
    )
    const r = rows[0]
    if (!r) return null
    return {
      id: r.id!,
      documentHash: r.document_hash!,
      title: r.title!,
      byline: r.byline,
      outlet: r.outlet,
      url: r.url,
      published: r.published,
      publishedStrategy: r.published_strategy as Article['publishedStrategy'],
      language: r.language,
      text: r.text!,
      pipelineVersion: r.pipeline_version!,
    }
  }

  /** Mentions of one article in text order. */
  async mentions(articleId: string): Promise<Mention[]> {
    const rows = await this.db.query<{
      kind: Mention['kind']
      start_offset: number
      end_offset: number
      text: string
      value: Record<string, unknown>
    }>(
      'select kind, start_offset, end_offset, text, value from mentions where article_id = $1 order by seq',
      [articleId],
    )
    return rows.map(
      (r) =>
        ({
          kind: r.kind,
          text: r.text,
          start: r.start_offset,
          end: r.end_offset,
          ...r.value,
        }) as Mention,
    )
  }

  /** Row counts, for status lines and tests. */
  /** The lineage (the first stored copy of a republished story) an article belongs to. */
  async lineageOf(articleId: string): Promise<string | null> {
    const rows = await this.db.query<{ lineage_id: string | null }>(
      'select lineage_id from articles where id = $1',
      [articleId],
    )
    return rows[0]?.lineage_id ?? null
  }

  async counts(): Promise<{
    documents: number
    articles: number
    events: number
    statusFacts: number
  }> {
    const [r] = await this.db.query<{ d: number; a: number; e: number; s: number }>(
      `select (select count(*)::int from documents) as d, (select count(*)::int from articles) as a,
              (select count(*)::int from events) as e, (select count(*)::int from site_status) as s`,
    )
    return { documents: r.d, articles: r.a, events: r.e, statusFacts: r.s }
  }

  async close(): Promise<void> {
    await this.db.close()
  }
}
