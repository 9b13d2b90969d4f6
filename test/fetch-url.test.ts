/** URL fetching against a local server: address policy after DNS and redirects, limits, charsets. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import zlib from 'node:zlib'
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fetchPage, isPublicAddress } from '../src/ingest/fetch-url.ts'
import { runCliAsync } from './support/run-cli.ts'
import { tempDir } from './support/backends.ts'

const PAGE =
  '<html><head><title>Caf\u00e9 crossing</title></head><body><p>The crossing reopened.</p></body></html>'

describe('fetchPage', () => {
  let server: http.Server
  let port: number
  const base = () => `http://127.0.0.1:${port}`
  before(async () => {
    server = http.createServer((req, res) => {
      const route = req.url ?? '/'
      if (route === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(PAGE)
      } else if (route === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
        res.end(Buffer.from(PAGE, 'latin1'))
      } else if (route === '/lying') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(Buffer.from(PAGE, 'latin1'))
      } else if (route === '/gzip') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        res.end(zlib.gzipSync(PAGE))
      } else if (route === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('x'.repeat(50_000))
      } else if (route === '/bomb') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        res.end(zlib.gzipSync(Buffer.alloc(5_000_000, 32)))
      } else if (route === '/image') {
        res.writeHead(200, { 'content-type': 'image/png' })
        res.end(Buffer.from([0x89, 0x50]))
      } else if (route === '/to-page') {
        res.writeHead(302, { location: '/page' })
        res.end()
      } else if (route === '/to-other-loopback') {
        res.writeHead(302, { location: `http://127.0.0.2:${port}/page` })
        res.end()
      } else if (route === '/loop') {
        res.writeHead(302, { location: '/loop' })
        res.end()
      } else if (route === '/hang') {
        // never answers: the client must give up by itself
      } else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  after(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('knows public from private, loopback and link-local addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ]) {
      assert.equal(isPublicAddress(a), false, a)
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111'])
      assert.equal(isPublicAddress(a), true, a)
  })

  it('refuses loopback by name (after DNS) and by address unless allowed', async () => {
    await assert.rejects(
      fetchPage(`http://localhost:${port}/page`),
      /refusing to fetch from 127\.0\.0\.1.*--allow-private/,
    )
    await assert.rejects(fetchPage(`${base()}/page`), /refusing to fetch from 127\.0\.0\.1/)
    const page = await fetchPage(`${base()}/page`, { allowPrivate: true })
    assert.equal(page.contentType, 'text/html')
    assert.match(page.text, /Café crossing/)
  })

  it('checks the address again after every redirect', async () => {
    const onlyFirst = { isAllowedAddress: (a: string) => a === '127.0.0.1' }
    const page = await fetchPage(`${base()}/to-page`, onlyFirst)
    assert.equal(page.url, `${base()}/page`)
    await assert.rejects(
      fetchPage(`${base()}/to-other-loopback`, onlyFirst),
      /refusing to fetch from 127\.0\.0\.2/,
    )
    await assert.rejects(
      fetchPage(`${base()}/loop`, { allowPrivate: true }),
      /redirected more than 5 times/,
    )
  })

  it('decodes declared, sniffed and mis-declared charsets, and gzip bodies', async () => {
    const o = { allowPrivate: true }
    assert.match((await fetchPage(`${base()}/latin1`, o)).text, /Café crossing/)
    assert.match((await fetchPage(`${base()}/lying`, o)).text, /Café crossing/)
    assert.match((await fetchPage(`${base()}/gzip`, o)).text, /Café crossing/)
  })

  it('enforces the time limit, the size cap and the decompressed size cap', async () => {
    const o = { allowPrivate: true }
    await assert.rejects(
      fetchPage(`${base()}/hang`, { ...o, timeoutMs: 300 }),
      /timed out after 0\.3 s/,
    )
    await assert.rejects(
      fetchPage(`${base()}/big`, { ...o, maxBytes: 10_000 }),
      /is larger than 10000 bytes/,
    )
    await assert.rejects(
      fetchPage(`${base()}/bomb`, { ...o, maxBytes: 1_000_000 }),
      /inflates to more than 1000000 bytes/,
    )
  })

  it('refuses what is not a page, and says what the server answered', async () => {
    const o = { allowPrivate: true }
    await assert.rejects(fetchPage(`${base()}/image`, o), /is image\/png, not a web page or feed/)
    await assert.rejects(fetchPage(`${base()}/missing`, o), /answered HTTP 404/)
    await assert.rejects(fetchPage('ftp://example.org/x'), /only http and https URLs/)
    await assert.rejects(fetchPage('http://'), /is not a valid URL/)
  })

  it('ingests a URL from the command line only with --allow-private for a local server', async () => {
    const dir = tempDir()
    try {
      const db = path.join(dir, 'db')
      const refused = await runCliAsync(db, ['ingest', `${base()}/page`])
      assert.equal(refused.status, 1)
      assert.match(
        refused.stderr.trim(),
        /^borderwatch: http:\/\/127\.0\.0\.1:\d+\/page: refusing to fetch/,
      )
      const run = await runCliAsync(db, ['ingest', `${base()}/page`, '--allow-private'])
      assert.equal(run.status, 0, run.stderr)
      assert.match(run.stdout, /1 stored/)
      assert.ok(fs.existsSync(db))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
