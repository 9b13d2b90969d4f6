/** The one error type the API renders: an HTTP status, a stable code and a message. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 415 | 500,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
