/** Turns the inputs of `borderwatch ingest` (files, folders, `-`, JSONL bulk files) into raw documents. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { z } from 'zod'
import type { DocumentHints, RawDocument } from '../model/index.js'
import { IngestError } from './errors.js'
import { fetchPage, type FetchOptions } from './fetch-url.js'
import { feedItems, opmlFeedUrls, sniffKind, type FeedItem } from './read-feed.js'

/** Largest file read, so a stray disk image cannot exhaust memory. */
const MAX_BYTES = 20 * 1024 * 1024
const INGESTIBLE = new Set([
  '.txt',
  '.text',
  '.html',
  '.htm',
  '.jsonl',
  '.xml',
  '.rss',
  '.atom',
  '.opml',
  '.json',
])
/** Largest size a `.gz` file may inflate to: a gzip bomb stops here, not in memory. */
const MAX_INFLATED_BYTES = 50 * 1024 * 1024

/** The extension that says what a file holds, looking through `.gz` ("a.html.gz" → ".html"). */
function innerExtension(file: string): string {
  const name = file.toLowerCase().replace(/\.gz$/, '')
  return path.extname(name)
}

function inflate(bytes: Buffer, input: string): Buffer {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError(
        'too-large',
        input,
        `inflates to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MiB`,
      )
    }
    throw new IngestError('unreadable', input, 'is not a valid gzip file')
  }
}

/** One input read: a document, or an error naming the input. */
export type SourceItem = { document: RawDocument } | { error: IngestError }

const JsonlRecord = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    outlet: z.string().nullable().optional(),
    published: z.string().nullable().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .refine((r) => (r.text ?? r.html ?? '').trim() !== '', 'needs a non-empty "text" or "html"')

/** SHA-256 of a document's content: the key that makes ingesting twice store once. */
export function contentHash(content: string): string {
  return crypto.createHash('sha256').update(content, 'utf8').digest('hex')
}

/** True when the text looks like an HTML page rather than plain text. */
export function looksLikeHtml(content: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content.slice(0, 2048))
}

/** Decodes bytes as UTF-8 text, refusing binary data with a message naming the input. */
export function decodeText(bytes: Buffer, input: string): string {
  if (bytes.length > MAX_BYTES) {
    throw new IngestError('too-large', input, `is larger than ${MAX_BYTES / 1024 / 1024} MiB`)
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new IngestError('binary', input, 'is a binary file, not a text or HTML report')
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new IngestError('binary', input, 'is not valid UTF-8 text (a binary file?)')
  }
  if (text.trim() === '') throw new IngestError('empty', input, 'is empty')
  return text.replace(/^\uFEFF/, '')
}

function makeDocument(
  content: string,
  origin: string,
  hints: DocumentHints,
  html?: boolean,
): RawDocument {
  return {
    hash: contentHash(content),
    origin,
    url: hints.url,
    contentType: (html ?? looksLikeHtml(content)) ? 'text/html' : 'text/plain',
    content,
    hints,
  }
}

function* readJsonl(text: string, input: string, hints: DocumentHints): Generator<SourceItem> {
  const lines = text.split(/\r?\n/)
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue
    const where = `${input}:${i + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      yield { error: new IngestError('bad-jsonl', where, 'is not valid JSON') }
      continue
    }
    const parsed = JsonlRecord.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const field = issue.path.length ? `field "${issue.path.join('.')}" ` : ''
      yield { error: new IngestError('bad-jsonl', where, `${field}${issue.message}`) }
      continue
    }
    const r = parsed.data
    const content = r.html ?? r.text ?? ''
    yield {
      document: makeDocument(
        content,
        where,
        {
          id: r.id === undefined ? undefined : String(r.id),
          url: r.url,
          title: r.title,
          outlet: r.outlet ?? undefined,
          published: hints.published ?? r.published ?? undefined,
        },
        r.html !== undefined,
      ),
    }
  }
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new IngestError('not-found', file, 'no such file or folder')
    if (code === 'EACCES' || code === 'EPERM') {
      throw new IngestError('unreadable', file, 'permission denied')
    }
    throw new IngestError(
      'unreadable',
      file,
      `cannot be read (${code ?? (error as Error).message})`,
    )
  }
}

/** Words in a feed item's own content from which it counts as the whole story, not a teaser. */
const FULL_ITEM_WORDS = 150

function feedDate(value: string | null): string | undefined {
  if (!value) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

/**
 * The document a feed item stands for when the feed carries its whole story (null when only its
 * link leads to the story).
 */
export function feedItemDocument(
  item: FeedItem,
  where: string,
  hints: DocumentHints,
): RawDocument | null {
  const words = (item.content ?? '')
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length
  if (!item.content || words < FULL_ITEM_WORDS) return null
  return makeDocument(
    item.content,
    where,
    feedItemHints(item, hints),
    /<\w[^>]*>/.test(item.content),
  )
}

/** The hints a feed item gives its story: link, title, and the item's date unless one is forced. */
export function feedItemHints(item: FeedItem, hints: DocumentHints): DocumentHints {
  return {
    ...hints,
    url: item.url ?? undefined,
    title: item.title ?? undefined,
    published: hints.published ?? feedDate(item.published),
  }
}

/** Reads the items of a feed: an item with its whole story in the feed is used as it is, else its link is fetched. */
async function* readFeed(
  text: string,
  origin: string,
  hints: DocumentHints,
  options: FetchOptions,
): AsyncGenerator<SourceItem> {
  const items = feedItems(text, origin)
  for (const [i, item] of items.entries()) {
    const where = `${origin}#${i + 1}`
    const document = feedItemDocument(item, where, hints)
    if (document) {
      yield { document }
    } else if (item.url && /^https?:\/\//i.test(item.url)) {
      yield* readUrl(item.url, feedItemHints(item, hints), options)
    } else {
      yield { error: new IngestError('empty', where, 'has neither the story nor a link to it') }
    }
  }
}

