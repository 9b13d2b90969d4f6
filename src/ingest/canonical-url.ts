/** One URL per page: tracking parameters, fragments and AMP variants removed, host lower-cased. */

const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|cmpid|icid|ref|ref_src|ref_url|src|source|share|smid|s_cid|ito|at_medium|at_campaign|ns_mchannel|ns_source|ns_campaign|outputType|amp)$/i

/**
 * The canonical form of a page URL, or null when `url` is not an http(s) URL. AMP variants
 * (`/amp/`, `.amp`, `amp.` hosts, `?amp`) and tracking parameters do not make a new page.
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  u.protocol = 'https:'
  u.hash = ''
  u.hostname = u.hostname.toLowerCase().replace(/^(www|amp|m)\./, '')
  u.port = ''
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key)
  u.searchParams.sort()
  u.pathname =
    u.pathname
      .replace(/\/amp(\/|$)/, '/')
      .replace(/\.amp(\.html?)?$/, '$1')
      .replace(/\/index\.html?$/, '/')
      .replace(/\/+$/, '') || '/'
  return u.toString()
}
