/**
 * Fetches a page for ingest: timeouts, a redirect limit, a size cap, charset handling, and no
 * requests to private, loopback or link-local addresses (checked after DNS and on every redirect).
 */
import http from 'node:http'
import https from 'node:https'
import dns from 'node:dns'
import net from 'node:net'
import zlib from 'node:zlib'
import { IngestError } from './errors.js'

/** How a fetch may behave; the defaults suit news pages. */
export interface FetchOptions {
  /** Let requests reach private, loopback and link-local addresses (`--allow-private`). */
  allowPrivate?: boolean
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  userAgent?: string
  /** Decides whether an address may be contacted; tests narrow it. */
  isAllowedAddress?: (address: string) => boolean
  /** Waited on before every request, redirect hops included: per-host politeness. */
  beforeRequest?: (url: string) => Promise<void>
}

/** A fetched page: where it ended up, what it said it was, and its text. */
export interface FetchedPage {
  url: string
  contentType: string
  text: string
}

const USER_AGENT =
  'borderwatch/0.1 (+https://github.com/borderwatch/borderwatch; news reader for analysts)'
const TEXT_TYPES =
  /^(text\/html|application\/xhtml\+xml|text\/plain|application\/(rss|atom)\+xml|application\/xml|text\/xml|application\/(feed\+)?json)$/i

const BLOCKED = new net.BlockList()
for (const [net4, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED.addSubnet(net4, prefix, 'ipv4')
}
for (const [net6, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net6, prefix, 'ipv6')
}

/** True for a public unicast address; private, loopback, link-local and special ones are not. */
export function isPublicAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)
  const ip = mapped ? mapped[1] : address
  const family = net.isIPv4(ip) ? 'ipv4' : net.isIPv6(ip) ? 'ipv6' : null
  if (!family) return false
  return !BLOCKED.check(ip, family)
}

function refusal(url: string, address: string): IngestError {
  return new IngestError(
    'unsupported',
    url,
    `refusing to fetch from ${address}, a private, loopback or link-local address (use --allow-private to allow it)`,
  )
}

/** Picks a charset: the header's, else a <meta charset> in the first bytes, else UTF-8. */
function declaredCharset(header: string, head: Buffer): string | null {
  const fromHeader = header.match(/charset="?([\w.:-]+)/i)?.[1]
  if (fromHeader) return fromHeader
  const sniff = head.subarray(0, 4096).toString('latin1')
  return sniff.match(/<meta[^>]+charset=["']?([\w.:-]+)/i)?.[1] ?? null
}

/** Decodes bytes by the declared charset; a page that lies about being UTF-8 falls back to Windows-1252. */
export function decodePage(bytes: Buffer, contentTypeHeader: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  }
  const label = declaredCharset(contentTypeHeader, bytes)?.toLowerCase() ?? 'utf-8'
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(label, { fatal: label === 'utf-8' || label === 'utf8' })
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true })
  }
  try {
    return decoder.decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function inflate(
  body: Buffer,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
): Buffer {
  const opts = { maxOutputLength: maxBytes }
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body, opts)
    if (encoding === 'deflate') return zlib.inflateSync(body, opts)
    if (encoding === 'br') return zlib.brotliDecompressSync(body, opts)
    return body
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('too-large', url, `inflates to more than ${maxBytes} bytes`)
    }
    throw new IngestError('unreadable', url, `its ${encoding} body is corrupt`)
  }
}

