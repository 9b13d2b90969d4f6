/** The map page in Debian's Chromium, driven by playwright-core against a real server and build. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createApp, WEB_DIR } from '../src/server/create-app.ts'
import { addUser } from '../src/auth/user-repository.ts'
import { createToken } from '../src/auth/token-repository.ts'
import { samplesStore, type SamplesStore } from './support/samples-store.ts'
import { CHROMIUM, CHROMIUM_LAUNCH } from './support/chromium.ts'
import { cutBasemapTiles } from '../web/build/cut-basemap-tiles.ts'

const skip = !fs.existsSync(CHROMIUM)
  ? `no browser at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`
  : !fs.existsSync(path.join(WEB_DIR, 'index.html'))
    ? 'the web app is not built: npm test builds it first (npm run build:web)'
    : false

/** Where the test leaves its screenshot for a person to look at. */
export const SCREENSHOT = path.join(os.tmpdir(), 'borderwatch-map.png')

/** Where the analyst walk-through leaves one screenshot per step. */
export const SCREENSHOT_DIR = path.resolve('test-output/web')

type Bw = {
  events: { id: string; type: string; sentence: string; article: { id: string } }[]
  sites: { id: string; status: string }[]
  asOf: string
  ready: boolean
  error: string | null
}

/** Signs in through the page's form with an API token, as a person pasting it would. */
async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId('sign-in').waitFor()
  await page.getByLabel('API token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

describe('map page in Chromium', { skip }, () => {
  let samples: SamplesStore
  let server: ServerType
  let browser: Browser
  let base: string
  const tokens = { analyst: '', viewer: '' }
  before(async () => {
    samples = await samplesStore()
    for (const role of ['analyst', 'viewer'] as const) {
      await addUser(samples.store.db, role, role, 'test')
      tokens[role] = (await createToken(samples.store.db, role, null, 'test')).token
    }
    server = serve({ fetch: createApp(samples.store).fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch(CHROMIUM_LAUNCH)
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
    await signIn(page, tokens.analyst)
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
    const { total } = (await (
      await fetch(`${base}/api/events`, {
        headers: { authorization: `Bearer ${tokens.analyst}` },
      })
    ).json()) as { total: number }
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

  it('walks an analyst through filters, dates, evidence, a site, a route and an ingest', async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const shot = (name: string) =>
      page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
    const bw = () =>
      page.evaluate(() => (globalThis as unknown as { __borderwatch: Bw }).__borderwatch)
    await page.goto(base)
    await signIn(page, tokens.analyst)
    await page.waitForFunction(
      () => (globalThis as unknown as { __borderwatch?: Bw }).__borderwatch?.ready,
      undefined,
      { timeout: 60_000 },
    )
    assert.match((await page.getByTestId('signed-in-as').textContent()) ?? '', /analyst/)
    const all = (await bw()).events.length
    await shot('01-loaded')

    await page.getByTestId('filter-type').selectOption('crossing-opened')
    await page.waitForFunction(() => {
      const s = (globalThis as unknown as { __borderwatch: Bw }).__borderwatch
      return s.events.length > 0 && s.events.every((e) => e.type === 'crossing-opened')
    })
    assert.match(page.url(), /type=crossing-opened/)
    assert.ok((await bw()).events.length < all)
    await shot('02-filtered-by-type')
    await page.getByTestId('filter-type').selectOption('')
    await page.waitForFunction((n) => {
      return (globalThis as unknown as { __borderwatch: Bw }).__borderwatch.events.length === n
    }, all)

    await page.getByRole('tab', { name: 'Crossings' }).click()
    const nassib = page.locator('[data-site-id="nasib-jaber"]')
    await page.getByTestId('as-of-input').fill('2016-06-01')
    await page.getByTestId('as-of-input').dispatchEvent('change')
    await page.waitForFunction(() =>
      (
        globalThis as unknown as { document: { querySelector: (s: string) => unknown } }
      ).document.querySelector('[data-site-id="nasib-jaber"][data-status="closed"]'),
    )
    assert.match(page.url(), /on=2016-06-01/)
    await shot('03-as-of-2016-06-01')
    await page.getByTestId('as-of-input').fill('2018-12-01')
    await page.getByTestId('as-of-input').dispatchEvent('change')
    await page.waitForFunction(() =>
      (
        globalThis as unknown as { document: { querySelector: (s: string) => unknown } }
      ).document.querySelector('[data-site-id="nasib-jaber"][data-status="open"]'),
    )
    assert.equal((await bw()).sites.find((s) => s.id === 'nasib-jaber')?.status, 'open')
    await shot('04-as-of-2018-12-01')

    await nassib.click()
    await page.getByTestId('site-detail').waitFor()
    assert.ok((await page.locator('.status-band').count()) >= 2)
    assert.ok((await page.getByTestId('site-interval').count()) >= 2)
    await shot('05-site-timeline')
    // An analyst sets the status by hand; the crossing's page shows it with an Undo, which restores it.
    await page.getByText('Set status or controller by hand').click()
    await page.locator('#site-status-nasib-jaber').selectOption('closed')
    await page.locator('#site-from-nasib-jaber').fill('2018-11-20')
    await page
      .locator('#site-note-nasib-jaber')
      .fill('closed for repairs, per the border authority')
    await page.getByRole('button', { name: 'Set status' }).click()
    await page.getByTestId('site-review-status').getByText('Status set').waitFor()
    // The message can show before the crossing's page is drawn again with the new status.
    await page
      .getByTestId('site-detail')
      .getByText(/Closed on 2018-12-01/)
      .first()
      .waitFor()
    assert.match(
      (await page.getByTestId('site-detail').textContent()) ?? '',
      /Closed on 2018-12-01/,
    )
    await page
      .getByTestId('corrections')
      .getByRole('button', { name: /Undo set-status/ })
      .click()
    await page.getByTestId('site-review-status').getByText('Undid set-status').waitFor()
    // Here too the message can come before the page is drawn again.
    await page
      .getByTestId('site-detail')
      .getByText(/Open on 2018-12-01/)
      .first()
      .waitFor()
    assert.match((await page.getByTestId('site-detail').textContent()) ?? '', /Open on 2018-12-01/)

    await page.getByRole('tab', { name: 'Events' }).click()
    const first = (await bw()).events.find((e) => e.sentence.length > 40)
    assert.ok(first)
    await page.locator(`[data-event-id="${first.id}"]`).press('Enter')
    const mark = page.getByTestId('evidence')
    await mark.waitFor()
    const marked = (await mark.textContent()) ?? ''
    assert.ok(marked.includes(first.sentence.slice(0, 30)), `${marked} ≠ ${first.sentence}`)
    await page.getByTestId('cluster-sources').waitFor()
    await shot('06-event-evidence')

    // Review: reject the event, see it leave the map's data, then undo from its corrections.
    await page.getByLabel('Note').first().fill('checked against the wire copy')
    await page.getByTestId('review-reject').click()
    await page.getByTestId('review-status').getByText('Rejected').waitFor()
    await page.waitForFunction(
      (id) =>
        !(globalThis as unknown as { __borderwatch: Bw }).__borderwatch.events.some(
          (e) => e.id === id,
        ),
      first.id,
    )
    await page
      .getByTestId('corrections')
      .getByRole('button', { name: /Undo reject/ })
      .waitFor()
    assert.match(
      (await page.getByTestId('event-detail').textContent()) ?? '',
      /rejected by analyst/,
    )
    await shot('06b-event-rejected')
    await page
      .getByTestId('corrections')
      .getByRole('button', { name: /Undo reject/ })
      .click()
    await page.waitForFunction(
      (id) =>
        (globalThis as unknown as { __borderwatch: Bw }).__borderwatch.events.some(
          (e) => e.id === id,
        ),
      first.id,
    )
    await page.getByTestId('review-status').getByText('Undid reject').waitFor()
    await page.getByText('Edit type, modality, date, place or actors').click()
    await page.getByLabel('Actors').fill('PMU')
    await page.getByRole('button', { name: 'Save edit' }).click()
    await page
      .getByTestId('event-detail')
      .getByText(/changed: actors/)
      .waitFor()
    assert.match(
      (await page.getByTestId('event-detail').textContent()) ?? '',
      /Popular Mobilization Units \(actor\)/,
    )
    await page
      .getByTestId('corrections')
      .getByRole('button', { name: /Undo edit/ })
      .click()
    await page.getByTestId('review-status').getByText('Undid edit').waitFor()
    await page.keyboard.press('Escape')

    await page.getByRole('tab', { name: 'Route' }).click()
    await page.getByTestId('route-on').fill('2019-10-01')
    await page.getByRole('button', { name: 'Find routes' }).click()
    await page.getByTestId('route-summary').waitFor()
    assert.match((await page.getByTestId('route-summary').textContent()) ?? '', /Tehran → Beirut/)
    await page.waitForTimeout(300)
    await shot('07-route')

    await page.getByRole('tab', { name: 'Ingest' }).click()
    const report =
      'Tal Abyad crossing shut\n\nThe Tal Abyad border crossing between Syria and Turkey was closed on Tuesday, officials said.'
    await page.getByTestId('ingest-text').fill(report)
    await page.getByTestId('ingest-published').fill('2023-02-07')
    await page.getByRole('button', { name: 'Ingest', exact: true }).click()
    await page.getByTestId('ingest-result').waitFor()
    await shot('08-ingested')
    assert.match((await page.getByTestId('ingest-result').textContent()) ?? '', /1 stored/)
    await page.waitForFunction(() =>
      (globalThis as unknown as { __borderwatch: Bw }).__borderwatch.events.some((e) =>
        e.sentence.includes('Tal Abyad'),
      ),
    )
    await page.getByRole('tab', { name: 'Events' }).click()
    await page.locator('[data-testid="event-card"]', { hasText: 'Tal Abyad' }).first().waitFor()

    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForTimeout(300)
    await shot('09-phone')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('asks for a sign-in, locks ingest for a viewer, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(base)
    await signIn(page, 'bw_not-a-real-token')
    await page.getByText(/Could not sign in/).waitFor()
    await signIn(page, tokens.viewer)
    await page.waitForFunction(
      () => (globalThis as unknown as { __borderwatch?: Bw }).__borderwatch?.ready,
      undefined,
      { timeout: 60_000 },
    )
    await page.getByRole('tab', { name: 'Ingest' }).click()
    await page.getByTestId('ingest-locked').waitFor()
    assert.match((await page.getByTestId('ingest-locked').textContent()) ?? '', /viewer/)
    assert.equal(await page.getByRole('button', { name: 'Ingest', exact: true }).isDisabled(), true)
    await page.getByRole('tab', { name: 'Events' }).click()
    await page.getByTestId('event-card').first().press('Enter')
    await page.getByTestId('event-detail').waitFor()
    assert.equal(
      await page.getByTestId('review-reject').count(),
      0,
      'viewers get no review controls',
    )
    await page.keyboard.press('Escape')
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in').waitFor()
    const session = await page.evaluate(async () => (await fetch('/api/session')).json())
    assert.equal((session as { user: unknown }).user, null)
    assert.deepEqual(errors, [])
    await page.close()
  })
})

describe('offline basemap tiles', () => {
  it('cuts every tile to zoom 6 from the countries: land where the map opens, empty open sea', () => {
    const tiles = cutBasemapTiles()
    // 1 + 4 + 16 + … + 4⁶ tiles: the map never asks for one that is missing.
    assert.equal(tiles.size, (4 ** 7 - 1) / 3)
    // Syria and Iraq at zoom 5, and the open Pacific at zoom 6.
    const land = tiles.get('basemap/5/19/12.pbf')
    assert.ok(land && land.length > 1000)
    assert.ok(Buffer.from(land).includes('countries'))
    assert.equal(tiles.get('basemap/6/5/32.pbf')?.length, 0)
  })
})
