/**
 * Site timelines from status facts: ordering, same-day conflicts, claims shown beside facts; and
 * the status facts read from reports: plans, terms, dates, holders, and what is no fact.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { siteTimeline, statusOn } from '../src/sites/site-timeline.ts'
import type { Modality, RawDocument, SiteStatus, StatusFact } from '../src/model/index.ts'
import { extractDocument } from '../src/pipeline/extract-document.ts'
import { defaultContext, syncPackSites } from '../src/pipeline/open-context.ts'
import { ingestSources } from '../src/pipeline/ingest-sources.ts'
import { openStore } from '../src/store/open-store.ts'
import { reviewExtraction } from '../src/review/review-extraction.ts'

let n = 0
function fact(
  date: string,
  status: SiteStatus | null,
  modality: Modality = 'asserted',
  controller: string | null = null,
): StatusFact {
  n++
  return {
    siteId: 's',
    eventId: `e${n}`,
    articleId: 'a',
    status,
    scope: 'all',
    controller,
    time: { start: date, end: date, precision: 'day', certainty: 'stated' },
    modality,
    evidence: `fact ${n}`,
  }
}

describe('siteTimeline', () => {
  it('orders facts by date into intervals and answers status on a date', () => {
    const t = siteTimeline([fact('2018-10-15', 'open'), fact('2015-04-01', 'closed')])
    assert.deepEqual(
      t.map((i) => [i.status, i.start, i.end]),
      [
        ['closed', '2015-04-01', '2018-10-15'],
        ['open', '2018-10-15', null],
      ],
    )
    assert.equal(statusOn(t, '2016-01-01')?.status, 'closed')
    assert.equal(statusOn(t, '2019-01-01')?.status, 'open')
    assert.equal(statusOn(t, '2010-01-01'), null)
  })

  it('lets a traffic fact win a same-day conflict with a seizure, keeping both facts', () => {
    const t = siteTimeline([
      fact('2015-04-01', 'closed'),
      fact('2015-04-01', 'seized', 'asserted', 'Nusra Front'),
    ])
    assert.equal(t.length, 1)
    assert.equal(t[0].status, 'closed')
    assert.equal(t[0].facts.length, 2)
    assert.deepEqual(t[0].controllers, ['Nusra Front'])
  })

  it('does not let a planned opening change the status, but keeps it', () => {
    const t = siteTimeline([fact('2019-01-01', 'closed'), fact('2019-06-01', 'open', 'planned')])
    assert.equal(t.length, 1)
    assert.equal(t[0].status, 'closed')
    assert.equal(t[0].facts.length, 2)
  })

  it('does not repeat a controller held as fact when a report says the same', () => {
    const t = siteTimeline([
      fact('2015-04-01', 'seized', 'asserted', 'Nusra Front'),
      fact('2015-04-02', null, 'reported', 'Nusra Front'),
    ])
    assert.deepEqual(t.at(-1)!.controllers, ['Nusra Front'])
  })

  it('shows a claimed controller beside the asserted one, labelled', () => {
    const t = siteTimeline([
      fact('2017-01-01', null, 'asserted', 'Syrian government; Iraqi Security Forces'),
      fact('2019-09-30', 'open'),
      fact('2019-09-30', null, 'claimed', 'Popular Mobilization Units'),
    ])
    const last = t.at(-1)!
    assert.equal(last.status, 'open')
    assert.deepEqual(last.controllers, [
      'Syrian government',
      'Iraqi Security Forces',
      'Popular Mobilization Units (claimed)',
    ])
    assert.ok(last.facts.some((f) => f.modality === 'claimed'))
  })
})

describe('siteTimeline: sides, conflicts and announcements', () => {
  it('keeps each side’s holder: a country’s forces replace only their own side and non-state holders', () => {
    const isis = {
      ...fact('2014-06-01', 'seized', 'asserted', 'Islamic State'),
      holders: [{ id: 'isis', name: 'Islamic State', country: null }],
    }
    const iraq = {
      ...fact('2017-11-03', 'seized', 'asserted', 'Iraqi forces'),
      holders: [{ id: 'iq', name: 'Iraqi forces', country: 'IQ' }],
    }
    const syria = {
      ...fact('2017-11-19', 'seized', 'asserted', 'Syrian army'),
      holders: [{ id: 'sy', name: 'Syrian army', country: 'SY' }],
    }
    const iraq2 = {
      ...fact('2019-09-30', 'open', 'asserted', 'Iraqi government'),
      holders: [{ id: 'iqg', name: 'Iraqi government', country: 'IQ' }],
    }
    const t = siteTimeline([isis, iraq, syria, iraq2])
    assert.deepEqual(statusOn(t, '2016-01-01')?.controllers, ['Islamic State'])
    assert.deepEqual(statusOn(t, '2018-01-01')?.controllers, ['Iraqi forces', 'Syrian army'])
    assert.deepEqual(statusOn(t, '2019-10-01')?.controllers, ['Syrian army', 'Iraqi government'])
  })

  it('shows a source that says otherwise as a conflict, without letting it win', () => {
    const t = siteTimeline([fact('2019-09-30', 'open'), fact('2019-09-30', 'closed', 'reported')])
    const now = statusOn(t, '2019-10-01')
    assert.equal(now?.status, 'open')
    assert.equal(now?.conflicts?.length, 1)
    assert.equal(now?.conflicts?.[0].status, 'closed')
  })

  it('does not change status for an announcement or a "closed for years" up to the report', () => {
    const planned = fact('2019-10-01', 'planned-open', 'planned')
    const years = fact('2019-09-30', 'closed')
    years.time = { ...years.time, open: 'start' }
    const t = siteTimeline([fact('2019-01-01', 'open'), years, planned])
    assert.equal(statusOn(t, '2019-12-01')?.status, 'open')
    assert.ok(t.flatMap((i) => i.facts).includes(planned), 'the announcement is kept as evidence')
  })
})

/** The status facts the pipeline reads from a report written for these tests. */
function read(text: string, published: string | null = '2021-03-10'): StatusFact[] {
  const doc: RawDocument = {
    hash: `h-${text.length}-${published}`,
    origin: 'test',
    contentType: 'text/plain',
    content: `Crossing news\n\n${text}\n`,
    hints: { id: 'test', ...(published ? { published } : {}) },
  }
  return extractDocument(doc, ctx).statusFacts
}
const ctx = defaultContext()
const brief = (facts: StatusFact[]) =>
  facts.map((f) => `${f.siteId} ${f.status} ${f.time.start.slice(0, 10)}`)

