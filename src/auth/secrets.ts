/** Random secrets (API tokens, session ids, CSRF tokens) and the hashes stored in their place. */
import crypto from 'node:crypto'

/** Every API token starts with this, so a leaked one is recognisable (and scannable) as ours. */
export const TOKEN_PREFIX = 'bw_'

/** A fresh random secret: 32 bytes, base64url. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** A fresh API token: the prefix and 32 random bytes; shown once, stored only as its hash. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${newSecret()}`
}

/** The SHA-256 of a secret, hex: what the database keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Compares two secrets in constant time (their hashes, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  const da = crypto.createHash('sha256').update(a, 'utf8').digest()
  const db = crypto.createHash('sha256').update(b, 'utf8').digest()
  return crypto.timingSafeEqual(da, db)
}

/** A short random id for rows people name on the command line (`t-3f9a0c1d2e4b`). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(6).toString('hex')}`
}
