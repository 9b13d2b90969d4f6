/** Why a change to the site registry was refused: a stable code and a message naming the input. */
export class SiteEditError extends Error {
  constructor(
    readonly code: 'invalid' | 'not-found' | 'exists',
    message: string,
  ) {
    super(message)
    this.name = 'SiteEditError'
  }
}
