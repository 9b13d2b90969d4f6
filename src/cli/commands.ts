/** The `borderwatch` commands: thin wrappers that open the store, call a stage and print. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, Option } from 'commander'
import { serve } from '@hono/node-server'
import { openStore, storeLocation } from '../store/open-store.js'
import type { Store } from '../store/store.js'
import { defaultContext, openContext, syncPackSites } from '../pipeline/open-context.js'
import { registerSiteEditCommands } from './sites-command.js'
import { ingestSources, type IngestOutcome } from '../pipeline/ingest-sources.js'
import { reprocess } from '../pipeline/reprocess.js'
import { normaliseIsoDate } from '../ingest/published-date.js'
import { readSources } from '../ingest/read-sources.js'
import { extractArticle } from '../ingest/extract-article.js'
import { articleJson } from './article-json.js'
import { annotationJson } from './annotation-json.js'
import { annotateText } from '../pipeline/annotate-text.js'
import { findSitesWithStatus, sitesWithStatus } from '../sites/site-service.js'
import { eventsToGeoJson } from '../exports/to-geojson.js'
import { eventsToCsv } from '../exports/to-csv.js'
import { toJsonl } from '../exports/to-jsonl.js'
import { clusterEvents } from '../clusters/cluster-events.js'
import { loadExportData } from '../exports/export-data.js'
import { createApp, DEFAULT_WRITE_RATE, type AppOptions } from '../server/create-app.js'
import { EventType, Modality, SiteStatus, type ApiEvent } from '../model/index.js'
import { statusOn } from '../sites/site-timeline.js'
import { actorIdsFor } from '../actors/actor-ids.js'
import { CliError } from './cli-error.js'
import { registerRouteCommand } from './route-command.js'
import { registerWatchCommands } from './watch-command.js'
import { registerWorkerCommands } from './worker-command.js'
import { registerAlertsCommand } from './alerts-command.js'
import { registerReviewCommands } from './review-command.js'
import { registerUsersCommands } from './users-command.js'
import { numberOption } from './job-options.js'
import { startBackgroundWatch } from '../watch/background-watch.js'
import { readWatchList } from '../watch/watch-feeds.js'
import { formatTable } from './format-table.js'

/** The sample reports shipped with borderwatch, ingested by `borderwatch start`. */
export const SAMPLES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../samples',
)

/** Flags shared by `ingest` and `extract`. */
interface IngestFlags {
  published?: string
  json?: boolean
  allowPrivate?: boolean
}

interface EventsFlags {
  json?: boolean
  type?: string
  site?: string
  actor?: string
  modality?: string
  place?: string
  from?: string
  to?: string
  limit: string
  clustered?: boolean
  includeRejected?: boolean
}

/** {@link actorIdsFor}, as a CLI error when the name matches no actor or country. */
function cliActorIdsFor(name: string): string[] {
  const ids = actorIdsFor(name)
  if (!ids.length)
    throw new CliError(
      'not-found',
      `--actor ${name}: no actor or country by that name in the packs`,
    )
  return ids
}

interface ServeFlags {
  port: number
  host: string
  tileUrl?: string
  watch?: string
  public?: boolean
  writeRate: number
}

interface GlobalOptions {
  db?: string
}

