/**
 * Where ingest jobs run: in this process (the embedded database), or in pg-boss on PostgreSQL, where
 * any number of `borderwatch worker` processes share them.
 */
import PgBoss from 'pg-boss'
import type { IngestOutcome } from '../pipeline/ingest-sources.js'
import { runIngestJob, type IngestJob, type JobContext } from './ingest-job.js'

/** The pg-boss queue ingest jobs go to. */
export const INGEST_QUEUE = 'borderwatch-ingest'

/** Takes jobs: runs them now (inline) or queues them for workers (pg-boss). */
export interface IngestQueue {
  readonly mode: 'inline' | 'pg-boss'
  /** Inline: runs the job and resolves to its outcomes. pg-boss: queues it and resolves to null. */
  enqueue(job: IngestJob): Promise<IngestOutcome[] | null>
  close(): Promise<void>
}

/** How long a job may run before pg-boss takes its worker for dead and retries it, and how often. */
export interface QueueOptions {
  jobTimeoutSeconds?: number
  retryLimit?: number
  retryDelaySeconds?: number
}

/** Runs every job in this process as it comes, through the same handler workers use. */
export function inlineQueue(ctx: JobContext): IngestQueue {
  return {
    mode: 'inline',
    enqueue: (job) => runIngestJob(ctx, job),
    async close() {},
  }
}

async function startBoss(databaseUrl: string, options: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'borderwatch',
    // Expired jobs (a worker that died) are found by maintenance; keep it frequent.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, options.jobTimeoutSeconds ?? 60)),
  })
  boss.on('error', (error) => process.stderr.write(`borderwatch: pg-boss: ${error.message}\n`))
  await boss.start()
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    try {
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        retryLimit: options.retryLimit ?? 5,
        retryDelay: options.retryDelaySeconds ?? 10,
        retryBackoff: true,
        expireInSeconds: options.jobTimeoutSeconds ?? 300,
      })
    } catch (error) {
      // Another process created it between the check and here.
      if (!(await boss.getQueue(INGEST_QUEUE))) throw error
    }
  }
  return boss
}

/**
 * Opens the pg-boss queue on `databaseUrl` (pg-boss installs its schema on first use).
 * @example const queue = await bossQueue(process.env.DATABASE_URL!); await queue.enqueue(job)
 */
export async function bossQueue(
  databaseUrl: string,
  options: QueueOptions = {},
): Promise<IngestQueue> {
  const boss = await startBoss(databaseUrl, options)
  return {
    mode: 'pg-boss',
    async enqueue(job) {
      await boss.send(INGEST_QUEUE, job, {
        retryLimit: options.retryLimit ?? 5,
        retryDelay: options.retryDelaySeconds ?? 10,
        retryBackoff: true,
        expireInSeconds: options.jobTimeoutSeconds ?? 300,
      })
      return null
    },
    close: () => boss.stop({ graceful: true, wait: true }),
  }
}

/** What a worker does and when it stops. */
export interface WorkerOptions extends QueueOptions {
  /** Jobs this process works on at once. */
  concurrency?: number
  /**
   * Jobs each loop takes from the queue at a time (default {@link FETCH_BATCH}), run one after
   * another and marked completed together: one fetch and one completion per batch instead of
   * per job.
   */
  batchSize?: number
  /** Stop once the queue holds no waiting, retrying or active job. */
  untilEmpty?: boolean
  onOutcome?: (o: IngestOutcome) => void
  onJobError?: (job: IngestJob, error: Error) => void
  /** Told how many jobs were waiting, retrying or active when the worker started. */
  onStart?: (queued: number) => void
  signal?: AbortSignal
}

/** Counts of one worker run. */
export interface WorkerSummary {
  jobs: number
  failedAttempts: number
}

/** How long an idle worker waits before it asks the queue again. */
const IDLE_POLL_MS = 500

/**
 * Jobs a worker loop fetches at once. pg-boss orders the waiting jobs on every fetch, so its cost
 * grows with the queue; a few jobs per fetch spread that over several pages, while a worker
 * that dies leaves no more than a few active jobs to expire and be retried.
 */
export const FETCH_BATCH = 8

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Works on the pg-boss ingest queue until `signal` aborts (or, with `untilEmpty`, the queue is
 * empty). Each of `concurrency` loops fetches the next jobs (`batchSize` at a time) as soon as
 * the last are done, and waits only when the queue is empty; a stop takes effect between batches.
 * A job that throws is retried by pg-boss with back-off; one whose worker dies expires after
 * `jobTimeoutSeconds` and is retried by another worker.
 */
export async function runWorker(
  databaseUrl: string,
  ctx: JobContext,
  options: WorkerOptions = {},
): Promise<WorkerSummary> {
  const boss = await startBoss(databaseUrl, options)
  const summary: WorkerSummary = { jobs: 0, failedAttempts: 0 }
  const idle = async (): Promise<boolean> =>
    !!options.untilEmpty && (await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) === 0
  const batchSize = Math.max(1, options.batchSize ?? FETCH_BATCH)
  const loop = async () => {
    while (!options.signal?.aborted) {
      const jobs = await boss.fetch<IngestJob>(INGEST_QUEUE, { batchSize })
      if (!jobs.length) {
        if (await idle()) return
        await sleep(IDLE_POLL_MS)
        continue
      }
      const done: string[] = []
      try {
        for (const job of jobs) {
          try {
            for (const o of await runIngestJob(ctx, job.data)) options.onOutcome?.(o)
            summary.jobs++
            done.push(job.id)
          } catch (error) {
            summary.failedAttempts++
            options.onJobError?.(job.data, error as Error)
            await boss.fail(INGEST_QUEUE, job.id, { message: (error as Error).message })
          }
        }
      } finally {
        if (done.length) await boss.complete(INGEST_QUEUE, done)
      }
    }
  }
  try {
    options.onStart?.(await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' }))
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, loop))
  } finally {
    await boss.stop({ graceful: true, wait: true })
  }
  return summary
}
