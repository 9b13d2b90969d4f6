/** One unit of ingest work (fetch, extract and store one item, URL or document) and its handler. */
import type { DocumentHints, RawDocument } from '../model/index.js'
import type { FetchOptions } from '../ingest/fetch-url.js'
import { ingestDocument, ingestSources, type IngestOutcome } from '../pipeline/ingest-sources.js'
import type { PipelineContext } from '../pipeline/extract-document.js'
import type { Store } from '../store/store.js'

/** A job: a URL to fetch (a page, or a feed whose items follow), or a document already read. */
export type IngestJob =
  | { kind: 'url'; url: string; hints: DocumentHints; allowPrivate?: boolean }
  | { kind: 'document'; document: RawDocument }

/** A job that failed in a way worth retrying (the page could not be fetched); `code` says why. */
export class IngestJobError extends Error {
  constructor(
    readonly code: 'fetch-failed' | 'bad-job',
    message: string,
  ) {
    super(message)
    this.name = 'IngestJobError'
  }
}

/** How a job runs: the store, the pipeline's knowledge, and how URLs are fetched. */
export interface JobContext {
  store: Store
  pipeline: PipelineContext
  fetch?: FetchOptions
}

/** PostgreSQL's unique-violation code: two workers stored the same document at the same moment. */
const UNIQUE_VIOLATION = '23505'

/** A stable key for a job, so the same work queued twice can be recognised. */
export function jobKey(job: IngestJob): string {
  return job.kind === 'url' ? `url:${job.url}` : `doc:${job.document.hash}`
}

async function ingestOnce(ctx: JobContext, doc: RawDocument): Promise<IngestOutcome> {
  try {
    const outcome = await ingestDocument(ctx.store, doc, ctx.pipeline)
    delete outcome.failure
    return outcome
  } catch (error) {
    // Another worker committed the same document first: its copy stands, this one is not applied.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error
    if (!(await ctx.store.extractedVersion(doc.hash))) throw error
    return { input: doc.origin, status: 'unchanged' }
  }
}

/**
 * Runs one job; applying it twice stores nothing twice (documents are keyed by content hash).
 * Throws {@link IngestJobError} when a URL cannot be fetched, so a queue retries it.
 * @example const outcomes = await runIngestJob({ store, pipeline: defaultContext() }, job)
 */
export async function runIngestJob(ctx: JobContext, job: IngestJob): Promise<IngestOutcome[]> {
  if (job.kind === 'document') {
    if (!job.document?.hash || typeof job.document.content !== 'string') {
      throw new IngestJobError('bad-job', 'a document job without a document')
    }
    return [await ingestOnce(ctx, job.document)]
  }
  const fetch = { ...ctx.fetch, allowPrivate: ctx.fetch?.allowPrivate || !!job.allowPrivate }
  const outcomes: IngestOutcome[] = []
  const summary = await ingestSources(
    ctx.store,
    [job.url],
    ctx.pipeline,
    job.hints,
    (o) => outcomes.push(o),
    { fetch },
  )
  const fetchFailure = summary.failed.find((f) => f.input === job.url)
  if (fetchFailure && summary.stored + summary.unchanged + summary.reextracted === 0) {
    throw new IngestJobError('fetch-failed', fetchFailure.message)
  }
  return outcomes
}
