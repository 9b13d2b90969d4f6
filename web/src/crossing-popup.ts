import type { ApiSite } from '../../src/model/index.js'
import { SITE_STATUS_COLORS } from './colors.js'
import { el } from './dom.js'
import { formatDay } from './format-time.js'
import { siteStatusLabel } from './vocabulary.js'

/** Popup content for a crossing: name, status since when, controllers and countries. */
export function crossingPopupContent(site: ApiSite): HTMLElement {
  const status = el('span', { className: 'badge badge-type', text: siteStatusLabel(site.status) })
  status.style.setProperty('--badge-color', SITE_STATUS_COLORS[site.status])
  const current = site.timeline.at(-1)
  const since =
    current && current.status === site.status ? `since ${formatDay(current.start)}` : null
  const controllers = site.controllers.length
    ? `Controlled by ${site.controllers.join(', ')}`
    : 'Controller not reported'
  const reports = site.timeline.reduce((n, interval) => n + interval.facts.length, 0)
  return el('div', { className: 'popup popup-crossing' }, [
    el('div', { className: 'popup-title', text: site.name }),
    el('div', { className: 'event-badges' }, [
      status,
      since ? el('span', { className: 'event-date', text: since }) : null,
    ]),
    el('div', { className: 'popup-line', text: controllers }),
    el('div', {
      className: 'popup-source',
      text: `${site.countries.join(' – ')} · ${reports} status report${reports === 1 ? '' : 's'}`,
    }),
  ])
}
