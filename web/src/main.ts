import 'maplibre-gl/dist/maplibre-gl.css'
import './style.css'
import { Popup, type Map as MapLibreMap } from 'maplibre-gl'
import type {
  ApiEvent,
  ApiEventList,
  ApiSite,
  ApiSiteList,
  EventPlace,
  EventPoint,
} from '../../src/model/index.js'
import type { ApiSession } from '../../src/model/session.js'
import {
  ApiError,
  fetchConfig,
  fetchEventPoints,
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
import { EVENTS_LOADED_MARK, markFirstRender } from './first-render.js'
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

/** Cards the first answer brings whole: more than a screen holds, before the whole list comes. */
const FIRST_CARDS = 50

function requireElement(selector: string): HTMLElement {
  const node = document.querySelector<HTMLElement>(selector)
  if (!node) throw new Error(`missing ${selector}`)
  return node
}

function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason)
}

/** Whether an interval overlaps the brushed days (both included). */
function overlaps(start: string, end: string, from?: string, to?: string): boolean {
  return (!from || end.slice(0, 10) >= from) && (!to || start.slice(0, 10) <= to)
}

/** Events whose interval overlaps the brushed days. */
function inRange(events: ApiEvent[], from?: string, to?: string): ApiEvent[] {
  if (!from && !to) return events
  return events.filter((e) => overlaps(e.time.start, e.time.end, from, to))
}

/** Points whose interval overlaps the brushed days. */
function pointsInRange(points: EventPoint[], from?: string, to?: string): EventPoint[] {
  if (!from && !to) return points
  return points.filter((p) => overlaps(p.start, p.end, from, to))
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
    /** Every event of the query as a point: the markers, the count and the timeline. */
    points: [] as EventPoint[],
    /** The events loaded whole: the newest first, then (once loaded) every one. */
    all: [] as ApiEvent[],
    /** Whether `all` holds every event of the query. */
    complete: false,
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
      points: state.points.length,
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

  // The map comes first, so its worker loads while the data is asked for; every request then
  // starts at once. The first loadEvents and loadSites take these answers unless a sign-in comes
  // first. The first answers are small: every event as a point (markers, count, timeline) and the
  // newest events whole (the first cards); the whole list follows once the page has drawn them.
  const configRequest = fetchConfig()
  let map: MapLibreMap | null = null
  const mapLoaded = createMap(
    mapNode,
    configRequest.then((config) => config.tileUrl),
  ).catch((reason: unknown) => {
    state.error = `Map failed: ${errorText(reason)}`
    mapNode.replaceChildren(el('p', { className: 'map-error', text: state.error }))
    return null
  })
  const eventQuery = (): EventQuery => ({
    type: view.type,
    actor: view.actor,
    site: view.site,
    modality: view.modality,
    minSources: view.minSources,
  })
  const firstEvents = (): Promise<[{ points: EventPoint[]; total: number }, ApiEventList]> =>
    Promise.all([
      fetchEventPoints(eventQuery()),
      fetchEvents({ ...eventQuery(), from: view.from, to: view.to, limit: FIRST_CARDS }),
    ])
  const sessionRequest = loadSession()
  let earlyEvents: ReturnType<typeof firstEvents> | null = firstEvents()
  let earlySites: Promise<ApiSiteList> | null = fetchSites(state.asOf)
  earlyEvents.catch(() => undefined)
  earlySites.catch(() => undefined)

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

  /** An event loaded whole, waiting for the whole list when it is not among the first. */
  const eventById = async (eventId: string): Promise<ApiEvent | undefined> =>
    state.all.find((e) => e.id === eventId) ??
    (await allEvents, state.all.find((e) => e.id === eventId))
  const openEvent = async (eventId: string, fromMap: boolean): Promise<void> => {
    const event = await eventById(eventId)
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
    const points = pointsInRange(state.points, view.from, view.to)
    state.events = inRange(state.all, view.from, view.to)
    renderCount(count, points, points.length)
    if (state.total > state.points.length)
      count.textContent += ` (first ${state.points.length} of ${state.total} loaded)`
    panel = renderEventList(list, state.events, (id) => void openEvent(id, false))
    layers?.setEvents(points)
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

  /** The whole list of the current query, once asked for: what opening an event may wait for. */
  let allEvents: Promise<void> = Promise.resolve()
  let eventsTicket = 0
  const failedEvents = (reason: unknown): void => {
    state.points = []
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
  /** The points and the first cards; resolves once they are shown. */
  const loadFirstEvents = async (): Promise<number> => {
    const ticket = ++eventsTicket
    try {
      const request = earlyEvents ?? firstEvents()
      earlyEvents = null
      const [points, page] = await request
      if (ticket === eventsTicket) {
        state.points = points.points
        state.total = points.total
        state.all = page.events
        state.complete = !view.from && !view.to && page.events.length >= page.total
        if (state.error?.startsWith('Could not load events')) state.error = null
        timeline.setEventDays(state.points.map((p) => p.start))
        showEvents()
      }
    } catch (reason) {
      if (ticket === eventsTicket) failedEvents(reason)
    }
    return ticket
  }
  /** Every event of the query whole (unless the first answer held them all). */
  const loadAllEvents = (ticket: number): Promise<void> => {
    allEvents = (async () => {
      if (ticket !== eventsTicket || state.complete) return
      try {
        const body = await fetchEvents(eventQuery())
        if (ticket !== eventsTicket) return
        state.all = body.events
        state.complete = true
        showEvents()
      } catch (reason) {
        if (ticket === eventsTicket) failedEvents(reason)
      }
    })()
    return allEvents
  }
  const loadEvents = async (): Promise<void> => loadAllEvents(await loadFirstEvents())
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
  const [ticket, , loadedMap] = await Promise.all([
    loadFirstEvents(),
    loadSites(state.asOf),
    mapLoaded,
  ])
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
    layers = addEventLayers(m, pointsInRange(state.points, view.from, view.to), {
      onEventClick: (id) => void openEvent(id, true),
      onClusterClick: (lngLat, eventIds, total) => {
        void (async () => {
          const listed = (await Promise.all(eventIds.map(eventById))).flatMap((e) => e ?? [])
          const content = eventListPopupContent(listed, total, (id) => void openEvent(id, true))
          popup.setLngLat(lngLat).setDOMContent(content).addTo(m)
        })()
      },
    })
    addClusterCounts(m, 'events')
    // The whole list waits for the first drawing: it is not needed to show the map and the cards.
    await markFirstRender(m, () => ({
      points: pointsInRange(state.points, view.from, view.to).length,
      events: state.events.length,
    }))
  }
  renderRoutePanel(requireElement('[data-testid="route-panel"]'), drawRoutes, () => state.asOf)
  showIngest()
  await loadAllEvents(ticket)
  performance.mark(EVENTS_LOADED_MARK, {
    detail: { points: state.points.length, events: state.events.length },
  })
  // Place names show from zoom 6 on, over the events' places: drawn once every event is known.
  if (map) addLabelLayer(map, placeLabels(state.all, state.sites))
  state.ready = true
  publish()
}

void main()
