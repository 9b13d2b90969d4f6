/** Documents as received and articles as read from them. */
import { z } from 'zod'

/** How a publication date was found. */
export const DateStrategy = z.enum([
  'given',
  'json-ld',
  'meta',
  'time-element',
  'url',
  'dateline',
  'text',
  'none',
])
export type DateStrategy = z.infer<typeof DateStrategy>

/** A raw document, kept as received so it can be extracted again when the pipeline improves. */
export interface RawDocument {
  /** SHA-256 of the content bytes. */
  hash: string
  /** Where it came from: a file path, a URL, or `stdin`. */
  origin: string
  url?: string
  contentType: 'text/plain' | 'text/html'
  content: string
  /** Metadata the source supplied beside the content (JSONL bulk files, `--published`). */
  hints: DocumentHints
}

/** Metadata given alongside a document rather than found inside it. */
export interface DocumentHints {
  id?: string
  title?: string
  /** The outlet's name, when the source gives it (a JSONL `outlet`). */
  outlet?: string
  published?: string
  url?: string
}

/** An article: clean text plus metadata, the input of every extraction stage. */
export const Article = z.object({
  id: z.string(),
  documentHash: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  publishedStrategy: DateStrategy,
  /** ISO 639-1 code from the page's declaration and its text; null when nothing tells. */
  language: z.string().nullable(),
  text: z.string(),
})
export type Article = z.infer<typeof Article>
