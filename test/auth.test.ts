/** Users, roles, API tokens, web sessions with CSRF defence, and rate limits: the server's access policy. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { openStore } from '../src/store/open-store.ts'
import type { Store } from '../src/store/store.ts'
import { createApp } from '../src/server/create-app.ts'
import { addUser, disableUser, listUsers, setUserRole } from '../src/auth/user-repository.ts'
import {
  authenticateToken,
  createToken,
  listTokens,
  revokeToken,
} from '../src/auth/token-repository.ts'
import { createSession, findSession } from '../src/auth/session-repository.ts'
import { RateLimiter } from '../src/auth/rate-limiter.ts'
import { AuthError } from '../src/auth/auth-error.ts'
import { requiredAccess } from '../src/server/access-policy.ts'
import { readAudit } from '../src/review/audit-log.ts'
import { backends, tempDir } from './support/backends.ts'
import { runCli } from './support/run-cli.ts'
import { json } from './support/json-body.ts'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const REPORT = {
  text: 'The Tal Abyad border crossing between Syria and Turkey was closed on Tuesday, officials said.',
  published: '2023-02-07',
}
const ingest = (headers: Record<string, string>, item: object = REPORT): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(item),
})

/** The `bw_session=…` pair of a response's Set-Cookie header. */
function sessionCookie(res: Response): string {
  const pair = /bw_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0]
  assert.ok(pair, 'a session cookie is set')
  return pair
}

describe('access policy', () => {
  it('needs viewer to read, analyst to write, admin for admin and audit paths', () => {
    assert.deepEqual(requiredAccess('GET', '/api/health'), { open: true })
    assert.deepEqual(requiredAccess('GET', '/api/session'), { open: true })
    assert.deepEqual(requiredAccess('DELETE', '/api/session'), { open: true })
    assert.deepEqual(requiredAccess('POST', '/api/health'), { open: false, role: 'analyst' })
    assert.deepEqual(requiredAccess('GET', '/api/events'), { open: false, role: 'viewer' })
    assert.deepEqual(requiredAccess('HEAD', '/api/events'), { open: false, role: 'viewer' })
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE'])
      assert.deepEqual(requiredAccess(m, '/api/corrections'), { open: false, role: 'analyst' })
    for (const p of ['/api/admin/users', '/api/audit', '/api/audit/x', '/api//Admin/x'])
      assert.deepEqual(requiredAccess('GET', p), { open: false, role: 'admin' }, p)
    assert.deepEqual(requiredAccess('GET', '/api/auditors'), { open: false, role: 'viewer' })
  })

  it('refills token buckets over time and says how long to wait', () => {
    let now = 0
    const limiter = new RateLimiter({ perMinute: 2 }, () => now)
    assert.equal(limiter.take('a').allowed, true)
    assert.equal(limiter.take('a').allowed, true)
    const refused = limiter.take('a')
    assert.deepEqual(refused, { allowed: false, retryAfterSeconds: 30 })
    assert.equal(limiter.take('b').allowed, true, 'buckets are per key')
    now += 30_000
    assert.equal(limiter.take('a').allowed, true)
    assert.equal(limiter.take('a').allowed, false)
  })
})

