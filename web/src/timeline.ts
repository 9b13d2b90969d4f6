/** The timeline strip: event counts per day/week/month, a brushed range and the as-of date. */
import { el } from './dom.js'
import { bucketSizeFor, countBuckets, dayNumber, dayString, type Bucket } from './time-buckets.js'

const SVG = 'http://www.w3.org/2000/svg'
const WIDTH = 1000
const HEIGHT = 60

/** What the timeline reports back. */
export interface TimelineHandlers {
  /** A range was brushed (both days included), or cleared. */
  onRange: (from: string | undefined, to: string | undefined) => void
  /** The as-of date moved. */
  onAsOf: (day: string) => void
}

/** The timeline's controls. */
export interface Timeline {
  /** Draws counts of the events' start days (YYYY-MM-DD…). */
  setEventDays: (starts: string[]) => void
  setRange: (from: string | undefined, to: string | undefined) => void
  setAsOf: (day: string) => void
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  return node
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'timeline-field' }, [el('span', { text }), control])
}

/**
 * Builds the timeline in `root`. Drag on the bars to brush a range; click a bar to move the as-of
 * date; the slider and date fields do the same from the keyboard. "Zoom to range" redraws the bars
 * over the brushed range, with finer buckets.
 */
export function createTimeline(root: HTMLElement, handlers: TimelineHandlers): Timeline {
  let days: number[] = []
  let domain: [number, number] = [dayNumber('2011-01-01'), dayNumber(new Date().toISOString())]
  let zoom: [number, number] | null = null
  let range: [number, number] | null = null
  let asOf = domain[1]

  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    preserveAspectRatio: 'none',
    class: 'timeline-chart',
    role: 'img',
    'data-testid': 'timeline-chart',
  })
  const bars = svg('g', {})
  const brush = svg('rect', { class: 'timeline-brush', y: 0, height: HEIGHT, x: 0, width: 0 })
  const asOfLine = svg('line', { class: 'timeline-asof', y1: 0, y2: HEIGHT })
  chart.append(bars, brush, asOfLine)

  const scale = el('div', { className: 'timeline-scale' })
  const summary = el('span', { className: 'timeline-summary', attrs: { 'aria-live': 'polite' } })
  const slider = el('input', {
    className: 'timeline-slider',
    attrs: { type: 'range', 'aria-label': 'As-of date', 'data-testid': 'as-of-slider' },
  })
  const asOfInput = el('input', { attrs: { type: 'date', 'data-testid': 'as-of-input' } })
  const fromInput = el('input', { attrs: { type: 'date', 'data-testid': 'range-from' } })
  const toInput = el('input', { attrs: { type: 'date', 'data-testid': 'range-to' } })
  const zoomButton = el('button', { text: 'Zoom to range', attrs: { type: 'button' } })
  const resetButton = el('button', { text: 'All time', attrs: { type: 'button' } })
  const clearButton = el('button', { text: 'Clear range', attrs: { type: 'button' } })

  root.replaceChildren(
    el('div', { className: 'timeline-head' }, [
      el('strong', { text: 'Timeline' }),
      summary,
      labelled('From', fromInput),
      labelled('To', toInput),
      clearButton,
      zoomButton,
      resetButton,
    ]),
    chart,
    scale,
    el('div', { className: 'timeline-asof-row' }, [labelled('Crossings as of', asOfInput), slider]),
  )

  const view = (): [number, number] => zoom ?? domain
  const xOf = (day: number): number => {
    const [a, b] = view()
    return ((day - a) / Math.max(1, b + 1 - a)) * WIDTH
  }
  const dayAt = (clientX: number): number => {
    const box = chart.getBoundingClientRect()
    const [a, b] = view()
    const ratio = Math.min(1, Math.max(0, (clientX - box.left) / Math.max(1, box.width)))
    return Math.min(b, a + Math.floor(ratio * (b + 1 - a)))
  }

  const drawBrush = (): void => {
    if (!range) {
      brush.setAttribute('width', '0')
      return
    }
    const x1 = Math.max(0, xOf(range[0]))
    const x2 = Math.min(WIDTH, xOf(range[1] + 1))
    brush.setAttribute('x', String(x1))
    brush.setAttribute('width', String(Math.max(0, x2 - x1)))
  }
  const drawAsOf = (): void => {
    const x = xOf(asOf) + 0.5
    asOfLine.setAttribute('x1', String(x))
    asOfLine.setAttribute('x2', String(x))
    slider.min = String(domain[0])
    slider.max = String(domain[1])
    slider.value = String(asOf)
    slider.setAttribute('aria-valuetext', dayString(asOf))
    asOfInput.value = dayString(asOf)
  }
  const draw = (): void => {
    const [a, b] = view()
    const size = bucketSizeFor(b - a)
    const buckets: Bucket[] = countBuckets(days, a, b, size)
    const max = Math.max(1, ...buckets.map((bucket) => bucket.count))
    const shown = buckets.reduce((n, bucket) => n + bucket.count, 0)
    summary.textContent = `${shown} events · per ${size}`
    bars.replaceChildren(
      ...buckets.map((bucket) => {
        const x = xOf(bucket.start)
        const w = Math.max(1, xOf(bucket.end) - x - 0.5)
        const h = bucket.count ? Math.max(3, (bucket.count / max) * (HEIGHT - 4)) : 0
        const bar = svg('rect', {
          class: 'timeline-bar',
          x,
          y: HEIGHT - h,
          width: w,
          height: h,
        })
        const title = svg('title', {})
        title.textContent = `${dayString(bucket.start)}…${dayString(bucket.end - 1)}: ${bucket.count}`
        bar.append(title)
        return bar
      }),
    )
    chart.setAttribute('aria-label', `Events per ${size}, ${dayString(a)} to ${dayString(b)}`)
    scale.replaceChildren(
      el('span', { text: dayString(a) }),
      el('span', { text: dayString(Math.round((a + b) / 2)) }),
      el('span', { text: dayString(b) }),
    )
    fromInput.value = range ? dayString(range[0]) : ''
    toInput.value = range ? dayString(range[1]) : ''
    zoomButton.disabled = !range
    resetButton.disabled = !zoom
    clearButton.disabled = !range
    drawBrush()
    drawAsOf()
  }

  const commitRange = (next: [number, number] | null): void => {
    range = next
    draw()
    handlers.onRange(
      range ? dayString(range[0]) : undefined,
      range ? dayString(range[1]) : undefined,
    )
  }
  const commitAsOf = (day: number): void => {
    asOf = Math.min(domain[1], Math.max(domain[0], day))
    drawAsOf()
    handlers.onAsOf(dayString(asOf))
  }

  let dragFrom: number | null = null
  let dragX = 0
  chart.addEventListener('pointerdown', (e) => {
    dragFrom = dayAt(e.clientX)
    dragX = e.clientX
    chart.setPointerCapture(e.pointerId)
  })
  chart.addEventListener('pointermove', (e) => {
    if (dragFrom === null) return
    const d = dayAt(e.clientX)
    range = [Math.min(dragFrom, d), Math.max(dragFrom, d)]
    drawBrush()
  })
  chart.addEventListener('pointerup', (e) => {
    if (dragFrom === null) return
    const d = dayAt(e.clientX)
    const start = dragFrom
    dragFrom = null
    if (Math.abs(e.clientX - dragX) < 4) commitAsOf(d)
    else commitRange([Math.min(start, d), Math.max(start, d)])
  })

  slider.addEventListener('input', () => commitAsOf(Number(slider.value)))
  asOfInput.addEventListener('change', () => {
    if (asOfInput.value) commitAsOf(dayNumber(asOfInput.value))
  })
  const typedRange = (): void => {
    const a = fromInput.value ? dayNumber(fromInput.value) : domain[0]
    const b = toInput.value ? dayNumber(toInput.value) : domain[1]
    commitRange(fromInput.value || toInput.value ? [Math.min(a, b), Math.max(a, b)] : null)
  }
  fromInput.addEventListener('change', typedRange)
  toInput.addEventListener('change', typedRange)
  clearButton.addEventListener('click', () => commitRange(null))
  zoomButton.addEventListener('click', () => {
    if (range) zoom = [range[0], Math.max(range[1], range[0] + 6)]
    draw()
  })
  resetButton.addEventListener('click', () => {
    zoom = null
    draw()
  })

  draw()
  return {
    setEventDays(starts) {
      days = starts.map(dayNumber).filter((d) => Number.isFinite(d))
      if (days.length) {
        const first = days.reduce((a, b) => Math.min(a, b))
        const last = days.reduce((a, b) => Math.max(a, b))
        domain = [first - 30, Math.max(dayNumber(new Date().toISOString()), last)]
      }
      draw()
    },
    setRange(from, to) {
      range =
        from || to
          ? [dayNumber(from ?? dayString(domain[0])), dayNumber(to ?? dayString(domain[1]))]
          : null
      draw()
    },
    setAsOf(day) {
      asOf = dayNumber(day)
      drawAsOf()
    },
  }
}
