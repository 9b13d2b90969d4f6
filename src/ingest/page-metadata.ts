/** Reads a page's own metadata from the light tree: canonical URL, title, outlet, byline, dates. */
import { resolveDate } from './date-evidence.js'
import { BLOCK_TAGS, nodeText, type HeadSignals, type HtmlNode } from './html-tree.js'
import {
  dateFromUrl,
  findDateInText,
  parseDateline,
  parseMachineDate,
  type FoundDate,
} from './published-date.js'

/** The first meta tag value among `keys` (property, name or itemprop, any case). */
export function metaValue(head: HeadSignals, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = head.meta.get(key.toLowerCase())
    if (value) return value
  }
  return null
}

/** JSON-LD is searched this deep at most: a hostile page can nest it without end. */
const MAX_JSON_DEPTH = 40

/** The first string value under `key` anywhere in the JSON-LD blocks. */
function findInJsonLd(value: unknown, key: string, depth = 0): string | null {
  if (depth > MAX_JSON_DEPTH) return null
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findInJsonLd(v, key, depth + 1)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record[key] === 'string') return record[key] as string
    for (const v of Object.values(record)) {
      const found = findInJsonLd(v, key, depth + 1)
      if (found) return found
    }
  }
  return null
}

/** The names of the first `author` (a person or a list of them) in the JSON-LD blocks. */
function jsonLdAuthorNames(value: unknown, depth = 0): string | null {
  if (depth > MAX_JSON_DEPTH) return null
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = jsonLdAuthorNames(v, depth + 1)
      if (found) return found
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const author = record.author
    if (author) {
      const names = (Array.isArray(author) ? author : [author])
        .map((a) =>
          typeof a === 'string'
            ? a
            : a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string'
              ? (a as { name: string }).name
              : '',
        )
        .map((n) => n.trim())
        .filter(Boolean)
      if (names.length) return names.join(', ')
    }
    for (const v of Object.values(record)) {
      if (v && typeof v === 'object') {
        const found = jsonLdAuthorNames(v, depth + 1)
        if (found) return found
      }
    }
  }
  return null
}

const BYLINE_NAME =
  /(^|[-_\s])(byline|author|authors|writtenby|p-author|article-author|author-name)([-_\s]|$)/

/** Visits the elements of a tree in page order until `visit` returns true. */
function eachElement(root: HtmlNode, visit: (node: HtmlNode) => boolean | void): void {
  const stack: HtmlNode[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (visit(node)) return
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i]
      if (typeof c !== 'string') stack.push(c)
    }
  }
}

/** The author as the page names it: meta tag, JSON-LD, then the byline element. */
export function pageByline(root: HtmlNode, head: HeadSignals): string | null {
  const named = metaValue(head, 'author') ?? findInJsonLd(head.jsonLd, 'author')
  if (named) return named
  const ld = jsonLdAuthorNames(head.jsonLd)
  if (ld) return ld
  for (const el of head.authors) {
    const text = el.attrs.content?.trim() || nodeText(el)
    if (text && text.length < 100) return text
  }
  let found: string | null = null
  eachElement(root, (node) => {
    if (!node.names || !BYLINE_NAME.test(node.names) || node.textLen === 0) return false
    const text = nodeText(node)
    if (text.length > 0 && text.length < 100) {
      found = text
      return true
    }
    return false
  })
  return found
}

/** Words that mark a date as a later change, not the first publication. */
const CHANGED = /updat|modif|edited|revised/i

/** A date written in an element's attributes or text, unless it is marked as an update. */
function elementDate(el: HtmlNode | undefined, dayFirst: boolean): string | null {
  if (!el) return null
  for (const attr of ['datetime', 'content', 'title']) {
    const value = el.attrs[attr]
    const date = value ? parseMachineDate(value) : null
    if (date) return date
  }
  if (el.textLen > 80) return null
  const text = nodeText(el)
  if (text.length > 80 || CHANGED.test(text)) return null
  return findDateInText(text, dayFirst)
}

const DATE_CLASS =
  /(^|[-_\s])(date|dateline|published|publish-date|pubdate|posted|post-date|submitted|timestamp|entry-date|article-date|time)([-_\s]|$)/

