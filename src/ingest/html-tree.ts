/**
 * Parses an HTML page in one streaming pass (htmlparser2) into a light element tree with text
 * statistics, and collects the head signals (meta tags, JSON-LD, canonical link, title, language)
 * on the way. Much cheaper than a DOM: no selectors, no live node lists, no serialisation.
 */
import { Parser } from 'htmlparser2'
import { MAX_ATTRIBUTE_LENGTH } from './html-attributes.js'

/** An element of the light tree; text children are plain strings. */
export interface HtmlNode {
  tag: string
  attrs: Record<string, string>
  parent: HtmlNode | null
  children: (HtmlNode | string)[]
  /** Lower-cased class and id, space-separated; '' when neither is set. */
  names: string
  /** Characters of non-space text in the subtree (whitespace runs count as one). */
  textLen: number
  /** The part of textLen inside links. */
  linkLen: number
  /** Text directly in this block, not inside a nested block element (inline descendants count). */
  inlineLen: number
  inlineLinkLen: number
  /** Commas in the block's inline text (a sign of prose). */
  commas: number
  /** Element counts in the subtree, for judging link lists and image galleries. */
  paragraphs: number
  images: number
  listItems: number
  inputs: number
  /** Not shown to a reader: hidden attribute, display:none, aria-hidden. */
  hidden: boolean
}

/** What the page says about itself outside the article text. */
export interface HeadSignals {
  title: string
  /** Meta tags by lower-cased property, name or itemprop; the first value of each wins. */
  meta: Map<string, string>
  /** Parsed JSON-LD blocks; broken blocks are skipped. */
  jsonLd: unknown[]
  canonical: string | null
  lang: string | null
  contentLanguage: string | null
  /** <time> elements in page order. */
  times: HtmlNode[]
  /** Elements carrying itemprop="datePublished". */
  datePublished: HtmlNode[]
  /** The first publication date named in a page script's data ("datePublished": "…"). */
  scriptDate: string | null
  /** Elements marked as the author (rel=author, itemprop=author), in page order. */
  authors: HtmlNode[]
}

/** A parsed page: the tree under a synthetic root, and the head signals. */
export interface ParsedPage {
  root: HtmlNode
  head: HeadSignals
  /** How many attribute values were longer than the limit and cut to it. */
  longAttributes: number
}

/** How a page is parsed; the defaults suit news pages. */
export interface ParseOptions {
  /** Attribute values longer than this are cut to it (default MAX_ATTRIBUTE_LENGTH). */
  maxAttributeLength?: number
}

/** Pages nested deeper than this are flattened: their deeper elements join the ancestor at the limit. */
const MAX_TREE_DEPTH = 300

/** Elements that start a new paragraph of text. */
export const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body center dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p ' +
    'pre section summary table tbody td tfoot th thead tr ul br'
  ).split(' '),
)

/** Elements whose content is never article text. */
const SKIP_TAGS = new Set(
  'script style noscript template svg math iframe object embed select textarea button head canvas video audio'.split(
    ' ',
  ),
)

/** A publication date in the data a page script carries. */
const SCRIPT_DATE =
  /"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|firstPublished(?:Date)?|date_published)"\s*:\s*"([^"]{8,40})"/

function newNode(tag: string, attrs: Record<string, string>, parent: HtmlNode | null): HtmlNode {
  const cls = attrs.class
  const id = attrs.id
  return {
    tag,
    attrs,
    parent,
    children: [],
    names: cls || id ? `${cls ?? ''} ${id ?? ''}`.toLowerCase() : '',
    textLen: 0,
    linkLen: 0,
    inlineLen: 0,
    inlineLinkLen: 0,
    commas: 0,
    paragraphs: 0,
    images: 0,
    listItems: 0,
    inputs: 0,
    hidden: false,
  }
}

/** Class words of utility classes that hide an element (Bootstrap, Tailwind, Tachyons, WordPress). */
const HIDDEN_CLASS =
  /(^|\s)(hidden|d-none|dn|sr-only|screen-reader-text|visually-hidden|visuallyhidden)(\s|$)/i

function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true
  if (attrs.class && HIDDEN_CLASS.test(attrs.class)) return true
  if (attrs['aria-hidden'] === 'true') return true
  const style = attrs.style
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

/** Length of a text with whitespace runs counted as one character and the ends trimmed. */
function visibleLength(text: string): number {
  let n = 0
  let space = true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!space) n++
      space = true
    } else {
      n++
      space = false
    }
  }
  return space && n > 0 ? n - 1 : n
}

function countCommas(text: string): number {
  let n = 0
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) n++
  return n
}

/**
 * Parses `html` into a light tree. Never throws on malformed markup: htmlparser2 closes what is
 * left open, nesting beyond MAX_TREE_DEPTH is flattened rather than followed, and over-long
 * attribute values are cut.
 */
