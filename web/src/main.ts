import 'maplibre-gl/dist/maplibre-gl.css'
import './style.css'
import { Popup, type Map as MapLibreMap } from 'maplibre-gl'
import type {
  ApiEvent,
  ApiEventList,
  ApiSite,
  ApiSiteList,
  EventPlace,
} from '../../src/model/index.js'
import type { ApiSession } from '../../src/model/session.js'
import {
  ApiError,
  fetchConfig,
  fetchEvents,
  fetchSession,
  fetchSites,
  type EventQuery,
} from './api-client.js'
import { renderAccount, renderSignIn } from './account.js'
import { addClusterCounts } from './cluster-counts.js'
import { SITE_STATUS_COLORS } from './colors.js'
import { createMap } from './create-map.js'
import { addCrossingsLayer, isReportedCrossing } from './crossings-layer.js'
import { el } from './dom.js'
import { renderEventDetail } from './event-detail.js'
import { renderCount, renderEventList, renderMessage, type EventPanel } from './event-panel.js'
import { eventListPopupContent, eventPopupContent } from './event-popup.js'
import { addEventLayers } from './events-layer.js'
import { renderFilterBar } from './filter-bar.js'
import { markFirstRender } from './first-render.js'
import { ingestAccessFor, renderIngestPanel } from './ingest-panel.js'
import { addLabelLayer } from './label-layer.js'
import { placeLabels } from './place-labels.js'
import { addRouteLayer, renderRoutePanel } from './route-panel.js'
import { renderSiteDetail } from './site-detail.js'
import type { OnCorrected } from './review-controls.js'
import { createTimeline } from './timeline.js'
import { readViewState, writeViewState, type ViewState } from './view-state.js'
import { siteStatusLabel } from './vocabulary.js'

const ZOOM_FOR_PRECISION: Record<EventPlace['precision'], number> = {
  site: 8,
  town: 8,
  region: 7,
  country: 5.5,
}

type Tab = 'events' | 'crossings' | 'route' | 'ingest' | 'detail'

function requireElement(selector: string): HTMLElement {
  const node = document.querySelector<HTMLElement>(selector)
  if (!node) throw new Error(`missing ${selector}`)
  return node
}

function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason)
}

/** Events whose interval overlaps the brushed days (both included). */
function inRange(events: ApiEvent[], from?: string, to?: string): ApiEvent[] {
  if (!from && !to) return events
  return events.filter(
    (e) => (!from || e.time.end.slice(0, 10) >= from) && (!to || e.time.start.slice(0, 10) <= to),
  )
}

function crossingList(sites: ApiSite[], onPick: (id: string) => void): HTMLElement {
  const crossings = sites
    .filter((s) => s.kind === 'crossing')
    .sort(
      (a, b) =>
        Number(isReportedCrossing(b)) - Number(isReportedCrossing(a)) ||
        a.name.localeCompare(b.name),
    )
  return el(
    'ul',
    { className: 'crossing-list' },
    crossings.map((site) => {
      const dot = el('span', { className: 'legend-dot' })
      dot.style.background = SITE_STATUS_COLORS[site.status]
      const button = el(
        'button',
        {
          className: 'crossing-item',
          attrs: { type: 'button', 'data-site-id': site.id, 'data-status': site.status },
        },
        [
          dot,
          el('span', { className: 'crossing-name', text: site.name }),
          el('span', { className: 'muted', text: siteStatusLabel(site.status) }),
        ],
      )
      button.addEventListener('click', () => onPick(site.id))
      return el('li', {}, [button])
    }),
  )
}

/** The session, or (when the server cannot say) an anonymous one that lets data requests decide. */
async function loadSession(): Promise<ApiSession> {
  try {
    return await fetchSession()
  } catch {
    return { user: null, csrfToken: null, publicRead: true }
  }
}

