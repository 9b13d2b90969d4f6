/** Loads the article-extraction benchmark copy: gold bodies, page HTML and peer outputs. */
import fs from 'node:fs'
import path from 'node:path'
import { contentHash } from '../src/ingest/read-sources.ts'
import { readPage } from './eval-decode-html.ts'
import { readPeerFiles } from './eval-peer-files.ts'
import type { EvalPage } from './eval-systems.ts'

/** One benchmark page with its hand-checked article body. */
export interface ArticlePage extends EvalPage {
  goldBody: string
}

/** A peer's stored outputs in the benchmark format. */
export interface ArticlePeerOutput {
  file: string
  version: string
  output: Record<string, { articleBody?: string | null } | undefined>
}

/** Reads `ground-truth.json` and every `html/<id>.html.gz` (UTF-8), in id order. */
export function loadArticlePages(dir: string): ArticlePage[] {
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >
  return Object.keys(gold)
    .sort()
    .map((id) => {
      const file = path.join(dir, 'html', `${id}.html.gz`)
      const { html, loadError } = readPage(file, (bytes) => new TextDecoder('utf-8').decode(bytes))
      return {
        id,
        file,
        url: gold[id].url,
        html,
        loadError,
        hash: contentHash(html),
        goldBody: gold[id].articleBody ?? '',
      }
    })
}

/** Reads every `peer-outputs/*.json`, sorted by file name. */
export function loadArticlePeers(dir: string): ArticlePeerOutput[] {
  return readPeerFiles(dir).map(({ file, data }) => {
    const d = data as { version?: string; output?: ArticlePeerOutput['output'] }
    return { file, version: d.version ?? '', output: d.output ?? {} }
  })
}
