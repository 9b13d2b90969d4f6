/** Time expressions resolved against a pinned publication date, with news conventions. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { recogniseTimes } from '../src/time/recognise-times.ts'

function read(text: string, published: string) {
  return recogniseTimes(text, { published }).map((t) => [
    t.text,
    t.span.start,
    t.span.end,
    t.span.precision,
  ])
}

describe('recogniseTimes', () => {
  it('reads a bare weekday as the nearest such day on or before publication', () => {
    assert.deepEqual(read('The crossing re-opened on Monday.', '2019-09-30T19:03+03:00'), [
      ['on Monday', '2019-09-30', '2019-09-30', 'day'],
    ])
    assert.deepEqual(read('It opened on Friday.', '2019-09-30'), [
      ['on Friday', '2019-09-27', '2019-09-27', 'day'],
    ])
  })

  it('reads a weekday in the future tense forward', () => {
    assert.deepEqual(read('Officials will meet on Monday.', '2019-03-13')[0].slice(1), [
      '2019-03-18',
      '2019-03-18',
      'day',
    ])
  })

  it('puts a month without a year in the past unless the sentence speaks of the future', () => {
    assert.deepEqual(read('In July the crossing closed.', '2019-03-13')[0].slice(1), [
      '2018-07-01',
      '2018-07-31',
      'month',
    ])
    assert.deepEqual(read('It will open in July.', '2019-03-13')[0].slice(1), [
      '2019-07-01',
      '2019-07-31',
      'month',
    ])
  })

  it('reads yesterday, days and years', () => {
    assert.deepEqual(read('Al-Masdar reported yesterday.', '2019-09-30')[0].slice(1), [
      '2019-09-29',
      '2019-09-29',
      'day',
    ])
    assert.deepEqual(read('On September 9, airstrikes hit.', '2019-09-30')[0].slice(1), [
      '2019-09-09',
      '2019-09-09',
      'day',
    ])
    assert.deepEqual(read('They were seized in 2014.', '2019-09-30')[0], [
      'in 2014',
      '2014-01-01',
      '2014-12-31',
      'year',
    ])
    assert.deepEqual(read('Closed since 2015.', '2018-10-15')[0].slice(1), [
      '2015-01-01',
      '2018-10-15',
      'year',
    ])
  })

  it('reads seasons, parts of months, decades and durations', () => {
    assert.deepEqual(read('in the summer of 2018', '2019-09-30')[0].slice(1), [
      '2018-06-01',
      '2018-08-31',
      'season',
    ])
    assert.deepEqual(read('in the summer and fall of 2019', '2019-09-30')[0].slice(1), [
      '2019-06-01',
      '2019-11-30',
      'season',
    ])
    assert.deepEqual(read('strikes in mid and late September', '2019-09-30')[0].slice(1), [
      '2019-09-11',
      '2019-09-30',
      'month',
    ])
    assert.deepEqual(read('in the 1990s', '2019-09-30')[0].slice(1), [
      '1990-01-01',
      '1999-12-31',
      'decade',
    ])
    assert.deepEqual(read('closed for six years', '2019-09-30')[0].slice(1), [
      '2013-09-30',
      '2019-09-30',
      'year',
    ])
  })

  it('does not read durations or verbs as dates', () => {
    assert.deepEqual(read('after a month of delays', '2019-09-30'), [])
    assert.deepEqual(read('the crossing may open', '2019-09-30'), [])
    assert.deepEqual(read('its 150,000 missiles', '2019-09-30'), [])
  })
})
