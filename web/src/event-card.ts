import type { ApiEvent } from '../../src/model/index.js'
import { el, safeHttpUrl } from './dom.js'
import { eventBadges } from './event-badges.js'
import { formatDay } from './format-time.js'
import { highlightTrigger } from './highlight-trigger.js'

function actorsLine(event: ApiEvent): HTMLElement | null {
  if (event.actors.length === 0) return null
  const items = event.actors.map((actor) =>
    el('span', {
      className: `actor actor-${actor.role}`,
      text: actor.role === 'source' ? `per ${actor.name}` : actor.name,
      title: `${actor.role}: “${actor.text}”`,
    }),
  )
  return el('div', { className: 'event-actors' }, items)
}

function sourceLine(event: ApiEvent): HTMLElement {
  const { title, outlet, url, published } = event.article
  const href = safeHttpUrl(url)
  const titleNode = href
    ? el('a', { text: title, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { text: title })
  titleNode.addEventListener('click', (e) => e.stopPropagation())
  const details = [outlet, published ? formatDay(published) : null].filter((part): part is string =>
    Boolean(part),
  )
  return el('div', { className: 'event-source' }, [
    titleNode,
    details.length
      ? el('span', { className: 'event-source-meta', text: details.join(' · ') })
      : null,
  ])
}

/** One event in the side panel: badges, place, actors, the evidence sentence and its article. */
export function eventCard(event: ApiEvent): HTMLLIElement {
  const sentence = el('blockquote', { className: 'event-sentence' })
  sentence.append(highlightTrigger(event.sentence, event.trigger))
  const place = event.place
    ? el('div', { className: 'event-place', text: event.place.name })
    : el('div', { className: 'event-place unplaced', text: 'No location' })
  return el(
    'li',
    {
      className: event.place ? 'event-card' : 'event-card unplaced',
      attrs: { 'data-testid': 'event-card', 'data-event-id': event.id, tabindex: '0' },
    },
    [eventBadges(event), place, actorsLine(event), sentence, sourceLine(event)],
  )
}
