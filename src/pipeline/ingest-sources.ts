/** Ingests inputs into the store: each document once, re-extracted only when the pipeline changed. */
import type { DocumentHints, RawDocument } from '../model/index.js'
import { readSources, type ReadOptions } from '../ingest/read-sources.js'
import { IngestError } from '../ingest/errors.js'
import type { Store } from '../store/store.js'
import { extractDocument, PIPELINE_VERSION, type PipelineContext } from './extract-document.js'

/** What happened to one input. */
export interface IngestOutcome {
  input: string
  status: 'stored' | 're-extracted' | 'unchanged' | 'duplicate' | 'failed'
  articleId?: string
  title?: string
  events?: number
  error?: string
  /** Said of a stored document that was not extracted in full (a non-English report). */
  note?: string
}

/** Totals over one ingest run. */
export interface IngestSummary {
  outcomes: IngestOutcome[]
  stored: number
  reextracted: number
  unchanged: number
  /** Documents whose canonical URL is already stored under other content. */
  duplicates: number
  failed: IngestError[]
}

/** Reads `inputs`, extracts what is new and stores it; bad inputs are reported, never fatal. */
export async function ingestSources(
  store: Store,
  inputs: string[],
  ctx: PipelineContext,
  hints: DocumentHints = {},
  onOutcome: (o: IngestOutcome) => void = () => {},
  readOptions: ReadOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    outcomes: [],
    stored: 0,
    reextracted: 0,
    unchanged: 0,
    duplicates: 0,
    failed: [],
  }
  const record = (o: IngestOutcome) => {
    summary.outcomes.push(o)
    onOutcome(o)
  }
  for await (const item of readSources(inputs, hints, readOptions)) {
    if ('error' in item) {
      summary.failed.push(item.error)
      record({ input: item.error.input, status: 'failed', error: item.error.message })
      continue
    }
    const { failure, ...outcome } = await ingestDocument(store, item.document, ctx)
    if (outcome.status === 'failed') {
      summary.failed.push(new IngestError('unreadable', outcome.input, failure ?? ''))
    } else if (outcome.status === 'unchanged') summary.unchanged++
    else if (outcome.status === 'duplicate') summary.duplicates++
    else if (outcome.status === 're-extracted') summary.reextracted++
    else summary.stored++
    record(outcome)
  }
  return summary
}

/**
 * Extracts and stores one document: skipped when this pipeline version already extracted it, a
 * duplicate when its canonical URL is stored under other content. Never throws for a bad document.
 * @example const outcome = await ingestDocument(store, doc, defaultContext())
 */
export async function ingestDocument(
  store: Store,
  doc: RawDocument,
  ctx: PipelineContext,
): Promise<IngestOutcome & { failure?: string }> {
  const version = await store.extractedVersion(doc.hash)
  if (version === PIPELINE_VERSION) return { input: doc.origin, status: 'unchanged' }
  let extracted: ReturnType<typeof extractDocument>
  try {
    extracted = extractDocument(doc, ctx)
  } catch (error) {
    // Stages are written not to throw; if one does, this document fails and the batch goes on.
    const failure = `could not be extracted (${(error as Error).message})`
    return {
      input: doc.origin,
      status: 'failed',
      error: `${doc.origin}: ${failure}`,
      failure,
    }
  }
  const { skipped, ...result } = extracted
  // A page first seen under this canonical URL is stored; a later copy is a duplicate, even when
  // two workers store copies at the same moment (the store checks under a lock on the URL).
  const twin = await store.saveExtraction(
    { document: doc, ...result, pipelineVersion: PIPELINE_VERSION },
    { unlessCanonicalTwin: !version },
  )
  if (twin) {
    return { input: doc.origin, status: 'duplicate', note: `same page as ${result.canonicalUrl}` }
  }
  return {
    input: doc.origin,
    status: version ? 're-extracted' : 'stored',
    articleId: result.article.id,
    title: result.article.title,
    events: result.events.length,
    note: skipped,
  }
}
