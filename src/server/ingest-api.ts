/** `POST /api/ingest`: reports posted as JSON (text, HTML or a URL) or as uploaded files. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './app-env.js'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import type { DocumentHints } from '../model/index.js'
import { ingestSources, type IngestOutcome } from '../pipeline/ingest-sources.js'
import type { PipelineContext } from '../pipeline/extract-document.js'
import { openContext } from '../pipeline/open-context.js'
import { normaliseIsoDate } from '../ingest/published-date.js'
import { looksLikeHtml, type ReadOptions } from '../ingest/read-sources.js'
import { AppError } from './app-error.js'

/** Largest request body: a few reports or files, not a whole archive. */
export const MAX_INGEST_BYTES = 25 * 1024 * 1024
const MAX_ITEMS = 50

const Hints = {
  published: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
}

const Item = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().trim().url().optional(),
    ...Hints,
  })
  .refine(
    (r) => [r.text, r.html, r.url].filter((v) => v !== undefined).length === 1,
    'give exactly one of "text", "html" or "url"',
  )
type Item = z.infer<typeof Item>

const Body = z.union([
  Item,
  z.object({ items: z.array(Item).min(1).max(MAX_ITEMS) }),
  z.array(Item).min(1).max(MAX_ITEMS),
])

/** One posted item's result: what was stored from it, or why it failed. */
export interface IngestItemResult {
  input: string
  status: IngestOutcome['status']
  articleId?: string
  title?: string
  events?: number
  error?: string
  note?: string
}

/** The answer of `POST /api/ingest`. */
export interface IngestResponse {
  stored: number
  reextracted: number
  unchanged: number
  duplicates: number
  failed: number
  items: IngestItemResult[]
  errors: { input: string; code: string; message: string }[]
}

/** What the app needs to ingest: the pipeline context (built on first use) and who to tell. */
export interface IngestOptions {
  context?: () => PipelineContext
  fetch?: ReadOptions['fetch']
  onIngested?: () => void
}

function hintsOf(item: { published?: string; title?: string; outlet?: string }): DocumentHints {
  let published: string | undefined
  if (item.published) {
    published = normaliseIsoDate(item.published) ?? undefined
    if (!published)
      throw new AppError(
        400,
        'bad-request',
        `"published": "${item.published}" is not an ISO 8601 date such as 2019-09-30`,
      )
  }
  return { published, title: item.title, outlet: item.outlet }
}

/** A staged input: what readSources reads, and the label the answer gives it. */
interface Staged {
  input: string
  label: string
  hints: DocumentHints
  stdin?: Buffer
}

