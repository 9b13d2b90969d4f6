/** The watcher's tables: per-feed validators, health and back-off, and every item ever taken in. */
import type { SqlClient } from '../store/sql-client.js'

/** A watched feed's state, as `borderwatch feeds` shows it. */
export interface FeedStatus {
  url: string
  etag: string | null
  lastModified: string | null
  lastPolled: string | null
  lastSuccess: string | null
  lastError: string | null
  lastErrorAt: string | null
  consecutiveErrors: number
  itemsSeen: number
  backoffSeconds: number
  nextPoll: string
}

interface FeedRow {
  url: string
  etag: string | null
  last_modified: string | null
  last_polled: Date | string | null
  last_success: Date | string | null
  last_error: string | null
  last_error_at: Date | string | null
  consecutive_errors: number
  items_seen: number
  backoff_seconds: number
  next_poll: Date | string
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null
  return new Date(value).toISOString()
}

function toStatus(r: FeedRow): FeedStatus {
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolled: iso(r.last_polled),
    lastSuccess: iso(r.last_success),
    lastError: r.last_error,
    lastErrorAt: iso(r.last_error_at),
    consecutiveErrors: Number(r.consecutive_errors),
    itemsSeen: Number(r.items_seen),
    backoffSeconds: Number(r.backoff_seconds),
    nextPoll: iso(r.next_poll) as string,
  }
}

/** Reads and writes the `feeds` and `feed_items` tables (migration 006). */
export class FeedStore {
  constructor(readonly db: SqlClient) {}

  /** Starts watching `urls`; feeds already known keep their state. */
  async addFeeds(urls: string[]): Promise<void> {
    // Due at once, by this process's clock (a database server's clock may run ahead of it).
    for (const url of urls) {
      await this.db.query(
        'insert into feeds (url, next_poll) values ($1, $2) on conflict (url) do nothing',
        [url, new Date(0).toISOString()],
      )
    }
  }

  /** Every watched feed, in URL order. */
  async list(): Promise<FeedStatus[]> {
    return (await this.db.query<FeedRow>('select * from feeds order by url')).map(toStatus)
  }

  /** One feed's state, or null when it is not watched. */
  async get(url: string): Promise<FeedStatus | null> {
    const rows = await this.db.query<FeedRow>('select * from feeds where url = $1', [url])
    return rows[0] ? toStatus(rows[0]) : null
  }

  /** Those of `urls` whose next poll is due at `now`, soonest first. */
  async due(urls: string[], now: Date): Promise<FeedStatus[]> {
    const rows = await this.db.query<FeedRow>(
      'select * from feeds where url = any($1) and next_poll <= $2 order by next_poll, url',
      [urls, now.toISOString()],
    )
    return rows.map(toStatus)
  }

  /** The earliest next poll among `urls`, or null when none is watched. */
  async nextDue(urls: string[]): Promise<Date | null> {
    const rows = await this.db.query<{ next: Date | string | null }>(
      'select min(next_poll) as next from feeds where url = any($1)',
      [urls],
    )
    return rows[0]?.next ? new Date(rows[0].next) : null
  }

  /** Records a good poll: new validators (kept when the server answered 304), items, next poll. */
  async recordSuccess(
    url: string,
    result: { etag?: string | null; lastModified?: string | null; newItems: number },
    now: Date,
    intervalSeconds: number,
  ): Promise<void> {
    await this.db.query(
      `update feeds set
         etag = coalesce($2, etag), last_modified = coalesce($3, last_modified),
         last_polled = $4, last_success = $4, consecutive_errors = 0, backoff_seconds = 0,
         items_seen = items_seen + $5, next_poll = $6
       where url = $1`,
      [
        url,
        result.etag ?? null,
        result.lastModified ?? null,
        now.toISOString(),
        result.newItems,
        new Date(now.getTime() + intervalSeconds * 1000).toISOString(),
      ],
    )
  }

  /** Records a failed poll and backs the feed off for `backoffSeconds`. */
  async recordError(
    url: string,
    message: string,
    now: Date,
    backoffSeconds: number,
  ): Promise<void> {
    await this.db.query(
      `update feeds set last_polled = $2, last_error = $3, last_error_at = $2,
         consecutive_errors = consecutive_errors + 1, backoff_seconds = $4, next_poll = $5
       where url = $1`,
      [
        url,
        now.toISOString(),
        message,
        backoffSeconds,
        new Date(now.getTime() + backoffSeconds * 1000).toISOString(),
      ],
    )
  }

  /** True when an item with this key (guid or link) was already taken in, from any feed. */
  async seen(itemKey: string): Promise<boolean> {
    const rows = await this.db.query('select 1 from feed_items where item_key = $1', [itemKey])
    return rows.length > 0
  }

  /** Marks an item as taken in; false when another poller marked it first. */
  async markSeen(itemKey: string, feedUrl: string, url: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `insert into feed_items (item_key, feed_url, url) values ($1, $2, $3)
       on conflict (item_key) do nothing returning item_key`,
      [itemKey, feedUrl, url],
    )
    return rows.length > 0
  }
}
