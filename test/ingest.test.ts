/** Reading documents: HTML clutter, dates and their strategies, JSONL lines, and bad inputs. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { readSources, type SourceItem } from '../src/ingest/read-sources.ts'
import { extractArticle } from '../src/ingest/extract-article.ts'
import { parseDateline } from '../src/ingest/published-date.ts'
import { detectLanguage, languageOfText } from '../src/ingest/detect-language.ts'
import { canonicalUrl } from '../src/ingest/canonical-url.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'
import { tempDir } from './support/backends.ts'
import { garbageCollector } from '../src/store/heap-trim.ts'

async function collect(inputs: string[]): Promise<SourceItem[]> {
  const items: SourceItem[] = []
  for await (const item of readSources(inputs)) items.push(item)
  return items
}

async function article(file: string) {
  const [item] = await collect([path.join(SAMPLES_DIR, file)])
  assert.ok('document' in item)
  return extractArticle(item.document)
}

describe('extractArticle', () => {
  it('keeps the story and drops cookie banners, captions, share bars and related stories', async () => {
    const a = await article('nasib-jaber-2018-10-15.html')
    assert.equal(a.title, 'Jordan and Syria reopen Jaber-Nassib crossing after three-year closure')
    assert.equal(a.published, '2018-10-15T09:30:00+03:00')
    assert.equal(a.publishedStrategy, 'meta')
    assert.equal(a.outlet, 'Levant Ledger')
    assert.match(a.text, /Jordan and Syria reopened their main border crossing on Monday/)
    for (const clutter of [
      /cookies/i,
      /Share on/,
      /Photo: AFP/,
      /Derby week/,
      /Subscribe/,
      /min read/,
      /All rights reserved/,
    ]) {
      assert.doesNotMatch(a.text, clutter)
    }
  })

  it('finds the date in JSON-LD when the page has no meta tag, and strips the outlet from the title', async () => {
    const a = await article('al-qaim-2019-12-30.html')
    assert.equal(a.publishedStrategy, 'json-ld')
    assert.equal(a.published, '2019-12-30T10:25:00+03:00')
    assert.doesNotMatch(a.title, /Euphrates Wire$/)
  })

  it('reads the dateline of a plain-text report and drops the read-time and credit lines', () => {
    const text =
      'A title\n\nSeptember 30, 2019 19:03\n4 minute read.\n\nThe crossing reopened on Monday.\n\nCookie Settings\n'
    const a = extractArticle({
      hash: 'x'.repeat(64),
      origin: 't',
      contentType: 'text/plain',
      content: text,
      hints: {},
    })
    assert.equal(a.title, 'A title')
    assert.equal(a.published, '2019-09-30T19:03')
    assert.equal(a.publishedStrategy, 'dateline')
    assert.equal(a.text, 'The crossing reopened on Monday.')
  })

  it('lets a given publication date win over the one in the page', async () => {
    const [item] = await collect([path.join(SAMPLES_DIR, 'nasib-jaber-2018-10-15.html')])
    assert.ok('document' in item)
    const a = extractArticle({ ...item.document, hints: { published: '2018-10-16' } })
    assert.equal(a.published, '2018-10-16')
    assert.equal(a.publishedStrategy, 'given')
  })
})

describe('parseDateline', () => {
  it('reads the common dateline shapes', () => {
    assert.equal(parseDateline('September 30, 2019 19:03'), '2019-09-30T19:03')
    assert.equal(parseDateline('30 September 2019'), '2019-09-30')
    assert.equal(parseDateline('Published: 2019-10-01 08:15 UTC'), '2019-10-01T08:15Z')
    assert.equal(parseDateline('December 30, 2019 10:25 PM'), '2019-12-30T22:25')
    assert.equal(parseDateline('The crossing reopened'), null)
  })
})

describe('readSources', () => {
  it('reads JSONL line by line and names the bad line', async () => {
    const dir = tempDir()
    try {
      const file = path.join(dir, 'bulk.jsonl')
      fs.writeFileSync(
        file,
        [
          JSON.stringify({
            id: 1,
            title: 'One',
            published: '2020-01-01',
            text: 'The crossing closed.',
          }),
          '{not json',
          JSON.stringify({ id: 3, title: 'No text' }),
          JSON.stringify({ id: 4, html: '<html><body><p>Hello there.</p></body></html>' }),
        ].join('\n'),
      )
      const items = await collect([file])
      assert.equal(items.length, 4)
      assert.ok('document' in items[0] && items[0].document.hints.published === '2020-01-01')
      assert.ok(
        'error' in items[1] && /bulk\.jsonl:2: is not valid JSON/.test(items[1].error.message),
      )
      assert.ok(
        'error' in items[2] && /bulk\.jsonl:3: .*"text" or "html"/.test(items[2].error.message),
      )
      assert.ok('document' in items[3] && items[3].document.contentType === 'text/html')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('walks folders for known report files only, in name order', async () => {
    const items = await collect([SAMPLES_DIR])
    const origins = items.map((i) => ('document' in i ? i.document.origin : i.error.input))
    assert.ok(origins.every((o) => !o.endsWith('README.md')))
    assert.ok(items.every((i) => 'document' in i))
    assert.ok(origins.length >= 10)
  })
})

describe('detectLanguage', () => {
  const english =
    'The crossing between Jordan and Syria reopened on Monday, and officials said that traffic was light for most of the day as trucks waited at the gate.'
  const german =
    'Der Grenzübergang zwischen Jordanien und Syrien wurde am Montag wieder geöffnet, und die Behörden sagten, dass der Verkehr für Reisende und den Handel nur langsam zunehmen werde.'
  it('reads the language from the text', () => {
    assert.equal(languageOfText(english), 'en')
    assert.equal(languageOfText(german), 'de')
    assert.equal(
      languageOfText(
        'معبر البوكمال الحدودي بين سوريا والعراق أعيد فتحه يوم الاثنين بعد سنوات من الإغلاق وسط إجراءات أمنية مشددة',
      ),
      'ar',
    )
    assert.equal(languageOfText('Too short.'), null)
  })

  it('trusts the text over a template that declares another language', () => {
    assert.deepEqual(detectLanguage('en-US', german), { language: 'de', source: 'text' })
    assert.deepEqual(detectLanguage('en-GB', english), { language: 'en', source: 'declared' })
    assert.deepEqual(detectLanguage('pt-BR', 'Short'), { language: 'pt', source: 'declared' })
  })
})

describe('gzip input', () => {
  it('reads .html.gz files and refuses a broken one by name', async () => {
    const dir = tempDir()
    try {
      const html = fs.readFileSync(path.join(SAMPLES_DIR, 'masnaa-2024-10-04.html'))
      fs.writeFileSync(path.join(dir, 'a.html.gz'), zlib.gzipSync(html))
      fs.writeFileSync(path.join(dir, 'b.html.gz'), Buffer.from('not gzip at all'))
      const items = await collect([dir])
      assert.equal(items.length, 2)
      assert.ok('document' in items[0] && items[0].document.contentType === 'text/html')
      assert.ok(
        'error' in items[1] && /b\.html\.gz: is not a valid gzip file/.test(items[1].error.message),
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('canonicalUrl', () => {
  it('drops tracking parameters, fragments, AMP variants and www', () => {
    const canonical = 'https://example.com/news/2019/09/30/story?id=3'
    for (const u of [
      'https://www.Example.com/news/2019/09/30/story/?utm_source=tw&id=3#top',
      'http://example.com/news/2019/09/30/story/amp/?id=3&fbclid=abc',
      'https://amp.example.com/news/2019/09/30/story?id=3',
    ]) {
      assert.equal(canonicalUrl(u), canonical, u)
    }
    assert.equal(canonicalUrl('ftp://example.com/x'), null)
    assert.equal(canonicalUrl('not a url'), null)
  })
})

describe('hostile pages', () => {
  it('reads a page nested too deep for a DOM walk as text, without throwing', () => {
    const depth = 20_000
    const content = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>The crossing reopened.</p>${'</div>'.repeat(depth)}</body></html>`
    const a = extractArticle({
      hash: 'd'.repeat(64),
      origin: 'deep.html',
      contentType: 'text/html',
      content,
      hints: {},
    })
    assert.equal(a.title, 'Deep')
    assert.equal(a.text, 'The crossing reopened.')
  })

  it('reads truncated HTML', () => {
    const content = '<html><body><article><p>The crossing reopened on Monday and trucks'
    const a = extractArticle({
      hash: 't'.repeat(64),
      origin: 'cut.html',
      contentType: 'text/html',
      content,
      hints: {},
    })
    assert.match(a.text, /reopened on Monday and trucks/)
  })
})

describe('heap trimming during long ingests', () => {
  it("reaches V8's full collector without --expose-gc, and collecting frees garbage", () => {
    const gc = garbageCollector()
    assert.equal(typeof gc, 'function')
    let garbage: number[][] | null = Array.from({ length: 200 }, () => new Array(50_000).fill(1))
    assert.equal(garbage.length, 200)
    const before = process.memoryUsage().heapUsed
    garbage = null
    gc!()
    assert.ok(process.memoryUsage().heapUsed < before - 40 * 2 ** 20)
  })
})