/** A date written in the page's own words beside the byline ("Published On May 10, 2022"). */
function bylineDate(root: HtmlNode, dayFirst: boolean): string | null {
  let looked = 0
  let found: string | null = null
  eachElement(root, (node) => {
    const cls = node.attrs.class
    if (!cls || node.hidden || !DATE_CLASS.test(cls.toLowerCase()) || CHANGED.test(cls))
      return false
    found = elementDate(node, dayFirst)
    return found !== null || ++looked >= 20
  })
  return found
}

/** Labels that introduce the publication date in running text. */
const PUBLISHED_LABEL =
  /\b(?:first published|published|posted|written|created|released)(?:\s+on)?\s*[:\-–—]?\s*/i

/** Labels that introduce the date of a later change: "Updated", "Last modified on", "last edited". */
const UPDATED_LABEL = /\b(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?\s*[:\-–—]?\s*/i

/**
 * A date after a label such as "Published"/"Posted on" (by default) in a short block of the
 * page's text (at most `maxBlock` characters: not a sentence of the story).
 */
function labelledDate(
  root: HtmlNode,
  dayFirst: boolean,
  labels: RegExp = PUBLISHED_LABEL,
  maxBlock = 300,
): string | null {
  let found: string | null = null
  eachElement(root, (node) => {
    if (node.hidden || node.tag === 'script' || node.tag === 'style') return false
    for (const child of node.children) {
      if (typeof child !== 'string' || !labels.test(child)) continue
      let block = node
      while (block.parent && !BLOCK_TAGS.has(block.tag) && block.parent.textLen <= 200) {
        block = block.parent
      }
      const text = nodeText(block)
      const label = text.match(labels)
      if (!label || text.length > maxBlock) continue
      const after = text.slice(label.index! + label[0].length, label.index! + label[0].length + 80)
      found = /^\s*(by|in)\b/i.test(after) ? null : findDateInText(after, dayFirst)
      if (found) return true
    }
    return false
  })
  return found
}

/** Elements of page furniture, where a lone date is not the story's. */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'form'])

/** A text child of an element that is a date on a line of its own ("Jane<br>10. May 2019"). */
function dateLine(node: HtmlNode): string | null {
  for (const child of node.children) {
    if (typeof child !== 'string') continue
    const line = child.trim()
    const date = line.length >= 6 && line.length <= 40 ? parseDateline(line) : null
    if (date) return date
  }
  return null
}

/**
 * The first small element whose whole text, or one line of it, is a date: a last resort for pages
 * with no other signal.
 */
function loneDate(root: HtmlNode): string | null {
  let found: string | null = null
  eachElement(root, (node) => {
    if (node.hidden || FURNITURE_TAGS.has(node.tag)) return false
    if (node.textLen < 6 || node.textLen > 200 || node.linkLen > 0) return false
    const text = nodeText(node)
    if (CHANGED.test(text)) return false
    const date = (text.length <= 40 ? parseDateline(text) : null) ?? dateLine(node)
    // "Updated <span>June 13, 2019</span>": the label sits beside the date.
    const around = node.parent && node.parent.textLen <= 100 ? nodeText(node.parent) : ''
    found = date && !CHANGED.test(around) ? date : null
    return found !== null
  })
  return found
}

/**
 * When the page last changed, as its metadata or a visible "Updated"/"last edited" label says. Only
 * asked when the page states no publication date: the article was out by then, so it is the
 * closest bound the page gives.
 */
function updateDate(root: HtmlNode, head: HeadSignals, dayFirst: boolean): FoundDate | null {
  const machine = (raw: string | null) => (raw ? parseMachineDate(raw) : null)
  const signals: [string | null, FoundDate['strategy']][] = [
    [machine(findInJsonLd(head.jsonLd, 'dateModified')), 'json-ld'],
    [
      machine(
        metaValue(
          head,
          'article:modified_time',
          'og:updated_time',
          'dateModified',
          'last-modified',
        ),
      ),
      'meta',
    ],
    [labelledDate(root, dayFirst, UPDATED_LABEL, 150), 'text'],
  ]
  const found = signals
    .filter(([value]) => value !== null)
    .map(([value, strategy]) => ({ value: value!, strategy, weight: 1 }))
  return resolveDate(found)
}

