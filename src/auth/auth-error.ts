/** A refused change to users or tokens (unknown name, bad role …), worded for the person who asked. */
export class AuthError extends Error {
  constructor(
    readonly code:
      | 'bad-name'
      | 'bad-role'
      | 'user-exists'
      | 'unknown-user'
      | 'user-disabled'
      | 'unknown-token'
      | 'token-revoked',
    message: string,
  ) {
    super(message)
    this.name = 'AuthError'
  }
}