export function parsePage(html: string, options: ParseOptions = {}): ParsedPage {
  const maxAttribute = options.maxAttributeLength ?? MAX_ATTRIBUTE_LENGTH
  let longAttributes = 0
  const root = newNode('#root', {}, null)
  const head: HeadSignals = {
    title: '',
    meta: new Map(),
    jsonLd: [],
    canonical: null,
    lang: null,
    contentLanguage: null,
    times: [],
    datePublished: [],
    authors: [],
    scriptDate: null,
  }
  // One entry per open element, in step with htmlparser2's own stack; null for an element that
  // was flattened (too deep) so that its close tag pops the right entry.
  const stack: (HtmlNode | null)[] = []
  let current = root
  /** Nearest open block element: the owner of inline text. */
  const blocks: HtmlNode[] = [root]
  let skip = 0
  let links = 0
  let hidden = 0
  let inTitle = false
  let script: string | null = null
  let isLd = false

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        for (const key in attrs) {
          if (attrs[key].length > maxAttribute) {
            attrs[key] = attrs[key].slice(0, maxAttribute)
            longAttributes++
          }
        }
        if (name === 'title' && !head.title) inTitle = true
        else if (name === 'meta') {
          const key = attrs.property ?? attrs.name ?? attrs.itemprop
          const content = attrs.content?.trim()
          if (key && content) {
            const k = key.toLowerCase()
            if (!head.meta.has(k)) head.meta.set(k, content)
          }
          if (attrs['http-equiv']?.toLowerCase() === 'content-language' && content)
            head.contentLanguage ??= content
        } else if (name === 'link') {
          if (attrs.rel?.toLowerCase() === 'canonical' && attrs.href) head.canonical ??= attrs.href
        } else if (name === 'html' && attrs.lang) head.lang ??= attrs.lang
        else if (name === 'script') {
          script = ''
          isLd = attrs.type?.toLowerCase().includes('ld+json') ?? false
        }
        if (stack.length >= MAX_TREE_DEPTH) {
          stack.push(null)
          return
        }
        const node = newNode(name, attrs, current)
        current.children.push(node)
        stack.push(node)
        current = node
        if (SKIP_TAGS.has(name)) skip++
        if (name === 'a') links++
        if (isHidden(attrs)) {
          node.hidden = true
          hidden++
        }
        if (BLOCK_TAGS.has(name)) blocks.push(node)
        if (name === 'time') head.times.push(node)
        if (attrs.itemprop) {
          const prop = attrs.itemprop.toLowerCase()
          if (prop === 'datepublished') head.datePublished.push(node)
          else if (prop === 'author') head.authors.push(node)
        }
        if (attrs.rel === 'author') head.authors.push(node)
      },
      ontext(text) {
        if (inTitle) head.title += text
        if (script !== null) script += text
        if (skip || hidden) return
        current.children.push(text)
        const len = visibleLength(text)
        if (!len) return
        current.textLen += len
        const block = blocks[blocks.length - 1]
        block.inlineLen += len
        block.commas += countCommas(text)
        if (links) {
          current.linkLen += len
          block.inlineLinkLen += len
        }
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false
        if (name === 'script' && script !== null) {
          if (isLd) {
            try {
              head.jsonLd.push(JSON.parse(script))
            } catch {
              // other signals still apply
            }
          } else if (head.scriptDate === null) {
            head.scriptDate = SCRIPT_DATE.exec(script)?.[1] ?? null
          }
          script = null
        }
        const node = stack.pop()
        if (!node) return
        if (SKIP_TAGS.has(name)) skip--
        if (name === 'a') links--
        if (node.hidden) hidden--
        if (blocks[blocks.length - 1] === node) blocks.pop()
        if (name === 'p') node.paragraphs++
        else if (name === 'img') node.images++
        else if (name === 'li') node.listItems++
        else if (name === 'input' || name === 'textarea' || name === 'select') node.inputs++
        const parent = node.parent!
        parent.textLen += node.textLen
        parent.linkLen += node.linkLen
        parent.paragraphs += node.paragraphs
        parent.images += node.images
        parent.listItems += node.listItems
        parent.inputs += node.inputs
        current = parent
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(html)
  head.title = head.title.replace(/\s+/g, ' ').trim()
  return { root, head, longAttributes }
}

/** The text of a subtree with whitespace collapsed; hidden and skipped elements left out. */
export function nodeText(node: HtmlNode): string {
  const parts: string[] = []
  const walk = (n: HtmlNode) => {
    for (const child of n.children) {
      if (typeof child === 'string') parts.push(child)
      else if (!child.hidden && !SKIP_TAGS.has(child.tag)) walk(child)
    }
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** True for elements whose text a reader never sees as article text. */
export function isSkipped(node: HtmlNode): boolean {
  return node.hidden || SKIP_TAGS.has(node.tag)
}
