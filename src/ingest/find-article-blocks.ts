/**
 * Finds the article in a light HTML tree and returns its paragraphs. Text blocks score their
 * ancestors (prose: long, with commas, few links); the best container wins, joined by siblings that
 * look like the same story; link lists, galleries, share bars and other furniture inside it are cut.
 */
import { BLOCK_TAGS, isSkipped, nodeText, type HtmlNode } from './html-tree.js'

/** Class or id words of page parts that are almost never the article. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|consent|recirc|outbrain|taboola/
/** Words that rescue an unlikely-looking name: the story's own container often has them. */
const MAYBE = /and|article|body|column|content|main|shadow/
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
])
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|recirc|taboola/
const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/

/** Class and id words of furniture that sits inside the story's container. */
const FURNITURE =
  /(^|[-_\s])(share|sharing|social-share|related|newsletter|subscribe|signup|promo|advert|advertisement|cookie|consent|caption|wp-caption-text|credit|breadcrumbs?|byline-row|read-time|recirc|outbrain|taboola)([-_\s]|$)/

/** Class or id words of image captions and credits, also run together ("newsCaption"). */
const CAPTION = /caption|photo-?credit|image-?credit|(^|[-_\s])credits?([-_\s]|$)/

/** Class or id words of a standfirst or kicker above the story: a summary, not the text. */
const STANDFIRST =
  /standfirst|(^|[-_\s])(dek|deck|subtitle|sub-title|subheadline|sub-headline|strapline|kicker)([-_\s]|$)/

/** Class or id words of boxes about the author: a bio is not the story. */
const AUTHOR_BOX = /author|byline|biography|contributor|(^|[-_\s])bio([-_\s]|$)/

/** Elements whose text is never article text. */
const NOT_TEXT = new Set(['nav', 'aside', 'footer', 'form', 'figure', 'figcaption', 'dialog'])

/** Block elements that hold prose themselves rather than other blocks. */
const PROSE_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Paragraphs of the article, and their length: a short result sends the page to the fallback. */
export interface ArticleBlocks {
  paragraphs: string[]
  /** Characters of article text found. */
  length: number
}

interface Scored {
  node: HtmlNode
  score: number
}

function classWeight(node: HtmlNode): number {
  let weight = 0
  const cls = node.attrs.class?.toLowerCase()
  const id = node.attrs.id?.toLowerCase()
  if (cls) {
    if (NEGATIVE.test(cls)) weight -= 25
    if (POSITIVE.test(cls)) weight += 25
  }
  if (id) {
    if (NEGATIVE.test(id)) weight -= 25
    if (POSITIVE.test(id)) weight += 25
  }
  return weight
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'section':
    case 'main':
      return 5
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5
    default:
      return 0
  }
}

/**
 * True for a part of the page named like a sidebar, menu or comment box. A part that holds most
 * of the page's paragraphs is a wrapper of the story whatever its name ("page-ad-margins").
 */
function isUnlikely(node: HtmlNode, pageParagraphs: number): boolean {
  if (node.tag === 'body' || node.tag === 'a' || node.tag === 'article' || node.tag === 'main')
    return false
  if (holdsMostParagraphs(node, pageParagraphs)) return false
  const role = node.attrs.role
  if (role && UNLIKELY_ROLES.has(role)) return true
  if (!node.names) return false
  return UNLIKELY.test(node.names) && !MAYBE.test(node.names)
}

function linkDensity(node: HtmlNode): number {
  return node.textLen ? node.linkLen / node.textLen : 0
}

/** What one extraction pass knows: the container scores and how strict it is. */
interface Pass {
  scores: Map<HtmlNode, number>
  stripUnlikely: boolean
  pageParagraphs: number
  /** Paragraphs in the chosen nodes: a box holding most of them is the story, not furniture. */
  storyParagraphs: number
}

