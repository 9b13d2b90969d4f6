/** Ingest jobs on pg-boss: workers share them, a killed worker's job is retried, nothing is stored twice. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startPostgres, type PostgresServer } from './support/postgres-server.ts'
import { tempDir } from './support/backends.ts'
import { openStore } from '../src/store/open-store.ts'
import { contentHash, readSources } from '../src/ingest/read-sources.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { bossQueue, inlineQueue, runWorker } from '../src/jobs/job-queue.ts'
import type { IngestJob } from '../src/jobs/ingest-job.ts'
import type { RawDocument } from '../src/model/index.ts'
import { FeedStore } from '../src/watch/feed-store.ts'
import { watchFeeds } from '../src/watch/watch-feeds.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const SAMPLES = path.join(here, '../samples')

/** `copies` variants of every sample report: same story, a distinct closing line, a distinct hash. */
async function corpus(copies: number): Promise<RawDocument[]> {
  const docs: RawDocument[] = []
  for await (const item of readSources([SAMPLES])) {
    if ('document' in item) docs.push(item.document)
  }
  return Array.from({ length: copies }, (_, i) =>
    docs.map((d) => {
      const content = `${d.content}\n\nCopy ${i + 1}.`
      return { ...d, content, hash: contentHash(content), origin: `${d.origin}~${i + 1}` }
    }),
  ).flat()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('workers on PostgreSQL (pg-boss)', () => {
  let server: PostgresServer
  before(async () => {
    server = await startPostgres()
  })
  after(async () => {
    await server?.stop()
  })

  it('stores every queued document once, even when a worker dies mid-job', async () => {
    await server.createDatabase('bw_workers')
    const url = server.url('bw_workers')
    const docs = await corpus(4)
    const options = { jobTimeoutSeconds: 2, retryDelaySeconds: 1 }

    // The reference: the same documents through the in-process queue on the embedded database.
    const dir = tempDir()
    const reference = await openStore({ dir })
    const pipeline = defaultContext()
    await syncPackSites(reference)
    const inline = inlineQueue({ store: reference, pipeline })
    for (const document of docs) await inline.enqueue({ kind: 'document', document })
    const expected = await reference.counts()
    await reference.close()

    const store = await openStore({ dir: '', databaseUrl: url })
    await syncPackSites(store)
    const queue = await bossQueue(url, options)
    const jobs: IngestJob[] = docs.map((document) => ({ kind: 'document', document }))
    // The first five twice over: a job queued twice is applied once.
    for (const job of [...jobs, ...jobs.slice(0, 5)]) await queue.enqueue(job)
    await queue.close()

    // A worker in its own process, killed without warning once it has stored a few documents.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'support/worker-process.ts')],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let lines = 0
    child.stdout.on('data', (c: Buffer) => (lines += c.toString().split('\n').length - 1))
    const started = Date.now()
    while (lines < 5 && Date.now() - started < 60_000) await sleep(50)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    assert.ok(lines >= 5, 'the child worker processed jobs before it was killed')
    assert.ok((await store.counts()).documents < docs.length, 'killed before the queue was done')

    // Two workers in this process finish the queue, including the dead worker's expired jobs.
    const summaries = await Promise.all([
      runWorker(url, { store, pipeline }, { ...options, untilEmpty: true }),
      runWorker(url, { store, pipeline }, { ...options, untilEmpty: true }),
    ])
    assert.ok(
      summaries.every((s) => s.jobs > 0),
      'both workers took jobs',
    )
    assert.deepEqual(await store.counts(), expected)

    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ state: string; n: string }>(
        "select state, count(*) as n from pgboss.job where name = 'borderwatch-ingest' group by state",
      )
      const states = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]))
      assert.equal(states.completed, jobs.length + 5)
      assert.equal(states.failed ?? 0, 0)
      const dupes = await client.query(
        'select article_id, count(*) from events group by id, article_id having count(*) > 1',
      )
      assert.equal(dupes.rowCount, 0)
      await store.close()
      // Every worker closed its connections: only this client is left on the database.
      await sleep(200)
      const left = await client.query(
        "select application_name from pg_stat_activity where datname = 'bw_workers' and pid <> pg_backend_pid()",
      )
      assert.deepEqual(left.rows, [])
    } finally {
      await client.end()
    }
  })

  it('takes jobs a few at a time; a job that fails in a batch fails alone', async () => {
    await server.createDatabase('bw_worker_batches')
    const url = server.url('bw_worker_batches')
    const docs = (await corpus(1)).slice(0, 7)
    const store = await openStore({ dir: '', databaseUrl: url })
    try {
      const pipeline = defaultContext()
      await syncPackSites(store)
      const queue = await bossQueue(url, { retryLimit: 0 })
      const bad = { kind: 'document', document: { hash: '' } } as unknown as IngestJob
      const jobs: IngestJob[] = docs.map((document) => ({ kind: 'document', document }))
      for (const job of [...jobs.slice(0, 3), bad, ...jobs.slice(3)]) await queue.enqueue(job)
      await queue.close()
      const failed: string[] = []
      const summary = await runWorker(
        url,
        { store, pipeline },
        {
          batchSize: 3,
          retryLimit: 0,
          untilEmpty: true,
          onJobError: (_job, error) => failed.push(error.message),
        },
      )
      assert.deepEqual(summary, { jobs: docs.length, failedAttempts: 1 })
      assert.deepEqual(failed, ['a document job without a document'])
      assert.equal((await store.counts()).documents, docs.length)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const { rows } = await client.query<{ state: string; n: string }>(
          "select state, count(*) as n from pgboss.job where name = 'borderwatch-ingest' group by state order by state",
        )
        assert.deepEqual(
          rows.map((r) => [r.state, Number(r.n)]),
          [
            ['completed', docs.length],
            ['failed', 1],
          ],
        )
      } finally {
        await client.end()
      }
    } finally {
      await store.close()
    }
  })

  it('watch queues new feed items for workers, once each', async () => {
    await server.createDatabase('bw_watch_queue')
    const url = server.url('bw_watch_queue')
    const story = (n: number) =>
      `<html><body><article><p>Jordan reopened the Jaber crossing with Syria on Monday ${n}, officials said.</p></article></body></html>`
    const feedServer = http.createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' })
        const items = [1, 2]
          .map((n) => `<item><title>S${n}</title><link>${base}/s/${n}</link></item>`)
          .join('')
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>${items}</channel></rss>`,
        )
        return
      }
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(story(Number(req.url?.slice(3))))
    })
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`
    const store = await openStore({ dir: '', databaseUrl: url })
    try {
      const pipeline = defaultContext()
      await syncPackSites(store)
      const queue = await bossQueue(url)
      const feeds = new FeedStore(store.db)
      const options = {
        intervalSeconds: 0,
        once: true,
        hostDelayMs: 0,
        fetch: { allowPrivate: true },
      }
      const [first] = await watchFeeds(feeds, [`${base}/feed.xml`], queue, options)
      const [second] = await watchFeeds(feeds, [`${base}/feed.xml`], queue, options)
      await queue.close()
      assert.equal(first.status === 'new' && first.newItems, 2)
      assert.equal(second.status === 'new' && second.newItems, 0)
      assert.equal((await store.counts()).documents, 0, 'queued, not yet stored')
      const summary = await runWorker(
        url,
        { store, pipeline, fetch: { allowPrivate: true } },
        {
          untilEmpty: true,
        },
      )
      assert.equal(summary.jobs, 2)
      assert.equal((await store.counts()).documents, 2)
    } finally {
      await store.close()
      await new Promise((resolve) => feedServer.close(resolve))
    }
  })
})
