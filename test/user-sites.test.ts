/**
 * Analysts keep the site registry: sites they add are linked in reports at once (stored ones are
 * read again), changes to pack sites survive pack syncs, removals restore the pack entry, bad
 * input is refused whole. Runs against every storage backend, over HTTP and from the CLI.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { backends } from './support/backends.ts'
import type { Store } from '../src/store/store.ts'
import { openContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { addSite, editSite, removeSite, userSites } from '../src/user-sites/user-site-service.ts'
import { SiteEditError } from '../src/user-sites/user-site-error.ts'
import { readAudit } from '../src/review/audit-log.ts'
import { createApp } from '../src/server/create-app.ts'
import { addUser } from '../src/auth/user-repository.ts'
import { createToken } from '../src/auth/token-repository.ts'
import { runCli } from './support/run-cli.ts'
import { json } from './support/json-body.ts'

const CLOSURE = `Pakistan shuts Wagah crossing

LAHORE, March 2 -- Pakistani authorities closed the Wagah border crossing with India on Monday after a dispute over customs fees, officials said. Trucks carrying goods waited on both sides.
`
const REOPENING = `Attari crossing reopens

AMRITSAR, March 9 -- Indian officials reopened the Attari crossing to trucks on Monday, a week after it was shut, the customs office said.
`
const WAGAH = {
  kind: 'crossing',
  name: 'Wagah',
  names: ['Wagah border crossing'],
  countries: ['PK', 'IN'],
  lat: 31.6047,
  lon: 74.5728,
  source: 'test: a crossing outside the shipped packs',
}

function reportFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

async function ingest(store: Store, file: string, published: string): Promise<void> {
  await ingestSources(store, [file], await openContext(store), { published })
}

for (const backend of backends()) {
  describe(`analysts' sites on ${backend.name}`, () => {
    let store: Store
    let dir: string
    before(async () => {
      await backend.setup()
      store = await backend.open()
      await syncPackSites(store)
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-sites-'))
    })
    after(async () => {
      await store.close()
      await backend.teardown()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('links a stored report to a site added after it, and audit-logs the addition', async () => {
      await ingest(store, reportFile(dir, 'closure.txt', CLOSURE), '2020-03-03')
      assert.deepEqual(await store.statusFacts('wagah'), [], 'not a site yet')
      const result = await addSite(store, WAGAH, 'ana')
      assert.equal(result.site?.id, 'wagah')
      assert.equal(result.reprocessed, 1)
      const facts = await store.statusFacts('wagah')
      assert.ok(
        facts.some((f) => f.status === 'closed' && f.time.start === '2020-03-02'),
        `a closure on Monday 2 March: ${JSON.stringify(facts.map((f) => [f.status, f.time.start]))}`,
      )
      const [entry] = await readAudit(store.db, { targetId: 'wagah' })
      assert.equal(entry.action, 'site.add')
      assert.equal(entry.actor, 'ana')
      assert.equal((await store.listSites()).find((s) => s.id === 'wagah')?.name, 'Wagah')
    })

    it('links a spelling added later, in new and stored reports', async () => {
      await ingest(store, reportFile(dir, 'reopening.txt', REOPENING), '2020-03-10')
      assert.ok(!(await store.statusFacts('wagah')).some((f) => f.status === 'open'))
      const result = await editSite(
        store,
        'wagah',
        (s) => ({ ...s, names: [...s.names, 'Attari crossing'] }),
        'ana',
      )
      assert.ok(result.reprocessed >= 1)
      const facts = await store.statusFacts('wagah')
      assert.ok(facts.some((f) => f.status === 'open' && f.time.start === '2020-03-09'))
      assert.ok(
        facts.some((f) => f.status === 'closed'),
        'the first report still counts',
      )
    })

    it('refuses bad input whole and keeps what is stored', async () => {
      const before = await userSites(store)
      const bad = [
        { ...WAGAH, name: 'Chaman', countries: ['PAK'] },
        { ...WAGAH, name: 'Chaman', lat: 123 },
        { ...WAGAH, name: 'Chaman', source: '' },
        { ...WAGAH, name: 'Chaman', kind: 'airport' },
      ]
      for (const input of bad)
        await assert.rejects(addSite(store, input, 'ana'), (e: unknown) => {
          assert.ok(e instanceof SiteEditError)
          assert.equal(e.code, 'invalid')
          assert.match(e.message, /^site: (countries|lat|source|kind)/)
          return true
        })
      await assert.rejects(addSite(store, WAGAH, 'ana'), /already exists/)
      await assert.rejects(
        editSite(store, 'nowhere at all', (s) => s, 'ana'),
        /no such site/,
      )
      assert.deepEqual(await userSites(store), before)
    })

    it("keeps an analyst's change to a pack site through pack syncs, and restores the pack's on removal", async () => {
      await editSite(
        store,
        'Abu Kamal',
        (s) => ({ ...s, names: [...s.names, 'Bukamal gate'] }),
        'ana',
      )
      await syncPackSites(store)
      const edited = (await store.listSites()).find((s) => s.id === 'albukamal-al-qaim')
      assert.ok(edited?.names.includes('Bukamal gate'))
      const removed = await removeSite(store, 'albukamal-al-qaim', 'ana')
      assert.ok(removed.origin?.startsWith('pack:'))
      const restored = (await store.listSites()).find((s) => s.id === 'albukamal-al-qaim')
      assert.ok(restored && !restored.names.includes('Bukamal gate'))
      await assert.rejects(removeSite(store, 'albukamal-al-qaim', 'ana'), /comes from a pack/)
    })

    it('removes an added site: gone from the registry, its facts with it', async () => {
      const result = await removeSite(store, 'Wagah', 'ana')
      assert.equal(result.site, null)
      assert.ok(!(await store.listSites()).some((s) => s.id === 'wagah'))
      assert.deepEqual(await store.statusFacts('wagah'), [])
      const actions = (await readAudit(store.db, { targetId: 'wagah' })).map((e) => e.action)
      assert.deepEqual(actions, ['site.remove', 'site.edit', 'site.add'])
    })
  })
}

describe('sites over HTTP', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  const headers: Record<string, Record<string, string>> = {}
  const backend = backends()[0]
  before(async () => {
    await backend.setup()
    store = await backend.open()
    await syncPackSites(store)
    for (const role of ['viewer', 'analyst'] as const) {
      await addUser(store.db, role, role, 'test')
      const { token } = await createToken(store.db, role, null, 'test')
      headers[role] = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    }
    app = createApp(store, { publicRead: true })
  })
  after(async () => {
    await store.close()
    await backend.teardown()
  })
  const send = (method: string, url: string, role: string, body?: unknown) =>
    app.request(url, {
      method,
      headers: headers[role],
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  it('lets analysts add, change and remove sites; viewers may not; bad bodies get a JSON error', async () => {
    assert.equal((await send('POST', '/api/sites', 'viewer', WAGAH)).status, 403)
    const added = await send('POST', '/api/sites', 'analyst', { ...WAGAH, id: 'wagah-attari' })
    assert.equal(added.status, 201)
    assert.equal((await json(added)).site.id, 'wagah-attari')
    const listed = await json(app.request('/api/sites/wagah-attari'))
    assert.equal(listed.sites[0].name, 'Wagah')
    const patched = await send('PATCH', '/api/sites/wagah-attari', 'analyst', {
      names: ['Attari-Wagah'],
    })
    assert.equal(patched.status, 200)
    assert.ok((await json(patched)).site.names.includes('Attari-Wagah'))
    const bad = await send('PATCH', '/api/sites/wagah-attari', 'analyst', { lat: 'north' })
    assert.equal(bad.status, 400)
    assert.equal((await json(bad)).error.code, 'bad-request')
    const clash = await send('POST', '/api/sites', 'analyst', { ...WAGAH, id: 'wagah-attari' })
    assert.equal(clash.status, 409)
    const mine = await json(send('GET', '/api/user-sites', 'viewer'))
    assert.deepEqual(
      mine.sites.map((s: { id: string; author: string }) => [s.id, s.author]),
      [['wagah-attari', 'analyst']],
    )
    assert.equal((await send('DELETE', '/api/sites/wagah-attari', 'analyst')).status, 200)
    assert.equal((await send('DELETE', '/api/sites/wagah-attari', 'analyst')).status, 404)
  })
})

describe('sites from the CLI', () => {
  it('adds a site, shows it, and refuses a bad coordinate with one line and exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-sites-cli-'))
    const db = path.join(dir, 'db')
    try {
      const add = (lat: string, ...more: string[]) =>
        runCli(db, [
          'sites',
          'add',
          '--name',
          'Wagah',
          '--countries',
          'PK,IN',
          '--lat',
          lat,
          '--lon',
          '74.5728',
          '--source',
          'test',
          ...more,
        ])
      const bad = add('north')
      assert.equal(bad.status, 2)
      assert.equal(bad.stderr.trim(), 'borderwatch: --lat north: not a number')
      const good = add('31.6047', '--side', 'IN=Attari', '--json')
      assert.equal(good.status, 0, good.stderr)
      assert.equal(JSON.parse(good.stdout).site.id, 'wagah')
      const shown = runCli(db, ['site', 'Attari'])
      assert.equal(shown.status, 0, shown.stderr)
      assert.match(shown.stdout, /^Wagah \(wagah\) — PK–IN/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
