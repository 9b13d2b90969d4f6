/** One small interface over PGlite and PostgreSQL, so nothing else asks which database it is on. */

/** A connection (or a transaction) that runs parameterised SQL in the PostgreSQL dialect. */
export interface SqlClient {
  readonly backend: 'pglite' | 'postgres'
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>
  close(): Promise<void>
}
