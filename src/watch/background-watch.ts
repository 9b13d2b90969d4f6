/** The feed watcher running beside another command (`serve --watch`), stopped with it. */
import type { Store } from '../store/store.js'
import { openContext } from '../pipeline/open-context.js'
import { SharedHostGate } from './shared-host-gate.js'
import { bossQueue, inlineQueue, type IngestQueue } from '../jobs/job-queue.js'
import { FeedStore } from './feed-store.js'
import { watchFeeds, type PollResult } from './watch-feeds.js'

/** How the background watcher polls and where it reports. */
export interface BackgroundWatchOptions {
  intervalSeconds?: number
  hostDelayMs?: number
  allowPrivate?: boolean
  /** With a URL, items are queued for `borderwatch worker` instead of ingested in this process. */
  databaseUrl?: string
  onPoll?: (r: PollResult) => void
  onError?: (error: Error) => void
}

/**
 * Starts watching `urls` in the background; `stop()` ends the loop after the current feed.
 * @example const watcher = startBackgroundWatch(store, urls); …; await watcher.stop()
 */
export function startBackgroundWatch(
  store: Store,
  urls: string[],
  options: BackgroundWatchOptions = {},
): { stop(): Promise<void> } {
  const controller = new AbortController()
  const fetch = { allowPrivate: !!options.allowPrivate }
  const run = (async () => {
    const pipeline = await openContext(store)
    const queue: IngestQueue = options.databaseUrl
      ? await bossQueue(options.databaseUrl)
      : inlineQueue({ store, pipeline, fetch })
    try {
      await watchFeeds(new FeedStore(store.db), urls, queue, {
        intervalSeconds: options.intervalSeconds ?? 900,
        hostDelayMs: options.hostDelayMs,
        ...(options.databaseUrl
          ? { gate: new SharedHostGate(store.db, options.hostDelayMs ?? 1000) }
          : {}),
        fetch,
        signal: controller.signal,
        onPoll: options.onPoll,
      })
    } finally {
      await queue.close()
    }
  })().catch((error: Error) => options.onError?.(error))
  return {
    async stop() {
      controller.abort()
      await run
    },
  }
}
