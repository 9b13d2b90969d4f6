/** The `extract --json` contract: one article as the fields an outside tool reads. */
import type { Article } from '../model/index.js'
import { dateDetails } from '../ingest/published-date.js'

/** What `borderwatch extract --json` prints per input (see docs/cli.md). */
export interface ArticleJson {
  title: string
  byline: string | null
  outlet: string | null
  url: string | null
  language: string | null
  published: {
    value: string
    precision: 'instant' | 'day'
    source: Article['publishedStrategy']
    /** The offset the page states (`+03:00`, `Z`), or null when it states none. */
    timezone: string | null
  } | null
  text: string
}

/** Shapes an article for the `extract --json` output. */
export function articleJson(a: Article): ArticleJson {
  return {
    title: a.title,
    byline: a.byline,
    outlet: a.outlet,
    url: a.url,
    language: a.language,
    published: a.published
      ? {
          value: a.published,
          ...dateDetails(a.published),
          source: a.publishedStrategy,
        }
      : null,
    text: a.text,
  }
}
