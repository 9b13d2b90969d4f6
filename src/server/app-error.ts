/** The one error type the API renders: an HTTP status, a stable code and a message. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. `Retry-After` on 429 or `WWW-Authenticate` on 401. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}
