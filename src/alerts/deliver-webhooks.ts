/**
 * Webhook delivery of alerts: signed JSON payloads (HMAC-SHA256 over `timestamp.body`), kept in
 * `alert_deliveries` (migration 007) and retried with exponential back-off until delivered.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { SqlClient } from '../store/sql-client.js'
import type { Alert } from './find-alerts.js'

/** Attempts before a delivery is given up. */
export const MAX_ATTEMPTS = 8

/** The signature header value for `body` sent at `timestamp` (seconds since the epoch). */
export function signPayload(body: string, secret: string, timestamp: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `sha256=${mac}`
}

/** True when `signature` is `body`'s signature at `timestamp` under `secret` (constant time). */
export function verifySignature(
  body: string,
  secret: string,
  timestamp: number,
  signature: string,
): boolean {
  const expected = Buffer.from(signPayload(body, secret, timestamp))
  const given = Buffer.from(signature)
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

/** Queues `alerts` for `hookUrl`; an alert already queued for that hook is not queued again. */
export async function queueDeliveries(
  db: SqlClient,
  hookUrl: string,
  alerts: Alert[],
): Promise<void> {
  for (const alert of alerts) {
    await db.query(
      `insert into alert_deliveries (hook_url, alert_key, payload) values ($1, $2, $3)
       on conflict (hook_url, alert_key) do nothing`,
      [hookUrl, alert.key, JSON.stringify(alert)],
    )
  }
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  return new Promise<number>((resolve, reject) => {
    const target = new URL(url)
    const client = target.protocol === 'https:' ? https : http
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs / 1000} s`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** How deliveries are made. */
export interface DeliveryOptions {
  secret: string
  /** First retry delay; each further failure doubles it. */
  baseDelaySeconds?: number
  timeoutMs?: number
  now?: () => Date
}

/** Counts of one delivery round. */
export interface DeliverySummary {
  delivered: number
  failed: number
  gaveUp: number
}

/**
 * Posts every due delivery once; a failure (network error or a status other than 2xx) is retried
 * after `baseDelaySeconds × 2^(attempts − 1)`, up to {@link MAX_ATTEMPTS} attempts.
 * @example await deliverDue(store.db, { secret: process.env.BORDERWATCH_WEBHOOK_SECRET! })
 */
export async function deliverDue(
  db: SqlClient,
  options: DeliveryOptions,
): Promise<DeliverySummary> {
  const now = options.now ?? (() => new Date())
  const due = await db.query<{
    hook_url: string
    alert_key: string
    payload: Alert
    attempts: number
  }>(
    `select hook_url, alert_key, payload, attempts from alert_deliveries
     where delivered_at is null and attempts < $1 and next_attempt <= $2
     order by created_at, alert_key`,
    [MAX_ATTEMPTS, now().toISOString()],
  )
  const summary: DeliverySummary = { delivered: 0, failed: 0, gaveUp: 0 }
  for (const d of due) {
    const body = JSON.stringify(d.payload)
    const timestamp = Math.floor(now().getTime() / 1000)
    let error: string | null = null
    try {
      const status = await post(
        d.hook_url,
        body,
        {
          'x-borderwatch-timestamp': String(timestamp),
          'x-borderwatch-signature': signPayload(body, options.secret, timestamp),
          'x-borderwatch-delivery': d.alert_key,
        },
        options.timeoutMs ?? 10_000,
      )
      if (status < 200 || status >= 300) error = `answered HTTP ${status}`
    } catch (e) {
      error = (e as Error).message
    }
    const attempts = Number(d.attempts) + 1
    if (!error) {
      summary.delivered++
      await db.query(
        `update alert_deliveries set attempts = $3, delivered_at = $4, last_error = null
         where hook_url = $1 and alert_key = $2`,
        [d.hook_url, d.alert_key, attempts, now().toISOString()],
      )
      continue
    }
    summary.failed++
    if (attempts >= MAX_ATTEMPTS) summary.gaveUp++
    const delay = (options.baseDelaySeconds ?? 30) * 2 ** (attempts - 1)
    await db.query(
      `update alert_deliveries set attempts = $3, last_error = $4, next_attempt = $5
       where hook_url = $1 and alert_key = $2`,
      [
        d.hook_url,
        d.alert_key,
        attempts,
        error,
        new Date(now().getTime() + delay * 1000).toISOString(),
      ],
    )
  }
  return summary
}
