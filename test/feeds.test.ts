/** Feeds and OPML lists: items with their own story, items that link to pages, and bad feeds. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { readSources, type SourceItem } from '../src/ingest/read-sources.ts'
import { feedItems, sniffKind } from '../src/ingest/read-feed.ts'
import { tempDir } from './support/backends.ts'

const STORY = Array.from(
  { length: 30 },
  () => 'The crossing between Jordan and Syria reopened.',
).join(' ')

function rss(base: string): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Linked story</title><link>${base}/story</link><pubDate>Mon, 15 Oct 2018 06:30:00 GMT</pubDate><description>A teaser.</description></item>
<item><title>Full story</title><link>${base}/full</link><pubDate>Mon, 15 Oct 2018 07:00:00 GMT</pubDate><content:encoded><![CDATA[<p>${STORY}</p>]]></content:encoded></item>
</channel></rss>`
}

describe('feeds', () => {
  let server: http.Server
  let base: string
  let dir: string
  before(async () => {
    dir = tempDir()
    server = http.createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' })
        res.end(rss(base))
      } else if (req.url === '/story') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end(
          '<html><body><article><p>Jordan reopened the Jaber crossing on Monday, officials said.</p></article></body></html>',
        )
      } else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(async () => {
    await new Promise((resolve) => server.close(resolve))
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function collect(inputs: string[]): Promise<SourceItem[]> {
    const items: SourceItem[] = []
    for await (const item of readSources(inputs, {}, { fetch: { allowPrivate: true } }))
      items.push(item)
    return items
  }

  it('tells feeds and OPML lists from pages', () => {
    assert.equal(sniffKind(rss('http://x')), 'feed')
    assert.equal(
      sniffKind('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>'),
      'feed',
    )
    assert.equal(sniffKind('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), 'feed')
    assert.equal(sniffKind('<opml version="2.0"><body/></opml>'), 'opml')
    assert.equal(sniffKind('<!doctype html><html></html>'), 'other')
  })

  it('reads Atom and JSON Feed items', () => {
    const atom = feedItems(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title><link href="https://x.org/b"/><published>2019-09-30T16:03:00Z</published></entry></feed>',
      'a.atom',
    )
    assert.deepEqual(atom, [
      { url: 'https://x.org/b', title: 'B', published: '2019-09-30T16:03:00Z', content: null },
    ])
    const json = feedItems(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [{ id: '1', url: 'https://x.org/c', title: 'C', content_text: 'Text' }],
      }),
      'j.json',
    )
    assert.equal(json[0].content, 'Text')
  })

  it('fetches linked stories and keeps full ones from a feed URL, with the feed dates', async () => {
    const items = await collect([`${base}/feed.xml`])
    assert.equal(items.length, 2)
    const [linked, full] = items
    assert.ok('document' in linked && 'document' in full)
    assert.equal(linked.document.hints.url, `${base}/story`)
    assert.equal(linked.document.hints.published, '2018-10-15T06:30:00.000Z')
    assert.match(linked.document.content, /Jaber crossing/)
    assert.equal(full.document.origin, `${base}/feed.xml#2`)
    assert.match(full.document.content, /reopened/)
  })

  it('follows an OPML list to its feeds', async () => {
    const opml = path.join(dir, 'feeds.opml')
    fs.writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="g"><outline text="wire" xmlUrl="${base}/feed.xml"/></outline></body></opml>`,
    )
    const items = await collect([opml])
    assert.equal(items.filter((i) => 'document' in i).length, 2)
  })

  it('names a feed that is not a feed', async () => {
    const bad = path.join(dir, 'broken.rss')
    fs.writeFileSync(bad, '<rss version="2.0"><channel><item><title>cut off')
    const [item] = await collect([bad])
    assert.ok('error' in item)
    assert.match(item.error.message, /broken\.rss: is not a readable feed/)
  })
})