async function main(): Promise<void> {
  const list = requireElement('[data-testid="event-list"]')
  const count = requireElement('[data-testid="event-count"]')
  const mapNode = requireElement('[data-testid="map"]')
  const crossingsNode = requireElement('[data-testid="crossing-list"]')
  const detailBody = requireElement('[data-testid="detail-body"]')
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')]
  const panels = [...document.querySelectorAll<HTMLElement>('[data-panel]')]

  const view: ViewState = readViewState(window.location.search)
  const today = new Date().toISOString().slice(0, 10)
  const state = {
    all: [] as ApiEvent[],
    events: [] as ApiEvent[],
    total: 0,
    sites: [] as ApiSite[],
    asOf: view.on ?? today,
    error: null as string | null,
    ready: false,
  }
  const publish = (): void => {
    window.__borderwatch = {
      events: state.events,
      sites: state.sites,
      asOf: state.asOf,
      error: state.error,
      ready: state.ready,
    }
  }

  let tab: Tab = 'events'
  let lastTab: Tab = 'events'
  const showTab = (next: Tab): void => {
    if (next !== 'detail') lastTab = next
    tab = next
    for (const panel of panels) panel.hidden = panel.dataset['panel'] !== next
    for (const t of tabs) {
      const selected = t.dataset['tab'] === next
      t.setAttribute('aria-selected', String(selected))
      t.tabIndex = selected || (next === 'detail' && t.dataset['tab'] === lastTab) ? 0 : -1
    }
  }
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => showTab(t.dataset['tab'] as Tab))
    t.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]
      next?.focus()
      next?.click()
    })
  })
  requireElement('[data-testid="back"]').addEventListener('click', () => showTab(lastTab))
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && tab === 'detail') showTab(lastTab)
  })

  // Every request starts before the map is built, which keeps the page busy for a while; the
  // first loadEvents and loadSites take these answers unless a sign-in comes first.
  const eventQuery = (): EventQuery => ({
    type: view.type,
    actor: view.actor,
    site: view.site,
    modality: view.modality,
    minSources: view.minSources,
  })
  const configRequest = fetchConfig()
  const sessionRequest = loadSession()
  let earlyEvents: Promise<ApiEventList> | null = fetchEvents(eventQuery())
  let earlySites: Promise<ApiSiteList> | null = fetchSites(state.asOf)
  earlyEvents.catch(() => undefined)
  earlySites.catch(() => undefined)
  const config = await configRequest
  let map: MapLibreMap | null = null
  const mapLoaded = createMap(mapNode, config.tileUrl).catch((reason: unknown) => {
    state.error = `Map failed: ${errorText(reason)}`
    mapNode.replaceChildren(el('p', { className: 'map-error', text: state.error }))
    return null
  })

  const account = requireElement('[data-testid="account"]')
  let session = await sessionRequest
  if (!session.user && !session.publicRead) {
    earlyEvents = null
    earlySites = null
    count.textContent = 'Sign in to see the events'
    session = await new Promise<ApiSession>((resolve) =>
      renderSignIn(account, 'This server needs a sign-in to read.', resolve),
    )
    count.textContent = 'Loading events…'
  }
  const ingestRoot = requireElement('[data-testid="ingest-panel"]')
  const showIngest = (): void =>
    renderIngestPanel(
      ingestRoot,
      async () => {
        await Promise.all([loadEvents(), loadSites(state.asOf)])
      },
      ingestAccessFor(session.user),
    )
  const showAccount = (): void =>
    renderAccount(account, session, (next) => {
      session = next
      showAccount()
      showIngest()
    })
  showAccount()

  let panel: EventPanel | null = null
  let layers: ReturnType<typeof addEventLayers> | null = null
  let recolour: ((sites: ApiSite[]) => void) | null = null
  let drawRoutes: Parameters<typeof renderRoutePanel>[1] = null
  const popup = new Popup({ maxWidth: '320px', offset: 12 })

  const canReview = (): boolean =>
    session.user?.role === 'analyst' || session.user?.role === 'admin'
  // After a correction: reload what the page shows, then show the corrected event or site again.
  const reviewHandler = (eventId: string): OnCorrected | undefined =>
    canReview()
      ? (answer, notice) => {
          void Promise.all([loadEvents(), loadSites(state.asOf)]).then(() => {
            const event = state.all.find((e) => e.id === eventId) ?? answer.event
            if (event) void renderEventDetail(detailBody, event, reviewHandler(eventId), notice)
          })
        }
      : undefined
  const siteReviewHandler = (siteId: string): OnCorrected | undefined =>
    canReview()
      ? (_answer, notice) => {
          void loadSites(state.asOf).then(() => {
            const site = state.sites.find((s) => s.id === siteId)
            if (site)
              renderSiteDetail(detailBody, site, state.asOf, siteReviewHandler(siteId), notice)
          })
        }
      : undefined

  const openEvent = (eventId: string, fromMap: boolean): void => {
    const event = state.all.find((e) => e.id === eventId)
    if (!event) return
    panel?.select(eventId, false)
    layers?.setSelected(eventId)
    showTab('detail')
    void renderEventDetail(detailBody, event, reviewHandler(event.id))
    requireElement('[data-testid="back"]').focus()
    const place = event.place
    if (!map || !place) return
    const lngLat: [number, number] = [place.lon, place.lat]
    if (!fromMap)
      map.flyTo({
        center: lngLat,
        zoom: Math.max(map.getZoom(), ZOOM_FOR_PRECISION[place.precision]),
      })
    popup.setLngLat(lngLat).setDOMContent(eventPopupContent(event)).addTo(map)
  }
  const openSite = (siteId: string): void => {
    const site = state.sites.find((s) => s.id === siteId)
    if (!site) return
    showTab('detail')
    renderSiteDetail(detailBody, site, state.asOf, siteReviewHandler(site.id))
    requireElement('[data-testid="back"]').focus()
  }

  const showEvents = (): void => {
    state.events = inRange(state.all, view.from, view.to)
    renderCount(count, state.events, state.events.length)
    if (state.total > state.all.length)
      count.textContent += ` (first ${state.all.length} of ${state.total} loaded)`
    panel = renderEventList(list, state.events, (id) => openEvent(id, false))
    layers?.setEvents(state.events)
    publish()
  }
  const timeline = createTimeline(requireElement('[data-testid="timeline"]'), {
    onRange(from, to) {
      view.from = from
      view.to = to
      writeViewState(view)
      showEvents()
    },
    onAsOf(day) {
      view.on = day
      writeViewState(view)
      void loadSites(day)
    },
  })

  const loadEvents = async (): Promise<void> => {
    try {
      const request = earlyEvents ?? fetchEvents(eventQuery())
      earlyEvents = null
      const body = await request
      state.all = body.events
      state.total = body.total
      if (state.error?.startsWith('Could not load events')) state.error = null
      timeline.setEventDays(state.all.map((e) => e.time.start))
      showEvents()
    } catch (reason) {
      state.all = []
      state.events = []
      state.error = `Could not load events: ${errorText(reason)}`
      if (reason instanceof ApiError && reason.status === 401)
        renderSignIn(account, 'Your session has ended; sign in again.', () =>
          window.location.reload(),
        )
      count.textContent = 'Events unavailable'
      renderMessage(
        list,
        el('p', { className: 'error', attrs: { role: 'alert' }, text: state.error }),
      )
      layers?.setEvents([])
      publish()
    }
  }
  let sitesRequest = 0
  const loadSites = async (on: string): Promise<void> => {
    const ticket = ++sitesRequest
    try {
      const request = earlySites && on === state.asOf ? earlySites : fetchSites(on)
      earlySites = null
      const body = await request
      if (ticket !== sitesRequest) return
      state.sites = body.sites
      state.asOf = on
      crossingsNode.replaceChildren(crossingList(state.sites, openSite))
      recolour?.(state.sites)
      publish()
    } catch (reason) {
      state.error ??= `Could not load sites: ${errorText(reason)}`
      publish()
    }
  }

  timeline.setRange(view.from, view.to)
  timeline.setAsOf(state.asOf)
  const [, , loadedMap] = await Promise.all([loadEvents(), loadSites(state.asOf), mapLoaded])
  map = loadedMap
  renderFilterBar(
    requireElement('[data-testid="filters"]'),
    view,
    state.sites.filter(isReportedCrossing).map((s) => s.name),
    (next) => {
      Object.assign(view, next)
      writeViewState(view)
      void loadEvents()
    },
  )
  if (map) {
    const m = map
    recolour = addCrossingsLayer(m, state.sites, openSite)
    drawRoutes = addRouteLayer(m)
    layers = addEventLayers(m, state.events, {
      onEventClick: (id) => openEvent(id, true),
      onClusterClick: (lngLat, eventIds, total) => {
        const listed = eventIds.flatMap((id) => state.all.find((e) => e.id === id) ?? [])
        const content = eventListPopupContent(listed, total, (id) => openEvent(id, true))
        popup.setLngLat(lngLat).setDOMContent(content).addTo(m)
      },
    })
    addClusterCounts(m, 'events')
    addLabelLayer(m, placeLabels(state.all, state.sites))
    markFirstRender(m)
  }
  renderRoutePanel(requireElement('[data-testid="route-panel"]'), drawRoutes, () => state.asOf)
  showIngest()
  state.ready = true
  publish()
}

void main()
