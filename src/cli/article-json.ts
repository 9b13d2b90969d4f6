/** The `extract --json` contract: one article as the fields an outside tool reads. */
import type { Article } from '../model/index.js'

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
          precision: a.published.includes('T') ? 'instant' : 'day',
          source: a.publishedStrategy,
        }
      : null,
    text: a.text,
  }
}