/** True inside a comment thread or a list of other stories, whose dates are not the story's. */
function inCommentOrTeaser(node: HtmlNode): boolean {
  for (let n = node.parent; n && n.tag !== 'body'; n = n.parent) {
    if (n.names && /comment|related|sidebar|widget|recirc/.test(n.names)) return true
  }
  return false
}

/** The <time> element that most likely dates the story, leaving out "updated" ones. */
function storyTime(head: HeadSignals): HtmlNode | undefined {
  const times = head.times.filter(
    (t) =>
      !CHANGED.test(`${t.attrs.class ?? ''} ${t.attrs.itemprop ?? ''}`) && !inCommentOrTeaser(t),
  )
  return (
    times.find((t) => 'pubdate' in t.attrs) ??
    times.find((t) => /publish|posted|entry-date|post-date/i.test(t.attrs.class ?? '')) ??
    times[0]
  )
}

/** True when the page's locale writes numeric dates day first (en-GB, de, fr …; not en-US). */
function writesDayFirst(lang: string | null, url: string | null = null): boolean {
  // A bare "en" says nothing of the region; a locale in the URL path ("/en-gb/") may.
  const declared = lang && /[-_]/.test(lang) ? lang : null
  const l = (declared ?? url?.match(/\/([a-z]{2}[-_][a-z]{2})\//i)?.[1] ?? lang ?? '').toLowerCase()
  if (!l) return false
  return !(l === 'en' || l.startsWith('en-us') || l.startsWith('en_us'))
}

/**
 * Every publication-date signal of a page: JSON-LD, meta tags, `itemprop`, `<time>`, the URL,
 * a byline date, a "Published:" label, data in page scripts, and a dateline found in the text.
 * `resolveDate` weighs them. Only when nothing else speaks, a lone date on the page is asked, and
 * then the date the page says it was last updated.
 */
export function pageDate(
  root: HtmlNode,
  head: HeadSignals,
  urls: { canonical: string | null; page: string | null },
  dateline: FoundDate | null,
): FoundDate | null {
  const url = urls.canonical
  const dayFirst = writesDayFirst(
    head.lang ?? metaValue(head, 'og:locale'),
    urls.page ?? urls.canonical,
  )
  const machine = (raw: string | null) => (raw ? parseMachineDate(raw) : null)
  const signals: [string | null, FoundDate['strategy'], number][] = [
    [machine(findInJsonLd(head.jsonLd, 'datePublished')), 'json-ld', 1],
    [
      machine(
        metaValue(
          head,
          'article:published_time',
          'og:published_time',
          'og:pubdate',
          'datePublished',
          'pubdate',
          'publishdate',
          'publish-date',
          'pub_date',
          'date',
          'dc.date',
          'DC.date.issued',
          'dcterms.created',
          'parsely-pub-date',
          'sailthru.date',
        ),
      ),
      'meta',
      1,
    ],
    [elementDate(head.datePublished[0], dayFirst), 'meta', 1],
    [elementDate(storyTime(head), dayFirst), 'time-element', 1],
    [dateFromUrl(url), 'url', 1],
    [labelledDate(root, dayFirst) ?? bylineDate(root, dayFirst), 'text', 1],
    [machine(head.scriptDate), 'meta', 0.5],
    [dateline?.value ?? null, 'dateline', 1],
  ]
  const found = signals
    .filter(([value]) => value !== null)
    .map(([value, strategy, weight]) => ({ value: value!, strategy, weight }))
  if (!found.length) {
    const lone = loneDate(root)
    return lone ? { value: lone, strategy: 'text' } : updateDate(root, head, dayFirst)
  }
  return resolveDate(found)
}

/** The first <h1> of the page, as a title of last resort. */
export function firstHeading(root: HtmlNode): string {
  let title = ''
  eachElement(root, (node) => {
    if (node.tag !== 'h1') return false
    title = nodeText(node)
    return title !== ''
  })
  return title
}
