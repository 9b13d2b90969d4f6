/**
 * The article text as Readability on linkedom reads it: the fallback for pages where borderwatch's
 * own block finder comes back with too little text. Slower (a full DOM), but it knows other layouts.
 */
import { parseHTML } from 'linkedom'
import { Readability } from '@mozilla/readability'

/** Elements whose text is never article text. */
const NOT_TEXT =
  'script, style, noscript, template, figure, figcaption, nav, aside, footer, form, button, svg'
const BLOCK = new Set(
  'P H1 H2 H3 H4 H5 H6 LI BLOCKQUOTE PRE TD TH DT DD DIV SECTION ARTICLE HEADER UL OL TABLE TR BR HR'.split(
    ' ',
  ),
)

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

/** The paragraphs Readability finds in `html`, with furniture inside its result removed. */
export function readabilityParagraphs(html: string): string[] {
  const { document } = parseHTML(html)
  dropFurniture(document)
  // The article comes back as a DOM node, not HTML to parse again.
  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    { keepClasses: false, serializer: (node) => node },
  ).parse()
  const content = parsed?.content as unknown as El | undefined
  if (!content) return []
  for (const el of Array.from(content.querySelectorAll(NOT_TEXT)) as El[]) el.remove()
  return blockText(content)
}
