/** How an outlet writes numeric dates, guessed from where it publishes: day first almost everywhere but the US. */

/** Country-code domains whose outlets write day before month (30/09/2019). */
const DAY_FIRST = new Set([
  'uk',
  'ie',
  'au',
  'nz',
  'in',
  'pk',
  'za',
  'ng',
  'ke',
  'il',
  'ae',
  'sa',
  'jo',
  'lb',
  'iq',
  'sy',
  'tr',
  'eg',
  'qa',
  'kw',
  'om',
  'bh',
  'ye',
  'ir',
  'fr',
  'de',
  'es',
  'it',
  'nl',
  'be',
  'ch',
  'at',
  'ru',
  'ua',
  'ps',
])

/** `dmy` or `mdy` for a page URL when its domain says so; undefined when it does not (a `.com`). */
export function dateOrderForUrl(url: string | null | undefined): 'dmy' | 'mdy' | undefined {
  if (!url) return undefined
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  const tld = host.split('.').at(-1) ?? ''
  if (tld === 'us') return 'mdy'
  return DAY_FIRST.has(tld) ? 'dmy' : undefined
}
