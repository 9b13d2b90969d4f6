/** A cheap look at how deeply a page nests its tags, before a DOM is built from it. */

const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
)

/** True when `html` nests elements deeper than `limit` (a hostile or broken page). */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m
    if (VOID.has(name.toLowerCase()) || selfClosing) continue
    depth += closing ? -1 : 1
    if (depth > limit) return true
  }
  return false
}

/** The visible text of an HTML page without building a DOM: the fallback for pages too deep to parse. */
export function stripTags(html: string): string {
  return html
    .replace(/<(head|script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|br|tr|article|section)\s*>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*(\n\s*)+/g, '\n\n')
    .trim()
}
