/**
 * `borderwatch worker` (work on the pg-boss ingest queue) and `borderwatch enqueue` (queue files,
 * folders and URLs for workers; with the embedded database, run them here).
 */
import type { Command } from 'commander'
import type { DocumentHints } from '../model/index.js'
import { openContext } from '../pipeline/open-context.js'
import { SharedHostGate } from '../watch/shared-host-gate.js'
import { storeLocation } from '../store/open-store.js'
import { readSources } from '../ingest/read-sources.js'
import { normaliseIsoDate } from '../ingest/published-date.js'
import { bossQueue, inlineQueue, runWorker, type IngestQueue } from '../jobs/job-queue.js'
import type { IngestJob } from '../jobs/ingest-job.js'
import { CliError } from './cli-error.js'
import { createProgress } from './progress-line.js'
import { numberOption } from './job-options.js'
import { outcomeLine } from './outcome-line.js'
import type { WithStore } from './route-command.js'

interface WorkerFlags {
  concurrency: number
  untilEmpty?: boolean
  jobTimeout: number
  hostDelay: number
  allowPrivate?: boolean
  quiet?: boolean
  json?: boolean
}

interface EnqueueFlags {
  published?: string
  allowPrivate?: boolean
  jobTimeout: number
  quiet?: boolean
}

function jobTimeoutOption(program: Command): Command {
  return program.option(
    '--job-timeout <seconds>',
    'seconds after which a job whose worker died is retried',
    numberOption('--job-timeout', { integer: true, min: 1 }),
    300,
  )
}

/**
 * Adds `worker` and `enqueue` to the program.
 * @example registerWorkerCommands(program, (fn) => withStore(program, fn))
 */
export function registerWorkerCommands(program: Command, withStore: WithStore): Command {
  jobTimeoutOption(
    program
      .command('worker')
      .description(
        'work on queued ingest jobs (needs DATABASE_URL; run as many workers, on as many machines, as you like)',
      )
      .option(
        '-c, --concurrency <n>',
        'jobs this process works on at once',
        numberOption('--concurrency', { integer: true, min: 1 }),
        1,
      )
      .option('--until-empty', 'exit once no job is waiting, retrying or running')
      .option(
        '--host-delay <ms>',
        'least time between two requests to one host, kept across every worker and watcher on the database',
        numberOption('--host-delay', { integer: true, min: 0 }),
        1000,
      )
      .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
      .option('-q, --quiet', 'print errors only')
      .option('--json', 'print one JSON object a line per job outcome instead of progress'),
  ).action(async (flags: WorkerFlags) => {
    const { databaseUrl } = storeLocation()
    if (!databaseUrl)
      throw new CliError(
        'bad-argument',
        'worker needs DATABASE_URL (a PostgreSQL server); with the embedded database, watch and enqueue run jobs in their own process',
      )
    const controller = new AbortController()
    const stop = () => controller.abort()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    try {
      await withStore(async (store) => {
        const pipeline = await openContext(store)
        const gate = new SharedHostGate(store.db, flags.hostDelay)
        const progress = createProgress({ label: 'worker', quiet: flags.quiet || flags.json })
        const summary = await runWorker(
          databaseUrl,
          {
            store,
            pipeline,
            fetch: { allowPrivate: !!flags.allowPrivate, beforeRequest: (u) => gate.wait(u) },
          },
          {
            concurrency: flags.concurrency,
            untilEmpty: flags.untilEmpty,
            jobTimeoutSeconds: flags.jobTimeout,
            signal: controller.signal,
            onStart: (queued) => flags.untilEmpty && progress.grow(queued),
            onOutcome: (o) => {
              if (flags.json) process.stdout.write(`${JSON.stringify({ kind: 'item', ...o })}\n`)
              else if (o.status === 'failed') process.stderr.write(`borderwatch: ${o.error}\n`)
              progress.tick(o.status, outcomeLine(o))
            },
            onJobError: (job, error) =>
              process.stderr.write(
                `borderwatch: job ${job.kind === 'url' ? job.url : job.document.origin} failed, will be retried: ${error.message}\n`,
              ),
          },
        )
        const text = progress.done()
        if (!flags.quiet && !flags.json && !process.stdout.isTTY)
          process.stdout.write(
            `${text} · ${summary.jobs} jobs, ${summary.failedAttempts} failed attempts\n`,
          )
      })
    } finally {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    }
  })

  return jobTimeoutOption(
    program
      .command('enqueue')
      .description(
        'queue files, folders and URLs as ingest jobs for workers (with the embedded database: ingest them here)',
      )
      .argument('<inputs...>', 'files, folders, http(s) URLs (fetched by the worker)')
      .option(
        '--published <datetime>',
        'publication date-time for reports that lack one (ISO 8601)',
      )
      .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
      .option('-q, --quiet', 'print errors only'),
  ).action(async (inputs: string[], flags: EnqueueFlags) => {
    const published = flags.published ? normaliseIsoDate(flags.published) : undefined
    if (flags.published && !published)
      throw new CliError('bad-argument', `--published "${flags.published}": not a date`)
    const hints: DocumentHints = published ? { published } : {}
    const { databaseUrl } = storeLocation()
    let failed = 0
    await withStore(async (store) => {
      const pipeline = await openContext(store)
      const fetch = { allowPrivate: !!flags.allowPrivate }
      const queue: IngestQueue = databaseUrl
        ? await bossQueue(databaseUrl, { jobTimeoutSeconds: flags.jobTimeout })
        : inlineQueue({ store, pipeline, fetch })
      const progress = createProgress({
        label: queue.mode === 'inline' ? 'ingest' : 'enqueue',
        quiet: flags.quiet,
      })
      const submit = async (job: IngestJob, name: string) => {
        try {
          const outcomes = await queue.enqueue(job)
          if (!outcomes) progress.tick('queued', `queued: ${name}`)
          for (const o of outcomes ?? []) {
            if (o.status === 'failed') {
              failed++
              process.stderr.write(`borderwatch: ${o.error}\n`)
            }
            progress.tick(o.status, outcomeLine(o))
          }
        } catch (error) {
          failed++
          process.stderr.write(`borderwatch: ${(error as Error).message}\n`)
          progress.tick('failed')
        }
      }
      try {
        for (const input of inputs) {
          if (/^https?:\/\//i.test(input)) {
            await submit(
              { kind: 'url', url: input, hints, allowPrivate: !!flags.allowPrivate },
              input,
            )
            continue
          }
          for await (const item of readSources([input], hints, { fetch })) {
            if ('error' in item) {
              failed++
              process.stderr.write(`borderwatch: ${item.error.message}\n`)
              progress.tick('failed')
            } else await submit({ kind: 'document', document: item.document }, item.document.origin)
          }
        }
      } finally {
        await queue.close()
      }
      const text = progress.done()
      if (!flags.quiet && !process.stdout.isTTY) process.stdout.write(`${text}\n`)
    })
    if (failed) process.exitCode = 1
  })
}