describe('status facts read from reports', () => {
  it('reads a decision to reopen as planned, on the weekday ahead', () => {
    // Wednesday 10 March 2021: "on Monday" of a plan is 15 March, not 8 March.
    const facts = read('Jordan and Syria agreed to reopen the Nasib crossing on Monday.')
    assert.deepEqual(brief(facts), ['nasib-jaber planned-open 2021-03-15'])
  })

  it('reads an opening on terms ("only", "two days a week", one nationality) as restricted', () => {
    for (const text of [
      'The Nasib crossing will be open to commercial traffic only from 6 a.m. to noon.',
      'The Masnaa crossing will now be open two days a week on Tuesday and Friday.',
      'The Masnaa crossing was closed to Lebanese nationals on Tuesday.',
    ]) {
      const [f] = read(text)
      assert.equal(f?.status, 'restricted', text)
    }
    const [f] = read('The Masnaa crossing will now be open two days a week on Tuesday and Friday.')
    assert.equal(f.time.start, '2021-03-10', 'a recurrence names no date: the report’s own day')
  })

  it('reads an authorisation left out as a closure for aid, dated by the report', () => {
    const facts = read(
      'The resolution did not renew the Bab al-Salam crossing, through which aid had moved until January.',
    )
    assert.deepEqual(brief(facts), ['bab-al-salam-oncupinar closed 2021-03-10'])
  })

  it('dates an approval by when it was given, not by the bound it runs to', () => {
    const facts = read(
      'The Council approved aid through the Bab al-Hawa crossing until 10 July 2022.',
    )
    assert.deepEqual(brief(facts), ['bab-al-hawa-cilvegozu open 2021-03-10'])
  })

  it('finds the crossing from the border it lies on and from "it" in the next sentence', () => {
    const facts = read(
      'The Nasib crossing was calm in the morning. An airstrike on the Syria-Jordan border cut off the road on Tuesday. It was sealed in 2015 when rebels overran it.',
    )
    assert.deepEqual(brief(facts).slice(0, 2), [
      'nasib-jaber closed 2021-03-09',
      'nasib-jaber closed 2015-01-01',
    ])
    // The closure takes the holder the seizure of the same sentence names.
    const sealed = facts.find((f) => f.status === 'closed' && f.time.start.startsWith('2015'))
    assert.equal(sealed?.controller, 'rebels')
  })

  it('names who took it when one side "lost control" of it to another', () => {
    const facts = read(
      'In 2015 the Syrian army lost control of the Nasib crossing to Jaish al-Islam.',
    )
    const seized = facts.find((f) => f.status === 'seized')
    assert.equal(seized?.controller, 'Jaysh al-Islam')
  })

  it('reads no status from a wish, a negotiation or an effect a reopening would have', () => {
    for (const text of [
      'Officials said the Nasib crossing should be reopened.',
      'Both countries began to negotiate for the reopening of the Nasib crossing.',
      'The reopening of the Nasib crossing will allow trade to resume.',
    ])
      assert.deepEqual(brief(read(text)), [], text)
  })

  it('takes a seizure told in a clause after "after" as done, whatever the main clause hedges', () => {
    const facts = read(
      'Patrols were made possible after government troops retook the Quneitra crossing in July 2018.',
    )
    assert.deepEqual(brief(facts), ['quneitra-crossing seized 2018-07-01'])
  })

  it('dates what happened "overnight Monday into Tuesday" on the Tuesday', () => {
    const facts = read('Troops took control of the Rafah crossing overnight Monday into Tuesday.')
    assert.deepEqual(brief(facts), ['rafah-crossing seized 2021-03-09'])
  })

  it('leaves out facts whose date would hang on the date of an undated report', () => {
    const text =
      'The Nasib crossing reopened on Monday. The Nasib crossing was closed on 2 April 2015.'
    assert.deepEqual(brief(read(text, null)), ['nasib-jaber closed 2015-04-02'])
  })
})

