/** Why a correction was refused: a stable code and a message that names the input. */
export class ReviewError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid' | 'already-undone',
    message: string,
  ) {
    super(message)
    this.name = 'ReviewError'
  }
}
