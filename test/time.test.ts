/** Time expressions resolved against a pinned publication date, with news conventions. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { recogniseTimes } from '../src/time/recognise-times.ts'
import { addDays } from '../src/time/calendar.ts'
import { TimeValue } from '../src/model/index.ts'

/** Each mention as `[text, start, end, precision]`. */
function read(text: string, published: string) {
  return recogniseTimes(text, { published }).map((t) => [
    t.text,
    t.value.start,
    t.value.end,
    t.value.precision,
  ])
}

/** The one mention whose text is `text`. */
function only(text: string, published: string, written: string) {
  const found = recogniseTimes(text, { published }).filter((t) => t.text === written)
  assert.equal(
    found.length,
    1,
    `expected one "${written}" in ${JSON.stringify(read(text, published))}`,
  )
  return found[0]
}

describe('recogniseTimes: relative to publication', () => {
  it('reads a bare weekday as the nearest such day on or before publication', () => {
    assert.deepEqual(read('The crossing re-opened on Monday.', '2019-09-30T19:03+03:00'), [
      ['Monday', '2019-09-30', '2019-09-30', 'day'],
    ])
    assert.deepEqual(read('It opened on Friday.', '2019-09-30'), [
      ['Friday', '2019-09-27', '2019-09-27', 'day'],
    ])
    assert.deepEqual(read('Monday Syrian state TV showed the crowds.', '2019-10-02'), [
      ['Monday', '2019-09-30', '2019-09-30', 'day'],
    ])
  })

  it('reads a weekday or month in a future-tense sentence forward', () => {
    assert.equal(
      only('Officials will meet on Monday.', '2019-03-13', 'Monday').value.start,
      '2019-03-18',
    )
    assert.equal(only('It will open in July.', '2019-03-13', 'July').value.start, '2019-07-01')
    assert.equal(
      only('The book is due to be published in May.', '2013-03-22', 'May').value.start,
      '2013-05-01',
    )
  })

  it('puts a month or a day without a year in the past', () => {
    assert.deepEqual(read('In July the crossing closed.', '2019-03-13'), [
      ['July', '2018-07-01', '2018-07-31', 'month'],
    ])
    assert.equal(
      only('On Feb. 28, the bank released a report.', '2013-03-21', 'Feb. 28').value.start,
      '2013-02-28',
    )
    assert.equal(
      only('On September 9, airstrikes hit.', '2019-09-30', 'September 9').value.start,
      '2019-09-09',
    )
  })

  it('reads yesterday, last week, earlier this month, two years ago and last October', () => {
    const pub = '2019-09-30'
    assert.equal(only('Al-Masdar reported yesterday.', pub, 'yesterday').value.start, '2019-09-29')
    const week = only('It closed last week.', pub, 'last week').value
    assert.deepEqual([week.start, week.end, week.timex], ['2019-09-23', '2019-09-29', '2019-W39'])
    const month = only('It closed earlier this month.', pub, 'earlier this month').value
    assert.deepEqual([month.start, month.end], ['2019-09-01', '2019-09-30'])
    assert.equal(only('It opened two years ago.', pub, 'two years ago').value.timex, '2017')
    assert.equal(only('It shut last October.', pub, 'last October').value.timex, '2018-10')
    assert.equal(only('It shut last summer.', '2013-03-22', 'last summer').value.timex, '2012-SU')
  })

  it('keeps a stated time zone', () => {
    const t = only(
      'The match was postponed until 15:00 GMT Saturday.',
      '2013-03-22',
      '15:00 GMT Saturday',
    )
    assert.equal(t.type, 'TIME')
    assert.equal(t.value.start, '2013-03-23T15:00')
    assert.equal(t.value.timezone, 'GMT')
    const published = only(
      'Published September 30, 2019 19:03',
      '2019-09-30',
      'September 30, 2019 19:03',
    )
    assert.equal(published.value.start, '2019-09-30T19:03')
  })
})