describe('status facts: who holds the site', () => {
  it('keeps who acted from a second telling of the same closure', () => {
    const facts = read(
      'The Nasib crossing was closed on Tuesday. Shortly after the clashes, the Jordanian army closed the Nasib crossing, halting trade.',
    )
    assert.deepEqual(brief(facts), ['nasib-jaber closed 2021-03-09'])
    assert.equal(facts[0].controller, 'Jordanian Armed Forces')
  })

  it('keeps one closure told by two speakers as two facts', () => {
    const facts = read(
      'Jordan closed the Nasib crossing on Tuesday, officials said. The Nasib crossing was closed on Tuesday, a trader told reporters.',
    )
    assert.equal(facts.filter((f) => f.status === 'closed').length, 2)
  })

  it('reads who holds a site from troops deployed there, not from fighters defecting there', () => {
    const [held] = read('Troops deployed to the Nasib crossing on Tuesday.')
    assert.equal(held?.status, null)
    assert.equal(held?.controller, 'Troops')
    assert.deepEqual(
      brief(read('Fighters at the Nasib crossing defected to the rebels on Tuesday.')),
      [],
    )
  })

  it('reads a checkpoint set up at a crossing as restricted under its builder, a base as nothing', () => {
    const [checked] = read('On Tuesday, Jordan set up a checkpoint at the Nasib crossing.')
    assert.equal(checked?.status, 'restricted')
    assert.equal(checked?.controller, 'Jordan')
    assert.deepEqual(
      brief(read('On Tuesday, Syrian forces built a base near the Nasib crossing.')),
      [],
    )
  })

  it('reads every crossing of a list, a side named before "crossing" included', () => {
    const facts = read(
      'Israel closed its border crossings with Jordan on Tuesday, including the Yitzhak Rabin (Wadi Araba) crossing near Eilat and the Jordan River (Sheikh Hussein Bridge) near Beit She’an.',
    )
    assert.deepEqual(brief(facts).sort(), [
      'sheikh-hussein-jordan-river closed 2021-03-09',
      'wadi-araba-yitzhak-rabin closed 2021-03-09',
    ])
  })

  it('puts a closure on the day of a seizure under the one who took the site', () => {
    const facts = read(
      'The rebels seized the Nasib crossing on Tuesday. The Nasib crossing was out of service on Tuesday, a trader said.',
    )
    assert.equal(facts.find((f) => f.status === 'closed')?.controller, 'rebels')
    const split = read(
      'The rebels seized the Nasib crossing on Tuesday. The Syrian army seized the Nasib crossing on Tuesday. The Nasib crossing was out of service on Tuesday, a trader said.',
    )
    assert.equal(split.find((f) => f.status === 'closed')?.controller, null)
  })

  it('names a country made to act, opposition forces, a state’s tanks and a border body', () => {
    const sealed = read('Jordan was forced to seal the Nasib crossing in 2015.')
    assert.equal(sealed[0]?.controller, 'Jordan')
    const taken = read('Syrian opposition forces took control of the Nasib crossing in April 2015.')
    assert.equal(taken[0]?.controller, 'Syrian opposition forces')
    const tanks = read('The Rafah crossing was taken over by Israeli tanks on Tuesday.')
    assert.equal(tanks[0]?.controller, 'Israel Defense Forces')
    const body = read(
      'As a result, the Lebanese General Security closed the Masnaa crossing, leaving trucks stranded on Tuesday.',
    )
    assert.equal(body[0]?.controller, 'Lebanese General Security')
  })

  it('names unnamed police who will hold the security of a crossing as its holder', () => {
    const facts = read(
      'The governor said on Tuesday that the Nasib crossing is ready for work, noting that police from Daraa will be taking care of security.',
    )
    assert.equal(facts.find((f) => f.status === 'open')?.controller, 'police')
  })

  it('does not make the group a site was liberated from its taker', () => {
    const facts = read(
      'The Nasib crossing was closed in 2014 when Daesh gained control of the area. It was liberated from the terrorist group in 2017.',
    )
    const freed = facts.find((f) => f.status === 'seized' && f.time.start.startsWith('2017'))
    assert.ok(freed)
    assert.equal(freed.controller, null)
  })

  it('reads a seizure told with a participle after "after"', () => {
    const facts = read(
      'The Nasib crossing was closed after the post was overrun by rebels on Sunday.',
    )
    assert.ok(facts.some((f) => f.status === 'seized'))
  })

  it('passes the undated flag on when corrections are applied', () => {
    const doc: RawDocument = {
      hash: 'h-undated-review',
      origin: 'test',
      contentType: 'text/plain',
      content:
        'Crossing news\n\nThe Nasib crossing reopened on Monday. The Nasib crossing was closed on 2 April 2015.\n',
      hints: { id: 'test' },
    }
    const { events } = extractDocument(doc, ctx)
    assert.equal(reviewExtraction(events, []).statusFacts.length, 2)
    assert.deepEqual(brief(reviewExtraction(events, [], { undated: true }).statusFacts), [
      'nasib-jaber closed 2015-04-02',
    ])
  })
})