for (const backend of backends()) {
  describe(`users, tokens and sessions on ${backend.name}`, () => {
    before(() => backend.setup())
    after(() => backend.teardown())

    it('stores only token hashes, audits every change, and ends access on revoke or disable', async () => {
      const store = await backend.open()
      try {
        const db = store.db
        await addUser(db, 'alice', 'analyst', 'test')
        await assert.rejects(addUser(db, 'alice', 'viewer', 'test'), /exists already/)
        await assert.rejects(
          addUser(db, 'bob', 'boss', 'test'),
          (e: unknown) => e instanceof AuthError && e.code === 'bad-role',
        )
        await assert.rejects(addUser(db, 'no spaces', 'viewer', 'test'), /not a user name/)
        const { token, info } = await createToken(db, 'alice', 'laptop', 'test')
        assert.match(token, /^bw_[A-Za-z0-9_-]{43}$/)
        const rows = await db.query('select * from api_tokens')
        assert.equal(rows.length, 1)
        assert.doesNotMatch(JSON.stringify(rows), new RegExp(token.slice(3)))
        assert.equal(
          (rows[0] as { token_hash: string }).token_hash,
          crypto.createHash('sha256').update(token).digest('hex'),
        )

        const grant = await authenticateToken(db, token)
        assert.equal(grant?.principal.name, 'alice')
        assert.equal(grant?.principal.role, 'analyst')
        assert.equal(await authenticateToken(db, `${token}x`), null)
        const [listed] = await listTokens(db)
        assert.equal(listed?.id, info.id)
        assert.ok(listed?.lastUsedAt, 'the use is recorded')
        assert.ok(!('token' in listed) && !('hash' in listed) && !('tokenHash' in listed))

        const session = await createSession(db, grant!.principal, grant!.tokenId)
        await setUserRole(db, 'alice', 'viewer', 'test')
        assert.equal((await findSession(db, session.id))?.principal.role, 'viewer')
        await revokeToken(db, info.id, 'test')
        assert.equal(await authenticateToken(db, token), null)
        assert.equal(await findSession(db, session.id), null, 'sessions end with their token')
        await assert.rejects(revokeToken(db, info.id, 'test'), /already revoked/)
        await assert.rejects(revokeToken(db, 't-nope', 'test'), /no token/)

        const second = await createToken(db, 'alice', null, 'test')
        assert.ok(await authenticateToken(db, second.token))
        await disableUser(db, 'alice', 'test')
        assert.equal(await authenticateToken(db, second.token), null)
        await assert.rejects(createToken(db, 'alice', null, 'test'), /disabled/)
        await assert.rejects(createToken(db, 'nobody', null, 'test'), /no user named "nobody"/)
        assert.ok((await listUsers(db))[0]?.disabledAt)

        const actions = (await readAudit(db)).map((e) => e.action).reverse()
        assert.deepEqual(actions, [
          'user.create',
          'token.create',
          'user.set-role',
          'token.revoke',
          'token.create',
          'user.disable',
        ])
        const audit = JSON.stringify(await readAudit(db))
        assert.ok(!audit.includes(token) && !audit.includes(second.token))
      } finally {
        await store.close()
      }
    })
  })
}

