/** What spaces requests to a host: waited on before every request, redirect hops included. */
export interface RequestGate {
  /** Resolves when a request to `url`'s host may go out, and books that moment. */
  wait(url: string): Promise<void>
}

/** The lower-case host of `url`, or null when it is not a URL. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase() || null
  } catch {
    return null
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
