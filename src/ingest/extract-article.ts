/** Reads a raw document into an article: clean block text plus title, outlet, byline and date. */
import { parseHTML } from 'linkedom'
import { Readability } from '@mozilla/readability'
import type { Article, RawDocument } from '../model/index.js'
import { cleanParagraphs } from './clean-paragraphs.js'
import { detectLanguage } from './detect-language.js'
import { nestsDeeperThan, stripTags } from './html-depth.js'
import { dateFromUrl, normaliseIsoDate, parseDateline, type FoundDate } from './published-date.js'

/** Pages nested deeper than this are read as text: a DOM walk that deep would overflow the stack. */
const MAX_DEPTH = 400

/** Elements whose text is never article text. */
const NOT_TEXT =
  'script, style, noscript, template, figure, figcaption, nav, aside, footer, form, button, svg'
const BLOCK = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'TH',
  'DT',
  'DD',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'UL',
  'OL',
  'TABLE',
  'TR',
  'BR',
  'HR',
])

type Doc = ReturnType<typeof parseHTML>['document']
type El = ReturnType<Doc['querySelector']> & object

/** Class and id words of page furniture: share bars, captions, teasers, sign-up boxes. */
const FURNITURE =
  /(^|[-_\s])(share|sharing|social-share|related|newsletter|subscribe|signup|promo|advert|advertisement|cookie|consent|caption|wp-caption-text|credit|breadcrumbs?|byline-row|read-time|recirc|outbrain|taboola)([-_\s]|$)/i

/**
 * Removes furniture that Readability keeps because it sits inside the story's container
 * (image captions, share bars, inline teasers), judged by its class or id and by being short.
 */
function dropFurniture(document: Doc): void {
  for (const el of Array.from(document.querySelectorAll('[class], [id]')) as El[]) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    if (!FURNITURE.test(name) || el.tagName === 'BODY' || el.tagName === 'ARTICLE') continue
    const words = (el.textContent ?? '').split(/\s+/).filter(Boolean).length
    if (words <= 80) el.remove()
  }
}

/** Splits an element's text into paragraphs at block boundaries. */
function blockText(root: El): string[] {
  const paragraphs: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim()) paragraphs.push(current.replace(/\s+/g, ' ').trim())
    current = ''
  }
  const walk = (node: El) => {
    for (const child of Array.from(node.childNodes) as El[]) {
      if (child.nodeType === 3) current += child.textContent ?? ''
      else if (child.nodeType === 1) {
        const block = BLOCK.has(child.tagName)
        if (block) flush()
        walk(child)
        if (block) flush()
      }
    }
  }
  walk(root)
  flush()
  return paragraphs
}

function meta(document: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      document.querySelector(`meta[property="${key}"]`) ??
      document.querySelector(`meta[name="${key}"]`) ??
      document.querySelector(`meta[itemprop="${key}"]`)
    const value = el?.getAttribute('content')?.trim()
    if (value) return value
  }
  return null
}

function findInJsonLd(value: unknown, key: string): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findInJsonLd(v, key)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record[key] === 'string') return record[key] as string
    for (const v of Object.values(record)) {
      const found = findInJsonLd(v, key)
      if (found) return found
    }
  }
  return null
}

/** Every JSON-LD block of a page, parsed once; broken blocks (common on real pages) are skipped. */
function jsonLdBlocks(document: Doc): unknown[] {
  const blocks: unknown[] = []
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  ) as El[]) {
    try {
      blocks.push(JSON.parse(script.textContent ?? ''))
    } catch {
      // other signals still apply
    }
  }
  return blocks
}

/** A date written in an element's attributes or text: ISO first, then a dateline shape. */
function elementDate(el: El | null | undefined): string | null {
  if (!el) return null
  for (const attr of ['datetime', 'content', 'title']) {
    const value = el.getAttribute(attr)
    const iso = value ? normaliseIsoDate(value) : null
    if (iso) return iso
  }
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
  return text.length <= 60 ? (normaliseIsoDate(text) ?? parseDateline(text)) : null
}

const DATE_CLASS =
  /(^|[-_\s])(date|dateline|published|publish-date|pubdate|posted|post-date|timestamp|entry-date|article-date)([-_\s]|$)/i

/** A date written in the page's own words beside the byline ("Published On May 10, 2022"). */
function bylineDate(document: Doc): string | null {
  let looked = 0
  for (const el of Array.from(document.querySelectorAll('[class]')) as El[]) {
    if (!DATE_CLASS.test(el.getAttribute('class') ?? '')) continue
    const date = elementDate(el)
    if (date) return date
    if (++looked >= 20) break
  }
  return null
}

/**
 * Every publication-date signal of a page, then the day most of them agree on: a stale JSON-LD
 * block or a template's meta tag is outvoted by the URL, the <time> element and the byline date.
 * On a tie the more explicit signal wins.
 */