describe('HTTP access', () => {
  let dir: string
  let store: Store
  const tokens: Record<'viewer' | 'analyst' | 'admin', string> = {
    viewer: '',
    analyst: '',
    admin: '',
  }
  let webDir: string
  before(async () => {
    dir = tempDir()
    webDir = path.join(dir, 'web')
    fs.mkdirSync(webDir)
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>borderwatch</title>')
    store = await openStore({ dir: path.join(dir, 'db') })
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      await addUser(store.db, `${role}-user`, role, 'test')
      tokens[role] = (await createToken(store.db, `${role}-user`, null, 'test')).token
    }
  })
  after(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('refuses anonymous requests by default, but not health, config, the session or the page', async () => {
    const app = createApp(store, { webDir })
    const res = await app.request('/api/events')
    assert.equal(res.status, 401)
    assert.equal((await json(res)).error.code, 'unauthorized')
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/)
    assert.equal((await app.request('/api/sites')).status, 401)
    assert.equal((await app.request('/api/nothing')).status, 401, 'no route map for strangers')
    assert.equal((await app.request('/api/health')).status, 200)
    assert.equal((await app.request('/api/config')).status, 200)
    assert.equal((await app.request('/openapi.json')).status, 200)
    assert.deepEqual(await json(app.request('/api/session')), {
      user: null,
      csrfToken: null,
      publicRead: false,
    })
    const page = await app.request('/')
    assert.equal(page.status, 200)
    assert.match(await page.text(), /borderwatch/)
    const bad = await app.request('/api/events', { headers: bearer('bw_not-a-token') })
    assert.equal(bad.status, 401)
    const basic = await app.request('/api/events', { headers: { authorization: 'Basic eDp5' } })
    assert.equal(basic.status, 401)
  })

  it('lets anonymous requests read in public mode, never write or reach admin paths', async () => {
    const app = createApp(store, { publicRead: true })
    assert.equal((await app.request('/api/events')).status, 200)
    assert.equal((await json(app.request('/api/session'))).publicRead, true)
    const write = await app.request('/api/ingest', ingest({}))
    assert.equal(write.status, 401)
    assert.equal((await json(write)).error.code, 'unauthorized')
    assert.equal((await app.request('/api/admin/users')).status, 401)
    assert.equal((await app.request('/api/audit')).status, 401)
    const invalid = await app.request('/api/events', { headers: bearer('bw_wrong') })
    assert.equal(invalid.status, 401, 'a wrong token is refused, not treated as anonymous')
  })

  it('gives each role its due: viewers read, analysts ingest, admins reach admin paths', async () => {
    const app = createApp(store)
    assert.equal((await app.request('/api/events', { headers: bearer(tokens.viewer) })).status, 200)
    const viewerWrite = await app.request('/api/ingest', ingest(bearer(tokens.viewer)))
    assert.equal(viewerWrite.status, 403)
    assert.equal((await json(viewerWrite)).error.code, 'forbidden')
    const ingested = await app.request('/api/ingest', ingest(bearer(tokens.analyst)))
    assert.equal(ingested.status, 200)
    assert.equal((await json(ingested)).stored, 1)
    for (const p of ['/api/admin/users', '/api/audit']) {
      const analyst = await app.request(p, { headers: bearer(tokens.analyst) })
      assert.equal(analyst.status, 403, p)
      assert.equal((await json(analyst)).error.code, 'forbidden')
      const admin = await app.request(p, { headers: bearer(tokens.admin) })
      assert.notEqual(admin.status, 401, p)
      assert.notEqual(admin.status, 403, p)
    }
    const me = await json(app.request('/api/session', { headers: bearer(tokens.analyst) }))
    assert.deepEqual(me, {
      user: { name: 'analyst-user', role: 'analyst' },
      csrfToken: null,
      publicRead: false,
    })
  })

  it('refuses revoked tokens and disabled users with 401', async () => {
    const app = createApp(store)
    await addUser(store.db, 'temp', 'analyst', 'test')
    const a = await createToken(store.db, 'temp', null, 'test')
    const b = await createToken(store.db, 'temp', null, 'test')
    assert.equal((await app.request('/api/events', { headers: bearer(a.token) })).status, 200)
    await revokeToken(store.db, a.info.id, 'test')
    assert.equal((await app.request('/api/events', { headers: bearer(a.token) })).status, 401)
    assert.equal((await app.request('/api/events', { headers: bearer(b.token) })).status, 200)
    await disableUser(store.db, 'temp', 'test')
    assert.equal((await app.request('/api/events', { headers: bearer(b.token) })).status, 401)
  })

  it('keeps a cookie session safe from CSRF and ends it on sign-out', async () => {
    const app = createApp(store)
    const wrong = await app.request('/api/session', ingest({}, { token: 'bw_wrong' }))
    assert.equal(wrong.status, 401)
    assert.equal(wrong.headers.get('set-cookie'), null)
    const foreign = await app.request(
      '/api/session',
      ingest({ origin: 'https://evil.example' }, { token: tokens.analyst }),
    )
    assert.equal(foreign.status, 403)
    assert.equal((await json(foreign)).error.code, 'csrf')

    const signIn = await app.request('/api/session', ingest({}, { token: tokens.analyst }))
    assert.equal(signIn.status, 200)
    const setCookie = signIn.headers.get('set-cookie') ?? ''
    assert.match(setCookie, /HttpOnly/i)
    assert.match(setCookie, /SameSite=Strict/i)
    assert.match(setCookie, /Path=\//)
    assert.doesNotMatch(setCookie, /Secure/i, 'plain http gets no Secure flag')
    const { user, csrfToken } = await json(signIn)
    assert.deepEqual(user, { name: 'analyst-user', role: 'analyst' })
    assert.ok(typeof csrfToken === 'string' && csrfToken.length >= 40)
    const cookie = sessionCookie(signIn)
    assert.ok(!setCookie.includes(tokens.analyst), 'the cookie is not the token')
    const stored = JSON.stringify(await store.db.query('select * from sessions'))
    assert.ok(!stored.includes(cookie.split('=')[1]!), 'only the session id hash is stored')

    const session = await json(app.request('/api/session', { headers: { cookie } }))
    assert.equal(session.user.name, 'analyst-user')
    assert.equal(session.csrfToken, csrfToken)
    assert.equal((await app.request('/api/events', { headers: { cookie } })).status, 200)

    const noToken = await app.request('/api/ingest', ingest({ cookie }))
    assert.equal(noToken.status, 403)
    assert.equal((await json(noToken)).error.code, 'csrf')
    const badToken = await app.request('/api/ingest', ingest({ cookie, 'x-csrf-token': 'nope' }))
    assert.equal(badToken.status, 403)
    const fromElsewhere = await app.request(
      '/api/ingest',
      ingest({ cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' }),
    )
    assert.equal(fromElsewhere.status, 403)
    assert.equal((await json(fromElsewhere)).error.code, 'csrf')
    const ok = await app.request(
      '/api/ingest',
      ingest({ cookie, 'x-csrf-token': csrfToken, origin: 'http://localhost' }),
    )
    assert.equal(ok.status, 200)
    assert.equal((await json(ok)).unchanged, 1)

    const signOutForged = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie },
    })
    assert.equal(signOutForged.status, 403)
    const signOut = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrfToken },
    })
    assert.equal(signOut.status, 200)
    assert.match(signOut.headers.get('set-cookie') ?? '', /bw_session=;.*Max-Age=0/i)
    assert.equal((await app.request('/api/events', { headers: { cookie } })).status, 401)
    assert.equal((await json(app.request('/api/session', { headers: { cookie } }))).user, null)

    const https = await app.request(
      'https://localhost/api/session',
      ingest({}, { token: tokens.viewer }),
    )
    assert.match(https.headers.get('set-cookie') ?? '', /Secure/)
  })

  it('rate-limits writes per user and sign-ins per address with 429 and Retry-After', async () => {
    const app = createApp(store, {
      writeRateLimit: { perMinute: 2 },
      signInRateLimit: { perMinute: 3 },
    })
    const bad = { text: '' }
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/api/ingest', ingest(bearer(tokens.analyst), bad))
      assert.equal(res.status, 400)
    }
    const limited = await app.request('/api/ingest', ingest(bearer(tokens.analyst), bad))
    assert.equal(limited.status, 429)
    assert.equal((await json(limited)).error.code, 'rate-limited')
    assert.ok(Number(limited.headers.get('retry-after')) > 0)
    const other = await app.request('/api/ingest', ingest(bearer(tokens.admin), bad))
    assert.equal(other.status, 400, 'another user has a budget of their own')
    assert.equal(
      (await app.request('/api/events', { headers: bearer(tokens.analyst) })).status,
      200,
    )

    for (let i = 0; i < 3; i++) {
      const res = await app.request('/api/session', ingest({}, { token: 'bw_guess' }))
      assert.equal(res.status, 401)
    }
    const guessing = await app.request('/api/session', ingest({}, { token: tokens.viewer }))
    assert.equal(guessing.status, 429)
    assert.ok(Number(guessing.headers.get('retry-after')) > 0)
  })
})

