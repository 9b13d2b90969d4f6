/** A corridor question that cannot be answered as asked: unknown place or actor, bad date. */

/** Why a route query was refused. */
export type CorridorErrorCode = 'unknown-place' | 'ambiguous-place' | 'unknown-actor' | 'bad-query'

/** A route query the user can fix, with a stable code; the CLI and the API render it. */
export class CorridorError extends Error {
  constructor(
    readonly code: CorridorErrorCode,
    message: string,
    /** The nearest known names, for unknown or ambiguous names. */
    readonly suggestions: string[] = [],
  ) {
    super(message)
    this.name = 'CorridorError'
  }
}
