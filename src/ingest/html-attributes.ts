/**
 * Cuts over-long attribute values (giant `data:` URIs, inline styles, hostile class lists) out of a
 * page before the Readability fallback builds a DOM of it, so that they cost neither memory nor the
 * time of its regular expressions and serialisations.
 */

/** Attribute values longer than this many characters are cut to it (64 KiB). */
export const MAX_ATTRIBUTE_LENGTH = 64 * 1024

/** Elements whose content is raw text to their end tag: no tags, so no attributes, inside. */
const RAW_TEXT = new Set(
  'script style textarea title xmp iframe noembed noframes noscript plaintext'.split(' '),
)

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/** The index just after a comment, end tag, doctype or processing instruction starting at `from`. */
function skipOther(html: string, from: number): number {
  const close = html.startsWith('<!--', from) ? html.indexOf('-->', from + 4) : -1
  if (close >= 0) return close + 3
  const end = html.indexOf('>', from + 1)
  return end < 0 ? html.length : end + 1
}

/**
 * The page with every attribute value longer than `limit` characters cut to its first `limit`;
 * the same string when none is. Reads tags as an HTML tokenizer does (quoted and unquoted values,
 * raw-text elements, comments) in one pass, and never throws on broken markup.
 */
export function capAttributes(html: string, limit: number = MAX_ATTRIBUTE_LENGTH): string {
  const out: string[] = []
  let copied = 0
  let i = html.indexOf('<')
  while (i >= 0 && i < html.length) {
    if (!isLetter(html.charCodeAt(i + 1))) {
      const next = html[i + 1] === '!' || html[i + 1] === '/' || html[i + 1] === '?'
      i = html.indexOf('<', next ? skipOther(html, i) : i + 1)
      continue
    }
    let j = i + 1
    while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '>' && html[j] !== '/')
      j++
    const tag = html.slice(i + 1, j).toLowerCase()
    while (j < html.length && html[j] !== '>') {
      const c = html.charCodeAt(j)
      if (isSpace(c) || html[j] === '/') {
        j++
        continue
      }
      const name = j
      while (j < html.length && !isSpace(html.charCodeAt(j)) && !'/>='.includes(html[j])) j++
      if (j === name && html[j] !== '=') j++
      while (j < html.length && isSpace(html.charCodeAt(j))) j++
      if (html[j] !== '=') continue
      j++
      while (j < html.length && isSpace(html.charCodeAt(j))) j++
      const quote = html[j] === '"' || html[j] === "'" ? html[j] : ''
      const start = quote ? j + 1 : j
      let end: number
      if (quote) {
        end = html.indexOf(quote, start)
        if (end < 0) end = html.length
      } else {
        end = start
        while (end < html.length && !isSpace(html.charCodeAt(end)) && html[end] !== '>') end++
      }
      if (end - start > limit) {
        out.push(html.slice(copied, start + limit))
        copied = end
      }
      j = quote ? end + 1 : end
    }
    i = j + 1
    if (RAW_TEXT.has(tag)) {
      const close = new RegExp(`</${tag}`, 'gi')
      close.lastIndex = i
      i = close.exec(html)?.index ?? html.length
    }
    i = html.indexOf('<', i)
  }
  if (copied === 0) return html
  out.push(html.slice(copied))
  return out.join('')
}
