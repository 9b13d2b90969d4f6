/** The site page: status and controller timeline as bands, conflicts marked, the facts behind each band. */
import type { ApiSite, StatusFact, TimelineInterval } from '../../src/model/index.js'
import { SITE_STATUS_COLORS } from './colors.js'
import { el } from './dom.js'
import { formatDay } from './format-time.js'
import { dayNumber } from './time-buckets.js'
import { siteStatusLabel } from './vocabulary.js'
import { siteReviewControls, type OnCorrected } from './review-controls.js'

function factItem(fact: StatusFact, conflict: boolean): HTMLElement {
  const said = [
    fact.status ? siteStatusLabel(fact.status) : 'held',
    fact.controller ? `by ${fact.controller}` : null,
    fact.scope === 'all' ? null : `(${fact.scope})`,
    fact.modality === 'asserted' ? null : fact.modality,
    fact.source ? `per ${fact.source.name}` : null,
  ]
    .filter(Boolean)
    .join(' ')
  return el('li', { className: conflict ? 'fact conflict' : 'fact' }, [
    el('div', { className: 'fact-head' }, [
      conflict ? el('span', { className: 'conflict-mark', text: '⚠ says otherwise: ' }) : null,
      `${formatDay(fact.time.start)} · ${said}`,
    ]),
    el('blockquote', { className: 'event-sentence', text: fact.evidence }),
  ])
}

function bands(timeline: TimelineInterval[], today: string): HTMLElement {
  const first = timeline[0]
  if (!first) return el('p', { className: 'muted', text: 'No report states a status yet.' })
  const start = dayNumber(first.start)
  const end = Math.max(start + 1, dayNumber(timeline.at(-1)?.end ?? today))
  const span = end - start
  const strip = el('div', {
    className: 'status-bands',
    attrs: { role: 'list', 'aria-label': 'Status over time', 'data-testid': 'status-bands' },
  })
  for (const interval of timeline) {
    const a = dayNumber(interval.start)
    const b = dayNumber(interval.end ?? today)
    const band = el('div', {
      className: interval.conflicts?.length ? 'status-band conflicted' : 'status-band',
      title: `${siteStatusLabel(interval.status)} ${interval.start} → ${interval.end ?? 'now'}${
        interval.conflicts?.length ? ` · ${interval.conflicts.length} conflicting report(s)` : ''
      }`,
      attrs: { role: 'listitem', 'data-status': interval.status },
    })
    band.style.left = `${((a - start) / span) * 100}%`
    band.style.width = `${Math.max(0.6, ((b - a) / span) * 100)}%`
    band.style.background = SITE_STATUS_COLORS[interval.status]
    strip.append(band)
  }
  return el('div', {}, [
    strip,
    el('div', { className: 'timeline-scale' }, [
      el('span', { text: first.start.slice(0, 10) }),
      el('span', { text: timeline.at(-1)?.end?.slice(0, 10) ?? 'now' }),
    ]),
  ])
}

/** Renders a site's page into `root`; with `onCorrected`, adds the analyst's "set status" form. */
export function renderSiteDetail(
  root: HTMLElement,
  site: ApiSite,
  asOf: string | null,
  onCorrected?: OnCorrected,
  notice?: string,
): void {
  const today = new Date().toISOString().slice(0, 10)
  const intervals = [...site.timeline].reverse().map((interval) => {
    const swatch = el('span', { className: 'legend-dot' })
    swatch.style.background = SITE_STATUS_COLORS[interval.status]
    const conflicts = interval.conflicts ?? []
    return el('li', { className: 'interval', attrs: { 'data-testid': 'site-interval' } }, [
      el('div', { className: 'interval-head' }, [
        swatch,
        el('strong', { text: siteStatusLabel(interval.status) }),
        ` ${formatDay(interval.start)} → ${interval.end ? formatDay(interval.end) : 'now'}`,
        conflicts.length
          ? el('span', {
              className: 'badge conflict-badge',
              text: `${conflicts.length} conflicting`,
            })
          : null,
      ]),
      interval.controllers.length
        ? el('div', { className: 'muted', text: `Held by ${interval.controllers.join(', ')}` })
        : null,
      el('ul', { className: 'fact-list' }, [
        ...interval.facts.map((f) => factItem(f, false)),
        ...conflicts.map((f) => factItem(f, true)),
      ]),
    ])
  })
  root.replaceChildren(
    el('div', { className: 'detail', attrs: { 'data-testid': 'site-detail' } }, [
      el('h2', { className: 'detail-title', text: site.name }),
      el('p', {
        className: 'muted',
        text: `${site.countries.join(' – ')} · ${siteStatusLabel(site.status)}${asOf ? ` on ${asOf}` : ' now'}${
          site.controllers.length ? ` · held by ${site.controllers.join(', ')}` : ''
        }`,
      }),
      bands(site.timeline, today),
      onCorrected ? siteReviewControls(site, asOf, onCorrected, notice) : null,
      el('h3', { text: 'Timeline' }),
      intervals.length
        ? el('ol', { className: 'interval-list' }, intervals)
        : el('p', { className: 'muted', text: 'No status reports.' }),
    ]),
  )
}