interface Hop {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function request(
  target: URL,
  o: Required<FetchOptions>,
  extraHeaders: Record<string, string> = {},
): Promise<Hop> {
  const allowed = (address: string) => o.allowPrivate || o.isAllowedAddress(address)
  const host = target.hostname.replace(/^\[|\]$/g, '')
  if (net.isIP(host) && !allowed(host)) return Promise.reject(refusal(target.href, host))
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: false }, (error, address, family) => {
      if (error) return callback(error, '', 4)
      if (!allowed(address as string))
        return callback(refusal(target.href, address as string), '', 4)
      callback(null, address as string, family as number)
    })
  }
  const client = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.get(
      target,
      {
        lookup,
        headers: {
          'user-agent': o.userAgent,
          accept:
            'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...extraHeaders,
        },
        timeout: o.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > o.maxBytes) {
            reject(new IngestError('too-large', target.href, `is larger than ${o.maxBytes} bytes`))
            req.destroy()
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => {
      reject(new IngestError('unreadable', target.href, `timed out after ${o.timeoutMs / 1000} s`))
      req.destroy()
    })
    req.on('error', (error) => {
      if (error instanceof IngestError) return reject(error)
      const code = (error as NodeJS.ErrnoException).code ?? error.message
      reject(new IngestError('unreadable', target.href, `could not be fetched (${code})`))
    })
  })
}

/** Validators from an earlier fetch, sent back so an unchanged resource answers 304. */
export interface Validators {
  etag?: string | null
  lastModified?: string | null
}

/** A conditional fetch: the page with its new validators, or word that it has not changed. */
export type ConditionalPage =
  | { notModified: true; url: string }
  | { notModified: false; page: FetchedPage; etag: string | null; lastModified: string | null }

function resolveOptions(options: FetchOptions): Required<FetchOptions> {
  return {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? USER_AGENT,
    isAllowedAddress: options.isAllowedAddress ?? isPublicAddress,
    beforeRequest: options.beforeRequest ?? (async () => {}),
  }
}

/**
 * Fetches `url` with `If-None-Match` / `If-Modified-Since` from `validators`; every redirect hop
 * goes through the same address checks as {@link fetchPage}.
 * @example const r = await fetchConditional(feedUrl, { etag: '"abc"' }); if (r.notModified) return
 */
export async function fetchConditional(
  url: string,
  validators: Validators,
  options: FetchOptions = {},
): Promise<ConditionalPage> {
  const headers: Record<string, string> = {}
  if (validators.etag) headers['if-none-match'] = validators.etag
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
  const o = resolveOptions(options)
  const { target, res } = await follow(url, o, headers)
  if (res.status === 304) return { notModified: true, url: target.href }
  const header = (name: string) => {
    const value = res.headers[name]
    return typeof value === 'string' ? value : null
  }
  return {
    notModified: false,
    page: toPage(target, res, o),
    etag: header('etag'),
    lastModified: header('last-modified'),
  }
}

async function follow(
  url: string,
  o: Required<FetchOptions>,
  headers: Record<string, string> = {},
): Promise<{ target: URL; res: Hop }> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    throw new IngestError('unsupported', url, 'is not a valid URL')
  }
  for (let hop = 0; hop <= o.maxRedirects; hop++) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new IngestError('unsupported', target.href, 'only http and https URLs can be fetched')
    }
    await o.beforeRequest(target.href)
    const res = await request(target, o, headers)
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      target = new URL(res.headers.location, target)
      continue
    }
    if (res.status >= 400)
      throw new IngestError('unreadable', target.href, `answered HTTP ${res.status}`)
    return { target, res }
  }
  throw new IngestError('unreadable', url, `redirected more than ${o.maxRedirects} times`)
}

function toPage(target: URL, res: Hop, o: Required<FetchOptions>): FetchedPage {
  const contentType = (res.headers['content-type'] ?? 'text/html').split(';')[0].trim()
  if (!TEXT_TYPES.test(contentType)) {
    throw new IngestError('unsupported', target.href, `is ${contentType}, not a web page or feed`)
  }
  const body = inflate(res.body, res.headers['content-encoding'], o.maxBytes, target.href)
  return {
    url: target.href,
    contentType,
    text: decodePage(body, res.headers['content-type'] ?? ''),
  }
}

/** Fetches `url`, following redirects, and returns the decoded page. */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const o = resolveOptions(options)
  const { target, res } = await follow(url, o)
  return toPage(target, res, o)
}