async function withStore<T>(program: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const { db } = program.opts<GlobalOptions>()
  const store = await openStore(storeLocation(db))
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

function describe(o: IngestOutcome): string {
  if (o.status === 'failed') return `error: ${o.error}`
  if (o.status === 'unchanged') return `already stored: ${o.input}`
  if (o.status === 'duplicate') return `duplicate: ${o.input} (${o.note})`
  const note = o.note ? ` (${o.note})` : ''
  return `${o.status}: ${o.input} — ${o.events} events — ${o.title ?? ''}${note}`
}

async function runIngest(
  store: Store,
  inputs: string[],
  published: string | undefined,
  quiet: boolean,
  allowPrivate = false,
) {
  const ctx = await openContext(store)
  const report = (o: IngestOutcome) => {
    if (o.status === 'failed') process.stderr.write(`borderwatch: ${o.error}\n`)
    else if (!quiet) process.stdout.write(`${describe(o)}\n`)
  }
  return ingestSources(store, inputs, ctx, { published }, report, { fetch: { allowPrivate } })
}

function parsePublished(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const iso = normaliseIsoDate(value)
  if (!iso) {
    throw new CliError(
      'bad-argument',
      `--published "${value}": not a date; use ISO 8601 such as 2019-09-30 or 2019-09-30T19:03+03:00`,
    )
  }
  return iso
}

function eventRow(e: ApiEvent): string[] {
  const actor = e.actors.find((a) => a.role === 'actor')?.name ?? ''
  const when =
    e.time.precision === 'day'
      ? e.time.start
      : `${e.time.start}…${e.time.end} (${e.time.precision})`
  const review = e.review ? ` [${e.review.status}]` : ''
  return [e.id, when, e.type, `${e.modality}${review}`, e.place?.name ?? '', actor, e.sentence]
}

function startServer(
  store: Store,
  port: number,
  host: string,
  tileUrl: string | null,
  access: Pick<AppOptions, 'publicRead' | 'writeRateLimit'> = {},
): Promise<void> {
  const app = createApp(store, { tileUrl, ...access })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      process.stdout.write(
        `borderwatch: map at http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}\n`,
      )
    })
    server.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new CliError(
              'bad-argument',
              `port ${port} is already in use; choose another with --port`,
            )
          : error,
      )
    })
    const stop = () => server.close(() => resolve())
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

function portOption(): Option {
  return new Option('-p, --port <port>', 'port to listen on (0: any free port)')
    .default(Number(process.env.PORT ?? 8080))
    .argParser((v) => {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new CliError('bad-argument', `--port ${v}: not a port number`)
      return n
    })
}

