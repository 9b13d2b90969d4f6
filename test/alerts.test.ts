/** Alerts: raised once per change or new event near a watched site; webhooks signed and retried. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { backends } from './support/backends.ts'
import { findAlerts } from '../src/alerts/find-alerts.ts'
import { deliverDue, queueDeliveries, verifySignature } from '../src/alerts/deliver-webhooks.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'

const SAMPLE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../samples/nasib-jaber-2018-10-15.html',
)

for (const backend of backends()) {
  describe(`alerts on ${backend.name}`, () => {
    before(() => backend.setup())
    after(() => backend.teardown())

    it('alerts once on a status change and new events, and delivers signed webhooks with retries', async () => {
      const received: { body: string; headers: http.IncomingHttpHeaders }[] = []
      let calls = 0
      const server = http.createServer((req, res) => {
        let body = ''
        req.on('data', (c: Buffer) => (body += c.toString()))
        req.on('end', () => {
          calls++
          if (calls === 1) {
            res.writeHead(500)
            res.end()
            return
          }
          received.push({ body, headers: req.headers })
          res.writeHead(204)
          res.end()
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
      const store = await backend.open()
      try {
        const ctx = defaultContext()
        await syncPackSites(store)
        const rule = { sites: ['Nassib'], types: [], radiusKm: 50 }
        assert.deepEqual(await findAlerts(store, rule), [], 'the first run only records the state')

        await ingestSources(store, [SAMPLE], ctx)
        const alerts = await findAlerts(store, rule)
        const changed = alerts.find((a) => a.kind === 'site-changed')
        assert.ok(changed && changed.kind === 'site-changed')
        assert.equal(changed.before?.status ?? 'unknown', 'unknown')
        assert.equal(changed.after.status, 'open')
        assert.ok(alerts.some((a) => a.kind === 'new-event'))
        assert.deepEqual(await findAlerts(store, rule), [], 'each alert is raised once')

        await queueDeliveries(store.db, hook, alerts)
        await queueDeliveries(store.db, hook, alerts)
        const first = await deliverDue(store.db, { secret: 's3cret', baseDelaySeconds: 0 })
        assert.equal(first.failed, 1)
        assert.equal(first.delivered, alerts.length - 1)
        const second = await deliverDue(store.db, { secret: 's3cret', baseDelaySeconds: 0 })
        assert.deepEqual(second, { delivered: 1, failed: 0, gaveUp: 0 })
        assert.deepEqual(await deliverDue(store.db, { secret: 's3cret' }), {
          delivered: 0,
          failed: 0,
          gaveUp: 0,
        })
        assert.equal(received.length, alerts.length)
        for (const r of received) {
          const ts = Number(r.headers['x-borderwatch-timestamp'])
          const sig = String(r.headers['x-borderwatch-signature'])
          assert.ok(verifySignature(r.body, 's3cret', ts, sig))
          assert.ok(!verifySignature(r.body, 'other', ts, sig))
        }
        const keys = received.map((r) => (JSON.parse(r.body) as { key: string }).key).sort()
        assert.deepEqual(keys, alerts.map((a) => a.key).sort())
      } finally {
        await store.close()
        await new Promise((resolve) => server.close(resolve))
      }
    })
  })
}
