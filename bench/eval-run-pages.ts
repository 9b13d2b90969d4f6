/** Runs one extractor over a page set, timing each call and turning a throw into an empty output. */
import { performance } from 'node:perf_hooks'
import type { EvalPage, EvalSystem, Extraction } from './eval-systems.ts'

/** A page that threw, by id. */
export interface PageError {
  id: string
  message: string
}

/** Outputs by page id (null where the page threw), the errors, and the time spent extracting. */
export interface SystemRun {
  outputs: Map<string, Extraction | null>
  errors: PageError[]
  /** Wall time of the extract calls only, in milliseconds. */
  ms: number
}

/** Pages run untimed first, so the JIT is warm when the clock starts. */
export const WARMUP_PAGES = 3

/** Extracts every page on this thread; a page that throws gets a null output and an error entry. */
export function runSystem(system: EvalSystem, pages: EvalPage[]): SystemRun {
  for (const page of pages.filter((p) => !p.loadError).slice(0, WARMUP_PAGES)) {
    try {
      system.extract(page)
    } catch {
      // reported on the timed run below
    }
  }
  const outputs = new Map<string, Extraction | null>()
  const errors: PageError[] = []
  let ms = 0
  for (const page of pages) {
    const start = performance.now()
    try {
      if (page.loadError) throw new Error(`unreadable page: ${page.loadError}`)
      const output = system.extract(page)
      ms += performance.now() - start
      outputs.set(page.id, output)
    } catch (error) {
      ms += performance.now() - start
      outputs.set(page.id, null)
      errors.push({ id: page.id, message: error instanceof Error ? error.message : String(error) })
    }
  }
  return { outputs, errors, ms }
}

/** Times `passes` further runs over all pages (outputs discarded); milliseconds per pass. */
export function timePasses(system: EvalSystem, pages: EvalPage[], passes: number): number[] {
  const times: number[] = []
  for (let i = 0; i < passes; i++) {
    const start = performance.now()
    for (const page of pages) {
      if (page.loadError) continue
      try {
        system.extract(page)
      } catch {
        // already reported by runSystem
      }
    }
    times.push(performance.now() - start)
  }
  return times
}