/** Builds the command-line program. */
export function buildProgram(): Command {
  const program = new Command('borderwatch')
    .description('Border crossings, corridors and the events around them, read from news reports.')
    .option(
      '--db <dir>',
      'embedded database folder (default ./borderwatch-data, or $BORDERWATCH_DB; $DATABASE_URL wins)',
    )
    .showHelpAfterError()

  program
    .command('ingest')
    .description(
      'read reports (.txt, .html, .jsonl files, folders, or - for stdin) into the database',
    )
    .argument('<inputs...>', 'files, folders, http(s) URLs, or - for standard input')
    .option('--published <datetime>', 'publication date-time for reports that lack one (ISO 8601)')
    .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
    .option('--json', 'print one JSON summary instead of lines')
    .action(async (inputs: string[], opts: IngestFlags) => {
      const published = parsePublished(opts.published)
      const summary = await withStore(program, (store) =>
        runIngest(store, inputs, published, !!opts.json, !!opts.allowPrivate),
      )
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ stored: summary.stored, reextracted: summary.reextracted, unchanged: summary.unchanged, duplicates: summary.duplicates, failed: summary.failed.map((f) => ({ input: f.input, code: f.code, message: f.message })), outcomes: summary.outcomes }, null, 2)}\n`,
        )
      } else {
        process.stdout.write(
          `${summary.stored} stored, ${summary.reextracted} re-extracted, ${summary.unchanged} already stored, ${summary.duplicates} duplicates, ${summary.failed.length} failed\n`,
        )
      }
      if (summary.failed.length) process.exitCode = 1
    })

  program
    .command('extract')
    .description('read pages or reports and print each article (no database involved)')
    .argument(
      '<inputs...>',
      'files (.html, .txt, .jsonl, also .gz), folders, http(s) URLs, or - for standard input',
    )
    .option(
      '--json',
      'one JSON object per input: {title, byline, outlet, url, language, published, text}',
    )
    .option('--published <datetime>', 'publication date-time for pages that lack one (ISO 8601)')
    .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
    .action(async (inputs: string[], opts: IngestFlags) => {
      const published = parsePublished(opts.published)
      let failed = 0
      const fetch = { allowPrivate: !!opts.allowPrivate }
      for await (const item of readSources(inputs, { published }, { fetch })) {
        if ('error' in item) {
          failed++
          process.stderr.write(`borderwatch: ${item.error.message}\n`)
          continue
        }
        let a: ReturnType<typeof articleJson>
        try {
          a = articleJson(extractArticle(item.document))
        } catch (error) {
          failed++
          process.stderr.write(
            `borderwatch: ${item.document.origin}: could not be extracted (${(error as Error).message})\n`,
          )
          continue
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(a)}\n`)
          continue
        }
        const when = a.published ? `${a.published.value} (${a.published.source})` : 'unknown'
        process.stdout.write(
          `${a.title}\n${[a.outlet, a.byline, a.url].filter(Boolean).join(' · ')}\npublished: ${when} · language: ${a.language ?? 'unknown'}\n\n${a.text}\n\n`,
        )
      }
      if (failed) process.exitCode = 1
    })

  program
    .command('annotate')
    .description(
      'print a text with its times, places, actors and events, offsets into that text (no database involved)',
    )
    .argument('<inputs...>', 'files, folders, http(s) URLs, or - for standard input')
    .option(
      '--json',
      'one JSON object per input: {input, published, text, times, places, actors, events}',
    )
    .option('--published <datetime>', 'publication date-time to resolve relative times against')
    .option(
      '--as-is',
      'treat the input as clean text: no article extraction, offsets into it unchanged',
    )
    .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
    .action(async (inputs: string[], opts: IngestFlags & { asIs?: boolean }) => {
      const given = parsePublished(opts.published)
      let failed = 0
      const fetch = { allowPrivate: !!opts.allowPrivate }
      const ctx = defaultContext()
      for await (const item of readSources(inputs, {}, { fetch })) {
        if ('error' in item) {
          failed++
          process.stderr.write(`borderwatch: ${item.error.message}\n`)
          continue
        }
        const doc = item.document
        const article = opts.asIs ? null : extractArticle(doc)
        const text = article ? article.text : doc.content
        const published = given ?? doc.hints.published ?? article?.published ?? null
        if (!published) {
          failed++
          process.stderr.write(
            `borderwatch: ${doc.origin}: no publication date found; give one with --published (ISO 8601) so relative times can be resolved\n`,
          )
          continue
        }
        const url = article?.url ?? doc.url ?? doc.hints.url
        const result = annotationJson(
          doc.origin,
          published,
          text,
          annotateText(text, { published, url, outlet: article?.outlet }, ctx),
        )
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`)
          continue
        }
        process.stdout.write(`${doc.origin} (published ${published})\n`)
        for (const t of result.times) {
          const when =
            t.value.start === null
              ? (t.value.duration ?? t.value.timex)
              : `${t.value.start}..${t.value.end}`
          process.stdout.write(
            `  ${t.start}-${t.end}\t${t.type}\t${JSON.stringify(t.text)}\t${when} ${t.value.precision} ${t.value.certainty}\n`,
          )
        }
        for (const p of result.places)
          process.stdout.write(
            `  ${p.start}-${p.end}\tPLACE\t${JSON.stringify(p.text)}\t${p.name ?? 'unresolved'} (${p.kind}${p.country ? `, ${p.country}` : ''})\n`,
          )
        for (const a of result.actors)
          process.stdout.write(
            `  ${a.start}-${a.end}\tACTOR\t${JSON.stringify(a.text)}\t${a.name} (${a.kind})\n`,
          )
        for (const e of result.events)
          process.stdout.write(
            `  ${e.evidenceStart}-${e.evidenceEnd}\tEVENT\t${e.type}\t${e.modality}\t${e.time.start}..${e.time.end}\t${e.place?.name ?? ''}\n`,
          )
      }
      if (failed) process.exitCode = 1
    })

  program
    .command('reprocess')
    .description('extract stored documents again with this version of the pipeline (resumable)')
    .option('--all', 'every document, not only those an older pipeline version read')
    .option('--batch-size <n>', 'documents per batch', '100')
    .action(async (opts: { all?: boolean; batchSize: string }) => {
      const batchSize = Number(opts.batchSize)
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new CliError(
          'bad-argument',
          `--batch-size ${opts.batchSize}: not a positive whole number`,
        )
      }
      const summary = await withStore(program, async (store) => {
        const ctx = await openContext(store)
        return reprocess(store, ctx, {
          all: !!opts.all,
          batchSize,
          onBatch: (done) => process.stderr.write(`reprocessed ${done} documents\n`),
        })
      })
      process.stdout.write(
        `${summary.reprocessed} documents reprocessed, ${summary.events} events\n`,
      )
    })

  program
    .command('events')
    .description('list extracted events, newest first')
    .option('--json', 'print JSON (the ApiEventList shape, see docs/cli.md)')
    .option('--type <types>', `comma-separated event types: ${EventType.options.join(', ')}`)
    .option('--site <name>', 'only events at this site (any spelling)')
    .option('--actor <name>', 'only events with this actor in any role (any alias: "PMF", "Hashd")')
    .option('--modality <list>', `comma-separated: ${Modality.options.join(', ')}`)
    .option('--place <text>', 'only events whose place name contains this text')
    .option('--from <date>', 'only events that end on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only events that start on or before this date (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many events', '1000')
    .option('--include-rejected', 'also list events analysts rejected (see `borderwatch review`)')
    .option(
      '--clustered',
      'one row per happening: reports of the same event merged, sources counted',
    )
    .action(async (opts: EventsFlags) => {
      const modalities = opts.modality?.split(',').map((t) => t.trim())
      for (const m of modalities ?? []) {
        if (!Modality.safeParse(m).success)
          throw new CliError(
            'bad-argument',
            `--modality ${m}: unknown; one of ${Modality.options.join(', ')}`,
          )
      }
      for (const [flag, value] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const) {
        if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
          throw new CliError(
            'bad-argument',
            `${flag} ${value}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
          )
      }
      const actorIds = opts.actor ? cliActorIdsFor(opts.actor) : undefined
      const types = opts.type?.split(',').map((t) => t.trim())
      for (const t of types ?? []) {
        if (!EventType.safeParse(t).success) {
          throw new CliError(
            'bad-argument',
            `--type ${t}: unknown event type; one of ${EventType.options.join(', ')}`,
          )
        }
      }
      const limit = Number(opts.limit)
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError('bad-argument', `--limit ${opts.limit}: not a positive whole number`)
      await withStore(program, async (store) => {
        let siteId: string | undefined
        if (opts.site) {
          const [site] = await findSitesWithStatus(store, opts.site)
          if (!site) throw new CliError('not-found', `--site ${opts.site}: no site by that name`)
          siteId = site.id
        }
        const list = await store.listEvents({
          types,
          siteId,
          limit,
          modalities,
          actorIds,
          place: opts.place,
          from: opts.from,
          to: opts.to,
          includeRejected: opts.includeRejected,
        })
        if (opts.clustered) {
          const clusters = clusterEvents(list.events, await store.clusterOverrides())
          if (opts.json)
            process.stdout.write(
              `${JSON.stringify({ clusters, total: clusters.length }, null, 2)}\n`,
            )
          else
            process.stdout.write(
              `${formatTable(
                ['when', 'type', 'place', 'reports', 'sources', 'sentence'],
                clusters.map((c) => [
                  c.time.start === c.time.end ? c.time.start : `${c.time.start}…${c.time.end}`,
                  c.type,
                  c.place?.name ?? '',
                  String(c.articleIds.length),
                  String(c.lineages),
                  c.sources[0].sentence,
                ]),
                70,
              )}\n`,
            )
          return
        }
        if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
        else if (!list.events.length)
          process.stdout.write('no events yet: run `borderwatch ingest <file>`\n')
        else {
          process.stdout.write(
            `${formatTable(['id', 'when', 'type', 'modality', 'place', 'actor', 'sentence'], list.events.map(eventRow), 70)}\n`,
          )
        }
      })
    })

  program
    .command('site')
    .description("a site's status timeline; any spelling of its name or either side's name works")
    .argument('<name...>', 'site name, e.g. "Al Qaim" or albukamal-al-qaim')
    .option('--on <date>', 'status on this date (YYYY-MM-DD)')
    .option('--as-of <date>', 'the same as --on')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { asOf?: string; on?: string; json?: boolean }) => {
      opts.asOf ??= opts.on
      const name = words.join(' ')
      if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        throw new CliError('bad-argument', `--as-of ${opts.asOf}: use a date as YYYY-MM-DD`)
      }
      await withStore(program, async (store) => {
        await syncPackSites(store)
        const sites = await findSitesWithStatus(store, name, opts.asOf)
        if (!sites.length) throw new CliError('not-found', `no site named "${name}"`)
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ asOf: opts.asOf ?? null, sites }, null, 2)}\n`)
          return
        }
        for (const s of sites) {
          process.stdout.write(
            `${s.name} (${s.id}) — ${s.countries.join('–')} — ${s.lat.toFixed(4)}, ${s.lon.toFixed(4)}\n` +
              `status${opts.asOf ? ` on ${opts.asOf}` : ''}: ${s.status}${s.controllers.length ? `; held by ${s.controllers.join(', ')}` : ''}\n`,
          )
          if (!s.timeline.length) process.stdout.write('  no status facts yet\n')
          for (const i of s.timeline) {
            process.stdout.write(
              `  ${i.start} → ${i.end ?? 'now'}: ${i.status}${i.controllers.length ? ` (${i.controllers.join(', ')})` : ''}\n`,
            )
            for (const f of i.facts) {
              const conflict = i.conflicts?.includes(f) ? ' CONFLICT' : ''
              const source =
                f.source && f.source.kind !== 'outlet' ? ` (says ${f.source.name})` : ''
              process.stdout.write(
                `    [${f.modality}${conflict}] ${f.status ?? 'control'}${f.controller ? ` by ${f.controller}` : ''}${source}: “${f.evidence}”\n`,
              )
            }
          }
        }
      })
    })

  const sitesCommand = program
    .command('sites')
    .description(
      'every site with its status on a date (latest when no date is given); add, edit and remove sites',
    )
    .option('--on <date>', 'status on this date (YYYY-MM-DD)')
    .option('--country <iso2>', 'only sites in this country (two-letter code, e.g. SY)')
    .option('--status <status>', `only sites with this status: ${SiteStatus.options.join(', ')}`)
    .option('--all', 'also sites nothing has been read about')
    .option('--json', 'print JSON (the ApiSiteList shape)')
    .action(
      async (opts: {
        on?: string
        country?: string
        status?: string
        all?: boolean
        json?: boolean
      }) => {
        if (opts.on && !/^\d{4}-\d{2}-\d{2}$/.test(opts.on))
          throw new CliError('bad-argument', `--on ${opts.on}: use a date as YYYY-MM-DD`)
        if (opts.status && !SiteStatus.safeParse(opts.status).success)
          throw new CliError(
            'bad-argument',
            `--status ${opts.status}: unknown; one of ${SiteStatus.options.join(', ')}`,
          )
        const country = opts.country?.toUpperCase()
        if (country && !/^[A-Z]{2}$/.test(country))
          throw new CliError(
            'bad-argument',
            `--country ${opts.country}: use a two-letter code, e.g. SY`,
          )
        await withStore(program, async (store) => {
          await syncPackSites(store)
          const sites = (await sitesWithStatus(store, opts.on)).filter(
            (s) =>
              (opts.all || s.timeline.length > 0) &&
              (!country || s.countries.includes(country)) &&
              (!opts.status || s.status === opts.status),
          )
          if (opts.json) {
            process.stdout.write(`${JSON.stringify({ asOf: opts.on ?? null, sites }, null, 2)}\n`)
            return
          }
          if (!sites.length) {
            process.stdout.write('no sites match\n')
            return
          }
          process.stdout.write(
            `${formatTable(
              [
                'site',
                'countries',
                `status${opts.on ? ` on ${opts.on}` : ''}`,
                'since',
                'held by',
                'conflicts',
              ],
              sites.map((s) => {
                const now = opts.on ? statusOn(s.timeline, opts.on) : (s.timeline.at(-1) ?? null)
                return [
                  s.name,
                  s.countries.join('–'),
                  s.status,
                  now?.start ?? '',
                  s.controllers.join(', '),
                  String(now?.conflicts?.length ?? 0),
                ]
              }),
              60,
            )}\n`,
          )
        })
      },
    )

  program
    .command('export')
    .description(
      'write events as GeoJSON or CSV (ACLED-compatible columns), or events, status facts, clusters and sites as JSON Lines',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['geojson', 'csv', 'jsonl'])
        .makeOptionMandatory(),
    )
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (opts: { format: 'geojson' | 'csv' | 'jsonl'; out?: string }) => {
      const text = await withStore(program, async (store) => {
        if (opts.format === 'jsonl') return toJsonl(await loadExportData(store))
        const { events } = await store.listEvents({ limit: 1_000_000 })
        if (opts.format === 'geojson')
          return `${JSON.stringify(eventsToGeoJson(events), null, 2)}\n`
        return eventsToCsv(events)
      })
      if (opts.out) {
        try {
          fs.writeFileSync(opts.out, text)
        } catch (error) {
          throw new CliError(
            'bad-argument',
            `--out ${opts.out}: cannot write (${(error as NodeJS.ErrnoException).code})`,
          )
        }
      } else process.stdout.write(text)
    })

  program
    .command('serve')
    .description('serve the API and the map page')
    .addOption(portOption())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--tile-url <url>',
      'online raster tiles for the basemap ({z}/{x}/{y} template); default offline',
    )
    .option('--watch <list>', 'also watch the feeds of this OPML or text list')
    .option('--public', 'let anyone who reaches the server read without signing in (read-only)')
    .option(
      '--write-rate <n>',
      'writes a user (or an anonymous address) may make a minute',
      numberOption('--write-rate', { integer: true, min: 1 }),
      DEFAULT_WRITE_RATE.perMinute,
    )
    .action(async (opts: ServeFlags) => {
      await withStore(program, async (store) => {
        await syncPackSites(store)
        const watcher = opts.watch
          ? startBackgroundWatch(store, readWatchList(opts.watch), {
              databaseUrl: storeLocation(program.opts<GlobalOptions>().db).databaseUrl,
              onPoll: (r) =>
                r.status === 'error' &&
                process.stderr.write(`borderwatch: feed ${r.url}: ${r.error}\n`),
              onError: (e) => process.stderr.write(`borderwatch: watcher stopped: ${e.message}\n`),
            })
          : null
        try {
          await startServer(store, opts.port, opts.host, opts.tileUrl ?? null, {
            publicRead: !!opts.public,
            writeRateLimit: { perMinute: opts.writeRate },
          })
        } finally {
          await watcher?.stop()
        }
      })
    })

  program
    .command('start')
    .description('the main job: ingest the bundled sample reports (idempotent), then serve the map')
    .addOption(portOption())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      await withStore(program, async (store) => {
        const summary = await runIngest(store, [SAMPLES_DIR], undefined, true)
        const counts = await store.counts()
        process.stdout.write(
          `borderwatch: samples ingested (${summary.stored} new, ${summary.reextracted} re-extracted, ${summary.unchanged} already stored); ${counts.articles} reports, ${counts.events} events in the database\n`,
        )
        process.stdout.write(
          'borderwatch: public read-only mode: anyone who reaches this address may read, nobody may write without a token\n' +
            'borderwatch: to ingest from the page, stop this server, run `npx borderwatch users add <name> --role analyst` and `npx borderwatch tokens create --user <name>`, start again and sign in with the token\n',
        )
        await startServer(store, opts.port, opts.host, null, { publicRead: true })
      })
    })

  registerRouteCommand(program, (fn) => withStore(program, fn))
  registerWatchCommands(program, (fn) => withStore(program, fn))
  registerWorkerCommands(program, (fn) => withStore(program, fn))
  registerAlertsCommand(program, (fn) => withStore(program, fn))
  registerReviewCommands(program, (fn) => withStore(program, fn))
  registerSiteEditCommands(sitesCommand, (fn) => withStore(program, fn))
  registerUsersCommands(program, (fn) => withStore(program, fn))
  return program
}
