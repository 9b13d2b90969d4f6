/** What the user is looking at (filters, brushed range, as-of date), kept in the page's URL. */

/** The shareable view: every field is optional and maps to one URL parameter. */
export interface ViewState {
  type?: string
  actor?: string
  modality?: string
  site?: string
  minSources?: number
  /** Brushed range, both days included (YYYY-MM-DD). */
  from?: string
  to?: string
  /** The as-of date crossings are coloured for. */
  on?: string
}

const KEYS = ['type', 'actor', 'modality', 'site', 'minSources', 'from', 'to', 'on'] as const
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Reads the view from a query string; malformed values are dropped. */
export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search)
  const state: ViewState = {}
  for (const key of KEYS) {
    const value = params.get(key)?.trim()
    if (!value) continue
    if (key === 'minSources') {
      const n = Number(value)
      if (Number.isInteger(n) && n >= 1) state.minSources = n
    } else if (key === 'from' || key === 'to' || key === 'on') {
      if (DAY.test(value)) state[key] = value
    } else state[key] = value
  }
  return state
}

/** The query string for a view (no leading `?`), keys in a fixed order. */
export function viewStateQuery(state: ViewState): string {
  const params = new URLSearchParams()
  for (const key of KEYS) {
    const value = state[key]
    if (value !== undefined && value !== '' && !(key === 'minSources' && value === 1))
      params.set(key, String(value))
  }
  return params.toString()
}

/** Replaces the URL's query with the view's, without adding a history entry per keystroke. */
export function writeViewState(state: ViewState): void {
  const query = viewStateQuery(state)
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`
  window.history.replaceState(null, '', url)
}
