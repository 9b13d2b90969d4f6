/** `borderwatch alerts`: status/controller changes and new events near watched sites, to webhooks. */
import type { Command } from 'commander'
import { findAlerts, AlertError, type Alert } from '../alerts/find-alerts.js'
import { deliverDue, queueDeliveries } from '../alerts/deliver-webhooks.js'
import { syncPackSites } from '../pipeline/open-context.js'
import { CliError } from './cli-error.js'
import { numberOption } from './job-options.js'
import type { WithStore } from './route-command.js'
import { collect } from './repeatable-option.js'

interface AlertFlags {
  site: string[]
  type: string[]
  radiusKm: number
  webhook: string[]
  secret?: string
  retryBase: number
  json?: boolean
}

function alertLine(a: Alert): string {
  if (a.kind === 'site-changed') {
    const was = a.before ? `${a.before.status} (${a.before.controllers.join(', ') || '–'})` : '–'
    return `${a.site.name}: ${was} → ${a.after.status} (${a.after.controllers.join(', ') || '–'})`
  }
  return `${a.site.name}: new ${a.event.type} ${a.distanceKm} km away — ${a.event.sentence}`
}

/**
 * Adds `alerts` to the program.
 * @example registerAlertsCommand(program, (fn) => withStore(program, fn))
 */
export function registerAlertsCommand(program: Command, withStore: WithStore): Command {
  return program
    .command('alerts')
    .description(
      'alerts since the last run: watched sites whose status or controllers changed, new events of watched types near them; posted to webhooks (signed, retried)',
    )
    .option(
      '--site <name>',
      'a site to watch (repeat or separate with commas; default all)',
      collect,
      [],
    )
    .option('--type <type>', 'event types to alert on (default all)', collect, [])
    .option(
      '--radius-km <km>',
      'events this close to a watched site count',
      numberOption('--radius-km'),
      25,
    )
    .option('--webhook <url>', 'POST each alert here (repeatable)', collect, [])
    .option(
      '--secret <secret>',
      'HMAC-SHA256 key for signatures (default $BORDERWATCH_WEBHOOK_SECRET)',
    )
    .option(
      '--retry-base <seconds>',
      'first retry delay of a failed delivery, doubled each time',
      numberOption('--retry-base'),
      30,
    )
    .option('--json', 'print one JSON alert a line')
    .action(async (flags: AlertFlags) => {
      const secret = flags.secret ?? process.env.BORDERWATCH_WEBHOOK_SECRET
      if (flags.webhook.length && !secret)
        throw new CliError(
          'bad-argument',
          '--webhook needs --secret or $BORDERWATCH_WEBHOOK_SECRET to sign payloads',
        )
      const bad = flags.webhook.find((u) => !/^https?:\/\//i.test(u))
      if (bad) throw new CliError('bad-argument', `--webhook ${bad}: not an http(s) URL`)
      await withStore(async (store) => {
        await syncPackSites(store)
        let alerts: Alert[]
        try {
          alerts = await findAlerts(store, {
            sites: flags.site,
            types: flags.type,
            radiusKm: flags.radiusKm,
          })
        } catch (error) {
          if (error instanceof AlertError) throw new CliError('not-found', error.message)
          throw error
        }
        for (const a of alerts)
          process.stdout.write(`${flags.json ? JSON.stringify(a) : alertLine(a)}\n`)
        for (const hook of flags.webhook) await queueDeliveries(store.db, hook, alerts)
        if (secret) {
          const sent = await deliverDue(store.db, { secret, baseDelaySeconds: flags.retryBase })
          if (sent.failed)
            process.stderr.write(
              `borderwatch: ${sent.failed} webhook deliveries failed (${sent.gaveUp} given up); the others are retried on the next run\n`,
            )
        }
      })
    })
}
