/** Drops page clutter from an article's paragraphs: read times, captions, teasers, cookie and share lines. */

const CLUTTER_LINE = [
  /^\d+\s*(min|mins|minute|minutes)\s+read\.?$/i,
  /^.{0,100}\b\d+\s*(min|mins|minute|minutes)\s+read\b.{0,60}$/i,
  /^by\s+[\p{Lu}][^.!?]{0,60}$/iu,
  /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*)*\s*(,|&|\||—|\band\b|\bon\b|\bupdated\b|\bpublished\b).{0,150}$/u,
  /\(photo credit:[^)]*\)\s*$/i,
  /^(photo|image|picture|photograph)s?( credit)?\s*[:/]/i,
  /^(cookie settings|accept( all)?( cookies)?|manage cookies|reject all)$/i,
  /\b(we|this site) uses? cookies\b/i,
  /^share (on|this|via)\b/i,
  /^(share|tweet|email|print|copy link|listen to this article)$/i,
  /^(sign up|subscribe)\b.{0,80}(newsletter|inbox|updates)/i,
  /^(advertisement|advert|sponsored( content| links?)?|skip to (main )?content)$/i,
  /^(continue reading( below)?|this slideshow requires javascript\.?|\d* ?comments?|image \d+ of \d+)$/i,
  /^(read more|see more|read also|also read|related|more)\s*:.{0,160}$/i,
  /^don[’']?t miss\s*:?$/i,
  /^(comments are closed\.?|like this (story|article)\?.{0,60})$/i,
  /^(posted|published|updated|last updated|first published)(\s+on\s+|\s*:\s*).{0,60}\b(19|20)\d{2}\b.{0,60}$/i,
  /^[^.!?]{0,80}[|/]\s*(getty images|shutterstock|afp|reuters|ap|ap photo|epa)$/i,
  /^.{0,120}\bcontributed to (this|the) (report|story|article)\.?$/i,
  /^follow (us|me|him|her|them)\b.{0,200}$/i,
  /^.{0,120}\bfollow (us|me|him|her|them) on (twitter|facebook|instagram|x)\b.{0,120}$/i,
  /^(©|copyright\b|\(c\)\s)/i,
  /^all rights reserved\.?$/i,
]

/**
 * Headings after which a page lists other stories. A bare "Read more" is left out: on many pages it
 * is a button that expands the rest of the story.
 */
const TEASER_HEADING =
  /^(related( content| stories| articles| news| coverage)?|read (next|also)|more (from|on|stories)\b.*|recommended( for you)?|most (read|popular)|you (may|might) also like|trending( now)?)\s*(:|\.{3}|…)?$/i

/** True for a paragraph that is page furniture, not article text. */
export function isClutter(paragraph: string): boolean {
  const p = paragraph.trim()
  return CLUTTER_LINE.some((re) => re.test(p))
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** True for the page's headline repeated at the top of the text, also as "Headline | Outlet". */
function repeatsTitle(paragraph: string, title: string): boolean {
  const p = fold(paragraph)
  const t = fold(title)
  if (!p || !t) return false
  return p === t || (p.length >= 20 && (t.startsWith(p) || t.endsWith(p)))
}

/**
 * Cleans a list of paragraphs: drops clutter, cuts at a "Related"/"Read more" heading in the
 * last part of the page, drops repeats of the title and standfirsts repeated verbatim later.
 */
export function cleanParagraphs(paragraphs: string[], title?: string): string[] {
  let kept = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '')
  const cut = kept.findIndex((p, i) => i > 0 && i >= kept.length * 0.5 && TEASER_HEADING.test(p))
  if (cut >= 0) kept = kept.slice(0, cut)
  kept = kept.filter(
    (p, i) =>
      !isClutter(p) && !(title && (p === title.trim() || (i < 3 && repeatsTitle(p, title)))),
  )
  // A section label ("Syria", "Middle East") above the story is a kicker, not text.
  const first = kept[0] ?? ''
  if (
    kept.length > 1 &&
    first.length <= 30 &&
    /^[\p{Script=Latin}\s&'’-]+$/u.test(first) &&
    first.split(/\s+/).length <= 3
  )
    kept.shift()
  const body = kept.join('\n')
  // Only the first three paragraphs are checked: searching the body for every paragraph of a
  // huge page would take quadratic time.
  return kept.filter((p, i) => {
    if (p.length < 40 || i > 2) return true
    const core = p.replace(/[.!?"'”’]+$/, '')
    return body.indexOf(core, body.indexOf(core) + core.length) < 0
  })
}
