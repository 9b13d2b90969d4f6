/**
 * Progress for long CLI work: on a terminal one line rewritten in place (counts, rate, ETA); in a
 * pipe or a log plain lines, one per item; `--quiet` prints neither (errors still go to stderr).
 */

/** A stream progress can be written to: a terminal has `isTTY` and `columns`. */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** Where and how progress is shown. */
export interface ProgressOptions {
  label: string
  /** Items expected, when known: enables the percentage and the ETA. */
  total?: number
  quiet?: boolean
  stream?: ProgressStream
  /** Least time between two redraws of the terminal line. */
  redrawMs?: number
  now?: () => number
}

/** A progress display; `tick` counts one item under `status` and prints `line` when not on a TTY. */
export interface Progress {
  tick(status: string, line?: string): void
  /** Raises the expected total (work discovered along the way). */
  grow(by: number): void
  /** Clears the terminal line and prints the final counts. */
  done(): string
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

/**
 * Creates a progress display.
 * @example const p = createProgress({ label: 'worker' }); p.tick('stored', 'stored: a.html'); p.done()
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stdout
  const now = options.now ?? (() => Date.now())
  const tty = !!stream.isTTY && !options.quiet
  const counts = new Map<string, number>()
  const started = now()
  let total = options.total
  let done = 0
  let drawn = 0

  const summary = () => {
    const parts = [...counts].map(([status, n]) => `${status} ${n}`).join(', ')
    const seconds = Math.max(0.001, (now() - started) / 1000)
    const rate = done / seconds
    const of = total ? `/${total} (${Math.floor((100 * done) / total)} %)` : ''
    const eta = total && rate > 0 ? ` · ETA ${duration((total - done) / rate)}` : ''
    return `${options.label}: ${done}${of} · ${parts || 'nothing yet'} · ${rate.toFixed(1)}/s${eta}`
  }
  const draw = () => {
    const width = Math.max(20, (stream.columns ?? 100) - 1)
    stream.write(`\r\x1b[K${summary().slice(0, width)}`)
    drawn = now()
  }
  return {
    tick(status, line) {
      done++
      counts.set(status, (counts.get(status) ?? 0) + 1)
      if (tty) {
        if (now() - drawn >= (options.redrawMs ?? 100)) draw()
      } else if (!options.quiet && line) stream.write(`${line}\n`)
    },
    grow(by) {
      total = (total ?? 0) + by
    },
    done() {
      const text = summary()
      if (tty) stream.write(`\r\x1b[K${text}\n`)
      return text
    },
  }
}
