/**
 * Hostile and odd input (issue 11): enormous JSONL lines, files and gzip bombs over the limits,
 * giant HTML attributes, invalid UTF-8 and legacy encodings. Each refusal is one line naming the
 * input, and the rest of a batch is still read. The inputs are made here, in a temporary folder.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { extractArticle } from '../src/ingest/extract-article.ts'
import { capAttributes, MAX_ATTRIBUTE_LENGTH } from '../src/ingest/html-attributes.ts'
import { parsePage } from '../src/ingest/html-tree.ts'
import { jsonlLines, textLines } from '../src/ingest/jsonl-lines.ts'
import { DEFAULT_READ_LIMITS, formatBytes, type ReadLimits } from '../src/ingest/read-limits.ts'
import { readSources, readStream, type SourceItem } from '../src/ingest/read-sources.ts'
import type { RawDocument } from '../src/model/index.ts'
import { tempDir } from './support/backends.ts'

let dir = ''
before(() => {
  dir = tempDir('borderwatch-hostile-')
})
after(() => fs.rmSync(dir, { recursive: true, force: true }))

async function collect(inputs: string[], limits?: Partial<ReadLimits>): Promise<SourceItem[]> {
  const items: SourceItem[] = []
  for await (const item of readSources(inputs, {}, { limits })) items.push(item)
  return items
}

/** One line per item: the document's origin, or the error's message. */
function summary(items: SourceItem[]): string[] {
  return items.map((i) => ('document' in i ? `doc ${i.document.origin}` : i.error.message))
}

function record(id: number, text = `Report ${id}: the crossing reopened on Monday.`): string {
  return JSON.stringify({ id, text })
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

describe('JSONL line limit', () => {
  it('refuses a line over the limit by number and size, and reads the lines after it', async () => {
    const long = record(2, 'x'.repeat(2000))
    const file = write('small-limit.jsonl', [record(1), long, '', record(4)].join('\n'))
    const items = await collect([file], { maxLineBytes: 1024 })
    assert.deepEqual(summary(items), [
      `doc ${file}:1`,
      `${file}:2: line is ${Buffer.byteLength(long)} bytes, over the limit of 1 KiB`,
      `doc ${file}:4`,
    ])
    assert.equal('error' in items[1] && items[1].error.code, 'too-large')
  })

  it('holds the default of 16 MiB: a longer line is refused, the file goes on', async () => {
    assert.equal(DEFAULT_READ_LIMITS.maxLineBytes, 16 * 1024 * 1024)
    const long = record(2, 'y'.repeat(DEFAULT_READ_LIMITS.maxLineBytes))
    const file = write('default-limit.jsonl', `${record(1)}\r\n${long}\r\n${record(3)}\r\n`)
    const items = await collect([file])
    assert.deepEqual(summary(items), [
      `doc ${file}:1`,
      `${file}:2: line is ${Buffer.byteLength(long) + 1} bytes, over the limit of 16 MiB`,
      `doc ${file}:3`,
    ])
  })

  it('never holds more of a line than the limit while counting it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'z')
    const chunks = Readable.from(
      (function* () {
        for (let i = 0; i < 64; i++) yield chunk
        yield Buffer.from('\n{"id":2}\n')
      })(),
    )
    const lines = []
    for await (const line of jsonlLines(chunks, 100_000)) lines.push(line)
    assert.deepEqual(lines, [
      { line: 1, tooLong: 64 * 64 * 1024 },
      { line: 2, text: '{"id":2}' },
    ])
    assert.deepEqual(
      [...textLines('\uFEFF{}\r\n\u00e9\u00e9\u00e9\u00e9\n', 6)],
      [
        { line: 1, text: '{}' },
        { line: 2, tooLong: 8 },
        { line: 3, text: '' },
      ],
    )
  })

  it('streams a JSONL file bigger than the whole-file limit, and .jsonl.gz too', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => record(i + 1))
    const plain = write('big.jsonl', lines.join('\n'))
    const gz = write('big.jsonl.gz', zlib.gzipSync(lines.join('\n')))
    const limits = { maxFileBytes: 1024 }
    for (const file of [plain, gz]) {
      const items = await collect([file], limits)
      assert.equal(items.filter((i) => 'document' in i).length, 200, file)
    }
  })

  it('stops a .jsonl.gz that inflates past its limit, keeping the lines read before', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => record(i + 1))
    const file = write('bomb.jsonl.gz', zlib.gzipSync(lines.join('\n')))
    const items = await collect([file], { maxInflatedJsonlBytes: 32 * 1024 })
    const last = items[items.length - 1]
    assert.ok('error' in last)
    assert.equal(last.error.code, 'too-large')
    assert.match(last.error.message, /bomb\.jsonl\.gz: inflates to more than 32 KiB/)
    assert.ok(items.length > 1 && items.length < 2000)
  })

  it('names a line of invalid UTF-8, and refuses a binary or empty file whole', async () => {
    const file = write(
      'mixed.jsonl',
      Buffer.concat([
        Buffer.from(`${record(1)}\n{"id":2,"text":"caf`),
        Buffer.from([0xe9, 0x22, 0x7d, 0x0a]),
        Buffer.from(`\uFEFF${record(3)}\n`),
      ]),
    )
    const items = await collect([file])
    assert.deepEqual(summary(items).slice(0, 2), [
      `doc ${file}:1`,
      `${file}:2: is not valid UTF-8 text`,
    ])
    assert.equal(items.length, 3)
    const binary = write('binary.jsonl', Buffer.from([0x7b, 0x00, 0x01, 0x7d, 0x0a]))
    const empty = write('empty.jsonl', '\n \n')
    assert.deepEqual(summary(await collect([binary, empty])), [
      `${binary}: is a binary file, not a text or HTML report`,
      `${empty}: is empty`,
    ])
  })
})

