/** Who a change made from the command line is recorded as in the audit log. */
import os from 'node:os'

/** `cli:<os user>`: changes made here are recorded under the local account. */
export function cliAuthor(): string {
  return `cli:${os.userInfo().username}`
}
