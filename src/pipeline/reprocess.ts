/**
 * Re-runs the pipeline on stored documents, in batches. Each document is replaced in its own
 * transaction, so an interrupted run loses nothing and a second run picks up where it stopped.
 */
import type { RawDocument } from '../model/index.js'
import type { Store } from '../store/store.js'
import { extractDocument, PIPELINE_VERSION, type PipelineContext } from './extract-document.js'

/** What a reprocess run did. */
export interface ReprocessSummary {
  reprocessed: number
  events: number
}

const ALL_STARTED = 'reprocess-all-started'

/**
 * Extracts one stored document again and replaces what was stored from it, in one transaction;
 * returns how many events it holds now.
 */
export async function reextract(
  store: Store,
  ctx: PipelineContext,
  document: RawDocument,
): Promise<number> {
  const result = extractDocument(document, ctx)
  await store.saveExtraction({ document, ...result, pipelineVersion: PIPELINE_VERSION })
  return result.events.length
}

/**
 * Extracts again every document an older pipeline version read; with `all`, every document.
 * An `all` run that was interrupted resumes from its recorded start instead of starting over.
 */
export async function reprocess(
  store: Store,
  ctx: PipelineContext,
  options: { all?: boolean; batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<ReprocessSummary> {
  const batchSize = options.batchSize ?? 100
  let extractedBefore: string | undefined
  if (options.all) {
    extractedBefore = (await store.getSetting(ALL_STARTED)) ?? new Date().toISOString()
    await store.setSetting(ALL_STARTED, extractedBefore)
  }
  const summary: ReprocessSummary = { reprocessed: 0, events: 0 }
  let after = ''
  for (;;) {
    const batch = await store.documentsToReprocess({
      version: PIPELINE_VERSION,
      extractedBefore,
      after,
      limit: batchSize,
    })
    if (!batch.length) break
    for (const document of batch) {
      summary.events += await reextract(store, ctx, document)
      summary.reprocessed++
    }
    after = batch.at(-1)!.hash
    options.onBatch?.(summary.reprocessed)
  }
  if (options.all) await store.setSetting(ALL_STARTED, null)
  return summary
}
