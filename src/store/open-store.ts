/** Chooses the backend: PostgreSQL when a URL is given, else the embedded database in a folder. */
import { openPglite } from './pglite-client.js'
import { openPostgres } from './postgres-client.js'
import { migrate } from './migrate.js'
import { Store } from './store.js'

/** Where the data lives; `databaseUrl` wins over `dir`. */
export interface StoreLocation {
  dir: string
  databaseUrl?: string
}

/** Resolves the location from flags and the environment (`DATABASE_URL`, `BORDERWATCH_DB`). */
export function storeLocation(
  dirFlag?: string,
  env: NodeJS.ProcessEnv = process.env,
): StoreLocation {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined
  return { dir: dirFlag ?? env.BORDERWATCH_DB ?? './borderwatch-data', databaseUrl }
}

/** Opens the store at `location` and applies pending migrations. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const db = location.databaseUrl
    ? await openPostgres(location.databaseUrl)
    : await openPglite(location.dir)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return new Store(db)
}
