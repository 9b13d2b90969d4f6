/**
 * Property-based tests of the text pipeline (fast-check): on any input it never throws, every
 * offset lies inside the text it points into, and every evidence string is part of its report.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { defaultContext } from '../src/pipeline/open-context.ts'
import { extractDocument } from '../src/pipeline/extract-document.ts'
import { contentHash } from '../src/ingest/read-sources.ts'
import { recogniseTimes } from '../src/time/recognise-times.ts'
import { annotatePlaces } from '../src/places/annotate-places.ts'
import { ArticleEvent, TimeValue } from '../src/model/index.ts'

const ctx = defaultContext()

/** Words news reports are made of, so random texts reach the recognisers' interesting paths. */
const WORDS = [
  'the',
  'crossing',
  'Albukamal',
  'Al Qaim',
  'Abu Kamal',
  'reopened',
  'closed',
  'on',
  'Monday',
  'since',
  '2014',
  'seized',
  'by',
  'ISIS',
  'PMU',
  'airstrikes',
  'struck',
  'near',
  'Damascus',
  'in',
  'mid',
  'and',
  'late',
  'September',
  'yesterday',
  'for',
  'six',
  'years',
  'Iraqi',
  'forces',
  'said',
  'according',
  'to',
  'SANA',
  'May',
  'March',
  '30/09/2019',
  '19:03',
  'GMT',
  'the',
  'next',
  'day',
  '“',
  '”',
  '"',
  ',',
  '.',
  '\n\n',
  '—',
  '(',
  ')',
  '$2019',
  '%',
  'Jaber',
  'Nasib',
  'border',
  'post',
  'killing',
  '6',
  'fighters',
  'withdrew',
  'from',
  'a',
  'base',
  'ceasefire',
  'agreed',
  '🔥',
  'é',
]
const newsText = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 80 })
  .map((words) => words.join(' '))
const anyText = fc.oneof(
  newsText,
  fc.string({ maxLength: 400 }),
  fc.fullUnicodeString({ maxLength: 200 }),
)
const published = fc.constantFrom(
  '2019-09-30',
  '2019-09-30T19:03+03:00',
  '2024-02-29',
  '1999-12-31',
)

function checkDocument(content: string, contentType: 'text/plain' | 'text/html', pub: string) {
  const result = extractDocument(
    {
      hash: contentHash(content),
      origin: 'property',
      contentType,
      content,
      hints: { published: pub },
    },
    ctx,
  )
  const text = result.article.text
  for (const m of result.mentions) {
    assert.ok(m.start >= 0 && m.end <= text.length && m.start <= m.end, `${m.kind} offsets`)
    assert.equal(text.slice(m.start, m.end), m.text)
  }
  for (const e of result.events) {
    ArticleEvent.parse(e)
    assert.ok(e.evidenceStart >= 0 && e.evidenceEnd <= text.length)
    assert.equal(
      text.slice(e.evidenceStart, e.evidenceEnd),
      e.sentence,
      'evidence is part of the report',
    )
    assert.ok(text.includes(e.trigger) || e.sentence.includes(e.trigger))
  }
}

describe('pipeline properties', () => {
  it('reads any plain text without throwing, offsets inside the text, evidence from the report', () => {
    fc.assert(
      fc.property(anyText, published, (body, pub) =>
        checkDocument(`Headline\n\n${body}`, 'text/plain', pub),
      ),
      { numRuns: 150 },
    )
  })

  it('reads any HTML-ish page without throwing', () => {
    const page = fc
      .array(
        fc.oneof(
          newsText.map((t) => `<p>${t}</p>`),
          fc.constantFrom(
            '<div>',
            '</div>',
            '<article>',
            '<nav>Home</nav>',
            '<script>x</script>',
            '<p',
            '<!--',
            '<a href="x">',
          ),
        ),
        { maxLength: 30 },
      )
      .map((parts) => `<html><body>${parts.join('')}</body></html>`)
    fc.assert(
      fc.property(page, published, (html, pub) => checkDocument(html, 'text/html', pub)),
      { numRuns: 100 },
    )
  })

  it('resolves times in any text into valid values whose offsets point at their words', () => {
    fc.assert(
      fc.property(anyText, published, (text, pub) => {
        for (const t of recogniseTimes(text, { published: pub })) {
          TimeValue.parse(t.value)
          assert.equal(text.slice(t.start, t.end), t.text)
          if (t.value.start && t.value.end)
            assert.ok(t.value.start.slice(0, 10) <= t.value.end.slice(0, 10))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('geoparses any text without throwing, spans inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const p of annotatePlaces(text)) assert.equal(text.slice(p.start, p.end), p.text)
      }),
      { numRuns: 200 },
    )
  })
})
