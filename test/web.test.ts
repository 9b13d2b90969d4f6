/** The map page in Debian's Chromium, driven by playwright-core against a real server and build. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser } from 'playwright-core'
import { createApp, WEB_DIR } from '../src/server/create-app.ts'
import { samplesStore, type SamplesStore } from './support/samples-store.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const skip = !fs.existsSync(CHROMIUM)
  ? `no browser at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`
  : !fs.existsSync(path.join(WEB_DIR, 'index.html'))
    ? 'the web app is not built: npm test builds it first (npm run build:web)'
    : false

/** Where the test leaves its screenshot for a person to look at. */
export const SCREENSHOT = path.join(os.tmpdir(), 'borderwatch-map.png')

describe('map page in Chromium', { skip }, () => {
  let samples: SamplesStore
  let server: ServerType
  let browser: Browser
  let base: string
  before(async () => {
    samples = await samplesStore()
    server = serve({ fetch: createApp(samples.store).fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    })
  })
  after(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
    await samples?.dispose()
  })

  it('shows the events of the samples with their sentences, on an offline map', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const errors: string[] = []
    const outside: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('request', (r) => {
      if (
        !r.url().startsWith(base) &&
        !r.url().startsWith('data:') &&
        !r.url().startsWith('blob:')
      ) {
        outside.push(r.url())
      }
    })
    await page.goto(base)
    await page.waitForFunction(
      () => (globalThis as unknown as { __borderwatch?: { ready: boolean } }).__borderwatch?.ready,
      undefined,
      { timeout: 60_000 },
    )
    const state = await page.evaluate(() => {
      const bw = (
        globalThis as unknown as { __borderwatch: { events: unknown[]; error: string | null } }
      ).__borderwatch
      return { events: bw.events.length, error: bw.error }
    })
    assert.equal(state.error, null)
    const { total } = (await (await fetch(`${base}/api/events`)).json()) as { total: number }
    assert.equal(state.events, total)
    assert.equal(await page.getByTestId('event-card').count(), total)
    assert.match(
      (await page.getByTestId('event-count').textContent()) ?? '',
      new RegExp(`${total}`),
    )
    const firstSentence = await page
      .getByTestId('event-card')
      .first()
      .locator('blockquote')
      .textContent()
    assert.ok(firstSentence && firstSentence.length > 20)
    assert.equal(await page.locator('canvas.maplibregl-canvas').count(), 1)
    await page.screenshot({ path: SCREENSHOT })
    assert.ok(fs.statSync(SCREENSHOT).size > 20_000)
    assert.deepEqual(errors, [])
    assert.deepEqual(outside, [], 'the page must not reach outside this server')
  })
})
