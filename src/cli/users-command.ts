/** `borderwatch users …` and `borderwatch tokens …`: the server's users, roles and API tokens. */
import os from 'node:os'
import type { Command } from 'commander'
import { AuthError } from '../auth/auth-error.js'
import { addUser, disableUser, listUsers, setUserRole } from '../auth/user-repository.js'
import { createToken, listTokens, revokeToken } from '../auth/token-repository.js'
import { CliError } from './cli-error.js'
import { formatTable } from './format-table.js'
import type { Store } from '../store/store.js'
import type { WithStore } from './route-command.js'

/** Who the audit log names for changes made on this machine's command line. */
export function cliActor(): string {
  let name: string
  try {
    name = os.userInfo().username
  } catch {
    name = process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
  return `cli:${name}`
}

/** Runs a repository call, turning its refusals into one-line CLI errors. */
async function refusalsAsCliErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (!(error instanceof AuthError)) throw error
    const notFound = error.code === 'unknown-user' || error.code === 'unknown-token'
    throw new CliError(notFound ? 'not-found' : 'bad-argument', error.message)
  }
}

/** A timestamp as `YYYY-MM-DD HH:MM` (UTC), or a dash. */
function when(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '–'
}

function print(text: string): void {
  process.stdout.write(`${text}\n`)
}

/**
 * Adds `users` (add, list, set-role, disable) and `tokens` (create, list, revoke) to the program.
 * @example registerUsersCommands(program, (fn) => withStore(program, fn))
 */
export function registerUsersCommands(program: Command, withStore: WithStore): void {
  const run = <T>(fn: (store: Store) => Promise<T>): Promise<T> =>
    refusalsAsCliErrors(() => withStore(fn))

  const users = program
    .command('users')
    .description(
      'users of the server and their roles: viewer (reads), analyst (also writes), admin',
    )
  users
    .command('add')
    .description('add a user')
    .argument('<name>', 'a unique name: letters, digits, ".", "_", "@" or "-"')
    .option('--role <role>', 'viewer, analyst or admin', 'viewer')
    .action(async (name: string, opts: { role: string }) => {
      const user = await run((store) => addUser(store.db, name, opts.role, cliActor()))
      print(
        `added user ${user.name} (${user.role}); give them a token: borderwatch tokens create --user ${user.name}`,
      )
    })
  users
    .command('list')
    .description('every user with role and state')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const all = await run((store) => listUsers(store.db))
      if (opts.json) return print(JSON.stringify(all, null, 2))
      if (!all.length)
        return print('no users yet; add one: borderwatch users add <name> --role admin')
      print(
        formatTable(
          ['name', 'role', 'state', 'created (UTC)'],
          all.map((u) => [
            u.name,
            u.role,
            u.disabledAt ? `disabled ${when(u.disabledAt)}` : 'active',
            when(u.createdAt),
          ]),
        ),
      )
    })
  users
    .command('set-role')
    .description("change a user's role (applies to their next request)")
    .argument('<name>', 'the user')
    .argument('<role>', 'viewer, analyst or admin')
    .action(async (name: string, role: string) => {
      const user = await run((store) => setUserRole(store.db, name, role, cliActor()))
      print(`${user.name} is now ${user.role}`)
    })
  users
    .command('disable')
    .description('disable a user: their tokens and sessions stop working at once')
    .argument('<name>', 'the user')
    .action(async (name: string) => {
      const user = await run((store) => disableUser(store.db, name, cliActor()))
      print(`disabled ${user.name}; their tokens and sessions no longer work`)
    })

  const tokens = program
    .command('tokens')
    .description('API tokens: created for a user, shown once, stored only as a hash')
  tokens
    .command('create')
    .description('create a token for a user and print it (once)')
    .requiredOption('--user <name>', 'the user the token acts as')
    .option('--label <label>', 'what the token is for, e.g. a machine or a script')
    .action(async (opts: { user: string; label?: string }) => {
      const made = await run((store) =>
        createToken(store.db, opts.user, opts.label ?? null, cliActor()),
      )
      print(made.token)
      process.stderr.write(
        `borderwatch: token ${made.info.id} for ${made.info.user}: copy it now, it cannot be shown again (only its hash is stored); revoke it with: borderwatch tokens revoke ${made.info.id}\n`,
      )
    })
  tokens
    .command('list')
    .description(
      'every token: id, user, label, when created and last used, whether revoked (never the token)',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const all = await run((store) => listTokens(store.db))
      if (opts.json) return print(JSON.stringify(all, null, 2))
      if (!all.length)
        return print('no tokens yet; create one: borderwatch tokens create --user <name>')
      print(
        formatTable(
          ['id', 'user', 'label', 'created (UTC)', 'last used', 'revoked'],
          all.map((t) => [
            t.id,
            t.user,
            t.label ?? '',
            when(t.createdAt),
            when(t.lastUsedAt),
            t.revokedAt ? when(t.revokedAt) : 'no',
          ]),
        ),
      )
    })
  tokens
    .command('revoke')
    .description('revoke a token by id: it and the web sessions signed in with it stop working')
    .argument('<id>', 'the token id, as `tokens list` shows it')
    .action(async (id: string) => {
      const token = await run((store) => revokeToken(store.db, id, cliActor()))
      print(`revoked token ${token.id} of ${token.user}`)
    })
}
