import type { ApiEvent } from '../../src/model/index.js'
import { el } from './dom.js'
import { eventCard } from './event-card.js'

/** The side panel's list of events. */
export interface EventPanel {
  /** Highlights one card (or none) and optionally scrolls it into view. */
  select: (eventId: string | null, scroll: boolean) => void
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Newest first by start time, then by id so the order is stable. */
export function sortEvents(events: ApiEvent[]): ApiEvent[] {
  return [...events].sort((a, b) =>
    a.time.start === b.time.start
      ? a.id.localeCompare(b.id)
      : b.time.start.localeCompare(a.time.start),
  )
}

/** Writes the event count ("N events from M reports"). */
export function renderCount(countNode: HTMLElement, events: ApiEvent[], total: number): void {
  const reports = new Set(events.map((event) => event.articleId)).size
  const shown = total > events.length ? ` (showing ${events.length} of ${total})` : ''
  countNode.textContent = `${plural(total, 'event')} from ${plural(reports, 'report')}${shown}`
}

/** Shows a message instead of cards: the empty state or a load error. */
export function renderMessage(list: HTMLElement, message: HTMLElement): void {
  list.replaceChildren(el('li', { className: 'event-list-message' }, [message]))
}

/** The empty-state hint telling how to add events. */
export function emptyStateMessage(): HTMLElement {
  return el('p', {}, [
    'No events yet — run ',
    el('code', { text: 'npx borderwatch ingest <file>' }),
  ])
}

/** Fills the list with one card per event, newest first; `onPick` fires on click or Enter. */
export function renderEventList(
  list: HTMLElement,
  events: ApiEvent[],
  onPick: (eventId: string) => void,
): EventPanel {
  const cards = new Map<string, HTMLElement>()
  if (events.length === 0) renderMessage(list, emptyStateMessage())
  else {
    list.replaceChildren(
      ...sortEvents(events).map((event) => {
        const card = eventCard(event)
        card.addEventListener('click', () => onPick(event.id))
        card.addEventListener('keydown', (e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return
          e.preventDefault()
          onPick(event.id)
        })
        cards.set(event.id, card)
        return card
      }),
    )
  }
  let selected: HTMLElement | null = null
  return {
    select(eventId, scroll) {
      selected?.classList.remove('selected')
      selected = eventId ? (cards.get(eventId) ?? null) : null
      if (!selected) return
      selected.classList.add('selected')
      if (scroll) selected.scrollIntoView({ behavior: 'smooth', block: 'nearest' })
    },
  }
}
