/** The repository: every read and write the pipeline, CLI and server make, in one SQL dialect. */
import type { SqlClient } from './sql-client.js'
import { bandKeys, similarity, SAME_LINEAGE } from '../ingest/near-duplicates.js'
import { listCorrections } from '../review/correction-store.js'
import { reviewExtraction } from '../review/review-extraction.js'
import { manualStatusFact } from '../review/manual-status.js'
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
  /** Only events whose sentence contains this text, ignoring case. */
  text?: string
  /** Only these events. */
  ids?: string[]
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

/** A stored event with the article it was read from, as the API and CLI show it. */
function apiEvent(r: EventRow): ApiEvent {
  return {
    ...r.data,
    article: {
      id: r.article_id,
      title: r.title,
      outlet: r.outlet,
      url: r.url,
      published: r.published,
      lineageId: r.lineage_id,
    },
  }
}

/** Most earlier articles a new one is compared with for its lineage (those sharing most bands). */
const MAX_LINEAGE_CANDIDATES = 16

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
 * Puts an article in the lineage of its closest near-duplicate already stored (the same wire
 * story on another site), or starts a lineage of its own.
 */
async function assignLineage(
  tx: SqlClient,
  articleId: string,
  signature: number[],
): Promise<string> {
  let lineage = articleId
  if (signature.length) {
    const keys = bandKeys(signature)
    // The articles sharing the most bands are the likeliest copies; a story republished hundreds
    // of times is compared with a few of its copies, not all of them.
    const candidates = await tx.query<{
      id: string
      signature: number[]
      lineage_id: string | null
    }>(
      `select a.id, a.signature, a.lineage_id
       from (select article_id, count(*) as hits from article_bands
             where band_key = any($1) and article_id <> $2
             group by article_id order by hits desc, article_id limit ${MAX_LINEAGE_CANDIDATES}) c
       join articles a on a.id = c.article_id order by c.hits desc, a.id`,
      [keys, articleId],
    )
    let best = SAME_LINEAGE
    for (const c of candidates) {
      const score = similarity(signature, c.signature)
      if (score >= best) {
        best = score
        lineage = c.lineage_id ?? c.id
      }
    }
    await insertRows(
      tx,
      'insert into article_bands (band_key, article_id)',
      [...new Set(keys)].map((key) => [key, articleId]),
      'on conflict do nothing',
    )
  }
  await tx.query('update articles set signature = $1, lineage_id = $2 where id = $3', [
    JSON.stringify(signature),
    lineage,
    articleId,
  ])
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
    const rows = await this.db.query<{
      hash: string
      origin: string
      url: string | null
      content_type: RawDocument['contentType']
      content: string
      hints: RawDocument['hints']
    }>(
      `select d.hash, d.origin, d.url, d.content_type, d.content, d.hints
       from documents d left join articles a on a.document_hash = d.hash
       where d.hash > $1
         and (a.id is null or ${options.extractedBefore ? 'a.extracted_at < $3' : 'a.pipeline_version <> $3'})
       order by d.hash limit $2`,
      [options.after ?? '', options.limit, options.extractedBefore ?? options.version],
    )
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

  /** Stores a document and its extraction, replacing any earlier extraction of it, atomically. */
  async saveExtraction(x: Extraction): Promise<void> {
    await this.db.transaction(async (tx) => {
      const d = x.document
      await tx.query(
        `insert into documents (hash, origin, url, content_type, content, hints, canonical_url)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (hash) do update set canonical_url = coalesce(excluded.canonical_url, documents.canonical_url)`,
        [
          d.hash,
          d.origin,
          d.url ?? null,
          d.contentType,
          d.content,
          JSON.stringify(d.hints),
          x.canonicalUrl ?? null,
        ],
      )
      await tx.query('delete from articles where document_hash = $1', [d.hash])
      const a = x.article
      await tx.query(
        `insert into articles (id, document_hash, title, byline, outlet, url, published, published_at,
           published_strategy, text, pipeline_version, language)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
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
        ],
      )
      await assignLineage(tx, a.id, x.signature ?? [])
      await insertRows(
        tx,
        'insert into mentions (article_id, seq, kind, start_offset, end_offset, text, value)',
        x.mentions.map((m, seq) => {
          const { kind, text, start, end, ...value } = m
          return [a.id, seq, kind, start, end, text, JSON.stringify(value)]
        }),
      )
      const corrections = await listCorrections(tx, { targetKind: 'event', articleId: a.id })
      const reviewed = corrections.length
        ? reviewExtraction(x.events, corrections)
        : { events: x.events, statusFacts: x.statusFacts }
      await writeEvents(tx, a.id, reviewed.events, reviewed.statusFacts, x.events)
    })
  }

  /** Replaces the registry entries of one origin (a pack) with `sites`. */
  async syncSites(sites: Site[], origin: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const s of sites) {
        await tx.query(
          `insert into sites (id, kind, name, names, countries, lat, lon, source, origin)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           on conflict (id) do update set kind = excluded.kind, name = excluded.name,
             names = excluded.names, countries = excluded.countries, lat = excluded.lat,
             lon = excluded.lon, source = excluded.source, origin = excluded.origin`,
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
    })
  }

  /** Events with the article each came from, newest first. */
  async listEvents(filter: EventFilter = {}): Promise<{ events: ApiEvent[]; total: number }> {
    const where: string[] = []
    const params: unknown[] = []
    if (!filter.includeRejected) where.push(`e.review is distinct from 'rejected'`)
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
      params.push(filter.text.replace(/[%_\\]/g, (c) => `\\${c}`))
      where.push(
        `e.search_text like '%' || lower($${params.length}::text collate pg_c_utf8) || '%'`,
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
      params.push(
        swap ? filter.to : (filter.from ?? null),
        swap ? filter.from : (filter.to ?? null),
      )
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
    const clause = where.length ? `where ${where.join(' and ')}` : ''
    const limit = filter.limit ?? 1000
    const offset = filter.offset ?? 0
    // A page after the first picks its ids first, so the rows it skips are not joined and read.
    const from = offset
      ? `(select e.id from events e ${clause}
          order by e.time_start desc, e.id limit ${limit} offset ${offset}) page
         join events e on e.id = page.id`
      : 'events e'
    const rows = await this.db.query<EventRow>(
      `select e.data, a.id as article_id, a.title, a.outlet, a.url, a.published, a.lineage_id
       from ${from} join articles a on a.id = e.article_id ${offset ? '' : clause}
       order by e.time_start desc, e.id ${offset ? '' : `limit ${limit}`}`,
      params,
    )
    // A first page with room to spare holds every match: no need to count them.
    const [{ n }] =
      !offset && rows.length < limit
        ? [{ n: rows.length }]
        : await this.db.query<{ n: number }>(
            `select count(*)::int as n from events e ${clause}`,
            params,
          )
    return { events: rows.map(apiEvent), total: n }
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
    const reviewed = reviewExtraction(extracted, corrections)
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
