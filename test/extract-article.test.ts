/** Article extraction on small hand-written pages: the block finder, furniture, dates, bad HTML. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { extractArticle } from '../src/ingest/extract-article.ts'
import { cleanParagraphs } from '../src/ingest/clean-paragraphs.ts'
import { resolveDate } from '../src/ingest/date-evidence.ts'
import {
  dateDetails,
  dateFromUrl,
  findDateInText,
  parseMachineDate,
} from '../src/ingest/published-date.ts'
import type { RawDocument } from '../src/model/index.ts'

function page(html: string, url?: string): RawDocument {
  return {
    hash: 'h'.repeat(64),
    origin: 'test.html',
    contentType: 'text/html',
    content: html,
    hints: { url },
  }
}

/** A paragraph of prose long enough to look like one. */
function prose(topic: string): string {
  return `${topic}, officials said on Monday, while trucks waited at the gate and drivers, who had queued since dawn, said the checks were slow but orderly.`
}

const STORY = [
  'The crossing reopened',
  'Customs staff returned',
  'Traders welcomed the move',
  'Bus services resume',
]

describe('block finder', () => {
  const html = `<!doctype html><html lang="en"><head><title>Crossing reopens | Desert Post</title>
    <meta property="og:site_name" content="Desert Post"></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and all the other sections</a></li></ul></nav>
    <div class="sidebar"><p>${prose('A sidebar teaser about another town')}</p></div>
    <article>
      <header><h1>Crossing reopens</h1><p class="standfirst">Traffic flows again after three years.</p></header>
      <div class="story-body">
        <p>${prose(STORY[0])}</p>
        <p>${prose(STORY[1])}</p>
        <figure><img src="a.jpg"><figcaption>Trucks at the gate. Photo: AFP</figcaption></figure>
        <span class="newsCaption">Lorries queue in the heat</span>
        <p><strong>READ MORE:</strong> <a href="/other">Another story about the border that is only a teaser</a></p>
        <p>${prose(STORY[2])}</p>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
        <p>${prose(STORY[3])}</p>
        <p>Source: <a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>
      </div>
      <div class="author-bio"><p>Jane Roe covers the region for the Desert Post, from Amman, and has done so for ten years.</p></div>
    </article>
    <div class="comments"><p>${prose('A reader comment that is not the story')}</p></div>
    <footer><p>© Desert Post. All rights reserved.</p></footer></body></html>`

  it('keeps the story and its source line, and leaves menus, sidebars, comments and furniture out', () => {
    const a = extractArticle(page(html))
    for (const topic of STORY) assert.match(a.text, new RegExp(topic))
    assert.match(a.text, /Source: https:\/\/example\.org\/report\.pdf/)
    for (const clutter of [
      /World news/,
      /sidebar teaser/,
      /reader comment/,
      /Photo: AFP/,
      /Lorries queue/,
      /READ MORE/,
      /Share on/,
      /Jane Roe covers/,
      /Traffic flows again/,
      /Crossing reopens/,
      /rights reserved/,
    ]) {
      assert.doesNotMatch(a.text, clutter)
    }
    assert.equal(a.title, 'Crossing reopens')
    assert.equal(a.outlet, 'Desert Post')
  })

  it('joins a story split into sections around a gallery', () => {
    const section = (topics: string[]) =>
      `<div class="section"><div class="inner"><div class="text">${topics.map((t) => `<p>${prose(t)}</p>`).join('')}</div></div></div>`
    const lead = ['Lead one', 'Lead two']
    const rest = ['Body one', 'Body two', 'Body three', 'Body four', 'Body five', 'Body six']
    const a = extractArticle(
      page(`<html><body><div class="post"><div class="post-title"><h1>Split</h1></div>
        ${section(lead)}
        <div class="gallery"><figure><img src="1.jpg"><figcaption>A caption</figcaption></figure></div>
        ${section(rest)}
      </div><ul class="related-links"><li><a href="/a">A related story with a long headline</a></li></ul></body></html>`),
    )
    for (const topic of [...lead, ...rest]) assert.match(a.text, new RegExp(topic))
    assert.doesNotMatch(a.text, /related story|A caption/)
  })

  it('leaves out text a reader never sees', () => {
    const a = extractArticle(
      page(`<html><body><article>
        <p>${prose('Visible one')}</p>
        <p hidden>${prose('Hidden by attribute')}</p>
        <div style="display: none"><p>${prose('Hidden by style')}</p></div>
        <p>${prose('Visible two')} <span class="sr-only">Screen reader note</span></p>
        <p>${prose('Visible three')}</p>
      </article></body></html>`),
    )
    assert.match(a.text, /Visible one[\s\S]*Visible two[\s\S]*Visible three/)
    assert.doesNotMatch(a.text, /Hidden by|Screen reader note/)
  })

  it('reads a page that wraps everything in one form (ASP.NET)', () => {
    const a = extractArticle(
      page(`<html><body><form id="aspnetForm"><div class="nav"><a href="/">Home</a></div>
        <div class="article-text">${STORY.map((t) => `<p>${prose(t)}</p>`).join('')}</div>
      </form></body></html>`),
    )
    for (const topic of STORY) assert.match(a.text, new RegExp(topic))
  })

  it('keeps a list that is part of the story', () => {
    const a = extractArticle(
      page(`<html><body><article><p>${prose('Where to buy it')}</p>
        <ul><li><a href="https://shop.example/a">Get it at Shop A for $40</a></li>
        <li><a href="https://shop.example/b">Get it at Shop B for $42</a></li></ul>
        <p>${prose('Prices may change')}</p><p>${prose('Stock is limited')}</p></article></body></html>`),
    )
    assert.match(a.text, /Get it at Shop A for \$40\n\nGet it at Shop B/)
  })

  it('reads text written with line breaks instead of paragraphs', () => {
    const a = extractArticle(
      page(
        `<html><body><div id="menu"><a href="/">Home</a></div><div class="entry">${STORY.map(prose).join('<br><br>')}</div></body></html>`,
      ),
    )
    for (const topic of STORY) assert.match(a.text, new RegExp(topic))
    assert.equal(a.text.split('\n\n').length, STORY.length)
  })
})