describe('file size and gzip limits', () => {
  it('refuses a file over the limit from its size, before reading it', async () => {
    const file = path.join(dir, 'sparse.html')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, DEFAULT_READ_LIMITS.maxFileBytes + 1)
    const small = write('small.html', `<html><body><p>${'word '.repeat(400)}</p></body></html>`)
    assert.deepEqual(summary(await collect([file, small], { maxFileBytes: 1024 })), [
      `${file}: is larger than 1 KiB`,
      `${small}: is larger than 1 KiB`,
    ])
    assert.deepEqual(summary(await collect([file])), [`${file}: is larger than 20 MiB`])
  })

  it('refuses a gzip bomb at the default 50 MiB, and at a lower limit', async () => {
    const bomb = write('bomb.html.gz', zlib.gzipSync(Buffer.alloc(51 * 1024 * 1024, ' ')))
    assert.ok(fs.statSync(bomb).size < 1024 * 1024)
    const report = write('fine.html.gz', zlib.gzipSync('<html><body><p>Fine.</p></body></html>'))
    assert.deepEqual(summary(await collect([bomb, report])), [
      `${bomb}: inflates to more than 50 MiB`,
      `doc ${report}`,
    ])
    assert.deepEqual(summary(await collect([bomb], { maxInflatedBytes: 4096 })), [
      `${bomb}: inflates to more than 4 KiB`,
    ])
  })

  it('stops reading a stream past the limit', async () => {
    const stream = Readable.from([Buffer.alloc(600), Buffer.alloc(600)])
    await assert.rejects(
      readStream(1000, 'stdin', stream),
      /^IngestError: stdin: is larger than 1000 bytes$/,
    )
    assert.equal((await readStream(2000, 'stdin', Readable.from([Buffer.alloc(600)]))).length, 600)
  })

  it('says sizes in whole units', () => {
    assert.equal(formatBytes(16 * 1024 * 1024), '16 MiB')
    assert.equal(formatBytes(64 * 1024), '64 KiB')
    assert.equal(formatBytes(1000), '1000 bytes')
  })
})

describe('encodings', () => {
  it('reads a page that declares a legacy charset, and a UTF-16 file with its byte order mark', async () => {
    const latin = write(
      'latin.html',
      Buffer.from(
        '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 at the crossing</p></body></html>',
        'latin1',
      ),
    )
    const utf16 = write(
      'wide.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Na\u00efve report', 'utf16le')]),
    )
    const feed = write(
      'latin.xml',
      Buffer.from(
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9</title></channel></rss>',
        'latin1',
      ),
    )
    const items = await collect([latin, utf16, feed])
    assert.ok('document' in items[0] && items[0].document.content.includes('Caf\u00e9 at'))
    assert.ok('document' in items[1] && items[1].document.content === 'Na\u00efve report')
    assert.equal(items.length, 2, 'a feed without items gives no document and no error')
  })

  it('refuses a file that is not UTF-8 and declares nothing, by name', async () => {
    const file = write('undeclared.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
    assert.deepEqual(summary(await collect([file])), [
      `${file}: is not valid UTF-8 text (a binary file?)`,
    ])
  })
})

describe('HTML attribute limit', () => {
  const prose =
    'Trucks queued at the crossing for a second day, drivers said, while officials checked papers slowly.'
  const story = `<article>${Array.from({ length: 4 }, () => `<p>${prose}</p>`).join('')}</article>`

  function doc(content: string): RawDocument {
    return { hash: 'a'.repeat(64), origin: 'a.html', contentType: 'text/html', content, hints: {} }
  }

  it('cuts values over the limit and leaves a normal page as it was', () => {
    const normal = `<html><head><title>T</title></head><body class="x" data-a='1'>${story}</body></html>`
    assert.equal(capAttributes(normal), normal)
    const cut = capAttributes(`<p title="${'t'.repeat(50)}" id=${'u'.repeat(50)}>Hi</p>`, 10)
    assert.equal(cut, `<p title="${'t'.repeat(10)}" id=${'u'.repeat(10)}>Hi</p>`)
    const script = `<script>var s = "<a href='${'v'.repeat(50)}'>"</script>`
    assert.equal(capAttributes(script, 10), script)
    assert.equal(capAttributes('<p a="never closed', 5), '<p a="never')
    assert.equal(capAttributes('<p\u00a0a="x">ok</p>', 5), '<p\u00a0a="x">ok</p>')
    const page = parsePage(`<p style="${'s'.repeat(50)}">Hi</p>`, { maxAttributeLength: 10 })
    assert.equal(page.longAttributes, 1)
  })

  it('reads the same story beside a giant data: URI and inline style at the default limit', () => {
    const huge = 'A'.repeat(MAX_ATTRIBUTE_LENGTH * 4)
    const plain = extractArticle(doc(`<html><body>${story}</body></html>`))
    const hostile = extractArticle(
      doc(
        `<html><body><img src="data:image/png;base64,${huge}"><div style="color:red;${huge}" class="${huge}">${story}</div></body></html>`,
      ),
    )
    assert.equal(hostile.text, plain.text)
    const short = `<div class="${huge}"><p>${prose}</p></div><img src="data:,${huge}">`
    const fallback = extractArticle(doc(`<html><body>${short}</body></html>`))
    assert.equal(fallback.text, prose)
    assert.equal(parsePage(short).longAttributes, 2)
  })
})
