/**
 * First meaningful render of the map page (issue 9): the built web app served with a database of
 * synthetic events over a real loopback socket, opened in headless Chromium (Debian's, never a
 * downloaded one), timed from navigation start to the page's `borderwatch:first-render` mark: the
 * events are listed and the map's first idle after their markers and the crossings were added.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium } from 'playwright-core'
import { createApp, WEB_DIR } from '../src/server/create-app.ts'
import { openStore } from '../src/store/open-store.ts'
import { tempDir } from '../test/support/backends.ts'
import { CHROMIUM, CHROMIUM_LAUNCH } from '../test/support/chromium.ts'
import { FIRST_RENDER_MARK } from '../web/src/first-render.ts'
import { loadSyntheticEvents } from './synthetic-events.ts'

/** One page load, in ms from navigation start. */
export interface RenderRun {
  firstRender: number
  /** When the events answer had arrived, and its size on the wire. */
  eventsLoaded: number
  eventsBytes: number
  /** Events the page holds once rendered. */
  events: number
}

/** Every timed run, and the first (untimed: caches cold) one. */
export interface RenderReport {
  events: number
  warmUp: RenderRun
  runs: RenderRun[]
}

interface PageTiming {
  firstRender: number
  eventsLoaded: number
  eventsBytes: number
  events: number
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
        await page.waitForFunction(
          (mark) => performance.getEntriesByName(mark).length > 0,
          FIRST_RENDER_MARK,
          { timeout: 120_000, polling: 50 },
        )
        return await page.evaluate((mark): PageTiming => {
          const api = performance
            .getEntriesByType('resource')
            .find((e) => e.name.includes('/api/events')) as
            { responseEnd: number; encodedBodySize: number } | undefined
          const state = (globalThis as unknown as { __borderwatch?: { events: unknown[] } })
            .__borderwatch
          return {
            firstRender: performance.getEntriesByName(mark)[0].startTime,
            eventsLoaded: api?.responseEnd ?? NaN,
            eventsBytes: api?.encodedBodySize ?? NaN,
            events: state?.events.length ?? 0,
          }
        }, FIRST_RENDER_MARK)
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