describe('cleanParagraphs', () => {
  it('drops furniture lines and keeps sentences that merely look alike', () => {
    const story = prose('The crossing reopened')
    const kept = cleanParagraphs(
      [
        'Crossing reopens at last',
        story,
        'Posted: Fri 6:45 PM, Feb 16, 2018 |',
        'By Jane Roe , Omar Said on Monday, November 18th, 2019 at 11:08 a.m.',
        'Natalie Naccache | Bloomberg | Getty Images',
        'READ MORE: Another story about the border',
        'Advert',
        'Continue Reading Below',
        'Follow us on Twitter for more.',
        'Fox News’ Jane Roe contributed to this report.',
        'Comments are closed.',
        'Published in 2019, the report found that the crossing had been closed for years.',
        'By March 2020 the crossing had closed again.',
      ],
      'Crossing reopens at last | Desert Post',
    )
    assert.deepEqual(kept, [
      story,
      'Published in 2019, the report found that the crossing had been closed for years.',
      'By March 2020 the crossing had closed again.',
    ])
  })
})

describe('publication date by evidence', () => {
  const body = `<article>${STORY.map((t) => `<p>${prose(t)}</p>`).join('')}</article>`

  it('reads the local day and offset where a UTC instant and the page disagree by the day', () => {
    const a = extractArticle(
      page(
        `<html><head><meta property="article:published_time" content="2020-02-25T02:25:54+00:00"></head>
        <body><div class="byline-date">February 24, 2020 | 9:25pm</div>${body}</body></html>`,
        'https://news.example/2020/02/24/story/',
      ),
    )
    assert.equal(a.published, '2020-02-24T21:25:54-05:00')
    assert.equal(a.publishedStrategy, 'text')
  })

  it('prefers a stated offset (RFC 2822 meta) to the same moment in UTC', () => {
    const a = extractArticle(
      page(
        `<html><head><meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"}</script>
        </head><body>${body}</body></html>`,
      ),
    )
    assert.equal(a.published, '2019-10-19T00:04:00+02:00')
  })

  it('lets the URL, <time> and byline outvote a stale JSON-LD date', () => {
    const a = extractArticle(
      page(
        `<html><head><script type="application/ld+json">{"datePublished":"2018-01-01T08:00:00Z"}</script></head>
        <body><time datetime="2019-09-30T19:03:00+03:00">30 September 2019</time>
        <p class="posted">Posted on September 30, 2019</p>${body}</body></html>`,
        'https://news.example/2019/09/30/story',
      ),
    )
    assert.equal(a.published, '2019-09-30T19:03:00+03:00')
    assert.equal(a.publishedStrategy, 'time-element')
  })

  it('reads a "Published" label in the text and passes over the "Updated" date beside it', () => {
    const labelled = extractArticle(
      page(
        `<html><body><div class="meta">Updated: June 13, 2019 · Published on 3 May 2019 at 10:15 am</div>${body}</body></html>`,
      ),
    )
    assert.equal(labelled.published, '2019-05-03T10:15')
  })

  it('prefers datePublished to a later dateModified', () => {
    const a = extractArticle(
      page(
        `<html><head><script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2022-06-01T09:00:00Z","datePublished":"2021-11-20T16:45:00Z"}</script>
        <meta property="article:modified_time" content="2022-06-01T09:00:00Z"></head>
        <body><p class="byline">Updated June 1, 2022</p>${body}</body></html>`,
      ),
    )
    assert.equal(a.published, '2021-11-20T16:45:00Z')
    assert.equal(a.publishedStrategy, 'json-ld')
  })

  it('falls back to the last-updated date only when nothing dates the publication', () => {
    const onlyUpdated = extractArticle(
      page(
        `<html><body><p class="date">Updated <span>June 13, 2019</span></p>${body}</body></html>`,
      ),
    )
    assert.equal(onlyUpdated.published, '2019-06-13')
    assert.equal(onlyUpdated.publishedStrategy, 'text')
    const wikiFooter = extractArticle(
      page(
        `<html><body>${body}<div id="footer-info">This page was last edited on 2 May 2021, at 10:12 by Ana.</div></body></html>`,
      ),
    )
    assert.equal(wikiFooter.published, '2021-05-02T10:12')
    const machine = extractArticle(
      page(
        `<html><head><meta itemprop="dateModified" content="2018-04-09T07:30:00+02:00"></head><body>${body}</body></html>`,
      ),
    )
    assert.equal(machine.published, '2018-04-09T07:30:00+02:00')
    assert.equal(machine.publishedStrategy, 'meta')
    const none = extractArticle(page(`<html><body>${body}</body></html>`))
    assert.equal(none.published, null)
    assert.equal(none.publishedStrategy, 'none')
    const inStory = extractArticle(
      page(
        `<html><body><article><p>${prose('The permit rules were updated on 3 March 2019 and')}</p>${body}</article></body></html>`,
      ),
    )
    assert.equal(inStory.published, null)
  })

  it('reads a "Submitted by … on" line, with the day written "4." as German pages do', () => {
    const a = extractArticle(
      page(
        `<html><body><div class="submitted">Submitted by <span class="username">kim</span> on 4. July 2018 - 09:30</div>${body}</body></html>`,
      ),
    )
    assert.equal(a.published, '2018-07-04T09:30')
    assert.equal(a.publishedStrategy, 'text')
  })

  it('takes a date on a line of its own as a lone date, but not an edited one', () => {
    const signed = extractArticle(
      page(`<html><body>${body}<p>Thanks for reading, Sam<br>3. March 2016</p></body></html>`),
    )
    assert.equal(signed.published, '2016-03-03')
    assert.equal(signed.publishedStrategy, 'text')
    const edited = extractArticle(
      page(
        `<html><body><p>Last edited<br>5 May 2017</p>${body}<p>Sam<br>3 March 2016</p></body></html>`,
      ),
    )
    assert.equal(edited.published, '2016-03-03')
    assert.equal(
      extractArticle(page(`<html><body>${body}<p>Sam wrote this<br>in March</p></body></html>`))
        .published,
      null,
    )
  })

  it('reads numeric dates in the order the page locale writes them', () => {
    const at = (lang: string) =>
      extractArticle(
        page(
          `<html lang="${lang}"><body><span class="time">02/10/2020</span>${body}</body></html>`,
        ),
      ).published
    assert.equal(at('en-GB'), '2020-10-02')
    assert.equal(at('en-US'), '2020-02-10')
  })

  it('reads a date from page script data and, as a last resort, a lone date on the page', () => {
    const scripted = extractArticle(
      page(
        `<html><head><script>window.__STATE__={"story":{"publishedAt":"2021-03-04T05:06:07Z"}}</script></head><body>${body}</body></html>`,
      ),
    )
    assert.equal(scripted.published, '2021-03-04T05:06:07Z')
    const lone = extractArticle(page(`<html><body><div>Jan 18, 2019</div>${body}</body></html>`))
    assert.equal(lone.published, '2019-01-18')
    assert.equal(lone.publishedStrategy, 'text')
  })

  it('drops an "Updated" dateline from a plain-text report without dating it by that', () => {
    const a = extractArticle({
      hash: 'u'.repeat(64),
      origin: 'report.txt',
      contentType: 'text/plain',
      content: `A title\n\nUpdated: October 2, 2019\n\nSeptember 30, 2019\n\n${prose('The crossing reopened')}`,
      hints: {},
    })
    assert.equal(a.published, '2019-09-30')
    assert.doesNotMatch(a.text, /Updated|September 30/)
  })

  it('joins a local time and a UTC instant of the same moment into one value with its offset', () => {
    assert.deepEqual(
      resolveDate([
        { value: '2023-11-09T05:30:59Z', strategy: 'json-ld', weight: 1 },
        { value: '2023-11-08T23:30:59', strategy: 'time-element', weight: 1 },
        { value: '2023-11-08', strategy: 'url', weight: 1 },
      ]),
      { value: '2023-11-08T23:30:59-06:00', strategy: 'time-element' },
    )
    assert.equal(resolveDate([]), null)
  })
})

