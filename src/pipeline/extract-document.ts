/** The whole pipeline for one document, as a pure function: document → article → mentions → events → facts. */
import type {
  ArticleEvent,
  Mention,
  RawDocument,
  StatusFact,
  Article,
  Site,
} from '../model/index.js'
import { extractArticle } from '../ingest/extract-article.js'
import { canonicalUrl } from '../ingest/canonical-url.js'
import { minhash } from '../ingest/near-duplicates.js'
import { recogniseTimes } from '../time/recognise-times.js'
import { dateOrderForUrl } from '../time/date-order.js'
import { annotatePlaces } from '../places/annotate-places.js'
import { eventPlaces } from '../places/event-places.js'
import { recogniseActors } from '../actors/recognise-actors.js'
import { extractEvents, type CrossingRef } from '../events/extract-events.js'
import { statusFacts } from '../sites/status-facts.js'
import { foundSites } from '../sites/found-sites.js'
import type { Gazetteer } from '../places/gazetteer.js'
import type { ActorIndex } from '../actors/actor-index.js'

/** Bumped whenever extraction changes, so stored documents are re-extracted on the next ingest. */
export const PIPELINE_VERSION = '0.5.0'

/** What the pipeline reads from one document. */
export interface DocumentResult {
  article: Article
  mentions: Mention[]
  events: ArticleEvent[]
  statusFacts: StatusFact[]
  /** Crossings no pack knows that the events take place at, as sites (see src/sites/found-sites.ts). */
  sites: Site[]
  /** The page's canonical URL: the same page under another URL is a duplicate. */
  canonicalUrl: string | null
  /** MinHash signature of the text: republished copies of one story are near-duplicates. */
  signature: number[]
  /** Why the stages after the article were not run, when they were not. */
  skipped?: string
}

/** The languages the recognisers after the article stage are built for. */
export const EXTRACTED_LANGUAGES = new Set(['en'])

/** The knowledge the pipeline resolves names against. */
export interface PipelineContext {
  gazetteer: Gazetteer
  actors: ActorIndex
  /** Each pack crossing by id, so events at a side's town can be placed at the crossing. */
  crossings: ReadonlyMap<string, CrossingRef>
  /** Used when an article has no publication date: the ingest time. */
  now: () => string
}

const withCountries = new WeakMap<PipelineContext, ReadonlyMap<string, CrossingRef>>()

/** The context's crossings, each with the countries of its sides ("the Lebanon-Syria border"). */
function crossingRefs(ctx: PipelineContext): ReadonlyMap<string, CrossingRef> {
  const known = withCountries.get(ctx)
  if (known) return known
  const countries = new Map(ctx.gazetteer.knowledge.crossings.map((c) => [c.id, [...c.countries]]))
  const refs = new Map(
    [...ctx.crossings].map(([id, ref]) => [id, { countries: countries.get(id), ...ref }]),
  )
  withCountries.set(ctx, refs)
  return refs
}

/** The stages after the article: mentions (time, place, actor) and the events they make up. */
export function readArticle(
  article: Article,
  ctx: PipelineContext,
  url?: string | null,
): { mentions: Mention[]; events: ArticleEvent[] } {
  const published = article.published ?? ctx.now()
  const times = recogniseTimes(article.text, { published, dateOrder: dateOrderForUrl(url) })
  const places = eventPlaces(article.text, annotatePlaces(article.text), ctx.gazetteer)
  const actors = recogniseActors(article.text, ctx.actors)
  const events = extractEvents(
    { ...article, published },
    { times, places, actors },
    crossingRefs(ctx),
  )
  const mentions: Mention[] = [...times, ...places, ...actors].sort((a, b) => a.start - b.start)
  return { mentions, events }
}

/** Runs every stage on `doc`. Never throws on odd text: it returns fewer results instead. */
export function extractDocument(doc: RawDocument, ctx: PipelineContext): DocumentResult {
  const article = extractArticle(doc)
  const canonical = canonicalUrl(article.url ?? doc.url)
  if (article.language && !EXTRACTED_LANGUAGES.has(article.language)) {
    return {
      article,
      mentions: [],
      events: [],
      statusFacts: [],
      sites: [],
      canonicalUrl: canonical,
      signature: minhash(article.text),
      skipped: `language "${article.language}": stored, but only English reports are extracted further`,
    }
  }
  const { mentions, events } = readArticle(article, ctx, article.url ?? doc.url)
  return {
    article,
    mentions,
    events,
    statusFacts: statusFacts(events, { undated: !article.published }),
    sites: foundSites(events, article.url ?? article.id),
    canonicalUrl: canonical,
    signature: minhash(article.text),
  }
}
