/** The route panel: from, to, date, traffic and controllers → open routes on the map, or why none. */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { RouteAnswer, RouteCrossing, RouteOption } from '../../src/model/route.js'
import { fetchRoute } from './api-client.js'
import { SITE_STATUS_COLORS } from './colors.js'
import { el } from './dom.js'
import { siteStatusLabel } from './vocabulary.js'

const SOURCE = 'routes'

function routeLines(routes: RouteOption[], open: boolean): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: routes.map((route, rank) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: route.places.map((p) => [p.lon, p.lat]) },
      properties: { rank, open },
    })),
  }
}

/** Adds the (empty) route layer beneath the markers; returns a function that draws routes. */
export function addRouteLayer(map: MapLibreMap): (routes: RouteOption[], open: boolean) => void {
  map.addSource(SOURCE, { type: 'geojson', data: routeLines([], true) })
  map.addLayer(
    {
      id: 'route-lines',
      type: 'line',
      source: SOURCE,
      layout: {
        'line-join': 'round',
        'line-cap': 'round',
        'line-sort-key': ['-', ['get', 'rank']],
      },
      paint: {
        'line-color': [
          'case',
          ['get', 'open'],
          ['case', ['==', ['get', 'rank'], 0], '#1d4ed8', '#60a5fa'],
          '#b91c1c',
        ],
        'line-width': ['case', ['==', ['get', 'rank'], 0], 5, 3],
        'line-opacity': 0.85,
        'line-dasharray': ['case', ['get', 'open'], ['literal', [1, 0]], ['literal', [2, 1.5]]],
      },
    },
    map.getLayer('crossings') ? 'crossings' : undefined,
  )
  return (routes, open) => {
    map.getSource<GeoJSONSource>(SOURCE)?.setData(routeLines(routes, open))
    const points = routes.flatMap((r) => r.places)
    if (!points.length) return
    const lons = points.map((p) => p.lon)
    const lats = points.map((p) => p.lat)
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 60, maxZoom: 8, duration: 0 },
    )
  }
}

function crossingChip(c: RouteCrossing, explanation?: string): HTMLElement {
  const chip = el('li', { className: 'route-crossing', attrs: { 'data-status': c.status } }, [
    el('span', { className: 'legend-dot' }),
    el('strong', { text: c.name }),
    ` ${siteStatusLabel(c.status)}${c.since ? ` since ${c.since}` : ''}${c.assumed ? ' (assumed)' : ''}`,
    c.controllers.length
      ? el('div', { className: 'muted', text: `Held by ${c.controllers.join(', ')}` })
      : null,
    explanation ? el('div', { className: 'blocker', text: explanation }) : null,
  ])
  const dot = chip.querySelector<HTMLElement>('.legend-dot')
  if (dot) dot.style.background = SITE_STATUS_COLORS[c.status]
  return chip
}

function routeItem(route: RouteOption, index: number, blockers?: Map<string, string>): HTMLElement {
  return el('li', { className: 'route', attrs: { 'data-testid': 'route-result' } }, [
    el('div', {
      className: 'route-head',
      text: `${index + 1}. ${route.places[0]?.name ?? ''} → ${route.places.at(-1)?.name ?? ''} · ${Math.round(route.lengthKm)} km`,
    }),
    el('div', { className: 'muted', text: route.places.map((p) => p.name).join(' · ') }),
    el(
      'ul',
      { className: 'route-crossings' },
      route.crossings.map((c) => crossingChip(c, blockers?.get(c.id))),
    ),
  ])
}

function renderAnswer(out: HTMLElement, answer: RouteAnswer): void {
  const q = answer.query
  const head = `${q.from.name} → ${q.to.name} on ${q.on} for ${q.traffic}`
  if (answer.routes.length) {
    out.replaceChildren(
      el('p', {
        attrs: { 'data-testid': 'route-summary' },
        text: `${answer.routes.length} open route${answer.routes.length === 1 ? '' : 's'}: ${head}`,
      }),
      el(
        'ol',
        { className: 'route-list' },
        answer.routes.map((r, i) => routeItem(r, i)),
      ),
    )
    return
  }
  const candidates = answer.whyNot ?? []
  out.replaceChildren(
    el('p', { attrs: { 'data-testid': 'route-summary' }, text: `No open route: ${head}` }),
    candidates.length
      ? el(
          'ol',
          { className: 'route-list' },
          candidates.map((r, i) =>
            routeItem(r, i, new Map(r.blockers.map((b) => [b.id, b.explanation]))),
          ),
        )
      : el('p', { className: 'muted', text: 'No road of the network joins these places.' }),
  )
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'form-field' }, [el('span', { text: label }), control])
}

/** Builds the route form in `root`; answers are listed below it and drawn with `draw`. */
export function renderRoutePanel(
  root: HTMLElement,
  draw: ((routes: RouteOption[], open: boolean) => void) | null,
  asOf: () => string,
): void {
  const origin = el('input', {
    attrs: { required: '', value: 'Tehran', 'data-testid': 'route-from' },
  })
  const destination = el('input', {
    attrs: { required: '', value: 'Beirut', 'data-testid': 'route-to' },
  })
  const on = el('input', { attrs: { type: 'date', 'data-testid': 'route-on' } })
  const traffic = el('select', {}, [
    el('option', { text: 'People', attrs: { value: 'people' } }),
    el('option', { text: 'Goods', attrs: { value: 'goods' } }),
    el('option', { text: 'Aid', attrs: { value: 'aid' } }),
  ])
  const via = el('input', { attrs: { placeholder: 'e.g. PMU' } })
  const avoid = el('input', { attrs: { placeholder: 'e.g. US forces' } })
  const out = el('div', { className: 'route-out', attrs: { 'aria-live': 'polite' } })
  const submit = el('button', { text: 'Find routes', attrs: { type: 'submit' } })
  const form = el('form', { className: 'panel-form', attrs: { 'data-testid': 'route-form' } }, [
    field('From', origin),
    field('To', destination),
    field('Date', on),
    field('Traffic', traffic),
    field('Via controller', via),
    field('Avoid controller', avoid),
    submit,
  ])
  on.value = asOf()
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    submit.disabled = true
    out.replaceChildren(el('p', { className: 'muted', text: 'Searching…' }))
    fetchRoute({
      origin: origin.value,
      destination: destination.value,
      on: on.value || undefined,
      traffic: traffic.value,
      via: via.value || undefined,
      avoid: avoid.value || undefined,
    })
      .then((answer) => {
        renderAnswer(out, answer)
        if (answer.routes.length) draw?.(answer.routes, true)
        else draw?.(answer.whyNot ?? [], false)
      })
      .catch((error: unknown) => {
        out.replaceChildren(
          el('p', {
            className: 'error',
            attrs: { role: 'alert' },
            text: error instanceof Error ? error.message : String(error),
          }),
        )
        draw?.([], true)
      })
      .finally(() => (submit.disabled = false))
  })
  root.replaceChildren(form, out)
}
