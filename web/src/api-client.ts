import type {
  ApiArticle,
  ApiEvent,
  ApiEventList,
  ApiSiteList,
  Correction,
  EventCluster,
  EventPoint,
} from '../../src/model/index.js'
import type { RouteAnswer } from '../../src/model/route.js'
import type { ApiSession } from '../../src/model/session.js'

/** Runtime settings the server hands to the page. */
export interface WebConfig {
  /** An XYZ raster tile URL template drawn beneath the offline basemap, or `null` for none. */
  tileUrl: string | null
}

/** An API error answer, with the server's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

async function answer<T>(path: string, response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T
  let code = 'http'
  let message = `${path} answered ${response.status} ${response.statusText}`
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } }
    if (body.error?.message) message = body.error.message
    if (body.error?.code) code = body.error.code
  } catch {
    // Not JSON: keep the status line.
  }
  throw new ApiError(response.status, code, message)
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  })
  return answer<T>(path, response)
}

/** The session's CSRF token, kept in memory only (never in storage a script could read later). */
let csrfToken: string | null = null

/** Sends a non-GET request with the session cookie and the session's `X-CSRF-Token`. */
function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('accept', 'application/json')
  if (csrfToken) headers.set('X-CSRF-Token', csrfToken)
  return fetch(path, { ...init, headers, credentials: 'same-origin' })
}

/** Who is signed in, and whether anonymous reading is allowed; remembers the CSRF token. */
export async function fetchSession(): Promise<ApiSession> {
  const session = await getJson<ApiSession>('/api/session')
  csrfToken = session.csrfToken
  return session
}

/** Signs in with an API token: the server sets an HttpOnly session cookie. */
export async function signIn(token: string): Promise<ApiSession> {
  const response = await send('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  })
  const session = await answer<ApiSession>('/api/session', response)
  csrfToken = session.csrfToken
  return session
}

/** Ends the session and forgets its CSRF token. */
export async function signOut(): Promise<void> {
  const response = await send('/api/session', { method: 'DELETE' })
  await answer<ApiSession>('/api/session', response)
  csrfToken = null
}

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value))
  }
  const query = search.toString()
  return query ? `${path}?${query}` : path
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

/** Server-side event filters (time is brushed in the page, and only asked of the server for a first page). */
export interface EventQuery {
  type?: string
  actor?: string
  modality?: string
  site?: string
  minSources?: number
  from?: string
  to?: string
  limit?: number
}

/** Most events the page loads for one query. */
export const EVENT_LIMIT = 10000

/** Lists the events with their articles. */
export function fetchEvents(query: EventQuery = {}): Promise<ApiEventList> {
  return getJson<ApiEventList>(withQuery('/api/events', { limit: EVENT_LIMIT, ...query }))
}

/** Every event of the query as a point: a tenth the size of the events, for markers and counts. */
export function fetchEventPoints(
  query: EventQuery = {},
): Promise<{ points: EventPoint[]; total: number }> {
  return getJson(withQuery('/api/event-points', { limit: EVENT_LIMIT, ...query }))
}

/** Lists the sites with their status on `on` (default: latest) and timeline. */
export function fetchSites(on?: string): Promise<ApiSiteList> {
  return getJson<ApiSiteList>(withQuery('/api/sites', { on }))
}

/** One report with its text. */
export function fetchArticle(id: string): Promise<ApiArticle> {
  return getJson<ApiArticle>(`/api/articles/${encodeURIComponent(id)}`)
}

/** The cluster an event belongs to, or null. */
export async function fetchClusterOf(eventId: string): Promise<EventCluster | null> {
  const body = await getJson<{ clusters: EventCluster[] }>(
    withQuery('/api/clusters', { event: eventId }),
  )
  return body.clusters[0] ?? null
}

/** The corridor question's parameters, as `GET /api/route` takes them. */
export interface RouteQuery {
  origin: string
  destination: string
  on?: string
  traffic?: string
  via?: string
  avoid?: string
}

/** Asks for open routes. */
export function fetchRoute(query: RouteQuery): Promise<RouteAnswer> {
  return getJson<RouteAnswer>(withQuery('/api/route', { ...query }))
}

/** The answer of `POST /api/ingest`. */
export interface IngestAnswer {
  stored: number
  reextracted: number
  unchanged: number
  duplicates: number
  failed: number
  items: {
    input: string
    status: string
    articleId?: string
    title?: string
    events?: number
    error?: string
    note?: string
  }[]
  errors: { input: string; code: string; message: string }[]
}

/** Posts reports: JSON for a text or URL, multipart when files are attached. */
export async function postIngest(input: {
  text?: string
  url?: string
  published?: string
  files?: File[]
}): Promise<IngestAnswer> {
  let init: RequestInit
  if (input.files?.length) {
    const form = new FormData()
    for (const file of input.files) form.append('file', file, file.name)
    if (input.text) form.append('text', input.text)
    if (input.url) form.append('url', input.url)
    if (input.published) form.append('published', input.published)
    init = { method: 'POST', body: form }
  } else {
    const items = [
      input.text ? { text: input.text, published: input.published } : null,
      input.url ? { url: input.url, published: input.published } : null,
    ].filter((item) => item !== null)
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(items),
    }
  }
  const response = await send('/api/ingest', init)
  return answer<IngestAnswer>('/api/ingest', response)
}

/** What `POST /api/corrections` and the undo route answer. */
export interface CorrectionAnswer {
  correction: Correction
  event?: ApiEvent | null
  cluster?: string[]
  site?: { status: string; controllers: string[] }
}

/** Makes a correction (the body of `POST /api/corrections`, see docs/review.md). */
export async function postCorrection(body: Record<string, unknown>): Promise<CorrectionAnswer> {
  const response = await send('/api/corrections', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return answer<CorrectionAnswer>('/api/corrections', response)
}

/** Undoes a correction. */
export async function postUndo(id: string): Promise<CorrectionAnswer> {
  const path = `/api/corrections/${encodeURIComponent(id)}/undo`
  return answer<CorrectionAnswer>(path, await send(path, { method: 'POST' }))
}

/** The corrections of an event or site in force, oldest first. */
export async function fetchCorrections(target: {
  event?: string
  site?: string
}): Promise<Correction[]> {
  const body = await getJson<{ corrections: Correction[] }>(withQuery('/api/corrections', target))
  return body.corrections
}
