/** The extractors under evaluation: borderwatch's `extractArticle` and Readability on linkedom. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { extractArticle } from '../src/ingest/extract-article.ts'
import type { RawDocument } from '../src/model/index.ts'

/** A decoded evaluation page. */
export interface EvalPage {
  id: string
  /** The gzipped file it was read from. */
  file: string
  url?: string
  html: string
  /** SHA-256 of `html`, as borderwatch keys documents. */
  hash: string
  /** Why the page could not be read; such a page counts as a page that threw. */
  loadError?: string
}

/** What a system read from a page; `date` is the raw value it gave. */
export interface Extraction {
  body: string
  title: string | null
  byline: string | null
  date: string | null
}

/** A named extractor. */
export interface EvalSystem {
  name: string
  version: string
  extract(page: EvalPage): Extraction
}

function versionIn(dir: string): string {
  const file = path.join(dir, 'package.json')
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
}

/** The checked-out commit, marked when src/ has uncommitted changes (the run uses the working tree). */
function gitState(): string {
  const run = (args: string[]) =>
    execFileSync('git', args, { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' })
  try {
    const head = run(['rev-parse', '--short', 'HEAD']).trim()
    return run(['status', '--porcelain', '--', 'src']).trim() ? `${head} + uncommitted src/` : head
  } catch {
    return 'unknown commit'
  }
}

function packageVersion(name: string): string {
  return versionIn(path.resolve(import.meta.dirname, '../node_modules', name))
}

/** borderwatch: `extractArticle` on an HTML RawDocument with the page URL as a hint. */
export const borderwatchSystem: EvalSystem = {
  name: 'borderwatch',
  version: `${versionIn(path.resolve(import.meta.dirname, '..'))} at ${gitState()}`,
  extract(page) {
    const doc: RawDocument = {
      hash: page.hash,
      origin: page.file,
      contentType: 'text/html',
      content: page.html,
      hints: { url: page.url },
    }
    const article = extractArticle(doc)
    return {
      body: article.text,
      title: article.title,
      byline: article.byline,
      date: article.published,
    }
  },
}

/** The peer: @mozilla/readability on a linkedom document, body = `textContent`. */
export const readabilitySystem: EvalSystem = {
  name: 'readability',
  version: `@mozilla/readability ${packageVersion('@mozilla/readability')} + linkedom ${packageVersion('linkedom')}, textContent`,
  extract(page) {
    const { document } = parseHTML(page.html)
    const parsed = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse()
    return {
      body: parsed?.textContent ?? '',
      title: parsed?.title ?? null,
      byline: parsed?.byline ?? null,
      date: parsed?.publishedTime ?? null,
    }
  },
}
