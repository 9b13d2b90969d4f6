/**
 * Reads a raw document into an article: clean block text plus title, outlet, byline and date. HTML
 * is parsed once into a light tree; borderwatch's block finder reads the story, Readability the rare
 * page it misses.
 */
import type { Article, RawDocument } from '../model/index.js'
import { cleanParagraphs } from './clean-paragraphs.js'
import { detectLanguage } from './detect-language.js'
import { findArticleBlocks } from './find-article-blocks.js'
import { capAttributes } from './html-attributes.js'
import { nestsDeeperThan } from './html-depth.js'
import { parsePage } from './html-tree.js'
import { firstHeading, metaValue, pageByline, pageDate } from './page-metadata.js'
import { dateFromUrl, normaliseIsoDate, parseDateline, type FoundDate } from './published-date.js'
import { readabilityParagraphs } from './readability-fallback.js'

/** Pages nested deeper than this are too deep for Readability's DOM walk: no fallback for them. */
const MAX_DOM_DEPTH = 400

/**
 * Below this many characters of text the block finder's result is taken as a miss and
 * Readability reads the page instead; the longer of the two is kept.
 */
const FALLBACK_BELOW = 250

/**
 * Finds a dateline among the first paragraphs and removes it from the text. An "Updated …" line
 * is removed too, but it does not date the first publication.
 */
function takeDateline(paragraphs: string[]): { date: FoundDate | null; rest: string[] } {
  for (const [i, p] of paragraphs.slice(0, 6).entries()) {
    const line = p.replace(/\s*[/|·•]\s*\d+\s*min(?:ute)?s?\s+read\.?$/i, '')
    const value = line.length <= 60 ? parseDateline(line) : null
    if (value) {
      const rest = paragraphs.filter((_, j) => j !== i)
      if (/^(last\s+)?(updated|modified)\b/i.test(line)) return takeDateline(rest)
      return { date: { value, strategy: 'dateline' }, rest }
    }
  }
  return { date: null, rest: paragraphs }
}

/** Drops a trailing " | Outlet" or " - Outlet" that pages add to their <title>. */
function stripOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return title.replace(new RegExp(`\\s+[|–—-]\\s+${escaped}\\s*$`, 'i'), '') || title
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return null
  }
}

/**
 * The story's paragraphs: the block finder first, Readability when that finds too little (on the
 * page with its over-long attribute values cut, when it has any).
 */
function articleParagraphs(
  html: string,
  found: string[],
  length: number,
  longAttributes: boolean,
): string[] {
  if (length >= FALLBACK_BELOW || nestsDeeperThan(html, MAX_DOM_DEPTH)) return found
  const fallback = readabilityParagraphs(longAttributes ? capAttributes(html) : html)
  const fallbackLength = fallback.reduce((n, p) => n + p.length, 0)
  return fallbackLength > length ? fallback : found
}

function fromHtml(doc: RawDocument): Omit<Article, 'id' | 'documentHash'> {
  const { root, head, longAttributes } = parsePage(doc.content)
  const canonical = head.canonical ?? metaValue(head, 'og:url') ?? doc.hints.url ?? null
  const title = doc.hints.title ?? metaValue(head, 'og:title') ?? (head.title || firstHeading(root))
  const outlet = doc.hints.outlet ?? metaValue(head, 'og:site_name') ?? hostOf(canonical)
  const byline = pageByline(root, head)
  const blocks = findArticleBlocks(root)
  const paragraphs = articleParagraphs(
    doc.content,
    blocks.paragraphs,
    blocks.length,
    longAttributes > 0,
  )
  const dateline = takeDateline(paragraphs)
  const date = pageDate(root, head, { canonical, page: doc.hints.url ?? null }, dateline.date)
  const rest = cleanParagraphs(dateline.rest, title || undefined)
  const declared = head.lang ?? metaValue(head, 'og:locale') ?? head.contentLanguage
  const text = rest.join('\n\n')
  return {
    title: stripOutlet(title, outlet),
    language: detectLanguage(declared, text).language,
    byline,
    outlet,
    url: canonical,
    published: date?.value ?? null,
    publishedStrategy: date?.strategy ?? 'none',
    text,
  }
}

function fromText(doc: RawDocument): Omit<Article, 'id' | 'documentHash'> {
  const paragraphs = doc.content
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=\S)/)
    .map((p) => p.trim())
    .filter(Boolean)
  // A first line that reads like a headline is the title; a lede sentence stays in the body.
  const first = paragraphs[0] ?? ''
  const headline = first.length <= 160 && !/[.!?]["”’]?$/.test(first)
  const title = doc.hints.title ?? (headline ? first : first.slice(0, 160))
  const body = doc.hints.title !== undefined || !headline ? paragraphs : paragraphs.slice(1)
  const { date, rest } = takeDateline(body)
  const text = cleanParagraphs(rest, title).join('\n\n')
  return {
    title,
    byline: null,
    outlet: doc.hints.outlet ?? hostOf(doc.hints.url ?? null),
    url: doc.hints.url ?? null,
    published: date?.value ?? dateFromUrl(doc.hints.url) ?? null,
    publishedStrategy: date ? 'dateline' : dateFromUrl(doc.hints.url) ? 'url' : 'none',
    language: detectLanguage(null, text).language,
    text,
  }
}

/**
 * Extracts the article from a document. A publication date given beside the document
 * (`--published`, a JSONL field) wins over one found inside it.
 */
export function extractArticle(doc: RawDocument): Article {
  const read = doc.contentType !== 'text/html' ? fromText(doc) : fromHtml(doc)
  const given = doc.hints.published ? normaliseIsoDate(doc.hints.published) : null
  return {
    id: `a-${doc.hash.slice(0, 16)}`,
    documentHash: doc.hash,
    ...read,
    published: given ?? read.published,
    publishedStrategy: given ? 'given' : read.publishedStrategy,
  }
}
