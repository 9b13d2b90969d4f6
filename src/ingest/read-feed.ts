/** Feeds and feed lists: RSS, Atom, RDF and JSON Feed items (via feedsmith), and OPML outlines. */
import { parseFeed, parseOpml } from 'feedsmith'
import { IngestError } from './errors.js'

/** One feed item: where the story lives and whatever the feed carries of it. */
export interface FeedItem {
  url: string | null
  title: string | null
  published: string | null
  /** The item's body when the feed carries one (HTML or plain text). */
  content: string | null
  /** The item's own id (RSS guid, Atom id, JSON Feed id), when it has one. */
  guid?: string
}

function withGuid(item: FeedItem, guid: string | null): FeedItem {
  return guid ? { ...item, guid } : item
}

/** What a text is, for ingest: a feed, a list of feeds, or anything else (a page or report). */
export function sniffKind(text: string, fileName = ''): 'feed' | 'opml' | 'other' {
  const head = text.slice(0, 2048).trimStart()
  if (
    /\.opml$/i.test(fileName) ||
    /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(head)
  ) {
    return 'opml'
  }
  if (
    /^(<\?xml[^>]*>\s*)?(<\?xml-stylesheet[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(
      head,
    )
  ) {
    return 'feed'
  }
  if (/^\{[\s\S]*"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return 'feed'
  return 'other'
}

type Loose = Record<string, unknown>

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (value && typeof value === 'object' && 'value' in value) return str((value as Loose).value)
  return null
}

function atomLink(entry: Loose): string | null {
  const links = (entry.links as Loose[] | undefined) ?? []
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0]
  return str(alternate?.href)
}

/** Parses a feed into its items; a text that is no feed is an error naming the input. */
export function feedItems(text: string, input: string): FeedItem[] {
  let parsed: { format: string; feed: Loose }
  try {
    parsed = parseFeed(text) as { format: string; feed: Loose }
  } catch (error) {
    throw new IngestError(
      'unreadable',
      input,
      `is not a readable feed (${(error as Error).message})`,
    )
  }
  const { format, feed } = parsed
  if (format === 'atom') {
    return ((feed.entries as Loose[] | undefined) ?? []).map((e) =>
      withGuid(
        {
          url: atomLink(e),
          title: str(e.title),
          published: str(e.published) ?? str(e.updated),
          content: str(e.content) ?? str(e.summary),
        },
        str(e.id),
      ),
    )
  }
  if (format === 'json') {
    return ((feed.items as Loose[] | undefined) ?? []).map((i) =>
      withGuid(
        {
          url: str(i.url) ?? str(i.external_url),
          title: str(i.title),
          published: str(i.date_published) ?? str(i.date_modified),
          content: str(i.content_html) ?? str(i.content_text) ?? str(i.summary),
        },
        typeof i.id === 'number' ? String(i.id) : str(i.id),
      ),
    )
  }
  return ((feed.items as Loose[] | undefined) ?? []).map((i) => {
    const content = (i.content as Loose | undefined)?.encoded
    const dc = i.dc as Loose | undefined
    return withGuid(
      {
        url: str(i.link) ?? str((i.guid as Loose | undefined)?.value),
        title: str(i.title),
        published: str(i.pubDate) ?? str(dc?.date),
        content: str(content) ?? str(i.description),
      },
      str(i.guid),
    )
  })
}

/** The feed URLs of an OPML list, nested outlines included. */
export function opmlFeedUrls(text: string, input: string): string[] {
  let parsed: { body?: { outlines?: Loose[] } }
  try {
    parsed = parseOpml(text) as typeof parsed
  } catch (error) {
    throw new IngestError(
      'unreadable',
      input,
      `is not a readable OPML list (${(error as Error).message})`,
    )
  }
  const urls: string[] = []
  const walk = (outlines: Loose[] | undefined) => {
    for (const o of outlines ?? []) {
      const url = str(o.xmlUrl)
      if (url) urls.push(url)
      walk(o.outlines as Loose[] | undefined)
    }
  }
  walk(parsed.body?.outlines)
  return urls
}
