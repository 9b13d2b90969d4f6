/** The event panel: the evidence sentence highlighted inside its report, and every source of its cluster. */
import type { ApiArticle, ApiEvent, EventCluster } from '../../src/model/index.js'
import { fetchArticle, fetchClusterOf } from './api-client.js'
import { el, safeHttpUrl } from './dom.js'
import { eventBadges } from './event-badges.js'
import { formatDay, formatTimeSpan } from './format-time.js'
import { eventReviewControls, type OnCorrected } from './review-controls.js'

/** The report text with the sentence from `start` to `end` (code points) marked. */
export function highlightedText(text: string, start: number, end: number): HTMLElement {
  const chars = Array.from(text)
  const mark = el('mark', {
    className: 'evidence',
    text: chars.slice(start, end).join(''),
    attrs: { 'data-testid': 'evidence' },
  })
  return el('div', { className: 'article-text' }, [
    chars.slice(0, start).join(''),
    mark,
    chars.slice(end).join(''),
  ])
}

function row(label: string, value: Node | string | null): HTMLElement | null {
  if (value === null || value === '') return null
  return el('div', { className: 'detail-row' }, [el('dt', { text: label }), el('dd', {}, [value])])
}

function link(title: string, url: string | null): Node {
  const href = safeHttpUrl(url)
  return href
    ? el('a', { text: title, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
    : document.createTextNode(title)
}

const MODALITY_TEXT: Record<string, string> = {
  asserted: 'stated as fact by the report',
  reported: 'reported (attributed to others)',
  claimed: 'claimed by a party',
  alleged: 'alleged, not confirmed',
  denied: 'denied',
  negated: 'said not to have happened',
  planned: 'planned or announced, not yet done',
  hypothetical: 'hypothetical',
  background: 'background, not news',
}

function sourcesList(cluster: EventCluster | null, event: ApiEvent): HTMLElement {
  if (!cluster)
    return el('p', { className: 'muted', text: 'No other report tells this happening.' })
  const items = cluster.sources.map((s) =>
    el('li', { className: s.eventId === event.id ? 'source current' : 'source' }, [
      el('div', {}, [link(s.title, s.url)]),
      el('div', {
        className: 'muted',
        text: [s.outlet ?? 'outlet unknown', s.modality].join(' · '),
      }),
      el('blockquote', { className: 'event-sentence', text: s.sentence }),
    ]),
  )
  return el('div', {}, [
    el('p', {
      attrs: { 'data-testid': 'cluster-sources' },
      text: `${cluster.sources.length} report${cluster.sources.length === 1 ? '' : 's'}, ${cluster.lineages} independent source${cluster.lineages === 1 ? '' : 's'}`,
    }),
    el('ol', { className: 'source-list' }, items),
  ])
}

const REVIEW_TEXT: Record<string, string> = {
  confirmed: 'confirmed by',
  rejected: 'rejected by',
  edited: 'edited by',
}

/**
 * Renders the event into `root`, then loads its report and cluster; with `onCorrected`, adds the
 * analyst's review controls (`notice`: what the last correction did).
 */
export async function renderEventDetail(
  root: HTMLElement,
  event: ApiEvent,
  onCorrected?: OnCorrected,
  notice?: string,
): Promise<void> {
  const { article } = event
  const textBox = el('div', { className: 'article-box' }, [
    el('p', { className: 'muted', text: 'Loading the report…' }),
  ])
  const sourcesBox = el('div', {}, [el('p', { className: 'muted', text: 'Loading sources…' })])
  const certainty =
    event.time.certainty === 'stated' ? 'stated in the sentence' : event.time.certainty
  root.replaceChildren(
    el('div', { className: 'detail', attrs: { 'data-testid': 'event-detail' } }, [
      eventBadges(event),
      el('h2', { className: 'detail-title', text: event.place?.name ?? 'No location' }),
      el('dl', { className: 'detail-list' }, [
        row('Report', link(article.title, article.url)),
        row('Outlet', article.outlet ?? 'not stated'),
        row('Published', article.published ? formatDay(article.published) : 'unknown'),
        row('When', `${formatTimeSpan(event.time)} (${certainty})`),
        row('Modality', MODALITY_TEXT[event.modality] ?? event.modality),
        row('Who says so', event.attribution?.name ?? null),
        row('Actors', event.actors.map((a) => `${a.name} (${a.role})`).join(', ')),
        row(
          'Review',
          event.review
            ? `${REVIEW_TEXT[event.review.status]} ${event.review.by}${
                event.review.edited.length ? ` (changed: ${event.review.edited.join(', ')})` : ''
              }${event.review.note ? ` — “${event.review.note}”` : ''}`
            : null,
        ),
      ]),
      onCorrected ? eventReviewControls(event, onCorrected, notice) : null,
      el('h3', { text: 'In the report' }),
      textBox,
      el('h3', { text: 'Sources' }),
      sourcesBox,
    ]),
  )
  const [articleResult, clusterResult] = await Promise.allSettled([
    fetchArticle(article.id),
    fetchClusterOf(event.id),
  ])
  if (articleResult.status === 'fulfilled') {
    const a: ApiArticle = articleResult.value
    const text = highlightedText(a.text, event.evidenceStart, event.evidenceEnd)
    textBox.replaceChildren(text)
    text.querySelector('mark')?.scrollIntoView({ block: 'center' })
  } else {
    textBox.replaceChildren(el('p', { className: 'error', text: String(articleResult.reason) }))
  }
  sourcesBox.replaceChildren(
    clusterResult.status === 'fulfilled'
      ? sourcesList(clusterResult.value, event)
      : el('p', { className: 'error', text: String(clusterResult.reason) }),
  )
}
