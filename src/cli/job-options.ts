/** Option parsing shared by `watch`, `worker` and `enqueue`. */
import { CliError } from './cli-error.js'

/** A parser for a non-negative number option, naming the option in its error. */
export function numberOption(flag: string, { integer = false, min = 0 } = {}) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
      throw new CliError(
        'bad-argument',
        `${flag} ${value}: expected ${integer ? 'a whole number' : 'a number'} ≥ ${min}`,
      )
    return n
  }
}
