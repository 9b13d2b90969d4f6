/** Turns the inputs of `borderwatch ingest` (files, folders, `-`, JSONL bulk files) into raw documents. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream'
import zlib from 'node:zlib'
import { z } from 'zod'
import type { DocumentHints, RawDocument } from '../model/index.js'
import { decodeDeclared } from './declared-charset.js'
import { IngestError } from './errors.js'
import { fetchPage, type FetchOptions } from './fetch-url.js'
import { jsonlLines, textLines, type JsonlLine } from './jsonl-lines.js'
import { feedItems, opmlFeedUrls, sniffKind, type FeedItem } from './read-feed.js'
import { DEFAULT_READ_LIMITS, formatBytes, type ReadLimits } from './read-limits.js'

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
/** The extension that says what a file holds, looking through `.gz` ("a.html.gz" → ".html"). */
function innerExtension(file: string): string {
  const name = file.toLowerCase().replace(/\.gz$/, '')
  return path.extname(name)
}

function inflate(bytes: Buffer, input: string, maxBytes: number): Buffer {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('too-large', input, `inflates to more than ${formatBytes(maxBytes)}`)
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

/** True when the first bytes hold a NUL, which no text or HTML report does. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0)
}

function binaryError(input: string): IngestError {
  return new IngestError('binary', input, 'is a binary file, not a text or HTML report')
}

/**
 * Decodes bytes as UTF-8 text, or by the UTF-16 byte order mark or legacy charset the file
 * declares when it is not UTF-8; refuses binary data with a message naming the input.
 */
export function decodeText(
  bytes: Buffer,
  input: string,
  maxBytes: number = DEFAULT_READ_LIMITS.maxFileBytes,
): string {
  if (bytes.length > maxBytes) {
    throw new IngestError('too-large', input, `is larger than ${formatBytes(maxBytes)}`)
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (!utf16 && looksBinary(bytes)) throw binaryError(input)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const declared = decodeDeclared(bytes)
    if (declared === null) {
      throw new IngestError('binary', input, 'is not valid UTF-8 text (a binary file?)')
    }
    text = declared
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

/** The document one JSONL line stands for, an error naming `file:line`, or null for a blank line. */
function jsonlItem(
  item: JsonlLine,
  input: string,
  hints: DocumentHints,
  maxLineBytes: number,
): SourceItem | null {
  const where = `${input}:${item.line}`
  if ('tooLong' in item) {
    const problem = `line is ${item.tooLong} bytes, over the limit of ${formatBytes(maxLineBytes)}`
    return { error: new IngestError('too-large', where, problem) }
  }
  if ('badUtf8' in item) {
    return { error: new IngestError('bad-jsonl', where, 'is not valid UTF-8 text') }
  }
  if (item.text.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(item.text)
  } catch {
    return { error: new IngestError('bad-jsonl', where, 'is not valid JSON') }
  }
  const parsed = JsonlRecord.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path.length ? `field "${issue.path.join('.')}" ` : ''
    return { error: new IngestError('bad-jsonl', where, `${field}${issue.message}`) }
  }
  const r = parsed.data
  const content = r.html ?? r.text ?? ''
  return {
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

/** Reads a JSONL text already in memory (a fetched file). */
function* readJsonl(
  text: string,
  input: string,
  hints: DocumentHints,
  limits: ReadLimits,
): Generator<SourceItem> {
  for (const line of textLines(text, limits.maxLineBytes)) {
    const item = jsonlItem(line, input, hints, limits.maxLineBytes)
    if (item) yield item
  }
}

/** The IngestError for a file that could not be opened or read. */
function fileError(file: string, error: unknown): IngestError {
  if (error instanceof IngestError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new IngestError('not-found', file, 'no such file or folder')
  if (code === 'EACCES' || code === 'EPERM') {
    return new IngestError('unreadable', file, 'permission denied')
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'Z_STREAM_ERROR') {
    return new IngestError('unreadable', file, 'is not a valid gzip file')
  }
  return new IngestError('unreadable', file, `cannot be read (${code ?? (error as Error).message})`)
}

/** The bytes of a file as they stream off the disk, inflated when it is `.gz` (up to a limit). */
async function* fileChunks(file: string, maxInflatedBytes: number): AsyncGenerator<Buffer> {
  const source = fs.createReadStream(file)
  if (!file.toLowerCase().endsWith('.gz')) {
    yield* source as AsyncIterable<Buffer>
    return
  }
  const gunzip = zlib.createGunzip()
  let total = 0
  try {
    for await (const chunk of pipeline(source, gunzip, () => {}) as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > maxInflatedBytes) {
        throw new IngestError(
          'too-large',
          file,
          `inflates to more than ${formatBytes(maxInflatedBytes)}; the lines after that were not read`,
        )
      }
      yield chunk
    }
  } finally {
    source.destroy()
    gunzip.destroy()
  }
}

/**
 * Reads a JSONL bulk file line by line: the file is never held whole, a line over the limit is
 * refused by its number, and the lines after it are read on.
 */
async function* readJsonlFile(
  file: string,
  hints: DocumentHints,
  limits: ReadLimits,
): AsyncGenerator<SourceItem> {
  let first = true
  let items = 0
  const chunks = async function* () {
    for await (const chunk of fileChunks(file, limits.maxInflatedJsonlBytes)) {
      if (first && looksBinary(chunk)) throw binaryError(file)
      first = false
      yield chunk
    }
  }
  try {
    for await (const line of jsonlLines(chunks(), limits.maxLineBytes)) {
      const item = jsonlItem(line, file, hints, limits.maxLineBytes)
      if (!item) continue
      items++
      yield item
    }
  } catch (error) {
    yield { error: fileError(file, error) }
    return
  }
  if (items === 0) yield { error: new IngestError('empty', file, 'is empty') }
}

/** A file's bytes, refused by its size on disk before any is read when it is over `maxBytes`. */
function readBytes(file: string, maxBytes: number): Buffer {
  let fd: number | null = null
  try {
    fd = fs.openSync(file, 'r')
    if (fs.fstatSync(fd).size > maxBytes) {
      throw new IngestError('too-large', file, `is larger than ${formatBytes(maxBytes)}`)
    }
    return fs.readFileSync(fd)
  } catch (error) {
    throw fileError(file, error)
  } finally {
    if (fd !== null) fs.closeSync(fd)
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
  limits: ReadLimits,
): AsyncGenerator<SourceItem> {
  const items = feedItems(text, origin)
  for (const [i, item] of items.entries()) {
    const where = `${origin}#${i + 1}`
    const document = feedItemDocument(item, where, hints)
    if (document) {
      yield { document }
    } else if (item.url && /^https?:\/\//i.test(item.url)) {
      yield* readUrl(item.url, feedItemHints(item, hints), options, limits)
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
  limits: ReadLimits,
): AsyncGenerator<SourceItem> {
  try {
    const kind = sniffKind(text, fileName.replace(/\.gz$/i, ''))
    if (kind === 'opml') {
      for (const url of opmlFeedUrls(text, origin)) yield* readUrl(url, hints, options, limits)
    } else if (kind === 'feed') {
      yield* readFeed(text, origin, hints, options, limits)
    } else if (innerExtension(fileName) === '.jsonl') {
      yield* readJsonl(text, origin, hints, limits)
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
  limits: ReadLimits,
): AsyncGenerator<SourceItem> {
  if (innerExtension(file) === '.jsonl') {
    yield* readJsonlFile(file, hints, limits)
    return
  }
  let text: string
  try {
    const raw = readBytes(file, limits.maxFileBytes)
    const bytes = file.toLowerCase().endsWith('.gz')
      ? inflate(raw, file, limits.maxInflatedBytes)
      : raw
    text = decodeText(bytes, file, limits.maxFileBytes)
  } catch (error) {
    if (!(error instanceof IngestError)) throw error
    yield { error }
    return
  }
  yield* fromText(text, file, file, hints, options, limits)
}

async function* readUrl(
  url: string,
  hints: DocumentHints,
  options: FetchOptions,
  limits: ReadLimits,
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
    yield* fromText(page.text, url, new URL(page.url).pathname, hints, options, limits)
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
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits }
  const fetch = options.fetch ?? {}
  const stdin = options.stdin ?? (() => readStream(limits.maxFileBytes))
  for (const input of inputs) {
    if (input === '-') {
      try {
        const text = decodeText(await stdin(), 'stdin', limits.maxFileBytes)
        yield* fromText(text, 'stdin', '', hints, fetch, limits)
      } catch (error) {
        if (error instanceof IngestError) yield { error }
        else throw error
      }
      continue
    }
    if (/^https?:\/\//i.test(input)) {
      yield* readUrl(input, hints, fetch, limits)
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
      for (const file of listFolder(input)) yield* readFile(file, hints, fetch, limits)
    } else {
      yield* readFile(input, hints, fetch, limits)
    }
  }
}

/** How inputs are read: where standard input comes from, how URLs are fetched, and size limits. */
export interface ReadOptions {
  stdin?: () => Promise<Buffer>
  fetch?: FetchOptions
  /** Overrides of DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>
}

/**
 * Reads a stream (standard input by default) until it ends, or refuses it as soon as it passes
 * `maxBytes`, without reading on.
 */
export async function readStream(
  maxBytes: number,
  input = 'stdin',
  stream: AsyncIterable<Buffer> = process.stdin,
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += chunk.length
    if (total > maxBytes) {
      throw new IngestError('too-large', input, `is larger than ${formatBytes(maxBytes)}`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
