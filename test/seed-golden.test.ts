/** The seed report, through the whole pipeline into the store, against a reviewed golden file. */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore } from '../src/store/open-store.ts'
import type { Store } from '../src/store/store.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { sitesWithStatus } from '../src/sites/site-service.ts'
import { recogniseTimes } from '../src/time/recognise-times.ts'
import type { ApiEvent } from '../src/model/index.ts'
import { tempDir } from './support/backends.ts'
import { assertGolden } from './support/golden.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SEED = path.resolve(HERE, '../../shared/seed/albukamal-2019-09-30.txt')
const GOLDEN = path.join(HERE, 'fixtures/seed/expected.json')
const missing = fs.existsSync(SEED) ? false : `../shared/seed is absent (looked for ${SEED})`

function summary(e: ApiEvent) {
  return {
    type: e.subtype ? `${e.type} (${e.subtype})` : e.type,
    modality: e.modality,
    attribution: e.attribution ? `${e.attribution.kind}: ${e.attribution.name}` : null,
    cues: e.cues ?? [],
    time: `${e.time.start}..${e.time.end} ${e.time.precision} ${e.time.certainty}`,
    place: e.place
      ? `${e.place.name} [${e.place.precision}${e.place.siteId ? ` site=${e.place.siteId}` : ''}]`
      : null,
    actors: e.actors.map((a) => `${a.role}: ${a.name}`),
    sentence: e.sentence,
  }
}

