/** Turns the inputs of `borderwatch ingest` (files, folders, `-`, JSONL bulk files) into raw documents. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { z } from 'zod'
import type { DocumentHints, RawDocument } from '../model/index.js'
import { IngestError } from './errors.js'
import { fetchPage, type FetchOptions } from './fetch-url.js'

/** Largest file read, so a stray disk image cannot exhaust memory. */
const MAX_BYTES = 20 * 1024 * 1024
const INGESTIBLE = new Set(['.txt', '.text', '.html', '.htm', '.jsonl'])
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

function* readFile(file: string, hints: DocumentHints): Generator<SourceItem> {
  try {
    const raw = readBytes(file)
    const text = decodeText(file.toLowerCase().endsWith('.gz') ? inflate(raw, file) : raw, file)
    if (innerExtension(file) === '.jsonl') {
      yield* readJsonl(text, file, hints)
    } else {
      yield { document: makeDocument(text, file, hints) }
    }
  } catch (error) {
    if (error instanceof IngestError) yield { error }
    else throw error
  }
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
        yield { document: makeDocument(decodeText(await stdin(), 'stdin'), 'stdin', hints) }
      } catch (error) {
        if (error instanceof IngestError) yield { error }
        else throw error
      }
      continue
    }
    if (/^https?:\/\//i.test(input)) {
      yield await readUrl(input, hints, options.fetch ?? {})
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
      for (const file of listFolder(input)) yield* readFile(file, hints)
    } else {
      yield* readFile(input, hints)
    }
  }
}

/** How inputs are read: where standard input comes from, and how URLs are fetched. */
export interface ReadOptions {
  stdin?: () => Promise<Buffer>
  fetch?: FetchOptions
}

const FEED_TYPES = /xml|rss|atom|json/i

async function readUrl(
  url: string,
  hints: DocumentHints,
  options: FetchOptions,
): Promise<SourceItem> {
  try {
    const page = await fetchPage(url, options)
    if (FEED_TYPES.test(page.contentType) && !/xhtml/i.test(page.contentType)) {
      throw new IngestError(
        'unsupported',
        url,
        `is a feed (${page.contentType}); reading feeds is not built yet`,
      )
    }
    if (page.text.trim() === '') throw new IngestError('empty', url, 'is empty')
    const html = page.contentType !== 'text/plain'
    return {
      document: makeDocument(page.text, url, { ...hints, url: hints.url ?? page.url }, html),
    }
  } catch (error) {
    if (error instanceof IngestError) return { error }
    throw error
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