describe('date parsing', () => {
  it('finds dates in short texts, with time and zone', () => {
    assert.equal(findDateInText('Published On May 10, 2022 01:52 PM'), '2022-05-10T13:52')
    assert.equal(findDateInText('Written: 2023-11-07 15:03:30'), '2023-11-07T15:03:30')
    assert.equal(findDateInText('November 8, 2023 at 11:30 p.m.'), '2023-11-08T23:30')
    assert.equal(findDateInText('7 May 2024 14:10 EEST'), '2024-05-07T14:10+03:00')
    assert.equal(findDateInText('19.10.2019'), '2019-10-19')
    assert.equal(findDateInText('Saved on 4. July 2018 - 09:30'), '2018-07-04T09:30')
    assert.equal(findDateInText('no date here'), null)
  })

  it('reads machine dates: ISO, RFC 2822 and JavaScript Date strings', () => {
    assert.equal(parseMachineDate('2019-10-18T22:04:00.000Z'), '2019-10-18T22:04:00Z')
    assert.equal(parseMachineDate('Sat, 19 Oct 2019 00:04:00 +0200'), '2019-10-19T00:04:00+02:00')
    assert.equal(
      parseMachineDate('Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)'),
      '2018-02-20T01:00:00+01:00',
    )
  })

  it('reads dates in URL paths, numeric or with month names', () => {
    assert.equal(dateFromUrl('https://x.example/2019/09/30/story'), '2019-09-30')
    assert.equal(dateFromUrl('https://x.example/world/2020/oct/02/story'), '2020-10-02')
    assert.equal(dateFromUrl('https://x.example/about'), null)
  })

  it('says the precision and the stated time zone of a value', () => {
    assert.deepEqual(dateDetails('2019-10-19T00:04:00+02:00'), {
      precision: 'instant',
      timezone: '+02:00',
    })
    assert.deepEqual(dateDetails('2019-10-19T00:04Z'), { precision: 'instant', timezone: 'Z' })
    assert.deepEqual(dateDetails('2019-10-19T00:04'), { precision: 'instant', timezone: null })
    assert.deepEqual(dateDetails('2019-10-19'), { precision: 'day', timezone: null })
  })
})