describe('recogniseTimes: years, seasons, parts and ranges', () => {
  it('reads bare and prepositional years, with open intervals for since and until', () => {
    assert.deepEqual(read('They were seized in 2014.', '2019-09-30'), [
      ['2014', '2014-01-01', '2014-12-31', 'year'],
    ])
    const since = only('Closed since 2015.', '2018-10-15', '2015').value
    assert.deepEqual([since.start, since.end, since.open], ['2015-01-01', '2018-10-15', 'end'])
    assert.equal(only('It stayed shut until 2017.', '2018-10-15', '2017').value.open, 'start')
  })

  it('reads decades, centuries, seasons and quarters', () => {
    assert.deepEqual(read('in the 1990s', '2019-09-30'), [
      ['the 1990s', '1990-01-01', '1999-12-31', 'decade'],
    ])
    assert.equal(
      only('for much of the 20th century', '2019-09-30', 'the 20th century').value.timex,
      '19',
    )
    assert.deepEqual(read('in the summer of 2018', '2019-09-30'), [
      ['the summer of 2018', '2018-06-01', '2018-08-31', 'season'],
    ])
    assert.deepEqual(read('in the summer and fall of 2019', '2019-09-30'), [
      ['the summer and fall of 2019', '2019-06-01', '2019-11-30', 'season'],
    ])
    assert.equal(
      only('exports fell in the third quarter of 2019', '2019-12-30', 'the third quarter of 2019')
        .value.timex,
      '2019-Q3',
    )
    assert.deepEqual(read('after the fall of Mosul', '2019-09-30'), [])
  })

  it('narrows early, mid and late, and splits coordinated modifiers into two spans', () => {
    assert.deepEqual(read('strikes in mid and late September', '2019-09-30'), [
      ['mid', '2019-09-11', '2019-09-20', 'month'],
      ['late September', '2019-09-21', '2019-09-30', 'month'],
    ])
    const early = only('It began in early 2011.', '2013-03-21', 'early 2011').value
    assert.deepEqual([early.start, early.end, early.mod], ['2011-01-01', '2011-04-30', 'START'])
    assert.equal(
      only('found late last July', '2013-03-22', 'late last July').value.start,
      '2012-07-21',
    )
  })

  it('reads both ends of a range', () => {
    assert.deepEqual(
      read('between 2013 and 2014', '2019-09-30').map((t) => t[0]),
      ['2013', '2014'],
    )
    assert.deepEqual(
      read('the pandemic of 2009-2010', '2019-09-30').map((t) => t[0]),
      ['2009', '2010'],
    )
    assert.deepEqual(
      read('from May to July', '2019-03-13').map((t) => [t[0], t[1]]),
      [
        ['May', '2018-05-01'],
        ['July', '2018-07-01'],
      ],
    )
  })
})

describe('recogniseTimes: lengths and times counted from others', () => {
  it('anchors a length to the time of its sentence, else to publication', () => {
    const delays = only(
      'It re-opened on Monday after a month of delays.',
      '2019-10-02',
      'a month',
    ).value
    assert.deepEqual(
      [delays.start, delays.end, delays.duration],
      ['2019-08-30', '2019-09-30', 'P1M'],
    )
    assert.equal(delays.anchor?.kind, 'mention')
    const closed = only('The crossing was closed for six years.', '2019-09-30', 'six years').value
    assert.deepEqual([closed.start, closed.end], ['2013-09-30', '2019-09-30'])
    const adjective = only('a six-year closure', '2019-09-30', 'six-year')
    assert.deepEqual([adjective.type, adjective.value.duration], ['DURATION', 'P6Y'])
    const years = only('It had been closed for years.', '2019-09-30', 'years').value
    assert.deepEqual([years.duration, years.open], ['PXY', 'start'])
  })

  it('leaves a length the text does not place in time without an interval', () => {
    const sentence = only('He got a sentence of 90 days in jail.', '2013-03-22', '90 days')
    assert.equal(sentence.value.start, null)
    assert.equal(sentence.value.timex, 'P90D')
    const after = only('It reopened three days after it was closed.', '2019-09-30', 'three days')
    assert.equal(after.type, 'DURATION')
    assert.equal(after.value.start, null, 'not three days after publication')
  })

  it('resolves "the same day", "that day" and "the next day" to the time they refer back to', () => {
    const text =
      'Militias attacked on August 24. The next day, the base was hit. Rockets fell that day too.'
    assert.equal(only(text, '2019-09-30', 'The next day').value.start, '2019-08-25')
    const that = only(text, '2019-09-30', 'that day').value
    assert.equal(that.start, '2019-08-25')
    assert.equal(that.anchor?.kind, 'mention')
    assert.equal(
      only('Two weeks later it reopened.', '2019-09-30', 'Two weeks later').value.anchor?.kind,
      'publication',
    )
  })

  it('reads recurrences and the present', () => {
    assert.equal(only('reports almost every day', '2019-09-30', 'every day').type, 'SET')
    const now = only('He is now in charge.', '2019-09-30', 'now')
    assert.equal(now.value.timex, 'PRESENT_REF')
  })
})

