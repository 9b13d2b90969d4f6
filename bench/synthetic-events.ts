/**
 * A synthetic event database for the query and map benchmarks: stories about ~20 pack crossings
 * over five years, each told by one to five outlets (some wire copies sharing a lineage), with
 * ten event types, pack actors, typed sentences and status facts, written in batched inserts.
 * Deterministic for a seed; no text is copied from anywhere.
 */
import crypto from 'node:crypto'
import type {
  ArticleEvent,
  EventActor,
  EventPlace,
  EventType,
  Modality,
  StatusFact,
  TimePrecision,
} from '../src/model/index.ts'
import { loadKnowledge } from '../src/places/load-packs.ts'
import { packSites } from '../src/sites/site-registry.ts'
import type { SqlClient } from '../src/store/sql-client.ts'
import type { Store } from '../src/store/store.ts'
import { seededRandom } from './seeded-random.ts'

/** What was written. */
export interface SyntheticCorpus {
  articles: number
  events: number
  statusFacts: number
  /** The crossings the events happen at (site ids). */
  siteIds: string[]
}

/** The verbs that tell each type the corpus uses (all but sanction and agreement). */
const TRIGGERS: Record<string, string[]> = {
  'crossing-opened': ['reopened', 'opened', 'resumed operations at'],
  'crossing-closed': ['closed', 'shut', 'sealed'],
  'control-taken': ['seized', 'took control of', 'captured'],
  airstrike: ['struck', 'bombed', 'carried out airstrikes near'],
  shelling: ['shelled', 'fired artillery at', 'pounded'],
  clash: ['clashed with', 'fought', 'exchanged fire with'],
  deployment: ['deployed to', 'sent reinforcements to', 'moved troops to'],
  construction: ['built a base near', 'fortified', 'began building a wall at'],
  threat: ['threatened to close', 'warned it would strike', 'vowed to take'],
  statement: ['said', 'accused', 'denied'],
}
const TYPES = Object.keys(TRIGGERS) as EventType[]
const MODALITIES: [Modality, number][] = [
  ['asserted', 50],
  ['reported', 25],
  ['claimed', 10],
  ['alleged', 5],
  ['planned', 4],
  ['denied', 3],
  ['background', 3],
]
const PRECISIONS: [TimePrecision, number][] = [
  ['day', 80],
  ['week', 5],
  ['month', 10],
  ['year', 5],
]
const OUTLETS = [
  'Crossroads Daily',
  'Border Monitor',
  'Levant Wire',
  'Euphrates Post',
  'Desert Herald',
  'Northern Gazette',
  'Gulf Observer',
  'Al-Sahel News',
  'Mesopotamia Today',
  'Frontier Report',
  'Eastern Courier',
  'Valley Times',
  'Highland Press',
  'Coastal Ledger',
  'Capital Dispatch',
]
const CAUSES = [
  'citing security concerns',
  'amid a dispute over customs fees',
  'after smuggling attempts were foiled',
  'as trucks queued for kilometres',
  'following days of fighting nearby',
  'to let aid convoys through',
  'after talks between the two governments',
  'while refugees waited to cross',
]
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const START = Date.UTC(2020, 0, 1)
const DAYS = 5 * 365
const DAY_MS = 86_400_000

function weighted<T>(rand: () => number, items: [T, number][]): T {
  let r = rand() * items.reduce((n, [, w]) => n + w, 0)
  for (const [item, w] of items) if ((r -= w) < 0) return item
  return items[0][0]
}

function pick<T>(rand: () => number, items: T[]): T {
  return items[Math.floor(rand() * items.length)]
}

/** An interval of `precision` around `day` (days since START). */
function span(day: number, precision: TimePrecision): { start: string; end: string } {
  const d = new Date(START + day * DAY_MS)
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
  if (precision === 'week') return { start: iso(d.getTime()), end: iso(d.getTime() + 6 * DAY_MS) }
  if (precision === 'month') {
    const y = d.getUTCFullYear()
    const m = d.getUTCMonth()
    return { start: iso(Date.UTC(y, m, 1)), end: iso(Date.UTC(y, m + 1, 0)) }
  }
  if (precision === 'year') {
    const y = d.getUTCFullYear()
    return { start: `${y}-01-01`, end: `${y}-12-31` }
  }
  return { start: iso(d.getTime()), end: iso(d.getTime()) }
}

