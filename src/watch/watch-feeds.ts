/**
 * `borderwatch watch`: polls feeds with conditional GETs, backs off feeds that fail, spaces requests
 * to each host, and hands every item not seen before to the ingest queue.
 */
import fs from 'node:fs'
import { fetchConditional, type FetchOptions } from '../ingest/fetch-url.js'
import { IngestError } from '../ingest/errors.js'
import { feedItems, opmlFeedUrls, sniffKind, type FeedItem } from '../ingest/read-feed.js'
import { feedItemDocument, feedItemHints } from '../ingest/read-sources.js'
import type { IngestJob } from '../jobs/ingest-job.js'
import type { IngestQueue } from '../jobs/job-queue.js'
import type { IngestOutcome } from '../pipeline/ingest-sources.js'
import type { FeedStore } from './feed-store.js'
import { HostGate } from './host-gate.js'
import type { RequestGate } from './request-gate.js'

/** Shortest back-off after a failed poll; it doubles with each failure in a row. */
export const MIN_BACKOFF_SECONDS = 60
/** Longest back-off: a dead feed is still tried every six hours. */
export const MAX_BACKOFF_SECONDS = 6 * 60 * 60

/** What happened in one poll of one feed. */
export type PollResult =
  | { url: string; status: 'new'; items: number; newItems: number; failedItems: number }
  | { url: string; status: 'not-modified' }
  | { url: string; status: 'error'; error: string; retryInSeconds: number }

/** How the watcher behaves. */
export interface WatchOptions {
  /** Seconds between two polls of a healthy feed. */
  intervalSeconds: number
  /** Poll the feeds that are due once, then return. */
  once?: boolean
  /** Least time between two requests to one host. */
  hostDelayMs?: number
  /** Spaces requests per host; by default one for this process with `hostDelayMs`. */
  gate?: RequestGate
  fetch?: FetchOptions
  signal?: AbortSignal
  onPoll?: (r: PollResult) => void
  onOutcome?: (o: IngestOutcome) => void
  /** The clock, so tests can move it. */
  now?: () => Date
}

/** Back-off after `errors` failed polls in a row: doubles from the larger of the interval and a minute. */
export function backoffSeconds(errors: number, intervalSeconds: number): number {
  const base = Math.max(intervalSeconds, MIN_BACKOFF_SECONDS)
  return Math.min(MAX_BACKOFF_SECONDS, base * 2 ** Math.max(0, errors - 1))
}

/**
 * The feed URLs of a watch list: an OPML file, a text file (one URL a line, `#` comments), or a
 * feed URL itself.
 */
export function readWatchList(input: string): string[] {
  if (/^https?:\/\//i.test(input)) return [input]
  let text: string
  try {
    text = fs.readFileSync(input, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new IngestError(
      code === 'ENOENT' ? 'not-found' : 'unreadable',
      input,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`,
    )
  }
  if (sniffKind(text, input) === 'opml') return opmlFeedUrls(text, input)
  const urls = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
  const bad = urls.find((u) => !/^https?:\/\/\S+$/i.test(u))
  if (bad) throw new IngestError('unreadable', input, `"${bad}" is not an http(s) feed URL`)
  return urls
}

/** The key an item is known by across polls and feeds: its guid, else its link. */
export function itemKey(item: FeedItem): string | null {
  return item.guid ?? item.url ?? null
}

function jobFor(
  item: FeedItem,
  feedUrl: string,
  key: string,
  allowPrivate: boolean,
): IngestJob | null {
  const document = feedItemDocument(item, `${feedUrl}#${key}`, {})
  if (document) return { kind: 'document', document }
  if (item.url && /^https?:\/\//i.test(item.url)) {
    return { kind: 'url', url: item.url, hints: feedItemHints(item, {}), allowPrivate }
  }
  return null
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** Polls one feed and queues its new items; a failure backs the feed off instead of throwing. */
export async function pollFeed(
  feeds: FeedStore,
  url: string,
  queue: IngestQueue,
  gate: RequestGate,
  options: WatchOptions,
): Promise<PollResult> {
  const now = options.now ?? (() => new Date())
  const state = await feeds.get(url)
  try {
    const response = await fetchConditional(
      url,
      { etag: state?.etag, lastModified: state?.lastModified },
      { ...options.fetch, beforeRequest: (u) => gate.wait(u) },
    )
    if (response.notModified) {
      await feeds.recordSuccess(url, { newItems: 0 }, now(), options.intervalSeconds)
      return { url, status: 'not-modified' }
    }
    const items = feedItems(response.page.text, url)
    let newItems = 0
    let failedItems = 0
    for (const item of items) {
      const key = itemKey(item)
      if (!key || (await feeds.seen(key))) continue
      const job = jobFor(item, url, key, !!options.fetch?.allowPrivate)
      if (!job) continue
      if (queue.mode === 'inline' && job.kind === 'url') await gate.wait(job.url)
      const outcomes = await queue.enqueue(job).catch((error: Error) => {
        // Not marked as seen: the item is tried again the next time the feed changes.
        failedItems++
        options.onOutcome?.({ input: key, status: 'failed', error: error.message })
        return undefined
      })
      if (outcomes === undefined) continue
      for (const o of outcomes ?? []) options.onOutcome?.(o)
      if (await feeds.markSeen(key, url, item.url)) newItems++
    }
    await feeds.recordSuccess(
      url,
      { etag: response.etag, lastModified: response.lastModified, newItems },
      now(),
      options.intervalSeconds,
    )
    return { url, status: 'new', items: items.length, newItems, failedItems }
  } catch (error) {
    if (!(error instanceof IngestError)) throw error
    const retryInSeconds = backoffSeconds(
      (state?.consecutiveErrors ?? 0) + 1,
      options.intervalSeconds,
    )
    await feeds.recordError(url, error.message, now(), retryInSeconds)
    return { url, status: 'error', error: error.message, retryInSeconds }
  }
}

/**
 * Watches `urls` until `signal` aborts (or, with `once`, after one round over the due feeds).
 * @example await watchFeeds(new FeedStore(store.db), urls, inlineQueue(ctx), { intervalSeconds: 900 })
 */
export async function watchFeeds(
  feeds: FeedStore,
  urls: string[],
  queue: IngestQueue,
  options: WatchOptions,
): Promise<PollResult[]> {
  const now = options.now ?? (() => new Date())
  const gate = options.gate ?? new HostGate(options.hostDelayMs ?? 1000)
  const results: PollResult[] = []
  await feeds.addFeeds(urls)
  while (!options.signal?.aborted) {
    for (const feed of await feeds.due(urls, now())) {
      if (options.signal?.aborted) break
      const result = await pollFeed(feeds, feed.url, queue, gate, options)
      results.push(result)
      options.onPoll?.(result)
    }
    if (options.once) break
    const next = await feeds.nextDue(urls)
    const wait = next ? next.getTime() - now().getTime() : options.intervalSeconds * 1000
    await sleep(Math.max(250, Math.min(wait, options.intervalSeconds * 1000)), options.signal)
  }
  return results
}
