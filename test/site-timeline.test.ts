/** Site timelines from status facts: ordering, same-day conflicts, claims shown beside facts. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { siteTimeline, statusOn } from '../src/sites/site-timeline.ts'
import type { Modality, SiteStatus, StatusFact } from '../src/model/index.ts'

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
