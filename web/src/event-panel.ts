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

/** Writes the event count ("N events from M reports"); events may be whole or points. */
export function renderCount(
  countNode: HTMLElement,
  events: { articleId: string }[],
  total: number,
): void {
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

/** Cards added at a time: the first batch at once, the next whenever the list nears its end. */
export const CARDS_PER_BATCH = 200

/** The observer that grows each list, so a new rendering can stop the previous one. */
const growers = new WeakMap<HTMLElement, IntersectionObserver>()

/**
 * Fills the list with one card per event, newest first; `onPick` fires on click or Enter. Only the
 * first {@link CARDS_PER_BATCH} cards are built at once, the rest batch by batch as the list is
 * scrolled towards its end (or when one of them is selected), so thousands of events list quickly.
 */
export function renderEventList(
  list: HTMLElement,
  events: ApiEvent[],
  onPick: (eventId: string) => void,
): EventPanel {
  growers.get(list)?.disconnect()
  growers.delete(list)
  const cards = new Map<string, HTMLElement>()
  const sorted = sortEvents(events)
  const more = el('li', { className: 'event-list-more muted', attrs: { 'aria-hidden': 'true' } })
  let shown = 0
  const cardFor = (event: ApiEvent): HTMLElement => {
    const card = eventCard(event)
    card.addEventListener('click', () => onPick(event.id))
    card.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      e.preventDefault()
      onPick(event.id)
    })
    cards.set(event.id, card)
    return card
  }
  const showUpTo = (count: number): void => {
    const next = Math.min(count, sorted.length)
    if (next <= shown) return
    more.before(...sorted.slice(shown, next).map(cardFor))
    shown = next
    more.textContent = `${shown} of ${sorted.length} shown; scroll for more`
    if (shown < sorted.length) return
    more.remove()
    growers.get(list)?.disconnect()
    growers.delete(list)
  }
  if (events.length === 0) renderMessage(list, emptyStateMessage())
  else {
    list.replaceChildren(more)
    showUpTo(CARDS_PER_BATCH)
    if (shown < sorted.length) {
      const grower = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) showUpTo(shown + CARDS_PER_BATCH)
        },
        { root: list, rootMargin: '0px 0px 800px 0px' },
      )
      grower.observe(more)
      growers.set(list, grower)
    }
  }
  let selected: HTMLElement | null = null
  return {
    select(eventId, scroll) {
      selected?.classList.remove('selected')
      if (eventId && !cards.has(eventId)) {
        const index = sorted.findIndex((event) => event.id === eventId)
        if (index >= 0) showUpTo(index + 1)
      }
      selected = eventId ? (cards.get(eventId) ?? null) : null
      if (!selected) return
      selected.classList.add('selected')
      if (scroll) selected.scrollIntoView({ behavior: 'smooth', block: 'nearest' })
    },
  }
}