describe('recogniseTimes: no false hits', () => {
  it('does not read names, verbs, money or counts as dates', () => {
    assert.deepEqual(
      read('Images from ImageSat International and Image Sat International', '2019-09-30'),
      [],
    )
    assert.deepEqual(read('the crossing may open', '2019-09-30'), [])
    assert.deepEqual(read('May Ziade wrote it. Protesters March on the capital.', '2019-09-30'), [])
    assert.deepEqual(read('Officials warned that they March toward the border.', '2019-09-30'), [])
    assert.deepEqual(read('its 150,000 missiles', '2019-09-30'), [])
    assert.deepEqual(
      read('It cost $2019 and 2000 troops crossed; UN Resolution 2254 applies.', '2019-09-30'),
      [],
    )
    assert.deepEqual(read('Iran economy to shrink 9.5%', '2019-09-30'), [])
  })

  it('reads numeric dates by distance from publication, or by the outlet order when known', () => {
    assert.equal(
      only('On 30/09/2019 it opened.', '2019-09-30', '30/09/2019').value.start,
      '2019-09-30',
    )
    assert.equal(
      only('On 9/30/2019 it opened.', '2019-09-30', '9/30/2019').value.start,
      '2019-09-30',
    )
    assert.equal(
      only('On 02/09/2019 it opened.', '2019-09-30', '02/09/2019').value.start,
      '2019-09-02',
    )
    const gb = recogniseTimes('On 02/09/2019 it opened.', {
      published: '2019-09-30',
      dateOrder: 'mdy',
    })
    assert.equal(gb[0].value.start, '2019-02-09')
  })

  it('gives every value the shape of the time model', () => {
    const text = 'On Monday, after six years, in mid-2019, every day since 2014 and the next day.'
    for (const t of recogniseTimes(text, { published: '2019-09-30' })) {
      assert.doesNotThrow(() => TimeValue.parse(t.value), t.text)
      assert.equal(text.slice(t.start, t.end), t.text)
    }
  })
})

describe('calendar arithmetic', () => {
  it('adds days across months, leap days and years, the same on every call', () => {
    const cases: [string, number, string][] = [
      ['2024-02-28', 1, '2024-02-29'],
      ['2023-02-28', 1, '2023-03-01'],
      ['2024-12-31', 1, '2025-01-01'],
      ['2024-03-01', -1, '2024-02-29'],
      ['2024-05-07T10:00:00Z', -7, '2024-04-30'],
      ['2019-09-30', 400, '2020-11-03'],
    ]
    for (let round = 0; round < 2; round++)
      for (const [iso, days, want] of cases) assert.equal(addDays(iso, days), want)
    // More distinct sums than are kept at once: every one still right.
    const start = Date.UTC(2000, 0, 1)
    for (let days = 0; days < 12_000; days++) {
      const want = new Date(start + days * 864e5).toISOString().slice(0, 10)
      assert.equal(addDays('2000-01-01', days), want)
    }
    assert.equal(addDays('2000-01-01', 11_999), '2032-11-07')
  })

  it('dates a bare weekday by the tense of its own sentence', () => {
    const [past] = read('The crossing closed on Monday. Talks will resume soon.', '2024-05-08')
    assert.deepEqual(past, ['Monday', '2024-05-06', '2024-05-06', 'day'])
    const [future] = read('It was shut. The crossing will reopen on Monday!', '2024-05-08')
    assert.deepEqual(future, ['Monday', '2024-05-13', '2024-05-13', 'day'])
  })
})
