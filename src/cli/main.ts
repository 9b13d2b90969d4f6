/** Entry point of the `borderwatch` command: runs the program and turns user errors into one line. */
import { buildProgram } from './commands.js'
import { CliError } from './cli-error.js'
import { IngestError } from '../ingest/errors.js'
import { StoreError } from '../store/errors.js'
import { PackError } from '../places/load-packs.js'

/** Runs the CLI with `argv`; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv)
    return Number(process.exitCode ?? 0)
  } catch (error) {
    if (
      error instanceof CliError ||
      error instanceof IngestError ||
      error instanceof StoreError ||
      error instanceof PackError
    ) {
      process.stderr.write(`borderwatch: ${error.message}\n`)
      return error instanceof CliError && error.code === 'bad-argument' ? 2 : 1
    }
    process.stderr.write(`borderwatch: internal error: ${(error as Error).message}\n`)
    if (process.env.BORDERWATCH_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    return 70
  }
}