async function insert(db: SqlClient, head: string, rows: unknown[][]): Promise<void> {
  if (!rows.length) return
  const width = rows[0].length
  const per = Math.floor(60_000 / width)
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per)
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
    )
    await db.query(`${head} values ${values.join(', ')}`, chunk.flat())
  }
}

/**
 * Writes about `count` events (and their articles, documents and status facts) into `store`,
 * after the pack crossings; returns what it wrote.
 * @example await loadSyntheticEvents(store, 100_000)
 */
export async function loadSyntheticEvents(
  store: Store,
  count: number,
  seed = 9,
): Promise<SyntheticCorpus> {
  const knowledge = loadKnowledge()
  await store.syncSites(packSites(knowledge), 'pack:bench')
  const rand = seededRandom(seed)
  const crossings = knowledge.crossings.slice(0, 20)
  const actors = knowledge.actors.slice(0, 60)
  const actorWeights: [(typeof actors)[number], number][] = actors.map((a, i) => [a, 1 / (i + 1)])
  const sources = ['officials', 'a local official', 'residents', 'activists', 'a military source']
  let documents: unknown[][] = []
  let articles: unknown[][] = []
  let events: unknown[][] = []
  let facts: unknown[][] = []
  const corpus: SyntheticCorpus = {
    articles: 0,
    events: 0,
    statusFacts: 0,
    siteIds: crossings.map((c) => c.id),
  }

  const flush = async () => {
    await store.db.transaction(async (tx) => {
      await insert(
        tx,
        'insert into documents (hash, origin, url, content_type, content, hints)',
        documents,
      )
      await insert(
        tx,
        `insert into articles (id, document_hash, title, byline, outlet, url, published, published_at,
           published_strategy, text, pipeline_version, language, lineage_id)`,
        articles,
      )
      await insert(
        tx,
        `insert into events (id, article_id, type, modality, time_start, time_end, time_precision,
           site_id, lat, lon, geo_precision, evidence_start, evidence_end, data)`,
        events,
      )
      await insert(
        tx,
        `insert into site_status (event_id, site_id, article_id, status, scope, controller,
           time_start, time_end, time_precision, modality, data)`,
        facts,
      )
    })
    documents = []
    articles = []
    events = []
    facts = []
  }

  /** One happening: type, place, time and acting side, as every report of it tells it. */
  const happening = () => {
    const type = pick(rand, TYPES)
    const crossing = pick(rand, crossings)
    const roll = rand()
    const precision: EventPlace['precision'] =
      roll < 0.7 ? 'site' : roll < 0.9 ? 'town' : roll < 0.95 ? 'region' : 'country'
    const place: EventPlace | null =
      roll >= 0.97
        ? null
        : {
            name: precision === 'site' ? crossing.name : `near ${crossing.name}`,
            ref: precision === 'site' ? `crossing:${crossing.id}` : `place:${crossing.id}-area`,
            country: crossing.countries[0] ?? null,
            lat: +(crossing.lat + (precision === 'site' ? 0 : (rand() - 0.5) * 0.6)).toFixed(4),
            lon: +(crossing.lon + (precision === 'site' ? 0 : (rand() - 0.5) * 0.6)).toFixed(4),
            precision,
            siteId: precision === 'site' ? crossing.id : null,
            text: crossing.name,
          }
    const day = Math.floor(rand() * DAYS)
    const precisionOfTime = weighted(rand, PRECISIONS)
    const n = 1 + Math.floor(rand() * rand() * 3)
    const involved: EventActor[] = []
    for (let i = 0; i < n; i++) {
      const a = weighted(rand, actorWeights)
      if (involved.some((x) => x.id === a.id)) continue
      involved.push({
        role: i === 0 ? 'actor' : 'target',
        id: a.id,
        name: a.name,
        text: a.aliases[0] ?? a.name,
        kind: a.kind,
        country: a.country ?? null,
      })
    }
    return { type, place, day, precisionOfTime, involved, crossing }
  }

  let story = 0
  while (corpus.events < count) {
    story++
    const main = happening()
    const tellings = weighted(rand, [
      [1, 60],
      [2, 22],
      [3, 10],
      [4, 5],
      [5, 3],
    ])
    let lineage: string | null = null
    for (let t = 0; t < tellings && corpus.events < count; t++) {
      const n = corpus.articles++
      const articleId = `a-syn-${n.toString(36)}`
      const hash = crypto.createHash('sha256').update(`bench-${seed}-${n}`).digest('hex')
      const outlet = pick(rand, OUTLETS)
      const publishedDay = main.day + Math.floor(rand() * 3)
      const published = `${new Date(START + publishedDay * DAY_MS).toISOString().slice(0, 10)}T12:00:00Z`
      if (!lineage || rand() > 0.2) lineage = articleId
      const told = [main, happening(), happening()].slice(
        0,
        Math.min(1 + Math.floor(rand() * 3), count - corpus.events),
      )
      const sentences: string[] = []
      const title = `${main.involved[0]?.name ?? 'Authorities'} ${TRIGGERS[main.type][0]} ${main.crossing.name}`
      told.forEach((h, i) => {
        const trigger = pick(rand, TRIGGERS[h.type])
        const who = h.involved[0]?.text ?? 'Authorities'
        const where = h.place?.name ?? 'the border'
        const weekday = WEEKDAYS[(h.day + 2) % 7]
        const source = pick(rand, sources)
        const sentence =
          `${who} ${trigger} ${where} on ${weekday}${h.involved[1] ? ` with ${h.involved[1].text}` : ''}, ` +
          `${pick(rand, CAUSES)}, ${source} said.`
        const start = sentences.join(' ').length + (sentences.length ? 1 : 0)
        sentences.push(sentence)
        const modality = weighted(rand, MODALITIES)
        const time = span(h.day, h.precisionOfTime)
        const event: ArticleEvent = {
          id: `e-syn-${n.toString(36)}-${i}`,
          articleId,
          type: h.type,
          modality,
          trigger,
          time: { ...time, precision: h.precisionOfTime, certainty: 'stated', text: weekday },
          place: h.place,
          actors: [
            ...h.involved,
            { role: 'source', id: 'unnamed', name: source, text: source } satisfies EventActor,
          ].slice(0, h.involved.length + (rand() < 0.3 ? 1 : 0)),
          attribution: { kind: 'outlet', name: outlet, text: '' },
          sentence,
          evidenceStart: start,
          evidenceEnd: start + sentence.length,
          scope: h.type.startsWith('crossing-') ? 'all' : null,
        }
        events.push([
          event.id,
          articleId,
          event.type,
          event.modality,
          time.start,
          time.end,
          h.precisionOfTime,
          h.place?.siteId ?? null,
          h.place?.lat ?? null,
          h.place?.lon ?? null,
          h.place?.precision ?? null,
          event.evidenceStart,
          event.evidenceEnd,
          JSON.stringify(event),
        ])
        corpus.events++
        const status =
          h.type === 'crossing-opened' ? 'open' : h.type === 'crossing-closed' ? 'closed' : null
        if (h.place?.siteId && (status || h.type === 'control-taken')) {
          const fact: StatusFact = {
            siteId: h.place.siteId,
            eventId: event.id,
            articleId,
            status,
            scope: 'all',
            controller: h.type === 'control-taken' ? (h.involved[0]?.name ?? null) : null,
            time: event.time,
            modality,
            evidence: sentence,
          }
          facts.push([
            event.id,
            fact.siteId,
            articleId,
            fact.status,
            fact.scope,
            fact.controller,
            time.start,
            time.end,
            h.precisionOfTime,
            modality,
            JSON.stringify(fact),
          ])
          corpus.statusFacts++
        }
      })
      const text = sentences.join(' ')
      documents.push([hash, `bench:${n}`, null, 'text/plain', `${title}\n\n${text}`, '{}'])
      articles.push([
        articleId,
        hash,
        title,
        null,
        outlet,
        `https://bench.example/${story}/${n}`,
        published,
        published,
        'given',
        text,
        'bench',
        'en',
        lineage,
      ])
      if (events.length >= 1000) await flush()
    }
  }
  await flush()
  return corpus
}