function stageItem(item: Item, index: number): Staged {
  const hints = hintsOf(item)
  if (item.url) {
    if (!/^https?:\/\//i.test(item.url))
      throw new AppError(400, 'bad-request', `"url": only http and https URLs can be fetched`)
    return { input: item.url, label: item.url, hints }
  }
  let content = item.html ?? item.text ?? ''
  if (content.trim() === '')
    throw new AppError(400, 'bad-request', `item ${index + 1}: the report is empty`)
  if (item.html !== undefined && !looksLikeHtml(content))
    content = `<!doctype html><html><body>${content}</body></html>`
  return {
    input: '-',
    label: item.title ?? `item ${index + 1}`,
    hints,
    stdin: Buffer.from(content, 'utf8'),
  }
}

function safeFileName(name: string, index: number): string {
  const base = path
    .basename(name)
    .replace(/[^\w.-]+/g, '_')
    .slice(-120)
  return `${index}-${base || 'upload.txt'}`
}

async function readBody(req: {
  header: (name: string) => string | undefined
  json: () => Promise<unknown>
  parseBody: (o: { all: true }) => Promise<Record<string, unknown>>
}): Promise<{ staged: Staged[]; dir: string | null }> {
  const type = req.header('content-type') ?? ''
  if (/^application\/json/i.test(type)) {
    let value: unknown
    try {
      value = await req.json()
    } catch {
      throw new AppError(400, 'bad-request', 'the body is not valid JSON')
    }
    const parsed = Body.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue.path.length ? `"${issue.path.join('.')}": ` : ''
      throw new AppError(400, 'bad-request', `${where}${issue.message}`)
    }
    const items = Array.isArray(parsed.data)
      ? parsed.data
      : 'items' in parsed.data
        ? parsed.data.items
        : [parsed.data]
    return { staged: items.map(stageItem), dir: null }
  }
  if (/^multipart\/form-data/i.test(type)) {
    const form = await req.parseBody({ all: true })
    const field = (name: string): string | undefined => {
      const v = form[name]
      const first = Array.isArray(v) ? v[0] : v
      return typeof first === 'string' && first.trim() ? first : undefined
    }
    const hints = hintsOf(
      z.object(Hints).parse({
        published: field('published'),
        title: field('title'),
        outlet: field('outlet'),
      }),
    )
    const raw = form['file']
    const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f,
    )
    const staged: Staged[] = []
    const text = field('text')
    const url = field('url')
    if (text) staged.push(stageItem({ text, ...hints }, 0))
    if (url) staged.push(stageItem({ url, ...hints }, staged.length))
    if (!files.length && !staged.length)
      throw new AppError(400, 'bad-request', 'send a "file" field, or "text" or "url"')
    if (files.length > MAX_ITEMS)
      throw new AppError(400, 'bad-request', `at most ${MAX_ITEMS} files at a time`)
    if (!files.length) return { staged, dir: null }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borderwatch-upload-'))
    for (const [i, file] of files.entries()) {
      const target = path.join(dir, safeFileName(file.name, i))
      fs.writeFileSync(target, Buffer.from(await file.arrayBuffer()))
      staged.push({ input: target, label: file.name || `file ${i + 1}`, hints })
    }
    return { staged, dir }
  }
  throw new AppError(
    415,
    'unsupported-media-type',
    'send application/json ({text|html|url, published?, title?}) or multipart/form-data with "file"',
  )
}

/**
 * Registers `POST /api/ingest` on `app`: each posted report goes through the same pipeline as
 * `borderwatch ingest`; URLs are fetched by the same fetcher, which refuses private addresses.
 * Ingests run one at a time.
 * @example registerIngestApi(app, store, { onIngested: () => cache.invalidate() })
 */
export function registerIngestApi(
  app: Hono<AppEnv>,
  store: Store,
  options: IngestOptions = {},
): void {
  let queue: Promise<unknown> = Promise.resolve()
  app.post(
    '/api/ingest',
    bodyLimit({
      maxSize: MAX_INGEST_BYTES,
      onError: () => {
        throw new AppError(413, 'too-large', `the body is larger than ${MAX_INGEST_BYTES} bytes`)
      },
    }),
    async (c) => {
      const { staged, dir } = await readBody(c.req)
      const run = queue.then(async () => {
        const context = options.context ? options.context() : await openContext(store)
        const answer: IngestResponse = {
          stored: 0,
          reextracted: 0,
          unchanged: 0,
          duplicates: 0,
          failed: 0,
          items: [],
          errors: [],
        }
        for (const item of staged) {
          const summary = await ingestSources(store, [item.input], context, item.hints, () => {}, {
            stdin: item.stdin ? async () => item.stdin as Buffer : undefined,
            fetch: options.fetch,
          })
          const label = (input: string) =>
            input === 'stdin' ? item.label : input.split(item.input).join(item.label)
          const problem = (input: string, message: string) =>
            message.startsWith(`${input}: `) ? message.slice(input.length + 2) : message
          answer.stored += summary.stored
          answer.reextracted += summary.reextracted
          answer.unchanged += summary.unchanged
          answer.duplicates += summary.duplicates
          answer.failed += summary.failed.length
          for (const o of summary.outcomes)
            answer.items.push({
              ...o,
              input: label(o.input),
              ...(o.error ? { error: problem(o.input, o.error) } : {}),
            })
          for (const e of summary.failed)
            answer.errors.push({
              input: label(e.input),
              code: e.code,
              message: problem(e.input, e.message),
            })
        }
        return answer
      })
      queue = run.catch(() => undefined)
      try {
        const answer = await run
        if (answer.stored || answer.reextracted) options.onIngested?.()
        return c.json(answer)
      } finally {
        if (dir) fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  )
}
