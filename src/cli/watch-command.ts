/** `borderwatch watch` (poll feeds, ingest new items) and `borderwatch feeds` (per-feed status). */
import type { Command } from 'commander'
import { openContext } from '../pipeline/open-context.js'
import { SharedHostGate } from '../watch/shared-host-gate.js'
import { storeLocation } from '../store/open-store.js'
import { bossQueue, inlineQueue, type IngestQueue } from '../jobs/job-queue.js'
import { FeedStore, type FeedStatus } from '../watch/feed-store.js'
import { readWatchList, watchFeeds, type PollResult } from '../watch/watch-feeds.js'
import type { IngestOutcome } from '../pipeline/ingest-sources.js'
import { CliError } from './cli-error.js'
import { formatTable } from './format-table.js'
import { numberOption } from './job-options.js'
import { outcomeLine } from './outcome-line.js'
import type { WithStore } from './route-command.js'

interface WatchFlags {
  interval: number
  once?: boolean
  hostDelay: number
  allowPrivate?: boolean
  inline?: boolean
  jobTimeout: number
  quiet?: boolean
  json?: boolean
}

function pollLine(r: PollResult): string {
  if (r.status === 'not-modified') return `feed ${r.url}: not modified`
  if (r.status === 'error') return `feed ${r.url}: ${r.error} (next try in ${r.retryInSeconds} s)`
  const failed = r.failedItems
    ? `, ${r.failedItems} failed (tried again when the feed changes)`
    : ''
  return `feed ${r.url}: ${r.items} items, ${r.newItems} new${failed}`
}

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–'
}

function feedRow(f: FeedStatus, now: Date): string[] {
  const health =
    f.consecutiveErrors > 0
      ? `failing ×${f.consecutiveErrors}`
      : f.lastSuccess
        ? 'ok'
        : 'not polled yet'
  const next = new Date(f.nextPoll) <= now ? 'due' : when(f.nextPoll)
  return [
    f.url,
    health,
    when(f.lastSuccess),
    String(f.itemsSeen),
    next,
    f.lastError ? `${when(f.lastErrorAt)} ${f.lastError}` : '',
  ]
}

/**
 * Adds `watch` and `feeds` to the program.
 * @example registerWatchCommands(program, (fn) => withStore(program, fn))
 */
export function registerWatchCommands(program: Command, withStore: WithStore): Command {
  program
    .command('watch')
    .description(
      'poll feeds (ETag/Last-Modified, back-off on errors, a pause between requests to one host) and ingest new items',
    )
    .argument('<lists...>', 'OPML files, text files with one feed URL a line, or feed URLs')
    .option(
      '--interval <seconds>',
      'seconds between polls of a feed',
      numberOption('--interval'),
      900,
    )
    .option('--once', 'poll the feeds that are due once, then exit')
    .option(
      '--host-delay <ms>',
      'least time between two requests to one host',
      numberOption('--host-delay'),
      1000,
    )
    .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
    .option('--inline', 'with DATABASE_URL: ingest items here instead of queueing them for workers')
    .option(
      '--job-timeout <seconds>',
      'with workers: seconds after which a job whose worker died is retried',
      numberOption('--job-timeout', { integer: true, min: 1 }),
      300,
    )
    .option('-q, --quiet', 'print errors only')
    .option('--json', 'print one JSON object a line (polls and items)')
    .action(async (lists: string[], flags: WatchFlags) => {
      const urls = [...new Set(lists.flatMap(readWatchList))]
      if (!urls.length) throw new CliError('bad-argument', 'the watch lists name no feeds')
      const { databaseUrl } = storeLocation()
      const controller = new AbortController()
      const stop = () => controller.abort()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      let failures = 0
      const print = (line: string, json: object) => {
        if (flags.json) process.stdout.write(`${JSON.stringify(json)}\n`)
        else if (!flags.quiet) process.stdout.write(`${line}\n`)
      }
      try {
        await withStore(async (store) => {
          const pipeline = await openContext(store)
          const fetch = { allowPrivate: !!flags.allowPrivate }
          const queue: IngestQueue =
            databaseUrl && !flags.inline
              ? await bossQueue(databaseUrl, { jobTimeoutSeconds: flags.jobTimeout })
              : inlineQueue({ store, pipeline, fetch })
          try {
            await watchFeeds(new FeedStore(store.db), urls, queue, {
              intervalSeconds: flags.interval,
              once: flags.once,
              hostDelayMs: flags.hostDelay,
              // On PostgreSQL, watchers and workers share the per-host slots.
              ...(databaseUrl ? { gate: new SharedHostGate(store.db, flags.hostDelay) } : {}),
              fetch,
              signal: controller.signal,
              onPoll: (r) => {
                if (r.status === 'error') {
                  failures++
                  if (!flags.json) process.stderr.write(`borderwatch: ${pollLine(r)}\n`)
                }
                print(pollLine(r), { kind: 'poll', queue: queue.mode, ...r })
              },
              onOutcome: (o: IngestOutcome) => {
                if (o.status === 'failed' && !flags.json)
                  process.stderr.write(`borderwatch: ${o.error}\n`)
                else print(outcomeLine(o), { kind: 'item', ...o })
              },
            })
          } finally {
            await queue.close()
          }
        })
      } finally {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
      }
      if (flags.once && failures) process.exitCode = 1
    })

  return program
    .command('feeds')
    .description('every watched feed: health, last success, items taken in, next poll, last error')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const feeds = await withStore((store) => new FeedStore(store.db).list())
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ feeds }, null, 2)}\n`)
        return
      }
      if (!feeds.length) {
        process.stdout.write('no feeds watched yet (borderwatch watch <feeds.opml>)\n')
        return
      }
      const now = new Date()
      process.stdout.write(
        `${formatTable(
          ['feed', 'health', 'last success', 'items', 'next poll', 'last error'],
          feeds.map((f) => feedRow(f, now)),
          70,
        )}\n`,
      )
    })
}
