/**
 * The issue-10 commands (`watch`, `feeds`, `worker`, `enqueue`, `alerts`) on a program of their own,
 * run in a child process by tests, so their output never mixes with the test runner's.
 */
import { Command } from 'commander'
import { openStore, storeLocation } from '../../src/store/open-store.ts'
import type { Store } from '../../src/store/store.ts'
import { registerWatchCommands } from '../../src/cli/watch-command.ts'
import { registerWorkerCommands } from '../../src/cli/worker-command.ts'
import { registerAlertsCommand } from '../../src/cli/alerts-command.ts'

const program = new Command('borderwatch').option('--db <dir>')
const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
  const store = await openStore(storeLocation(program.opts<{ db?: string }>().db))
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}
registerWatchCommands(program, withStore)
registerWorkerCommands(program, withStore)
registerAlertsCommand(program, withStore)
try {
  await program.parseAsync(process.argv)
} catch (error) {
  process.stderr.write(`borderwatch: ${(error as Error).message}\n`)
  process.exitCode = process.exitCode || 1
}
