/** Errors the storage layer raises for conditions a user can cause or fix. */

/** A storage failure a user can act on, with a stable `code`. */
export class StoreError extends Error {
  constructor(
    readonly code: 'db-locked' | 'db-open-failed' | 'migration-failed',
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}
