/** Per-host politeness: at least a minimum delay between two requests to the same host. */

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Spaces requests to each host by `minDelayMs`; requests to other hosts do not wait.
 * @example const gate = new HostGate(1000); await gate.wait(url); await fetchPage(url)
 */
export class HostGate {
  private readonly next = new Map<string, number>()

  constructor(readonly minDelayMs: number) {}

  /** Resolves when a request to `url`'s host may go out, and books that moment. */
  async wait(url: string): Promise<void> {
    let host: string
    try {
      host = new URL(url).host.toLowerCase()
    } catch {
      return
    }
    const now = Date.now()
    const at = Math.max(now, this.next.get(host) ?? 0)
    this.next.set(host, at + this.minDelayMs)
    if (at > now) await sleep(at - now)
  }
}
