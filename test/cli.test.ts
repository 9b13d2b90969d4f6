/** The CLI as a user drives it: bad input, idempotent ingest, events, sites and exports. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { spawn } from 'node:child_process'
import { BIN, runCli } from './support/run-cli.ts'
import { tempDir } from './support/backends.ts'
import { SAMPLES_DIR } from '../src/cli/commands.ts'

const REPORT = `Crossing between Jordan and Syria reopens

October 15, 2018 09:30

The Jaber-Nasib border crossing between Jordan and Syria reopened on Monday for passengers and trade, three years after it was closed.

Jordan closed the crossing in April 2015 when rebels seized the Syrian side.
`

describe('borderwatch CLI', () => {
  let work: string
  let db: string
  before(() => {
    work = tempDir()
    db = path.join(work, 'db')
    fs.writeFileSync(path.join(work, 'good.txt'), REPORT)
    fs.writeFileSync(
      path.join(work, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    )
    fs.writeFileSync(path.join(work, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
  })
  after(() => fs.rmSync(work, { recursive: true, force: true }))

  it('names a missing file in one line, exits non-zero and stores nothing', () => {
    const run = runCli(db, ['ingest', path.join(work, 'missing.txt')])
    assert.notEqual(run.status, 0)
    const lines = run.stderr.trim().split('\n')
    assert.equal(lines.length, 1, run.stderr)
    assert.match(lines[0], /missing\.txt: no such file or folder/)
    assert.doesNotMatch(run.stderr, /\bat .*\.ts:\d+/)
    assert.match(runCli(db, ['events']).stdout, /no events yet/)
  })

  it('refuses binary and non-UTF-8 files with a reason', () => {
    const run = runCli(db, ['ingest', path.join(work, 'binary.txt')])
    assert.notEqual(run.status, 0)
    assert.match(run.stderr.trim(), /^borderwatch: .*binary\.txt: is a binary file/)
    const latin = runCli(db, ['ingest', path.join(work, 'latin1.txt')])
    assert.notEqual(latin.status, 0)
    assert.match(latin.stderr, /latin1\.txt: is not valid UTF-8 text/)
  })

  it('stores the good files of a batch and reports the bad one', () => {
    const run = runCli(db, ['ingest', path.join(work, 'good.txt'), path.join(work, 'binary.txt')])
    assert.equal(run.status, 1)
    assert.match(run.stdout, /1 stored, 0 re-extracted, 0 already stored, 0 duplicates, 1 failed/)
    assert.match(run.stderr, /binary\.txt/)
    const events = JSON.parse(runCli(db, ['events', '--json']).stdout)
    assert.ok(events.total > 0)
  })

  it('stores the same report once when ingested twice', () => {
    const before = JSON.parse(runCli(db, ['events', '--json']).stdout).total
    const run = runCli(db, ['ingest', path.join(work, 'good.txt')])
    assert.equal(run.status, 0)
    assert.match(run.stdout, /0 stored, 0 re-extracted, 1 already stored, 0 duplicates, 0 failed/)
    assert.equal(JSON.parse(runCli(db, ['events', '--json']).stdout).total, before)
  })

  it('stores a page once when it comes again under a tracking or AMP URL', () => {
    const file = path.join(work, 'bulk.jsonl')
    const line = (url: string, text: string) =>
      JSON.stringify({ url, title: 'Rafah crossing closed', published: '2024-05-07', text })
    fs.writeFileSync(
      file,
      [
        line(
          'https://news.example.org/2024/05/07/rafah?utm_source=feed',
          'Israel closed the Rafah crossing on Tuesday.',
        ),
        line(
          'https://amp.news.example.org/2024/05/07/rafah/amp/',
          'Israel closed the Rafah crossing on Tuesday. Updated.',
        ),
      ].join('\n'),
    )
    const run = runCli(db, ['ingest', file])
    assert.equal(run.status, 0, run.stderr)
    assert.match(run.stdout, /1 stored, 0 re-extracted, 0 already stored, 1 duplicates, 0 failed/)
    assert.match(
      run.stdout,
      /duplicate: .*bulk\.jsonl:2 \(same page as https:\/\/news\.example\.org\/2024\/05\/07\/rafah\)/,
    )
  })

  it('reads a report from standard input', () => {
    const run = runCli(
      db,
      ['ingest', '-', '--published', '2019-09-30'],
      'Title\n\nThe Al Qaim crossing reopened on Monday.\n',
    )
    assert.equal(run.status, 0, run.stderr)
    assert.match(run.stdout, /1 stored/)
  })

  it('rejects a bad --published value', () => {
    const run = runCli(db, ['ingest', path.join(work, 'good.txt'), '--published', 'last tuesday'])
    assert.equal(run.status, 2)
    assert.match(run.stderr, /--published "last tuesday": not a date/)
  })

  it('lists events with their sentences, and the reopening at the right site and date', () => {
    const { events } = JSON.parse(runCli(db, ['events', '--json']).stdout)
    const reopening = events.find(
      (e: { type: string; article: { title: string } }) =>
        e.type === 'crossing-opened' && e.article.title.startsWith('Crossing between'),
    )
    assert.ok(reopening, 'a crossing-opened event')
    assert.equal(reopening.time.start, '2018-10-15')
    assert.equal(reopening.place.siteId, 'nasib-jaber')
    assert.match(reopening.sentence, /reopened on Monday/)
    const table = runCli(db, ['events', '--type', 'crossing-opened'])
    assert.match(table.stdout, /crossing-opened/)
    assert.equal(runCli(db, ['events', '--type', 'parade']).status, 2)
  })

  it('filters events by actor alias, modality and dates, and names a bad filter', () => {
    const all = JSON.parse(runCli(db, ['events', '--json']).stdout).events as {
      modality: string
      time: { start: string; end: string }
      actors: { id: string }[]
    }[]
    const byAlias = JSON.parse(runCli(db, ['events', '--json', '--actor', 'Jordan']).stdout)
    assert.ok(byAlias.events.length > 0)
    assert.ok(byAlias.events.length < all.length)
    for (const e of byAlias.events as { actors: { id: string }[] }[])
      assert.ok(
        e.actors.some((a) => /jordan|country:JO|jo-/i.test(a.id)),
        JSON.stringify(e.actors),
      )
    const asserted = JSON.parse(runCli(db, ['events', '--json', '--modality', 'asserted']).stdout)
    assert.equal(asserted.total, all.filter((e) => e.modality === 'asserted').length)
    const late = JSON.parse(runCli(db, ['events', '--json', '--from', '2019-01-01']).stdout)
    assert.equal(late.total, all.filter((e) => e.time.end >= '2019-01-01').length)
    const bad = runCli(db, ['events', '--modality', 'maybe'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /^borderwatch: --modality maybe: unknown/)
    assert.equal(runCli(db, ['events', '--actor', 'Nobody At All']).status, 1)
  })

  it('shows a site timeline under any spelling of its name', () => {
    for (const name of ['Nasib', 'Nassib', 'jaber', 'Jaber-Nasib']) {
      const run = runCli(db, ['site', name])
      assert.equal(run.status, 0, `${name}: ${run.stderr}`)
      assert.match(run.stdout, /nasib-jaber/)
      assert.match(run.stdout, /2018-10-15 → now: open/)
    }
    const missing = runCli(db, ['site', 'Atlantis'])
    assert.equal(missing.status, 1)
    assert.match(missing.stderr, /no site named "Atlantis"/)
  })

  it('exports GeoJSON, CSV and JSONL', () => {
    const geo = JSON.parse(runCli(db, ['export', '--format', 'geojson']).stdout)
    assert.equal(geo.type, 'FeatureCollection')
    assert.ok(geo.features.length > 0)
    const csv = runCli(db, ['export', '--format', 'csv']).stdout.trim().split('\n')
    assert.match(csv[0], /^event_id_cnty,event_date,year,time_precision,/)
    const records = runCli(db, ['export', '--format', 'jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const kinds = (k: string) => records.filter((r) => r.kind === k)
    assert.equal(kinds('event').length, csv.length - 1)
    assert.ok(kinds('event')[0].id.startsWith('e-'))
    const status = kinds('status')
    assert.ok(status.length > 0)
    for (const f of status) {
      assert.ok(f.site.id && typeof f.site.lat === 'number' && Array.isArray(f.site.countries))
      assert.ok(f.date.start && f.date.precision && f.evidence.text && f.articleId)
    }
    const clusters = kinds('cluster')
    assert.equal(
      clusters.reduce((n, c) => n + c.eventIds.length, 0),
      kinds('event').length,
      'every event is in exactly one cluster',
    )
    assert.ok(kinds('site').length > 0)
    assert.notEqual(runCli(db, ['export', '--format', 'xml']).status, 0)
  })

  it('says another process holds the database, and changes nothing', async () => {
    const server = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          if (/map at http/.test(chunk.toString())) resolve()
        })
        server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
      })
      const run = runCli(db, ['ingest', path.join(work, 'good.txt')])
      assert.equal(run.status, 1)
      assert.equal(run.stderr.trim().split('\n').length, 1)
      assert.match(run.stderr, /is in use by another borderwatch process \(pid \d+\)/)
    } finally {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve))
        server.kill('SIGTERM')
        await exited
      }
    }
    assert.match(runCli(db, ['ingest', path.join(work, 'good.txt')]).stdout, /1 already stored/)
  })

  it('extract --json prints one article object per input and nothing else on stdout', () => {
    const gz = path.join(work, 'page.html.gz')
    fs.writeFileSync(
      gz,
      zlib.gzipSync(fs.readFileSync(path.join(SAMPLES_DIR, 'rafah-2024-05-07.html'))),
    )
    const run = runCli(db, [
      'extract',
      '--json',
      path.join(work, 'good.txt'),
      gz,
      'http://127.0.0.1:9/a',
    ])
    assert.equal(run.status, 1)
    const lines = run.stdout.trim().split('\n')
    assert.equal(lines.length, 2)
    const [text, page] = lines.map((l) => JSON.parse(l))
    assert.deepEqual(Object.keys(page), [
      'title',
      'byline',
      'outlet',
      'url',
      'language',
      'published',
      'text',
    ])
    assert.equal(text.title, 'Crossing between Jordan and Syria reopens')
    assert.deepEqual(text.published, {
      value: '2018-10-15T09:30',
      precision: 'instant',
      timezone: null,
      source: 'dateline',
    })
    assert.equal(page.outlet, 'Mediterranean Dispatch')
    assert.equal(page.language, 'en')
    assert.equal(page.published.source, 'meta')
    assert.match(page.published.timezone ?? '', /^(Z|[+-]\d{2}:\d{2})$/)
    assert.match(run.stderr, /http:\/\/127\.0\.0\.1:9\/a: refusing to fetch from 127\.0\.0\.1/)
  })

  it('annotate --json prints the text and its time mentions, offsets into that text', () => {
    const text = 'Smoke 🔥 rose. The crossing re-opened on Monday after a month of delays.'
    const run = runCli(
      db,
      ['annotate', '-', '--as-is', '--json', '--published', '2019-09-30'],
      text,
    )
    assert.equal(run.status, 0, run.stderr)
    const lines = run.stdout.trim().split('\n')
    assert.equal(lines.length, 1)
    const out = JSON.parse(lines[0])
    assert.deepEqual(Object.keys(out), [
      'input',
      'published',
      'text',
      'times',
      'places',
      'actors',
      'events',
    ])
    assert.equal(out.text, text)
    const points = [...text]
    const monday = out.times.find((t: { text: string }) => t.text === 'Monday')
    assert.deepEqual(Object.keys(monday), ['start', 'end', 'text', 'type', 'value'])
    assert.equal(points.slice(monday.start, monday.end).join(''), 'Monday', 'code-point offsets')
    assert.equal(monday.type, 'DATE')
    assert.equal(monday.value.start, '2019-09-30')
    assert.equal(monday.value.precision, 'day')
    const month = out.times.find((t: { text: string }) => t.text === 'a month')
    assert.deepEqual(
      [month.type, month.value.duration, month.value.end],
      ['DURATION', 'P1M', '2019-09-30'],
    )
  })

  it('annotate extracts the article first unless --as-is, and needs a date to count from', () => {
    const page = path.join(SAMPLES_DIR, 'rafah-2024-05-07.html')
    const run = runCli(db, ['annotate', '--json', page])
    assert.equal(run.status, 0, run.stderr)
    const out = JSON.parse(run.stdout)
    assert.doesNotMatch(out.text, /<p|<div/)
    for (const t of out.times) assert.equal(out.text.slice(t.start, t.end), t.text)
    const bare = runCli(db, ['annotate', '-', '--as-is'], 'It reopened yesterday.')
    assert.equal(bare.status, 1)
    assert.equal(bare.stdout, '')
    assert.match(
      bare.stderr,
      /^borderwatch: stdin: no publication date found; give one with --published/,
    )
    assert.equal(bare.stderr.trim().split('\n').length, 1)
  })

  it('stores a non-English report, flagged, without extracting events from it', () => {
    const file = path.join(work, 'bericht.txt')
    fs.writeFileSync(
      file,
      'Grenzübergang geöffnet\n\n15. Oktober 2018\n\nDer Grenzübergang zwischen Jordanien und Syrien wurde am Montag wieder geöffnet. Die Behörden sagten, dass der Verkehr für Reisende und den Handel in den kommenden Tagen langsam zunehmen werde und die Grenze auch für den Warenverkehr offen sei.\n',
    )
    const run = runCli(db, ['ingest', file])
    assert.equal(run.status, 0, run.stderr)
    assert.match(
      run.stdout,
      /0 events .*language "de": stored, but only English reports are extracted further/,
    )
  })

  it('has --help on every command', () => {
    for (const cmd of ['ingest', 'extract', 'events', 'site', 'serve', 'export', 'start']) {
      const run = runCli(db, [cmd, '--help'])
      assert.equal(run.status, 0)
      assert.match(run.stdout, /Usage: borderwatch/)
    }
  })
})
