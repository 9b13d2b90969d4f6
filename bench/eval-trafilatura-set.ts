/** Loads the trafilatura English evaluation subset: segments, metadata gold, pages and peer outputs. */
import fs from 'node:fs'
import path from 'node:path'
import { contentHash } from '../src/ingest/read-sources.ts'
import { decodeHtml, readPage } from './eval-decode-html.ts'
import { readPeerFiles } from './eval-peer-files.ts'
import type { Extraction, EvalPage } from './eval-systems.ts'

/** One annotated page: segments the body must (not) contain, and metadata where annotated. */
export interface TrafilaturaPage extends EvalPage {
  with: string[]
  without: string[]
  title?: string
  date?: string
  author?: string | string[]
}

/** A peer's stored outputs, keyed like the gold file. */
export interface TrafilaturaPeerOutput {
  file: string
  output: Record<string, Extraction | null>
}

interface GoldItem {
  file: string
  with: string[]
  without: string[]
  title?: string
  date?: string
  author?: string | string[]
}

interface PeerItem {
  articleBody?: string | null
  title?: string | null
  byline?: string | null
  published?: string | null
}

/** Reads `evaldata-en.json` and decodes each page (charset from `<meta>`), in key order. */
export function loadTrafilaturaPages(dir: string): TrafilaturaPage[] {
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'evaldata-en.json'), 'utf8')) as Record<
    string,
    GoldItem
  >
  return Object.keys(gold)
    .sort()
    .map((id) => {
      const item = gold[id]
      const file = path.join(dir, 'html', item.file)
      const { html, loadError } = readPage(file, decodeHtml)
      return {
        id,
        file,
        url: id.startsWith('hard::') ? undefined : id,
        html,
        loadError,
        hash: contentHash(html),
        with: item.with,
        without: item.without,
        title: item.title,
        date: item.date,
        author: item.author,
      }
    })
}

/** Reads every `peer-outputs/*.json` as extractions (missing or null body = a crash). */
export function loadTrafilaturaPeers(dir: string): TrafilaturaPeerOutput[] {
  return readPeerFiles(dir).map(({ file: f, data: raw }) => {
    const data = raw as Record<string, PeerItem | null>
    const output: Record<string, Extraction | null> = {}
    for (const [id, item] of Object.entries(data)) {
      output[id] =
        item && typeof item.articleBody === 'string'
          ? {
              body: item.articleBody,
              title: item.title ?? null,
              byline: item.byline ?? null,
              date: item.published ?? null,
            }
          : null
    }
    return { file: f, output }
  })
}