/** Turns a text into documents by what it is: a feed, a list of feeds, JSONL, or one report. */
async function* fromText(
  text: string,
  origin: string,
  fileName: string,
  hints: DocumentHints,
  options: FetchOptions,
): AsyncGenerator<SourceItem> {
  try {
    const kind = sniffKind(text, fileName.replace(/\.gz$/i, ''))
    if (kind === 'opml') {
      for (const url of opmlFeedUrls(text, origin)) yield* readUrl(url, hints, options)
    } else if (kind === 'feed') {
      yield* readFeed(text, origin, hints, options)
    } else if (innerExtension(fileName) === '.jsonl') {
      yield* readJsonl(text, origin, hints)
    } else {
      yield { document: makeDocument(text, origin, hints) }
    }
  } catch (error) {
    if (error instanceof IngestError) yield { error }
    else throw error
  }
}

async function* readFile(
  file: string,
  hints: DocumentHints,
  options: FetchOptions,
): AsyncGenerator<SourceItem> {
  let text: string
  try {
    const raw = readBytes(file)
    text = decodeText(file.toLowerCase().endsWith('.gz') ? inflate(raw, file) : raw, file)
  } catch (error) {
    if (!(error instanceof IngestError)) throw error
    yield { error }
    return
  }
  yield* fromText(text, file, file, hints, options)
}

async function* readUrl(
  url: string,
  hints: DocumentHints,
  options: FetchOptions,
): AsyncGenerator<SourceItem> {
  let page: Awaited<ReturnType<typeof fetchPage>>
  try {
    page = await fetchPage(url, options)
    if (page.text.trim() === '') throw new IngestError('empty', url, 'is empty')
  } catch (error) {
    if (!(error instanceof IngestError)) throw error
    yield { error }
    return
  }
  const kind = sniffKind(page.text, new URL(page.url).pathname)
  if (kind !== 'other') {
    yield* fromText(page.text, url, new URL(page.url).pathname, hints, options)
    return
  }
  const html = page.contentType !== 'text/plain'
  yield { document: makeDocument(page.text, url, { ...hints, url: hints.url ?? page.url }, html) }
}

function listFolder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.name.startsWith('.')) return []
      if (entry.isDirectory()) return listFolder(full)
      return INGESTIBLE.has(innerExtension(entry.name)) ? [full] : []
    })
}

/**
 * Reads every input in order: files, folders (recursively, known extensions only) and `-` for
 * standard input. Bad inputs become error items; they never stop the good ones.
 */
export async function* readSources(
  inputs: string[],
  hints: DocumentHints = {},
  options: ReadOptions = {},
): AsyncGenerator<SourceItem> {
  const stdin = options.stdin ?? readStdin
  for (const input of inputs) {
    if (input === '-') {
      try {
        yield* fromText(decodeText(await stdin(), 'stdin'), 'stdin', '', hints, options.fetch ?? {})
      } catch (error) {
        if (error instanceof IngestError) yield { error }
        else throw error
      }
      continue
    }
    if (/^https?:\/\//i.test(input)) {
      yield* readUrl(input, hints, options.fetch ?? {})
      continue
    }
    let stat: fs.Stats
    try {
      stat = fs.statSync(input)
    } catch {
      yield { error: new IngestError('not-found', input, 'no such file or folder') }
      continue
    }
    if (stat.isDirectory()) {
      for (const file of listFolder(input)) yield* readFile(file, hints, options.fetch ?? {})
    } else {
      yield* readFile(input, hints, options.fetch ?? {})
    }
  }
}

/** How inputs are read: where standard input comes from, and how URLs are fetched. */
export interface ReadOptions {
  stdin?: () => Promise<Buffer>
  fetch?: FetchOptions
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
