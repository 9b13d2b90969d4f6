import type { ApiEventList, ApiSiteList } from '../../src/model/index.js'

/** Runtime settings the server hands to the page. */
export interface WebConfig {
  /** An XYZ raster tile URL template drawn beneath the offline basemap, or `null` for none. */
  tileUrl: string | null
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`${path} answered ${response.status} ${response.statusText}`)
  return (await response.json()) as T
}

/** Reads the settings from `window.BORDERWATCH_CONFIG` or `/api/config`; a failure means no tiles. */
export async function fetchConfig(): Promise<WebConfig> {
  const given = window.BORDERWATCH_CONFIG
  if (given) return { tileUrl: typeof given.tileUrl === 'string' ? given.tileUrl : null }
  try {
    const config = await getJson<Partial<WebConfig>>('/api/config')
    return { tileUrl: typeof config.tileUrl === 'string' ? config.tileUrl : null }
  } catch {
    return { tileUrl: null }
  }
}

/** Lists the events with their articles. */
export function fetchEvents(): Promise<ApiEventList> {
  return getJson<ApiEventList>('/api/events')
}

/** Lists the sites with their current status and timeline. */
export function fetchSites(): Promise<ApiSiteList> {
  return getJson<ApiSiteList>('/api/sites')
}