describe('status facts: tellings, captions, plans and mandates', () => {
  it('lets a heading give way to the body sentence that tells the same', () => {
    const facts = read(
      'Nasib crossing closes again\n\nJordan said on Tuesday that it had closed the Nasib crossing.',
    )
    assert.deepEqual(brief(facts), ['nasib-jaber closed 2021-03-09'])
    assert.match(facts[0].evidence, /^Jordan said/)
  })

  it('counts a detail of one telling once: "the photographer" after "a Reuters photographer"', () => {
    const facts = read(
      'The Nasib crossing reopened on Tuesday, a Reuters photographer reported. The gate was opened from the Jordanian side of the crossing at 9:00 am, the photographer said.',
    )
    assert.deepEqual(brief(facts), ['nasib-jaber open 2021-03-09'])
  })

  it('folds a seizure in a closure’s when-clause into the closure; "after" tells two events', () => {
    const sealed = read('The Quneitra crossing was sealed in 2016 when rebels captured the area.')
    assert.deepEqual(brief(sealed), ['quneitra-crossing closed 2016-01-01'])
    assert.equal(sealed[0].controller, 'rebels')
    const overrun = read(
      'Jordan closed the Nasib crossing after the post was overrun by rebels in May 2016.',
    )
    assert.deepEqual(brief(overrun).sort(), [
      'nasib-jaber closed 2016-05-01',
      'nasib-jaber seized 2016-05-01',
    ])
  })

  it('keeps a holder-only fact only when no status fact of that time names its holders', () => {
    const ready = read(
      'The governor said on Tuesday that the Nasib crossing is ready for work, noting that police from Daraa will be taking care of security.',
    )
    assert.deepEqual(
      ready.map((f) => f.status),
      ['open'],
    )
    const zone = read(
      'On Tuesday, Jordan set up a checkpoint at the Nasib crossing, in the control zone of Russian peacekeepers.',
    )
    assert.deepEqual(
      zone.map((f) => [f.status, f.controller]),
      [
        ['restricted', 'Jordan'],
        [null, 'Russian forces'],
      ],
    )
  })

  it('reads the end of a closure ahead as a planned opening on its date; the plan told again is that plan', () => {
    const facts = read(
      'Jordan and Syria announced on Tuesday that the closure of their shared border to trucks will end on 1 April. The announcement of the reopening of the Nasib crossing was welcomed by traders.',
    )
    assert.deepEqual(brief(facts), ['nasib-jaber planned-open 2021-04-01'])
  })

  it('dates a caption by the date that closes it; words of another clause do not make it partial', () => {
    const facts = read(
      'FILE - Trucks block the Simón Bolívar International Bridge, seen from Cúcuta, as the border has been partially closed for years, Aug. 5, 2020.',
    )
    assert.deepEqual(brief(facts), ['simon-bolivar-bridge closed 2020-08-05'])
  })

  it('reads bridges open to pedestrians as restricted, "the bridges" being the report’s bridge', () => {
    const facts = read(
      'The Simón Bolívar International Bridge reopened on Monday. The bridges are currently open to pedestrian traffic.',
    )
    assert.deepEqual(brief(facts), [
      'simon-bolivar-bridge open 2021-03-08',
      'simon-bolivar-bridge restricted 2021-03-10',
    ])
  })

  it('reads an aid mandate that expired as a closure and a vote to extend it as a planned opening', () => {
    const facts = read(
      'The Security Council is expected to vote on Friday to approve the extension of a mandate to deliver aid into Syria via Turkey, which expired on Monday. Trucks have used the Bab al-Hawa crossing since 2014.',
    )
    assert.deepEqual(brief(facts).sort(), [
      'bab-al-hawa-cilvegozu closed 2021-03-08',
      'bab-al-hawa-cilvegozu planned-open 2021-03-12',
    ])
    assert.ok(facts.every((f) => f.scope === 'aid'))
  })

  it('reads crossings of every pack, beyond the Middle East', () => {
    assert.deepEqual(brief(read('Pakistan closed the Torkham border crossing on Monday.')), [
      'torkham closed 2021-03-08',
    ])
  })
})

