/** `borderwatch watch`: conditional polls, 304s, back-off, politeness, and no item ingested twice. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { backends, tempDir } from './support/backends.ts'
import { runCliAsync } from './support/run-cli.ts'
import { FeedStore, type FeedStatus } from '../src/watch/feed-store.ts'
import { backoffSeconds, watchFeeds, type PollResult } from '../src/watch/watch-feeds.ts'
import { inlineQueue } from '../src/jobs/job-queue.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { createProgress } from '../src/cli/progress-line.ts'

const ISSUE10_CLI = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'support/issue10-cli.ts',
)

const STORIES = [
  'Jordan reopened the Jaber crossing with Syria on Monday, officials said.',
  'Iraqi forces closed the Al Qaim crossing on Tuesday after clashes, a spokesman said.',
  'Lebanon reopened the Masnaa crossing to traffic on Wednesday, the ministry said.',
]

interface Served {
  base: string
  version: { a: number }
  hits: { path: string; at: number; status: number }[]
  close(): Promise<void>
}

function rss(base: string, count: number, guidPrefix = 'a'): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>Story ${i + 1}</title><guid isPermaLink="false">${guidPrefix}-${i + 1}</guid><link>${base}/story/${i + 1}</link><pubDate>Mon, 15 Oct 2018 0${i}:30:00 GMT</pubDate><description>Teaser.</description></item>`,
  ).join('\n')
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`
}

async function serve(): Promise<Served> {
  const version = { a: 2 }
  const hits: Served['hits'] = []
  let base = ''
  const server = http.createServer((req, res) => {
    const path = req.url ?? ''
    const send = (status: number, headers: http.OutgoingHttpHeaders, body = '') => {
      hits.push({ path, at: Date.now(), status })
      res.writeHead(status, headers)
      res.end(body)
    }
    if (path === '/a.xml') {
      const etag = `"a-v${version.a}"`
      if (req.headers['if-none-match'] === etag) return send(304, { etag })
      return send(200, { 'content-type': 'application/rss+xml', etag }, rss(base, version.a))
    }
    if (path === '/mirror.xml') {
      // Another feed carrying the same stories (same links, other guids): still one document each.
      return send(200, { 'content-type': 'application/rss+xml' }, rss(base, 2, 'mirror'))
    }
    if (path === '/broken.xml') return send(500, {}, 'down')
    const story = path.match(/^\/story\/(\d)$/)
    if (story) {
      return send(
        200,
        { 'content-type': 'text/html' },
        `<html><body><article><h1>Story ${story[1]}</h1><p>${STORIES[Number(story[1]) - 1]}</p></article></body></html>`,
      )
    }
    send(404, {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    version,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

for (const backend of backends()) {
  describe(`watch on ${backend.name}`, () => {
    let served: Served
    before(async () => {
      await backend.setup()
      served = await serve()
    })
    after(async () => {
      await served.close()
      await backend.teardown()
    })

    it('polls with validators, backs off a failing feed and ingests each item once', async () => {
      const store = await backend.open()
      try {
        const pipeline = defaultContext()
        await syncPackSites(store)
        const feeds = new FeedStore(store.db)
        const queue = inlineQueue({ store, pipeline, fetch: { allowPrivate: true } })
        const a = `${served.base}/a.xml`
        const broken = `${served.base}/broken.xml`
        const poll = (urls: string[]) =>
          watchFeeds(feeds, urls, queue, {
            intervalSeconds: 0,
            once: true,
            hostDelayMs: 0,
            fetch: { allowPrivate: true },
          })

        const first = await poll([a, broken])
        const byUrl = (rs: PollResult[], url: string) => rs.find((r) => r.url === url)
        assert.deepEqual(byUrl(first, a), {
          url: a,
          status: 'new',
          items: 2,
          newItems: 2,
          failedItems: 0,
        })
        assert.equal(byUrl(first, broken)?.status, 'error')
        const afterFirst = await store.counts()
        assert.equal(afterFirst.documents, 2)

        // Unchanged feed: the server sees the ETag and answers 304; the failing feed is backing off.
        const second = await poll([a, broken])
        assert.deepEqual(second, [{ url: a, status: 'not-modified' }])
        assert.equal(served.hits.filter((h) => h.path === '/a.xml').at(-1)?.status, 304)
        assert.equal(served.hits.filter((h) => h.path === '/broken.xml').length, 1)

        // The feed changes: only the new item is fetched and stored.
        served.version.a = 3
        const storyHits = served.hits.filter((h) => h.path.startsWith('/story/')).length
        const third = await poll([a, broken])
        assert.equal(byUrl(third, a)?.status, 'new')
        assert.equal((byUrl(third, a) as { newItems: number }).newItems, 1)
        assert.equal(served.hits.filter((h) => h.path.startsWith('/story/')).length, storyHits + 1)

        // A second feed with the same stories under other guids adds no document and no event.
        const before = await store.counts()
        await poll([`${served.base}/mirror.xml`])
        assert.deepEqual(await store.counts(), before)
        assert.equal(before.documents, 3)

        const status = await feeds.list()
        const aState = status.find((f) => f.url === a)!
        assert.equal(aState.itemsSeen, 3)
        assert.equal(aState.etag, '"a-v3"')
        assert.equal(aState.consecutiveErrors, 0)
        const bState = status.find((f) => f.url === broken)!
        assert.equal(bState.consecutiveErrors, 1)
        assert.match(bState.lastError ?? '', /HTTP 500/)
        assert.equal(bState.backoffSeconds, 60)
        assert.ok(new Date(bState.nextPoll).getTime() > Date.now() + 30_000)
        assert.equal(bState.lastSuccess, null)
      } finally {
        await store.close()
      }
    })
  })
}

describe('watch politeness and back-off', () => {
  it('spaces requests to one host and doubles the back-off up to six hours', async () => {
    const served = await serve()
    const backend = backends()[0]
    const store = await backend.open()
    try {
      const pipeline = defaultContext()
      const queue = inlineQueue({ store, pipeline, fetch: { allowPrivate: true } })
      await watchFeeds(
        new FeedStore(store.db),
        [`${served.base}/broken.xml`, `${served.base}/mirror.xml`],
        queue,
        { intervalSeconds: 0, once: true, hostDelayMs: 150, fetch: { allowPrivate: true } },
      )
      const times = served.hits.map((h) => h.at)
      assert.ok(times.length >= 4)
      for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 140)
    } finally {
      await store.close()
      await served.close()
      await backend.teardown()
    }
    assert.equal(backoffSeconds(1, 0), 60)
    assert.equal(backoffSeconds(3, 0), 240)
    assert.equal(backoffSeconds(2, 900), 1800)
    assert.equal(backoffSeconds(20, 900), 6 * 60 * 60)
  })

  it('draws one progress line on a terminal and plain lines elsewhere', () => {
    let t = 0
    const tty: string[] = []
    const p = createProgress({
      label: 'ingest',
      total: 4,
      stream: { write: (s: string) => tty.push(s), isTTY: true, columns: 120 },
      now: () => (t += 500),
      redrawMs: 0,
    })
    p.tick('stored', 'stored: a')
    p.tick('stored', 'stored: b')
    const line = tty.at(-1)!
    assert.ok(line.startsWith('\r\u001b[K'), 'rewrites the line in place')
    assert.match(line, /ingest: 2\/4 \(50 %\) · stored 2 · [\d.]+\/s · ETA \d+s/)
    const plain: string[] = []
    const q = createProgress({ label: 'ingest', stream: { write: (s: string) => plain.push(s) } })
    q.tick('stored', 'stored: a')
    assert.deepEqual(plain, ['stored: a\n'])
    const quiet: string[] = []
    createProgress({ label: 'x', quiet: true, stream: { write: (s) => quiet.push(s) } }).tick(
      'stored',
      'stored: a',
    )
    assert.deepEqual(quiet, [])
  })
})

describe('watch and feeds commands', () => {
  it('polls a watch list once and lists the feeds', async () => {
    const served = await serve()
    const dir = tempDir()
    const list = path.join(dir, 'feeds.txt')
    fs.writeFileSync(list, `# wire\n${served.base}/a.xml\n${served.base}/broken.xml\n`)
    const run = async (args: string[]) => {
      const r = await runCliAsync(path.join(dir, 'db'), args, ISSUE10_CLI)
      return { out: r.stdout, err: r.stderr, code: r.status }
    }
    try {
      const watched = await run([
        'watch',
        list,
        '--once',
        '--interval',
        '0',
        '--host-delay',
        '0',
        '--allow-private',
      ])
      assert.match(watched.out, /a\.xml: 2 items, 2 new/)
      assert.match(watched.out, /stored: http:\/\/127\.0\.0\.1:\d+\/story\/1 — \d+ events/)
      assert.match(watched.err, /broken\.xml: .*HTTP 500 \(next try in 60 s\)/)
      assert.equal(watched.code, 1)
      const listed = await run(['feeds'])
      assert.match(listed.out, /a\.xml\s+ok\s+\S+ \S+\s+2\s/)
      assert.match(listed.out, /broken\.xml\s+failing ×1/)
      const json = JSON.parse((await run(['feeds', '--json'])).out) as { feeds: FeedStatus[] }
      assert.equal(json.feeds.length, 2)
    } finally {
      await served.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
