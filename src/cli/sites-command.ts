/** `sites add|edit|remove|mine`: analysts keep the site registry (crossings, bases, other sites). */
import type { Command } from 'commander'
import type { SiteInput } from '../model/index.js'
import { addSite, editSite, removeSite, userSites } from '../user-sites/user-site-service.js'
import type { SiteEditResult } from '../user-sites/user-site-service.js'
import { SiteEditError } from '../user-sites/user-site-error.js'
import { CliError } from './cli-error.js'
import { cliAuthor } from './cli-author.js'
import { formatTable } from './format-table.js'
import { collect } from './repeatable-option.js'
import type { WithStore } from './route-command.js'

/** Each occurrence of a repeatable option, commas kept ("Washington, D.C." is one name). */
function each(value: string, previous: string[]): string[] {
  return [...previous, value]
}

interface SiteFlags {
  kind?: string
  name?: string
  alias: string[]
  dropAlias?: string[]
  countries: string[]
  lat?: string
  lon?: string
  crossing?: string
  traffic: string[]
  side: string[]
  source?: string
  json?: boolean
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || value.trim() === '')
    throw new CliError('bad-argument', `${flag} ${value}: not a number`)
  return n
}

/** "AF=Torkham;Torkham Gate" → a side: its country and the names of its post or town. */
function side(value: string): { country: string; names: string[] } {
  const m = /^([A-Za-z]{2})\s*=\s*(.+)$/.exec(value.trim())
  if (!m)
    throw new CliError(
      'bad-argument',
      `--side ${value}: use COUNTRY=name[;other name], e.g. PK=Torkham;Torkham Gate`,
    )
  return {
    country: m[1].toUpperCase(),
    names: m[2]
      .split(';')
      .map((n) => n.trim())
      .filter(Boolean),
  }
}

/** The fields the flags set, over `base`. */
function apply(base: Partial<SiteInput>, f: SiteFlags): Record<string, unknown> {
  const drop = new Set((f.dropAlias ?? []).map((n) => n.toLowerCase()))
  return {
    ...base,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.name ? { name: f.name } : {}),
    names: [...(base.names ?? []).filter((n) => !drop.has(n.toLowerCase())), ...f.alias],
    ...(f.countries.length ? { countries: f.countries } : {}),
    ...(f.lat !== undefined ? { lat: number('--lat', f.lat) } : {}),
    ...(f.lon !== undefined ? { lon: number('--lon', f.lon) } : {}),
    ...(f.crossing ? { crossingKind: f.crossing } : {}),
    ...(f.traffic.length ? { traffic: f.traffic } : {}),
    ...(f.side.length ? { sides: f.side.map(side) } : {}),
    ...(f.source ? { source: f.source } : {}),
  }
}

function describe(verb: string, r: SiteEditResult, id: string): string {
  const where = r.site
    ? `${r.site.name} (${r.site.id}, ${r.site.kind}, ${r.site.countries.join('–')}, ${r.site.lat}, ${r.site.lon})`
    : id
  const read = r.reprocessed === 1 ? '1 report' : `${r.reprocessed} reports`
  return `${verb}: ${where}; ${read} read again`
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (!(error instanceof SiteEditError)) throw error
    throw new CliError(error.code === 'not-found' ? 'not-found' : 'bad-argument', error.message)
  }
}

function withFields(cmd: Command): Command {
  return cmd
    .option('--kind <kind>', 'crossing, base or site')
    .option('--name <name>', 'the name shown for the site')
    .option('--alias <name>', 'another spelling, in any script (repeatable)', each, [])
    .option(
      '--countries <iso2,iso2>',
      "two-letter country codes: a crossing's two, e.g. PK,AF (one for a base or a corridor)",
      collect,
      [],
    )
    .option('--lat <degrees>', 'latitude, WGS84')
    .option('--lon <degrees>', 'longitude, WGS84')
    .option('--crossing <kind>', 'for crossings: road, rail, bridge, port or corridor')
    .option('--traffic <kind>', 'for crossings: people, goods or aid (repeatable)', each, [])
    .option(
      '--side <COUNTRY=names>',
      "for crossings: one side's names, e.g. PK=Torkham;Torkham Gate (repeatable)",
      each,
      [],
    )
    .option('--source <text>', 'what the entry rests on (a URL, a document, a call)')
    .option('--json', 'print the result as JSON')
}

/**
 * Adds `sites add`, `sites edit`, `sites remove` and `sites mine` under the `sites` command.
 * @example registerSiteEditCommands(sitesCommand, (fn) => withStore(program, fn))
 */
export function registerSiteEditCommands(sites: Command, withStore: WithStore): void {
  // `sites` itself has --json, and takes it wherever it stands on the line.
  const asJson = (f: { json?: boolean }) => !!(f.json || sites.opts<{ json?: boolean }>().json)
  withFields(
    sites
      .command('add')
      .description(
        'add a site to the registry; reports that name it are read again at once (needs --name, --countries, --lat, --lon, --source)',
      )
      .option('--id <id>', 'registry id (default: from the name, e.g. torkham-gate)'),
  ).action(async (f: SiteFlags & { id?: string }) => {
    await withStore(async (store) => {
      const input = apply({ kind: 'crossing' } as Partial<SiteInput>, f)
      const result = await guarded(() => addSite(store, input, cliAuthor(), f.id))
      process.stdout.write(
        asJson(f) ? `${JSON.stringify(result)}\n` : `${describe('added', result, f.id ?? '')}\n`,
      )
    })
  })

  withFields(
    sites
      .command('edit <site...>')
      .description(
        "change a site (any spelling or its id); a pack site's change is kept as yours and survives pack updates",
      )
      .option('--drop-alias <name>', 'remove a spelling (repeatable)', each, []),
  ).action(async (words: string[], f: SiteFlags) => {
    await withStore(async (store) => {
      const result = await guarded(() =>
        editSite(store, words.join(' '), (current) => apply(current, f), cliAuthor()),
      )
      process.stdout.write(
        asJson(f)
          ? `${JSON.stringify(result)}\n`
          : `${describe('changed', result, words.join(' '))}\n`,
      )
    })
  })

  sites
    .command('remove <site...>')
    .description('remove a site you added, or undo your changes to a pack site')
    .option('--json', 'print the result as JSON')
    .action(async (words: string[], f: { json?: boolean }) => {
      await withStore(async (store) => {
        const query = words.join(' ')
        const result = await guarded(() => removeSite(store, query, cliAuthor()))
        const verb = result.site ? 'restored from its pack' : 'removed'
        process.stdout.write(
          asJson(f) ? `${JSON.stringify(result)}\n` : `${describe(verb, result, query)}\n`,
        )
      })
    })

  sites
    .command('mine')
    .description('the sites analysts added or changed, with who changed each last')
    .option('--json', 'print JSON')
    .action(async (f: { json?: boolean }) => {
      await withStore(async (store) => {
        const list = await userSites(store)
        if (asJson(f)) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
          return
        }
        if (!list.length) {
          process.stdout.write('no sites added or changed by analysts\n')
          return
        }
        process.stdout.write(
          formatTable(
            ['id', 'kind', 'name', 'countries', 'by', 'changed'],
            list.map((u) => [
              u.id,
              u.site.kind,
              u.site.name,
              u.site.countries.join('–'),
              u.author,
              u.updatedAt.slice(0, 16).replace('T', ' '),
            ]),
          ),
        )
      })
    })
}