describe('crossings found in reports', () => {
  it('become sites at ingest, so their facts have a site, and never overwrite an entry', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-found-'))
    const store = await openStore({ dir })
    try {
      await syncPackSites(store)
      const file = path.join(dir, 'beitbridge.txt')
      fs.writeFileSync(
        file,
        'Beitbridge closes\n\nOfficials closed the Beitbridge border crossing with South Africa on Monday.\n',
      )
      await ingestSources(store, [file], ctx, { published: '2021-03-10' })
      const site = (await store.listSites()).find((s) => s.id === 'found:beitbridge')
      assert.equal(site?.kind, 'crossing')
      assert.equal(site?.countries[0], 'ZW')
      assert.deepEqual(brief(await store.statusFacts('found:beitbridge')), [
        'found:beitbridge closed 2021-03-08',
      ])
      // An analyst names it properly; reading the report again leaves their entry as it is.
      await store.syncSites([{ ...site!, name: 'Beitbridge-Beit Bridge' }], 'user')
      const content = fs.readFileSync(file, 'utf8')
      const doc: RawDocument = {
        hash: 'again',
        origin: file,
        contentType: 'text/plain',
        content,
        hints: { published: '2021-03-10' },
      }
      await store.saveExtraction({
        document: doc,
        ...extractDocument(doc, ctx),
        pipelineVersion: 'test',
      })
      const kept = (await store.listSites()).find((s) => s.id === 'found:beitbridge')
      assert.equal(kept?.name, 'Beitbridge-Beit Bridge')
    } finally {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