function htmlDate(document: Doc, url: string | null, ld: unknown[]): FoundDate | null {
  const signals: [string | null, FoundDate['strategy']][] = [
    [findInJsonLd(ld, 'datePublished'), 'json-ld'],
    [
      meta(
        document,
        'article:published_time',
        'og:published_time',
        'og:pubdate',
        'datePublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date',
        'DC.date.issued',
        'dcterms.created',
        'parsely-pub-date',
        'sailthru.date',
      ),
      'meta',
    ],
    [elementDate(document.querySelector('[itemprop="datePublished"]') as El | null), 'meta'],
    [
      elementDate(document.querySelector('time[pubdate], article time, time') as El | null),
      'time-element',
    ],
    [dateFromUrl(url), 'url'],
    [bylineDate(document), 'text'],
  ]
  const found = signals
    .map(([raw, strategy]) => ({ value: raw ? normaliseIsoDate(raw) : null, strategy }))
    .filter((f): f is FoundDate => f.value !== null)
  if (!found.length) return null
  const votes = new Map<string, number>()
  for (const f of found) votes.set(f.value.slice(0, 10), (votes.get(f.value.slice(0, 10)) ?? 0) + 1)
  const best = Math.max(...votes.values())
  const day = found.find((f) => votes.get(f.value.slice(0, 10)) === best)!.value.slice(0, 10)
  // Of the signals for that day, the one that knows the time of day says most.
  return (
    found.find((f) => f.value.startsWith(day) && f.value.includes('T')) ??
    found.find((f) => f.value.startsWith(day))!
  )
}

/** Finds a dateline among the first paragraphs and removes it from the text. */
function takeDateline(paragraphs: string[]): { date: FoundDate | null; rest: string[] } {
  for (const [i, p] of paragraphs.slice(0, 6).entries()) {
    const line = p.replace(/\s*[/|·•]\s*\d+\s*min(?:ute)?s?\s+read\.?$/i, '')
    const value = line.length <= 60 ? parseDateline(line) : null
    if (value) {
      return { date: { value, strategy: 'dateline' }, rest: paragraphs.filter((_, j) => j !== i) }
    }
  }
  return { date: null, rest: paragraphs }
}

/** The text of a page's <title>, read without a DOM; empty when it has none. */
function titleTag(html: string): string {
  return stripTags(html.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1] ?? '')
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

function fromHtml(doc: RawDocument): Omit<Article, 'id' | 'documentHash'> {
  const { document } = parseHTML(doc.content)
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta(document, 'og:url') ??
    doc.hints.url ??
    null
  const ld = jsonLdBlocks(document)
  const found = htmlDate(document, canonical, ld)
  const title =
    doc.hints.title ??
    meta(document, 'og:title') ??
    document.querySelector('title')?.textContent?.trim() ??
    ''
  const outlet = meta(document, 'og:site_name') ?? hostOf(canonical)
  const byline = meta(document, 'author') ?? findInJsonLd(ld, 'author')
  dropFurniture(document)
  // The article comes back as a DOM node, not HTML to parse again.
  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      keepClasses: false,
      serializer: (node) => node,
    },
  ).parse()
  let paragraphs: string[] = []
  const content = parsed?.content as unknown as El | undefined
  if (content) {
    for (const el of Array.from(content.querySelectorAll(NOT_TEXT)) as El[]) el.remove()
    paragraphs = blockText(content)
  }
  const dateline = takeDateline(paragraphs)
  const dated = {
    date: found ?? dateline.date,
    rest: cleanParagraphs(dateline.rest, title || parsed?.title || undefined),
  }
  const declared =
    document.documentElement?.getAttribute('lang') ??
    meta(document, 'og:locale') ??
    document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
    null
  const text = dated.rest.join('\n\n')
  return {
    title: stripOutlet(title || parsed?.title || '', outlet ?? parsed?.siteName ?? null),
    language: detectLanguage(declared, text).language,
    byline: byline ?? parsed?.byline ?? null,
    outlet: outlet ?? parsed?.siteName ?? null,
    url: canonical,
    published: dated.date?.value ?? null,
    publishedStrategy: dated.date?.strategy ?? 'none',
    text,
  }
}

function fromText(doc: RawDocument): Omit<Article, 'id' | 'documentHash'> {
  const paragraphs = doc.content
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=\S)/)
    .map((p) => p.trim())
    .filter(Boolean)
  const title = doc.hints.title ?? paragraphs[0] ?? ''
  const body = doc.hints.title !== undefined ? paragraphs : paragraphs.slice(1)
  const { date, rest } = takeDateline(body)
  const text = cleanParagraphs(rest, title).join('\n\n')
  return {
    title,
    byline: null,
    outlet: hostOf(doc.hints.url ?? null),
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
  const read =
    doc.contentType !== 'text/html'
      ? fromText(doc)
      : nestsDeeperThan(doc.content, MAX_DEPTH)
        ? fromText({
            ...doc,
            content: stripTags(doc.content),
            hints: { ...doc.hints, title: doc.hints.title ?? titleTag(doc.content) },
          })
        : fromHtml(doc)
  const given = doc.hints.published ? normaliseIsoDate(doc.hints.published) : null
  return {
    id: `a-${doc.hash.slice(0, 16)}`,
    documentHash: doc.hash,
    ...read,
    published: given ?? read.published,
    publishedStrategy: given ? 'given' : read.publishedStrategy,
  }
}