describe('bylines', () => {
  const body = `<article>${STORY.map((t) => `<p>${prose(t)}</p>`).join('')}</article>`
  it('reads the author from a JSON-LD person and from rel=author', () => {
    const ld = extractArticle(
      page(
        `<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"Omar Said"}]}</script></head><body>${body}</body></html>`,
      ),
    )
    assert.equal(ld.byline, 'Jane Roe, Omar Said')
    const rel = extractArticle(
      page(`<html><body><a rel="author" href="/jane">Jane Roe</a>${body}</body></html>`),
    )
    assert.equal(rel.byline, 'Jane Roe')
  })
})

describe('odd HTML', () => {
  it('reads invalid UTF-8 (replacement characters, lone surrogates) without throwing', () => {
    const a = extractArticle(
      page(
        `<html><body><article><p>${prose('Bad \uFFFD bytes \uD800 here')}</p></article></body></html>`,
      ),
    )
    assert.match(a.text, /Bad \uFFFD bytes/)
  })

  it('reads tags cut off inside an attribute, and stray closing tags', () => {
    const a = extractArticle(
      page(`</div></p><html><body><article><p>${prose('Cut short')}</p><p class="x`),
    )
    assert.match(a.text, /Cut short/)
  })

  it('reads a page whose JSON-LD nests without end', () => {
    const ld = `${'['.repeat(50_000)}{"datePublished":"2020-01-01"}${']'.repeat(50_000)}`
    const a = extractArticle(
      page(
        `<html><head><script type="application/ld+json">${ld}</script></head><body><article><p>${prose('Nested data')}</p></article></body></html>`,
      ),
    )
    assert.match(a.text, /Nested data/)
  })

  it('reads a huge page', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `<p>${prose(`Paragraph ${i}`)}</p>`)
    const a = extractArticle(
      page(`<html><body><article>${paragraphs.join('')}</article></body></html>`),
    )
    assert.match(a.text, /Paragraph 19999/)
  })

  it('reads a page nested deeper than the tree keeps, with text at every level', () => {
    const depth = 5_000
    const a = extractArticle(
      page(
        `<html><body>${'<div><span>word</span>'.repeat(depth)}<p>${prose('Deep down')}</p>${'</div>'.repeat(depth)}</body></html>`,
      ),
    )
    assert.match(a.text, /Deep down/)
  })
})