describe('seed report golden test', { skip: missing }, () => {
  let dir: string
  let store: Store
  let events: ApiEvent[]
  before(async () => {
    dir = tempDir()
    store = await openStore({ dir })
    const ctx = defaultContext()
    await syncPackSites(store)
    const result = await ingestSources(store, [SEED], ctx, { published: '2019-09-30T19:03+03:00' })
    assert.equal(result.stored, 1)
    events = (await store.listEvents()).events.sort(
      (a, b) => a.evidenceStart - b.evidenceStart || a.type.localeCompare(b.type),
    )
  })
  after(async () => {
    await store?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('matches the reviewed golden file (REGEN=1 rewrites it)', async () => {
    const article = await store.getArticle(events[0].article.id)
    assertGolden(GOLDEN, {
      article: {
        title: article?.title,
        published: article?.published,
        publishedStrategy: article?.publishedStrategy,
      },
      events: events.map(summary),
    })
  })

  it('resolves the crossing to Albukamal–Al Qaim with coordinates', async () => {
    const [site] = (await sitesWithStatus(store)).filter((s) => s.id === 'albukamal-al-qaim')
    assert.ok(site, 'the crossing is in the registry')
    assert.ok(Math.abs(site.lat - 34.4) < 0.2 && Math.abs(site.lon - 41) < 0.2)
    assert.equal(site.status, 'open')
  })

  it('builds the crossing timeline: seized by ISIS from 2014, reopened 2019-09-30, the PMU claim beside it', async () => {
    const [site] = (await sitesWithStatus(store)).filter((s) => s.id === 'albukamal-al-qaim')
    const first = site.timeline[0]
    assert.equal(first.start, '2014-01-01')
    assert.ok(['seized', 'closed'].includes(first.status))
    assert.deepEqual(first.controllers, ['Islamic State'])
    const last = site.timeline.at(-1)
    assert.equal(last?.start, '2019-09-30')
    assert.equal(last?.status, 'open')
    assert.ok(last?.controllers.includes('Popular Mobilization Units (claimed)'))
    assert.ok(!last?.controllers.includes('Popular Mobilization Units'), 'a claim, not a fact')
  })

  it('dates the reopening to 2019-09-30', () => {
    const opened = events.filter((e) => e.type === 'crossing-opened')
    assert.ok(
      opened.some((e) => e.time.start === '2019-09-30' && e.place?.siteId === 'albukamal-al-qaim'),
    )
  })

  it('finds the 9 September 2019 airstrike', () => {
    assert.ok(
      events.some(
        (e) =>
          e.type === 'airstrike' && e.time.start === '2019-09-09' && e.time.precision === 'day',
      ),
    )
  })

  it('marks the PMU security claim as a claim', () => {
    const claim = events.find((e) => e.type === 'control-taken' && /security file/.test(e.sentence))
    assert.ok(claim, 'a control-taken event from the security-file sentence')
    assert.equal(claim.modality, 'claimed')
    assert.ok(claim.actors.some((a) => a.id === 'pmu' || /Popular Mobili[sz]ation/.test(a.name)))
  })

  it('places the events near the Golan and Damascus there', () => {
    const golan = events.find((e) => /near the Golan/.test(e.sentence) && e.type === 'airstrike')
    assert.ok(golan, 'the 24 August strike near the Golan')
    assert.match(golan.place?.name ?? '', /Golan/)
    assert.equal(golan.time.start, '2019-08-24')
    const damascus = events.find((e) => /near Damascus/.test(e.sentence))
    assert.ok(damascus, 'the rocket fire near Damascus')
    assert.match(damascus.place?.name ?? '', /Damascus/)
    assert.equal(damascus.time.start, '2019-09-09')
  })

  it('reads the alleged Imam Ali base construction near the crossing, and Al-Masdar yesterday', () => {
    const base = events.find((e) => e.type === 'construction' && /Imam Ali/.test(e.sentence))
    assert.ok(base, 'the ImageSat construction report')
    assert.equal(base.modality, 'alleged')
    assert.equal(base.place?.siteId, 'albukamal-al-qaim')
    const masdar = events.find((e) => /Al-Masdar/.test(e.sentence))
    assert.ok(masdar)
    assert.equal(masdar.time.start, '2019-09-29')
  })

  it('normalises every time expression of the report as its README reads them', async () => {
    const article = await store.getArticle(events[0].article.id)
    assert.ok(article?.published)
    assert.equal(article.published.slice(0, 16), '2019-09-30T19:03')
    const times = recogniseTimes(article.text, { published: article.published })
    const read = (written: string, nth = 0) => {
      const t = times.filter((m) => m.text === written)[nth]
      assert.ok(t, `"${written}" (#${nth + 1}) among ${times.map((m) => m.text).join(' | ')}`)
      return `${t.value.start}..${t.value.end} ${t.value.precision}`
    }
    assert.equal(read('Monday'), '2019-09-30..2019-09-30 day')
    const years = times.find((m) => m.text === 'years')
    assert.deepEqual(
      [years?.value.duration, years?.value.open],
      ['PXY', 'start'],
      'closed for years',
    )
    assert.equal(read('2014'), '2014-01-01..2014-12-31 year')
    assert.equal(read('2017'), '2017-01-01..2017-12-31 year')
    assert.equal(read('2017', 1), '2017-01-01..2017-12-31 year')
    assert.equal(read('the summer of 2018'), '2018-06-01..2018-08-31 season')
    assert.equal(read('the summer and fall of 2019'), '2019-06-01..2019-11-30 season')
    assert.equal(read('September 9'), '2019-09-09..2019-09-09 day')
    assert.equal(read('mid'), '2019-09-11..2019-09-20 month')
    assert.equal(read('late September'), '2019-09-21..2019-09-30 month')
    assert.equal(read('yesterday'), '2019-09-29..2019-09-29 day')
    assert.equal(read('the same day'), '2019-09-30..2019-09-30 day')
    assert.equal(read('August 24'), '2019-08-24..2019-08-24 day')
    assert.equal(read('September 9', 1), '2019-09-09..2019-09-09 day')
    assert.ok(
      times.every((m) => !/October 15|this year/.test(m.text)),
      'the Related Content teaser is not read',
    )
  })

  it('says who says so: unidentified aircraft, the PMU claim, ImageSat, and Tehran not the crossing', () => {
    const mysterious = events.filter((e) => e.type === 'airstrike' && /Mysterious/.test(e.sentence))
    assert.ok(mysterious.length >= 2, 'summer 2018 and summer/fall 2019')
    for (const e of mysterious) {
      assert.ok(e.actors.some((a) => a.id === 'unidentified' && a.role === 'actor'))
      assert.ok(e.cues?.includes('mysterious'))
    }
    const claim = events.find((e) => e.type === 'control-taken' && /security file/.test(e.sentence))
    assert.equal(claim?.subtype, 'security')
    assert.equal(claim?.attribution?.name, 'Popular Mobilization Units')
    const base = events.find((e) => e.type === 'construction' && /Imam Ali/.test(e.sentence))
    assert.equal(base?.attribution?.name, 'ImageSat International')
    const threat = events.find((e) => e.type === 'threat' && /Salami/.test(e.sentence))
    assert.ok(threat, 'the IRGC chief threat')
    assert.notEqual(threat.place?.siteId, 'albukamal-al-qaim')
    const seizure = events.find((e) => e.type === 'control-taken' && /2014/.test(e.sentence))
    assert.equal(seizure?.modality, 'background', 'told as history')
  })

  it('extracts nothing from "Related Content" or "Cookie Settings"', async () => {
    const article = await store.getArticle(events[0].article.id)
    assert.ok(article)
    assert.doesNotMatch(
      article.text,
      /Related Content|Cookie Settings|Grand Bazaar|minute read|photo credit/,
    )
    assert.ok(events.every((e) => !/IMF|Grand Bazaar|Cookie/.test(e.sentence)))
  })
})
