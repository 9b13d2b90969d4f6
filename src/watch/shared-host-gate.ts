/**
 * Per-host politeness across processes: every watcher and worker on one database books its
 * request slots in the `host_slots` table, so two requests to one host are `minDelayMs` apart
 * whichever machines send them.
 */
import type { SqlClient } from '../store/sql-client.js'
import { hostOf, sleep, type RequestGate } from './request-gate.js'

/**
 * A {@link RequestGate} whose bookings live in the database: one atomic upsert per request takes
 * the host's next free moment and moves it on by the delay.
 * @example const gate = new SharedHostGate(store.db, 1000); await gate.wait(url)
 */
export class SharedHostGate implements RequestGate {
  constructor(
    private readonly db: SqlClient,
    readonly minDelayMs: number,
  ) {}

  async wait(url: string): Promise<void> {
    const host = hostOf(url)
    if (!host || this.minDelayMs <= 0) return
    const [slot] = await this.db.query<{ wait_ms: number | string }>(
      `insert into host_slots as s (host, next_at)
         values ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       on conflict (host) do update
         set next_at = greatest(s.next_at, clock_timestamp()) + make_interval(secs => $2::float8 / 1000)
       returning extract(epoch from (next_at - clock_timestamp())) * 1000 - $2::float8 as wait_ms`,
      [host, this.minDelayMs],
    )
    const ms = Number(slot?.wait_ms ?? 0)
    if (ms > 0) await sleep(ms)
  }
}