/** True when a subtree is left out before scoring. */
function isExcluded(node: HtmlNode, pass: Pass): boolean {
  if (isSkipped(node)) return true
  if (NOT_TEXT.has(node.tag)) return !holdsMostParagraphs(node, pass.pageParagraphs)
  return pass.stripUnlikely && isUnlikely(node, pass.pageParagraphs)
}

/** A part of the page holding most of its paragraphs wraps the story (an ASP.NET <form>). */
function holdsMostParagraphs(node: HtmlNode, pageParagraphs: number): boolean {
  return node.paragraphs >= 3 && node.paragraphs * 2 >= pageParagraphs
}

function hasBlockChild(node: HtmlNode): boolean {
  for (const c of node.children) {
    if (typeof c !== 'string' && BLOCK_TAGS.has(c.tag) && c.tag !== 'br') return true
  }
  return false
}

/** Scores every container by the prose beneath it. */
function scoreContainers(root: HtmlNode, pass: Pass): void {
  const { scores } = pass
  const credit = (node: HtmlNode, amount: number) => {
    const had = scores.get(node)
    scores.set(node, (had ?? tagWeight(node.tag) + classWeight(node)) + amount)
  }
  const walk = (node: HtmlNode) => {
    for (const child of node.children) {
      if (typeof child === 'string' || isExcluded(child, pass)) continue
      if (child.inlineLen >= 25 && BLOCK_TAGS.has(child.tag) && child.tag !== 'li') {
        const points = 1 + child.commas + Math.min(Math.floor(child.inlineLen / 100), 3)
        let level = 0
        let ancestor: HtmlNode | null =
          PROSE_TAGS.has(child.tag) || !hasBlockChild(child) ? child.parent : child
        while (ancestor && ancestor.tag !== '#root' && level < 5) {
          credit(ancestor, points / (level === 0 ? 1 : level === 1 ? 2 : level * 3))
          ancestor = ancestor.parent
          level++
        }
      }
      walk(child)
    }
  }
  walk(root)
  for (const [node, score] of scores) scores.set(node, score * (1 - linkDensity(node)))
}

function isAncestor(ancestor: HtmlNode, node: HtmlNode): boolean {
  for (let n: HtmlNode | null = node.parent; n; n = n.parent) if (n === ancestor) return true
  return false
}

function isPageLevel(node: HtmlNode | null): boolean {
  return !node || node.tag === '#root' || node.tag === 'html' || node.tag === 'body'
}

/** The container of the story: the best-scored node, widened where the story spans several. */
function topCandidate(scores: Map<HtmlNode, number>): Scored | null {
  const ranked = [...scores.entries()]
    .map(([node, score]) => ({ node, score }))
    .sort((a, b) => b.score - a.score)
  const best = ranked[0]
  if (!best || best.score <= 0) return null
  let top = best.node
  // Several strong candidates under one ancestor: the story is split, take the ancestor.
  const alternatives = ranked
    .slice(1, 5)
    .filter((r) => r.score / best.score >= 0.75)
    .map((r) => r.node)
  if (alternatives.length >= 2) {
    for (let p = top.parent; !isPageLevel(p); p = p!.parent) {
      if (alternatives.filter((a) => isAncestor(p!, a)).length >= 2) {
        top = p!
        break
      }
    }
  }
  let score = scores.get(top) ?? best.score
  // Climb while a parent scores higher, as long as it keeps a fair share of the score.
  let last = score
  for (let p = top.parent; !isPageLevel(p); p = p!.parent) {
    const s = scores.get(p!)
    if (s === undefined) continue
    if (s < last / 3) break
    if (s > last) {
      top = p!
      score = s
      break
    }
    last = s
  }
  // A lone child is the same story as its parent.
  while (!isPageLevel(top.parent)) {
    const elements = top.parent!.children.filter((c) => typeof c !== 'string')
    if (elements.length !== 1) break
    top = top.parent!
  }
  return { node: top, score }
}

