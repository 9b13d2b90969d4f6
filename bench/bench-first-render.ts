/**
 * First meaningful render of the map page (issue 9): the built web app served with a database of
 * synthetic events over a real loopback socket, opened in headless Chromium (Debian's, never a
 * downloaded one), timed from navigation start to the page's `borderwatch:first-render` mark: the
 * events are listed (their count and the newest cards) and the map's first idle after every
 * event's marker and the crossings were added; then until the whole list is loaded too.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium } from 'playwright-core'
import { createApp, WEB_DIR } from '../src/server/create-app.ts'
import { openStore } from '../src/store/open-store.ts'
import { tempDir } from '../test/support/backends.ts'
import { CHROMIUM, CHROMIUM_LAUNCH } from '../test/support/chromium.ts'
import {
  EVENTS_LOADED_MARK,
  FIRST_RENDER_MARK,
  type RenderDetail,
} from '../web/src/first-render.ts'
import { loadSyntheticEvents } from './synthetic-events.ts'

/** One page load, in ms from navigation start. */
export interface RenderRun {
  firstRender: number
  /** When the points answer (every event's marker) had arrived, and its size on the wire. */
  pointsLoaded: number
  pointsBytes: number
  /** Markers (events as points) and whole events the page held at the first render. */
  points: number
  events: number
  /** When the page held every event whole, how many, and the size of that answer. */
  allLoaded: number
  allEvents: number
  allBytes: number
}

/** Every timed run, and the first (untimed: caches cold) one. */
export interface RenderReport {
  events: number
  warmUp: RenderRun
  runs: RenderRun[]
}

/**
 * Loads the page `runs` times (plus a warm-up) against `events` synthetic events in PGlite.
 * The web app must be built (`npm run build:web`).
 */
export async function benchFirstRender(events = 10_000, runs = 5): Promise<RenderReport> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}; set CHROMIUM_PATH`)
  if (!fs.existsSync(`${WEB_DIR}/index.html`)) throw new Error('run npm run build:web first')
  const dir = tempDir('borderwatch-render-')
  const store = await openStore({ dir })
  const server = serve({
    fetch: createApp(store, { publicRead: true }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  })
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  try {
    const corpus = await loadSyntheticEvents(store, events)
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const load = async (): Promise<RenderRun> => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      try {
        await page.goto(base)
        for (const mark of [FIRST_RENDER_MARK, EVENTS_LOADED_MARK]) {
          await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
            timeout: 120_000,
            polling: 50,
          })
        }
        return await page.evaluate(
          ([first, loaded]): RenderRun => {
            const resources = performance.getEntriesByType('resource') as unknown as {
              name: string
              responseEnd: number
              encodedBodySize: number
            }[]
            const points = resources.find((e) => e.name.includes('/api/event-points'))
            const all = resources.filter((e) => e.name.includes('/api/events')).at(-1)
            // No helper functions in here: the page runs this code without the bundler's helpers.
            const [firstMark, loadedMark] = [first, loaded].map(
              (name) => performance.getEntriesByName(name)[0],
            ) as unknown as { startTime: number; detail: RenderDetail }[]
            return {
              firstRender: firstMark.startTime,
              pointsLoaded: points?.responseEnd ?? NaN,
              pointsBytes: points?.encodedBodySize ?? NaN,
              points: firstMark.detail.points,
              events: firstMark.detail.events,
              allLoaded: loadedMark.startTime,
              allEvents: loadedMark.detail.events,
              allBytes: all?.encodedBodySize ?? NaN,
            }
          },
          [FIRST_RENDER_MARK, EVENTS_LOADED_MARK],
        )
      } finally {
        await context.close()
      }
    }
    const warmUp = await load()
    const timed: RenderRun[] = []
    for (let i = 0; i < runs; i++) timed.push(await load())
    return { events: corpus.events, warmUp, runs: timed }
  } finally {
    await browser.close()
    await new Promise((resolve) => server.close(resolve))
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
