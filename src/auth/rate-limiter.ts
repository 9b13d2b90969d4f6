/** In-memory token buckets: each key may spend `perMinute` requests a minute, refilled smoothly. */

/** A limit: requests per minute, also the largest burst. */
export interface RateLimit {
  perMinute: number
}

/** The verdict for one request: allowed, or how long to wait. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

interface Bucket {
  tokens: number
  at: number
}

/** Keys kept before idle buckets are dropped, so a flood of addresses cannot grow memory forever. */
const MAX_KEYS = 10_000

/**
 * Token buckets per key (a user id or a client address), in this process only: several server
 * processes each count on their own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly perMs: number

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit.perMinute > 0)) throw new RangeError('perMinute must be above 0')
    this.perMs = limit.perMinute / 60_000
  }

  /** Spends one request of `key`'s bucket if it has one. */
  take(key: string): RateDecision {
    const now = this.now()
    const capacity = this.limit.perMinute
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now }
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * this.perMs)
    bucket.at = now
    this.buckets.delete(key)
    this.buckets.set(key, bucket)
    if (this.buckets.size > MAX_KEYS) this.evict(now)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true }
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.perMs / 1000) }
  }

  /** Drops full (idle) buckets, then the least recently used ones, down to the cap. */
  private evict(now: number): void {
    const full = this.limit.perMinute
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= full) this.buckets.delete(key)
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_KEYS) break
      this.buckets.delete(key)
    }
  }
}