function endsSentence(text: string): boolean {
  return /[.!?]["'”’)]?\s*$/.test(text)
}

/** Characters of prose in a subtree: text blocks of some length that are not mostly links. */
function proseLength(node: HtmlNode, pass: Pass): number {
  let n = 0
  if (
    node.inlineLen >= 40 &&
    node.inlineLinkLen * 2 < node.inlineLen &&
    !/^h\d$|^li$/.test(node.tag)
  )
    n += node.inlineLen - node.inlineLinkLen
  for (const c of node.children) {
    if (typeof c !== 'string' && !isExcluded(c, pass)) n += proseLength(c, pass)
  }
  return n
}

/** True for a sibling of the story's container that continues the story. */
function continuesStory(sibling: HtmlNode, top: Scored, pass: Pass): boolean {
  if (isExcluded(sibling, pass) || isUnlikely(sibling, pass.pageParagraphs)) return false
  const threshold = Math.max(10, top.score * 0.2)
  const topClass = top.node.attrs.class ?? ''
  const bonus = topClass && sibling.attrs.class === topClass ? top.score * 0.2 : 0
  const score = pass.scores.get(sibling)
  if (score !== undefined && score + bonus >= threshold) return true
  const density = linkDensity(sibling)
  if (sibling.tag === 'p' || (sibling.tag === 'div' && !hasBlockChild(sibling))) {
    if (sibling.textLen > 80 && density < 0.25) return true
    if (sibling.textLen > 0 && sibling.textLen <= 80 && density === 0) {
      return endsSentence(sibling.children.filter((c) => typeof c === 'string').join(''))
    }
    return false
  }
  return isProseBox(sibling, pass)
}

/** A container that is mostly running prose with few links: more of the story. */
function isProseBox(node: HtmlNode, pass: Pass): boolean {
  if (classWeight(node) < 0 || linkDensity(node) >= 0.2) return false
  if (node.names && AUTHOR_BOX.test(node.names)) return false
  const prose = proseLength(node, pass)
  return prose >= 150 && prose * 2 >= node.textLen
}

/**
 * The top container and the siblings that belong to the same story, in page order. Where the
 * story is cut into sections one or two levels up (a lead block, then the body), those
 * sections are taken too.
 */
function articleNodes(top: Scored, pass: Pass): HtmlNode[] {
  const parent = top.node.parent
  if (!parent) return [top.node]
  let picked: HtmlNode[] = []
  for (const sibling of parent.children) {
    if (typeof sibling === 'string') continue
    if (sibling === top.node || continuesStory(sibling, top, pass)) picked.push(sibling)
  }
  let inner = parent
  for (let level = 0; level < 2 && picked.length > 1 && !isPageLevel(inner.parent); level++) {
    const before: HtmlNode[] = []
    const after: HtmlNode[] = []
    let seen = false
    for (const sibling of inner.parent!.children) {
      if (sibling === inner) seen = true
      else if (typeof sibling !== 'string' && isProseBox(sibling, pass)) {
        if (isUnlikely(sibling, pass.pageParagraphs)) continue
        ;(seen ? after : before).push(sibling)
      }
    }
    if (!before.length && !after.length) break
    picked = [...before, ...picked, ...after]
    inner = inner.parent!
  }
  return picked
}

function holdsHeadline(node: HtmlNode): boolean {
  for (const c of node.children) {
    if (typeof c !== 'string' && (c.tag === 'h1' || holdsHeadline(c))) return true
  }
  return false
}

function citesAddress(node: HtmlNode): boolean {
  return /https?:|www\./.test(nodeText(node))
}

/** A div around a single paragraph is that paragraph, whatever its wrapper is named. */
function wrapsOneParagraph(node: HtmlNode): boolean {
  if (node.tag !== 'div' || node.inlineLen > 0 || linkDensity(node) >= 0.25) return false
  let only: HtmlNode | null = null
  for (const c of node.children) {
    if (typeof c === 'string') continue
    if (only) return false
    only = c
  }
  return only !== null && only.tag === 'p'
}

function countCommas(node: HtmlNode): number {
  let n = node.commas
  for (const c of node.children) if (typeof c !== 'string') n += countCommas(c)
  return n
}

/**
 * True for a container inside the story that is furniture: a link list, a gallery, a form, a
 * share bar, or a box whose name says so (Readability's conditional cleaning, in short).
 */
function isClutterBox(node: HtmlNode, pass: Pass): boolean {
  const tag = node.tag
  if (node.names && node.textLen <= 500) {
    if (FURNITURE.test(node.names) || CAPTION.test(node.names) || STANDFIRST.test(node.names))
      return true
  }
  // A story's own header holds its headline, standfirst, byline and date: not the text.
  if (tag === 'header' && node.textLen <= 600 && holdsHeadline(node)) return true
  // A paragraph that is nearly all link is a teaser ("READ MORE: …"); a bare address is a source.
  if (tag === 'p' && node.textLen < 300 && linkDensity(node) >= 0.75 && !citesAddress(node))
    return true
  if (node.names && AUTHOR_BOX.test(node.names) && node.textLen <= 1000 && tag !== 'article')
    return true
  if (tag === 'h1' || tag === 'h2' || tag === 'h3') return classWeight(node) < 0
  if (!['div', 'section', 'ul', 'ol', 'table', 'dl', 'header', 'center'].includes(tag)) return false
  if (wrapsOneParagraph(node)) return false
  if (node.paragraphs >= 2 && node.paragraphs * 2 >= pass.storyParagraphs) return false
  const weight = classWeight(node)
  if (weight + (pass.scores.get(node) ?? 0) < 0) return true
  if (countCommas(node) >= 10) return false
  const isList = tag === 'ul' || tag === 'ol'
  const density = linkDensity(node)
  const p = node.paragraphs
  if (node.images > 1 && p / node.images < 0.5) return true
  if (!isList && node.listItems - 100 > p) return true
  if (node.inputs > Math.floor(p / 3)) return true
  if (!isList && node.textLen < 25 && (node.images === 0 || node.images > 2) && density > 0)
    return true
  if (!isList && weight < 25 && density > 0.2) return true
  if (weight >= 25 && density > 0.5) return true
  return false
}

/** Splits the chosen nodes into paragraphs at block boundaries, cutting furniture. */
function paragraphsOf(nodes: HtmlNode[], pass: Pass): string[] {
  const paragraphs: string[] = []
  let current = ''
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim()
    if (text) paragraphs.push(text)
    current = ''
  }
  const walk = (node: HtmlNode) => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        current += child
        continue
      }
      if (isExcluded(child, pass) || isClutterBox(child, pass)) {
        if (BLOCK_TAGS.has(child.tag)) flush()
        else current += ' '
        continue
      }
      const block = BLOCK_TAGS.has(child.tag)
      if (block) flush()
      walk(child)
      if (block) flush()
      else if (child.tag === 'img') current += ' '
    }
  }
  for (const node of nodes) {
    flush()
    walk(node)
  }
  flush()
  return paragraphs
}

function attempt(root: HtmlNode, stripUnlikely: boolean): ArticleBlocks {
  const pass: Pass = {
    scores: new Map(),
    stripUnlikely,
    pageParagraphs: root.paragraphs,
    storyParagraphs: 0,
  }
  scoreContainers(root, pass)
  const top = topCandidate(pass.scores)
  const nodes = top ? articleNodes(top, pass) : [root]
  pass.storyParagraphs = nodes.reduce((n, node) => n + node.paragraphs, 0)
  const paragraphs = paragraphsOf(nodes, pass)
  return { paragraphs, length: paragraphs.reduce((n, p) => n + p.length, 0) }
}

/**
 * The article's paragraphs. A first pass leaves out page parts named like sidebars, comments and
 * menus; when that finds too little text, a second pass keeps them (some sites name the story's
 * own container that way), and the longer result wins.
 */
export function findArticleBlocks(root: HtmlNode, minLength = 500): ArticleBlocks {
  const first = attempt(root, true)
  if (first.length >= minLength) return first
  const second = attempt(root, false)
  return second.length > first.length ? second : first
}
