/** Name lookup for actors: pack aliases plus generic descriptions ("Iraqi forces", "Israeli jets"). */
import type { ActorKind, PackActor, PackCountry } from '../model/index.js'
import { loadKnowledge, type Knowledge } from '../places/load-packs.js'
import { foldName } from '../text/fold-name.js'

/** An actor a name may denote. */
export interface ActorEntry {
  id: string
  name: string
  kind: ActorKind
  country: string | null
  /** Set when the alias must match exactly as written ("IS", "KH"). */
  exact?: string
}

/** Nouns that, after a country's adjective, describe one of its actors. */
const GENERIC_NOUNS: Record<string, { kind: ActorKind; label: string }> = {
  forces: { kind: 'state-forces', label: 'forces' },
  troops: { kind: 'state-forces', label: 'forces' },
  army: { kind: 'state-forces', label: 'forces' },
  military: { kind: 'state-forces', label: 'forces' },
  soldiers: { kind: 'state-forces', label: 'forces' },
  jets: { kind: 'state-forces', label: 'air force' },
  warplanes: { kind: 'state-forces', label: 'air force' },
  aircraft: { kind: 'state-forces', label: 'air force' },
  drones: { kind: 'state-forces', label: 'air force' },
  // "Israeli tanks", "Russian armoured units": a state's armour is its forces.
  tanks: { kind: 'state-forces', label: 'forces' },
  'armoured units': { kind: 'state-forces', label: 'forces' },
  'armored units': { kind: 'state-forces', label: 'forces' },
  'air force': { kind: 'state-forces', label: 'air force' },
  regime: { kind: 'government', label: 'government' },
  government: { kind: 'government', label: 'government' },
  authorities: { kind: 'government', label: 'government' },
  officials: { kind: 'government', label: 'government' },
  police: { kind: 'police-or-border-guards', label: 'police' },
  'border guards': { kind: 'police-or-border-guards', label: 'border guards' },
  'border guard': { kind: 'police-or-border-guards', label: 'border guards' },
  'security forces': { kind: 'state-forces', label: 'forces' },
  // "Russian peacekeepers": a state's contingent abroad is its forces.
  peacekeepers: { kind: 'state-forces', label: 'forces' },
  'peacekeeping forces': { kind: 'state-forces', label: 'forces' },
}

/** Aliases written in capitals or this short must match letter for letter. */
function needsExact(alias: string): boolean {
  return alias.length <= 3 || (alias === alias.toUpperCase() && /[A-Z]/.test(alias))
}

/** Pack actors and generic descriptions, keyed by folded alias. */
export class ActorIndex {
  private readonly index = new Map<string, ActorEntry[]>()
  readonly actors = new Map<string, PackActor>()
  /** Country ISO codes by folded name, so a country can stand for its state's actors. */
  readonly countries = new Map<string, string>()

  constructor(knowledge: Knowledge = loadKnowledge()) {
    for (const a of knowledge.actors) {
      this.actors.set(a.id, a)
      const entry = { id: a.id, name: a.name, kind: a.kind, country: a.country ?? null }
      for (const alias of [a.name, ...a.aliases]) {
        this.add(alias, needsExact(alias) ? { ...entry, exact: alias } : entry)
      }
    }
    for (const c of knowledge.countries) {
      this.addGeneric(c)
      for (const n of [c.name, ...c.names]) this.countries.set(foldName(n), c.iso2)
    }
  }

  /**
   * The ids of a state's actors: the country acting as such (`country:JO`), its generic forces
   * ("Jordanian forces"), and pack actors of that country that are its forces, police or government.
   */
  stateActorIds(iso2: string): string[] {
    const state = new Set(['state-forces', 'government', 'police-or-border-guards'])
    const ids = new Set([`country:${iso2}`])
    for (const list of this.index.values())
      for (const e of list) if (e.country === iso2 && state.has(e.kind)) ids.add(e.id)
    return [...ids]
  }

  private prefixes: Set<string> | undefined

  /** Every leading part of every key, so a scan can stop extending a name no key begins with. */
  get keyPrefixes(): ReadonlySet<string> {
    if (!this.prefixes) {
      this.prefixes = new Set()
      for (const key of this.index.keys())
        for (let n = 1; n <= key.length; n++) this.prefixes.add(key.slice(0, n))
    }
    return this.prefixes
  }

  /** Every actor a name may denote; exact-case aliases only when written that way. */
  lookup(key: string, raw: string): ActorEntry[] {
    return (this.index.get(key) ?? []).filter((e) => !e.exact || e.exact === raw)
  }

  /** Actors an actor belongs to or is backed by, transitively ("Kata'ib Hezbollah" → PMU). */
  affiliations(id: string): string[] {
    const seen = new Set<string>()
    const walk = (a: string) => {
      for (const f of this.actors.get(a)?.affiliations ?? []) {
        if (f.relation !== 'part-of' && f.relation !== 'member-of') continue
        if (seen.has(f.actor)) continue
        seen.add(f.actor)
        walk(f.actor)
      }
    }
    walk(id)
    return [...seen]
  }

  private add(alias: string, entry: ActorEntry): void {
    const key = foldName(alias)
    if (key.length < 2) return
    const list = this.index.get(key) ?? []
    if (!list.some((e) => e.id === entry.id && e.exact === entry.exact)) list.push(entry)
    this.index.set(key, list)
  }

  /** "Iraqi forces", "US warplanes": only where no pack actor already claims the phrase. */
  private addGeneric(country: PackCountry): void {
    const shortNames = country.names.filter((n) => /^[A-Z][A-Z.]{1,4}$/.test(n))
    // "Syria's authorities", "Israel's army": the possessive works like the adjective.
    const possessives = [country.name, ...shortNames].map((n) => `${n}'s`)
    const made = new Map<string, ActorEntry>()
    for (const adjective of [...country.demonyms, ...shortNames, ...possessives]) {
      // "Israeli tanks" where the pack has "Israeli forces" as an actor: that actor's armour.
      const packForces = this.index
        .get(foldName(`${adjective} forces`))
        ?.find((e) => e.kind === 'state-forces' && e.country === country.iso2 && !e.exact)
      for (const [noun, { kind, label }] of Object.entries(GENERIC_NOUNS)) {
        const key = foldName(`${adjective} ${noun}`)
        if (this.index.has(key)) continue
        if (packForces && kind === 'state-forces' && label === 'forces') {
          this.add(`${adjective} ${noun}`, packForces)
          continue
        }
        const entry = {
          id: `${country.iso2.toLowerCase()}-${label.replace(/ /g, '-')}`,
          name: `${country.name} ${label}`,
          kind,
          country: country.iso2,
        }
        made.set(entry.id, entry)
        this.add(`${adjective} ${noun}`, entry)
      }
    }
    // The name shown for a generic actor ("Iraq government") finds that actor again.
    for (const entry of made.values())
      if (!this.index.has(foldName(entry.name))) this.add(entry.name, entry)
  }
}

let shared: ActorIndex | undefined

/** The actor index over the shipped packs, built once per process. */
export function defaultActorIndex(): ActorIndex {
  shared ??= new ActorIndex()
  return shared
}
