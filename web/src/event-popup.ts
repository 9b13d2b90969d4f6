import type { ApiEvent } from '../../src/model/index.js'
import { el } from './dom.js'
import { eventBadges } from './event-badges.js'

/** Popup content for one event: badges, place, actors and article title. */
export function eventPopupContent(event: ApiEvent): HTMLElement {
  const actors = event.actors.map((actor) => actor.name).join(', ')
  return el('div', { className: 'popup popup-event' }, [
    eventBadges(event),
    event.place ? el('div', { className: 'popup-title', text: event.place.name }) : null,
    actors ? el('div', { className: 'popup-line', text: actors }) : null,
    el('div', { className: 'popup-source', text: event.article.title }),
  ])
}

/** Popup content for several events at one spot: a count and one clickable line per event. */
export function eventListPopupContent(
  events: ApiEvent[],
  total: number,
  onPick: (eventId: string) => void,
): HTMLElement {
  const items = events.map((event) => {
    const button = el('button', { className: 'popup-pick', attrs: { type: 'button' } }, [
      eventBadges(event),
      event.place ? el('span', { className: 'popup-line', text: event.place.name }) : null,
    ])
    button.addEventListener('click', () => onPick(event.id))
    return el('li', {}, [button])
  })
  const more = total > events.length ? `${total - events.length} more…` : null
  return el('div', { className: 'popup popup-cluster' }, [
    el('div', { className: 'popup-title', text: `${total} events here` }),
    el('ul', { className: 'popup-list' }, items),
    more ? el('div', { className: 'popup-line', text: more }) : null,
  ])
}
