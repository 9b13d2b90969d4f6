/** Finds actors in text: pack aliases, people, generic state actors, and unidentified attackers. */
import type { ActorMention } from '../model/index.js'
import { findNames } from '../text/find-names.js'
import type { ActorEntry, ActorIndex } from './actor-index.js'

const UNIDENTIFIED =
  /\b(?:unidentified|unknown|mysterious|unclaimed)\s+(?:aircraft|jets|warplanes|planes|drones?|air\s*strikes?|airstrikes?|gunmen|attackers)\b/gi

/** Unnamed armed groups: "militants", "rebel fighters", "gunmen". */
const GENERIC_ARMED =
  /\b(?:(?:armed|rebel|opposition|insurgent|jihadist|Islamist|militant|extremist|terrorist|separatist)\s+)?(?:militants|rebels|insurgents|jihadists|terrorists|gunmen|militiamen|guerrillas|armed groups?|bandits|extremists|rebel fighters|opposition fighters|(?:[A-Z]\p{L}+\s+)?opposition forces|Islamists|separatists|(?:[A-Z][\w-]+\s+)?fighters)\b/gu
/** Unnamed state forces: "the army", "government troops", "security forces". */
const GENERIC_STATE =
  /\b(?:the\s+)?(?:army|military|government forces|pro-government forces|regime forces|security forces|troops|soldiers|army units|armed forces|government troops|law enforcers)\b/gi
/**
 * Unnamed police and border bodies: "border guards", "customs officers", and police of a named
 * place ("police from Daraa"); bare "police" is too often only a source ("police said").
 */
const GENERIC_POLICE =
  /\b(?:the\s+)?(?:(?:police(?:men)?|security services)(?= (?:from|of|in) [A-Z])|border (?:guards|police)|customs (?:officers|officials))\b/g

function mention(text: string, start: number, end: number, e: ActorEntry): ActorMention {
  return {
    kind: 'actor',
    text: text.slice(start, end),
    start,
    end,
    actorId: e.id,
    name: e.name,
    actorKind: e.kind,
    country: e.country,
  }
}

/** Recognises the actors of `text` with `index`; generic phrases may be lower case ("the regime"). */
export function recogniseActors(text: string, index: ActorIndex): ActorMention[] {
  const lookup = (key: string, raw: string) => index.lookup(key, raw)
  const found = findNames(text, lookup, 6, true, index.keyPrefixes).map((h) =>
    mention(text, h.start, h.end, h.entries[0]),
  )
  const generic: [RegExp, ActorEntry][] = [
    [
      UNIDENTIFIED,
      { id: 'unidentified', name: 'Unidentified armed actor', kind: 'unidentified', country: null },
    ],
    [
      GENERIC_ARMED,
      { id: 'armed-group', name: 'Armed group (unnamed)', kind: 'armed-group', country: null },
    ],
    [
      GENERIC_POLICE,
      {
        id: 'police-or-border-guards',
        name: 'Police or border guards (unnamed)',
        kind: 'police-or-border-guards',
        country: null,
      },
    ],
    [
      GENERIC_STATE,
      { id: 'state-forces', name: 'State forces (unnamed)', kind: 'state-forces', country: null },
    ],
  ]
  for (const [re, entry] of generic) {
    for (const m of text.matchAll(re)) {
      const start = m.index
      const end = start + m[0].length
      if (found.some((f) => start < f.end && f.start < end)) continue
      found.push(mention(text, start, end, entry))
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
