/**
 * Actors for controller constraints: a name in any spelling to a pack actor, and the actors
 * affiliated with one on a date (its parts, members, and the groups it backs, leads or allies with).
 */
import type { PackActor } from '../model/pack.js'
import type { RouteActor } from '../model/route.js'
import { nameKeys } from '../text/fold-name.js'
import { editDistance } from '../text/edit-distance.js'
import { CorridorError } from './corridor-error.js'

/** A modality label the timeline puts after a controller that is claimed rather than asserted. */
const LABEL = / \([a-z-]+\)$/

/** Finds actors by name and works out who is affiliated with whom. */
export interface ActorDirectory {
  /** The actor a user names (id, name or alias, any spelling); throws CorridorError if none. */
  resolve(name: string): RouteActor
  /** The pack actor id behind a controller as a timeline lists it ("PMU (claimed)"), if any. */
  idOf(controller: string): string | null
  /** `ids` and every actor affiliated with one of them on `date` (YYYY-MM-DD), transitively. */
  affiliates(ids: string[], date: string): Set<string>
  /** Dates on which an affiliation starts or ends, so availability can change there. */
  changeDates(): string[]
}

/** YYYY or YYYY-MM(-DD) to the first day it covers. */
function firstDay(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value
}

function activeOn(from: string | undefined, to: string | undefined, date: string): boolean {
  if (from && date.slice(0, from.length) < from) return false
  if (to && date.slice(0, to.length) > to) return false
  return true
}

/**
 * A directory over the actors of the packs. "Affiliated with X" follows relations towards X:
 * an actor that is part of, member of, backed by or allied with X is affiliated with X, as is one X
 * leads; and so on transitively. X's parent is not: the PMU's affiliates do not include all of the
 * Iraqi Security Forces.
 * @example actorDirectory(knowledge.actors).affiliates(['pmu'], '2019-10-01').has('kataib-hezbollah')
 */
export function actorDirectory(actors: PackActor[]): ActorDirectory {
  const byKey = new Map<string, PackActor>()
  const byId = new Map(actors.map((a) => [a.id, a]))
  for (const a of actors) {
    for (const n of [a.id, a.name, ...a.aliases]) {
      for (const key of nameKeys(n)) if (!byKey.has(key)) byKey.set(key, a)
    }
  }
  const find = (name: string) =>
    byId.get(name) ??
    nameKeys(name).reduce<PackActor | undefined>((f, k) => f ?? byKey.get(k), undefined)

  return {
    resolve(name) {
      const actor = find(name.trim())
      if (actor) return { id: actor.id, name: actor.name }
      const wanted = nameKeys(name)[0] ?? ''
      const near = actors
        .map((a) => ({
          name: a.name,
          d: Math.min(
            ...[a.id, a.name, ...a.aliases].flatMap(nameKeys).map((k) => editDistance(wanted, k)),
          ),
        }))
        .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name))
        .slice(0, 3)
        .map((x) => x.name)
      throw new CorridorError(
        'unknown-actor',
        `unknown actor "${name}"; nearest known: ${near.join(', ')}`,
        near,
      )
    },
    idOf(controller) {
      return find(controller.replace(LABEL, ''))?.id ?? null
    },
    affiliates(ids, date) {
      const result = new Set(ids)
      let grew = true
      while (grew) {
        grew = false
        for (const a of actors) {
          for (const f of a.affiliations) {
            if (!activeOn(f.from, f.to, date)) continue
            // "A leads B": B is affiliated with A; every other relation: A is affiliated with B.
            const [member, head] = f.relation === 'leads' ? [f.actor, a.id] : [a.id, f.actor]
            const pairs =
              f.relation === 'allied-with'
                ? [
                    [member, head],
                    [head, member],
                  ]
                : [[member, head]]
            for (const [m, h] of pairs) {
              if (result.has(h) && !result.has(m)) {
                result.add(m)
                grew = true
              }
            }
          }
        }
      }
      return result
    },
    changeDates() {
      const dates = new Set<string>()
      for (const a of actors) {
        for (const f of a.affiliations) {
          if (f.from) dates.add(firstDay(f.from))
          // An affiliation "to 2019" holds through 2019: it ends on the first day after.
          if (f.to) dates.add(nextPeriod(f.to))
        }
      }
      return [...dates].sort()
    },
  }
}

/** The first day after the year, month or day `value` names. */
function nextPeriod(value: string): string {
  if (value.length === 4) return `${Number(value) + 1}-01-01`
  const d = new Date(`${firstDay(value)}T00:00:00Z`)
  if (value.length === 7) d.setUTCMonth(d.getUTCMonth() + 1)
  else d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
