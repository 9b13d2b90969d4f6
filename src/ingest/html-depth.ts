/** A cheap look at how deeply a page nests its tags, before the Readability fallback builds a DOM. */

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
