/** `borderwatch route A B`: is there an open overland route on a date, and through whose crossings? */
import { Option, type Command } from 'commander'
import type { Store } from '../store/store.js'
import type { Traffic } from '../model/route.js'
import { answerRoute, MAX_K } from '../corridors/route-service.js'
import { CorridorError } from '../corridors/corridor-error.js'
import { loadNetwork } from '../corridors/load-network.js'
import { CliError } from './cli-error.js'
import { routeText } from './route-text.js'
import { collect } from './repeatable-option.js'

/** Opens the store for the length of `fn`, as the program's other commands do. */
export type WithStore = <T>(fn: (store: Store) => Promise<T>) => Promise<T>

interface RouteFlags {
  on?: string
  people?: boolean
  goods?: boolean
  aid?: boolean
  viaController: string[]
  avoidController: string[]
  alternatives: string
  from?: string
  to?: string
  assumeOpen?: boolean
  json?: boolean
}

function traffic(flags: RouteFlags): Traffic {
  if (flags.goods) return 'goods'
  if (flags.aid) return 'aid'
  return 'people'
}

function siteName(id: string): string {
  const network = loadNetwork()
  return network.graph.hasNode(id) ? network.graph.getNodeAttribute(id, 'name') : id
}

/**
 * Adds `route` to the program. `withStore` opens the store (commands.ts passes its own).
 * @example registerRouteCommand(program, (fn) => withStore(program, fn))
 */
export function registerRouteCommand(program: Command, withStore: WithStore): Command {
  const only = (name: string) =>
    new Option(`--${name}`, `route for ${name}`).conflicts(
      ['people', 'goods', 'aid'].filter((t) => t !== name),
    )
  return program
    .command('route')
    .description(
      'open overland routes from A to B on a date, through crossings open for the traffic asked, with the reports behind them',
    )
    .argument('<from>', 'place to start from, any spelling ("Tehran", "Abu Kamal")')
    .argument('<to>', 'place to reach')
    .option('--on <date>', 'date of the question, YYYY-MM-DD (default: --to, else today)')
    .addOption(only('people').helpGroup('Traffic (default people):'))
    .addOption(only('goods').helpGroup('Traffic (default people):'))
    .addOption(only('aid').helpGroup('Traffic (default people):'))
    .option(
      '--via-controller <actor>',
      'every crossing held by this actor or an affiliate (repeat or separate with commas: any of them)',
      collect,
      [],
    )
    .option(
      '--avoid-controller <actor>',
      'no crossing held or claimed by this actor or an affiliate (repeat or separate with commas)',
      collect,
      [],
    )
    .option('-k, --alternatives <n>', `at most this many routes, 1 to ${MAX_K}`, '3')
    .option('--from <date>', 'with --to: the intervals of this period in which a route existed')
    .option('--to <date>', 'end of the period (included)')
    .option('--assume-open', 'count crossings no report speaks of as open (marked as assumed)')
    .option('--json', 'print JSON (the RouteAnswer shape, see docs/corridors.md)')
    .action(async (from: string, to: string, flags: RouteFlags) => {
      const answer = await withStore(async (store) => {
        try {
          return await answerRoute(store, {
            from,
            to,
            on: flags.on,
            traffic: traffic(flags),
            via: flags.viaController,
            avoid: flags.avoidController,
            k: Number(flags.alternatives),
            assumeOpen: !!flags.assumeOpen,
            period: flags.from || flags.to ? { from: flags.from, to: flags.to } : undefined,
          })
        } catch (error) {
          if (!(error instanceof CorridorError)) throw error
          throw new CliError(
            error.code === 'bad-query' ? 'bad-argument' : 'not-found',
            error.message,
          )
        }
      })
      if (flags.json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`)
      else process.stdout.write(`${routeText(answer, siteName).join('\n')}\n`)
    })
}
