/**
 * Crash safety: an ingest killed with SIGKILL at random points and run again loses no report and
 * stores none twice, and its events are exactly those of an uninterrupted run.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BIN, runCliAsync } from './support/run-cli.ts'
import { tempDir } from './support/backends.ts'
import { openStore } from '../src/store/open-store.ts'

const REPORTS = 240
const CROSSINGS = ['Nasib', 'Al Qaim', 'Bab al-Hawa', 'Masnaa', 'Trebil', 'Rabia']
const TYPES = ['reopened', 'closed', 'was shut by the authorities']

/** A JSONL batch of distinct made-up reports about crossings. */
function batch(file: string): void {
  const lines: string[] = []
  for (let i = 0; i < REPORTS; i++) {
    const crossing = CROSSINGS[i % CROSSINGS.length]
    const verb = TYPES[i % TYPES.length]
    const day = String((i % 27) + 1).padStart(2, '0')
    lines.push(
      JSON.stringify({
        id: `r${i}`,
        title: `Report ${i}: ${crossing} crossing`,
        published: `2020-03-${day}`,
        text: `The ${crossing} border crossing ${verb} on Monday, officials said in report number ${i}. Traffic of ${i + 10} trucks was affected.`,
      }),
    )
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
}

/**
 * Starts an ingest and kills it with SIGKILL once it has reported `after` more stored reports (so
 * the kill lands mid-run however fast the machine is); resolves once the process is gone.
 */
function killedIngest(db: string, file: string, after: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env }
    delete env.DATABASE_URL
    delete env.BORDERWATCH_DB
    const child = spawn(process.execPath, [BIN, '--db', db, 'ingest', file], { env })
    let seen = 0
    child.stdout.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^stored: /gm) ?? []).length
      if (seen >= after && child.exitCode === null && child.signalCode === null)
        child.kill('SIGKILL')
    })
    child.stderr.resume()
    child.on('error', reject)
    child.on('exit', () => resolve())
  })
}

async function counts(db: string) {
  const store = await openStore({ dir: db })
  try {
    const articles = await store.db.query<{ n: number; ids: number }>(
      'select count(*)::int as n, count(distinct document_hash)::int as ids from articles',
    )
    const events = await store.db.query<{ n: number; ids: number }>(
      'select count(*)::int as n, count(distinct id)::int as ids from events',
    )
    const eventIds = (
      await store.db.query<{ id: string }>('select id from events order by id')
    ).map((r) => r.id)
    return { articles: articles[0], events: events[0], eventIds }
  } finally {
    await store.close()
  }
}

describe('crash safety (PGlite)', () => {
  let work: string
  let file: string
  before(() => {
    work = tempDir()
    file = path.join(work, 'reports.jsonl')
    batch(file)
  })
  after(() => fs.rmSync(work, { recursive: true, force: true }))

  it('loses and duplicates nothing when an ingest is killed and run again', async () => {
    const clean = path.join(work, 'clean')
    const run = await runCliAsync(clean, ['ingest', file])
    assert.equal(run.status, 0, run.stderr)
    const expected = await counts(clean)
    assert.equal(expected.articles.n, REPORTS)

    const crashed = path.join(work, 'crashed')
    // Three kills at different points of the run: early, middle, late.
    for (const after of [7, 60, 90]) await killedIngest(crashed, file, after)
    const partial = await counts(crashed)
    assert.ok(
      partial.articles.n > 0 && partial.articles.n < REPORTS,
      `the kills landed mid-run (${partial.articles.n} of ${REPORTS} stored)`,
    )
    const rerun = await runCliAsync(crashed, ['ingest', file])
    assert.equal(rerun.status, 0, rerun.stderr)
    const got = await counts(crashed)
    assert.equal(got.articles.n, REPORTS, 'every report stored')
    assert.equal(got.articles.ids, got.articles.n, 'no report stored twice')
    assert.equal(got.events.ids, got.events.n, 'no event stored twice')
    assert.deepEqual(got.eventIds, expected.eventIds, 'the same events as an uninterrupted run')
  })
})
