/** Errors about inputs a user handed to ingest: each names the input and the problem. */

export type IngestErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'binary'
  | 'empty'
  | 'bad-jsonl'
  | 'bad-date'
  | 'too-large'
  | 'unsupported'

/** A problem with one input; `input` is the path, `path:line` or `stdin`. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly input: string,
    problem: string,
  ) {
    super(`${input}: ${problem}`)
    this.name = 'IngestError'
  }
}
