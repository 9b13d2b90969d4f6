/**
 * Per-host politeness across processes: gates on one database (as separate workers would hold)
 * book distinct slots per host, at least the delay apart; other hosts are not held back by them.
 * Runs against every storage backend.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from './support/backends.ts'
import type { Store } from '../src/store/store.ts'
import { SharedHostGate } from '../src/watch/shared-host-gate.ts'

const DELAY = 150

for (const backend of backends()) {
  describe(`shared host gate on ${backend.name}`, () => {
    let store: Store
    before(async () => {
      await backend.setup()
      store = await backend.open()
    })
    after(async () => {
      await store.close()
      await backend.teardown()
    })

    it('spaces requests to one host from two gates by the delay', async () => {
      const a = new SharedHostGate(store.db, DELAY)
      const b = new SharedHostGate(store.db, DELAY)
      const sent: number[] = []
      const request = async (gate: SharedHostGate, url: string) => {
        await gate.wait(url)
        sent.push(Date.now())
      }
      const start = Date.now()
      await Promise.all([
        request(a, 'https://news.example/a'),
        request(b, 'https://NEWS.example/b'),
        request(a, 'https://news.example/c'),
        request(b, 'https://news.example/d'),
      ])
      sent.sort((x, y) => x - y)
      // The slots are DELAY apart from the first booking on, and no request leaves before its
      // slot (a timer may fire a millisecond early).
      const offsets = sent.map((t) => t - start)
      offsets.forEach((offset, i) =>
        assert.ok(offset >= i * DELAY - 3, `request ${i} left ${offset} ms after the start`),
      )
      const [row] = await store.db.query<{ host: string }>('select host from host_slots')
      assert.equal(row.host, 'news.example')
    })

    it('books each host on its own', async () => {
      const gate = new SharedHostGate(store.db, 60_000)
      await gate.wait('https://first.example/')
      const rows = await store.db.query<{ host: string; ahead_s: number | string }>(
        `select host, extract(epoch from (next_at - clock_timestamp())) as ahead_s
           from host_slots where host in ('first.example', 'second.example')`,
      )
      assert.deepEqual(
        rows.map((r) => r.host),
        ['first.example'],
      )
      assert.ok(Number(rows[0].ahead_s) > 50, 'the next request to that host waits a minute')
      await gate.wait('not a url')
      await new SharedHostGate(store.db, 0).wait('https://first.example/')
    })
  })
}
