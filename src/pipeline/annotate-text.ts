/** The `annotate` stage view: a text and the mentions (times, places, actors) and events found in it, offsets into that very text. */
import type {
  ActorMention,
  Article,
  ArticleEvent,
  TimeMention,
  TimeValue,
  TimexType,
} from '../model/index.js'
import type { PlaceAnnotation } from '../model/place-annotation.js'
import { annotatePlaces } from '../places/annotate-places.js'
import { readArticle, type PipelineContext } from './extract-document.js'

/** A time mention as `annotate --json` prints it. */
export interface TimeAnnotation {
  start: number
  end: number
  text: string
  type: TimexType
  value: TimeValue
}

/** An actor mention as `annotate --json` prints it. */
export interface ActorAnnotation {
  start: number
  end: number
  text: string
  id: string
  name: string
  kind: string
  country: string | null
}

/** An event as `annotate --json` prints it: the stored event without its article id. */
export type EventAnnotation = Omit<ArticleEvent, 'articleId'>

/** Everything `annotate` finds in one text. */
export interface Annotations {
  times: TimeAnnotation[]
  places: PlaceAnnotation[]
  actors: ActorAnnotation[]
  events: EventAnnotation[]
}

/** What a text is annotated against. */
export interface AnnotateOptions {
  /** Publication date-time (ISO 8601): what "yesterday" and "on Monday" count from. */
  published: string
  /** The page's URL, whose domain hints at how numeric dates are written. */
  url?: string | null
  /** The outlet, named as the source of what the text asserts. */
  outlet?: string | null
}

/** Runs the stages after the article on `text` and shapes what they find for output. */
export function annotateText(
  text: string,
  options: AnnotateOptions,
  ctx: PipelineContext,
): Annotations {
  const article: Article = {
    id: 'annotate',
    documentHash: '',
    title: '',
    byline: null,
    outlet: options.outlet ?? null,
    url: options.url ?? null,
    published: options.published,
    publishedStrategy: 'given',
    language: 'en',
    text,
  }
  const { mentions, events } = readArticle(article, ctx, options.url)
  return {
    times: mentions.filter((m): m is TimeMention => m.kind === 'time').map(timeAnnotation),
    places: annotatePlaces(text),
    actors: mentions.filter((m): m is ActorMention => m.kind === 'actor').map(actorAnnotation),
    events: events.map(eventAnnotation),
  }
}

function timeAnnotation(t: TimeMention): TimeAnnotation {
  const value: TimeValue = { ...t.value }
  delete value.text
  delete value.offset
  return { start: t.start, end: t.end, text: t.text, type: t.type, value }
}

function actorAnnotation(a: ActorMention): ActorAnnotation {
  return {
    start: a.start,
    end: a.end,
    text: a.text,
    id: a.actorId,
    name: a.name,
    kind: a.actorKind,
    country: a.country,
  }
}

function eventAnnotation(e: ArticleEvent): EventAnnotation {
  const copy: Partial<ArticleEvent> = { ...e }
  delete copy.articleId
  return copy as EventAnnotation
}