describe('borderwatch users and tokens', () => {
  let dir: string
  let db: string
  before(() => {
    dir = tempDir()
    db = path.join(dir, 'db')
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  /** Asserts a refusal: non-zero exit, one line on stderr, no stack trace. */
  function refused(args: string[], pattern: RegExp): void {
    const run = runCli(db, args)
    assert.notEqual(run.status, 0, args.join(' '))
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr)
    assert.match(run.stderr, pattern)
    assert.doesNotMatch(run.stderr, /\n\s+at /)
  }

  it('adds users, creates, lists and revokes tokens, refuses bad input, and audits it all', async () => {
    const added = runCli(db, ['users', 'add', 'alice', '--role', 'analyst'])
    assert.equal(added.status, 0, added.stderr)
    assert.match(added.stdout, /added user alice \(analyst\)/)
    refused(
      ['users', 'add', 'bob', '--role', 'boss'],
      /unknown role "boss"; one of viewer, analyst, admin/,
    )
    refused(['tokens', 'create', '--user', 'nobody'], /no user named "nobody"/)
    refused(['tokens', 'revoke', 't-000000000000'], /no token with id "t-000000000000"/)

    const created = runCli(db, ['tokens', 'create', '--user', 'alice', '--label', 'laptop'])
    assert.equal(created.status, 0, created.stderr)
    const token = created.stdout.trim()
    assert.match(token, /^bw_[A-Za-z0-9_-]{43}$/)
    assert.match(created.stderr, /cannot be shown again/)
    const id = /token (t-[0-9a-f]+)/.exec(created.stderr)?.[1]
    assert.ok(id)

    const list = runCli(db, ['tokens', 'list'])
    assert.equal(list.status, 0, list.stderr)
    assert.match(list.stdout, /id\s+user\s+label\s+created \(UTC\)\s+last used\s+revoked/)
    assert.match(list.stdout, new RegExp(`${id}\\s+alice\\s+laptop`))
    const hash = crypto.createHash('sha256').update(token).digest('hex')
    for (const secret of [token, token.slice(3), hash]) assert.ok(!list.stdout.includes(secret))
    assert.match(runCli(db, ['users', 'list']).stdout, /alice\s+analyst\s+active/)
    assert.match(runCli(db, ['users', 'set-role', 'alice', 'admin']).stdout, /alice is now admin/)

    const opened = await openStore({ dir: db })
    try {
      const app = createApp(opened)
      const me = await json(app.request('/api/session', { headers: bearer(token) }))
      assert.deepEqual(me.user, { name: 'alice', role: 'admin' })
      assert.ok((await listTokens(opened.db))[0]?.lastUsedAt)
    } finally {
      await opened.close()
    }

    const revoked = runCli(db, ['tokens', 'revoke', id])
    assert.equal(revoked.status, 0, revoked.stderr)
    assert.match(revoked.stdout, new RegExp(`revoked token ${id} of alice`))
    refused(['tokens', 'revoke', id], /already revoked/)
    assert.match(
      runCli(db, ['tokens', 'list']).stdout,
      new RegExp(`${id}.*\\d{2}:\\d{2}\\s*$`, 'm'),
    )
    assert.match(runCli(db, ['users', 'disable', 'alice']).stdout, /disabled alice/)
    assert.match(runCli(db, ['users', 'list']).stdout, /alice\s+admin\s+disabled/)

    const check = await openStore({ dir: db })
    try {
      const app = createApp(check)
      assert.equal((await app.request('/api/events', { headers: bearer(token) })).status, 401)
      const audit = await readAudit(check.db)
      const actions = audit.map((e) => `${e.action} ${e.targetId}`).reverse()
      assert.deepEqual(actions, [
        'user.create alice',
        `token.create ${id}`,
        'user.set-role alice',
        `token.revoke ${id}`,
        'user.disable alice',
      ])
      assert.ok(audit.every((e) => /^cli:/.test(e.actor)))
      const text = JSON.stringify(audit)
      assert.ok(!text.includes(token) && !text.includes(hash))
    } finally {
      await check.close()
    }

    const help = runCli(db, ['serve', '--help']).stdout
    assert.match(help, /--public/)
    assert.match(help, /--write-rate/)
  })
})
