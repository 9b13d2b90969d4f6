/** Resolves a user's actor name (any alias, or a country) to the pack actors it denotes. */
import { defaultActorIndex } from './actor-index.js'
import { foldName } from '../text/fold-name.js'

/**
 * The pack actors a name denotes, and every actor that is part of them ("PMU" takes in Kata'ib
 * Hezbollah); a country's name gives its state actors. Empty when nothing matches.
 * @example actorIdsFor('PMU') // ['pmu', 'kataib-hezbollah', …]
 */
export function actorIdsFor(name: string): string[] {
  const index = defaultActorIndex()
  const country = index.countries.get(foldName(name))
  const direct = [
    ...index.lookup(foldName(name), name).map((e) => e.id),
    ...(country ? index.stateActorIds(country) : []),
  ]
  if (!direct.length) return []
  const members = [...index.actors.keys()].filter((id) =>
    index.affiliations(id).some((a) => direct.includes(a)),
  )
  return [...new Set([...direct, ...members])]
}
