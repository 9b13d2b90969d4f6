/** A `borderwatch worker` in its own process, for tests that kill one: DATABASE_URL names the server. */
import { openStore } from '../../src/store/open-store.ts'
import { defaultContext } from '../../src/pipeline/open-context.ts'
import { runWorker } from '../../src/jobs/job-queue.ts'

const databaseUrl = process.env.DATABASE_URL!
const store = await openStore({ dir: '', databaseUrl })
await runWorker(
  databaseUrl,
  { store, pipeline: defaultContext() },
  {
    concurrency: 2,
    jobTimeoutSeconds: Number(process.env.JOB_TIMEOUT ?? 2),
    onOutcome: (o) => process.stdout.write(`${o.status} ${o.input}\n`),
  },
)
