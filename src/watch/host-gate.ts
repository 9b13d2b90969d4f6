/** Per-host politeness in one process: at least a minimum delay between two requests to a host. */
import { hostOf, sleep, type RequestGate } from './request-gate.js'

/**
 * Spaces requests to each host by `minDelayMs`; requests to other hosts do not wait.
 * @example const gate = new HostGate(1000); await gate.wait(url); await fetchPage(url)
 */
export class HostGate implements RequestGate {
  private readonly next = new Map<string, number>()

  constructor(readonly minDelayMs: number) {}

  async wait(url: string): Promise<void> {
    const host = hostOf(url)
    if (!host) return
    const now = Date.now()
    const at = Math.max(now, this.next.get(host) ?? 0)
    this.next.set(host, at + this.minDelayMs)
    if (at > now) await sleep(at - now)
  }
}
