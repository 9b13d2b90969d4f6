/**
 * Turns what an analyst types ("2019-10", "Al Qaim", "PMU") into the values a correction stores:
 * dates at their precision, places from the site registry or gazetteer, actors from the packs.
 */
import type {
  ArticleEvent,
  EventActor,
  EventPatch,
  EventPlace,
  ReviewTime,
  Site,
} from '../model/index.js'
import { findSites } from '../sites/site-registry.js'
import { defaultGazetteer } from '../places/gazetteer.js'
import { defaultActorIndex } from '../actors/actor-index.js'
import { foldName } from '../text/fold-name.js'
import { ReviewError } from './review-error.js'

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function lastDay(year: number, month: number): string {
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')
}

/** A date as typed (YYYY, YYYY-MM or YYYY-MM-DD) as the interval it names. */
export function parseReviewDate(text: string, what = 'date'): ReviewTime {
  const m = DATE.exec(text.trim())
  const year = m ? Number(m[1]) : NaN
  const month = m?.[2] ? Number(m[2]) : null
  const day = m?.[3] ? Number(m[3]) : null
  const valid =
    m &&
    (month === null || (month >= 1 && month <= 12)) &&
    (day === null || (day >= 1 && day <= Number(lastDay(year, month as number))))
  if (!valid)
    throw new ReviewError('invalid', `${what} "${text}": expected YYYY, YYYY-MM or YYYY-MM-DD`)
  if (day !== null) return { start: text.trim(), end: text.trim(), precision: 'day' }
  if (month !== null) {
    const ym = `${m[1]}-${m[2]}`
    return { start: `${ym}-01`, end: `${ym}-${lastDay(year, month)}`, precision: 'month' }
  }
  return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' }
}

/** `from` (and optionally `to`) as one interval at the coarser of their precisions. */
export function reviewTime(from: string, to?: string, labels = ['from', 'to']): ReviewTime {
  const a = parseReviewDate(from, labels[0])
  if (!to) return a
  const b = parseReviewDate(to, labels[1])
  if (b.end < a.start) throw new ReviewError('invalid', `to "${to}" is before from "${from}"`)
  const order = ['day', 'month', 'year'] as const
  const precision =
    order[Math.max(order.indexOf(a.precision as never), order.indexOf(b.precision as never))]
  return { start: a.start, end: b.end, precision }
}

/** A site of the registry by id or any spelling; an error names the input when none or several match. */
export function resolveSite(sites: Site[], name: string): Site {
  const exact = sites.find((s) => s.id === name)
  if (exact) return exact
  const found = findSites(sites, name)
  if (!found.length) throw new ReviewError('not-found', `site "${name}": no site by that name`)
  if (found.length > 1)
    throw new ReviewError(
      'invalid',
      `site "${name}" is ambiguous: ${found
        .slice(0, 5)
        .map((s) => s.id)
        .join(', ')}`,
    )
  return found[0]
}

/** A place for an event: a site of the registry first, then the gazetteer (packs, countries, GeoNames). */
export function resolvePlace(sites: Site[], name: string): EventPlace {
  const site = findSites(sites, name)[0]
  if (site)
    return {
      name: site.name,
      ref: `site:${site.id}`,
      country: site.countries.length === 1 ? site.countries[0] : null,
      lat: site.lat,
      lon: site.lon,
      precision: 'site',
      siteId: site.id,
      text: name,
    }
  const entry = defaultGazetteer().lookup(foldName(name))[0]
  if (!entry) throw new ReviewError('not-found', `place "${name}": not in the sites or gazetteer`)
  return {
    name: entry.name,
    ref: entry.ref,
    country: entry.country,
    lat: entry.lat,
    lon: entry.lon,
    precision: entry.precision,
    siteId: entry.crossingId ?? null,
    text: name,
  }
}

/** An actor of the packs (any alias, or a generic like "Iraqi forces") in a role. */
export function resolveActor(name: string, role: EventActor['role']): EventActor {
  const entry = defaultActorIndex().lookup(foldName(name), name)[0]
  if (!entry)
    throw new ReviewError('not-found', `actor "${name}": no actor by that name in the packs`)
  return {
    role,
    id: entry.id,
    name: entry.name,
    text: name,
    kind: entry.kind,
    country: entry.country,
  }
}

/** An edit as typed: names and dates rather than stored values. */
export interface EditFields {
  type?: EventPatch['type']
  modality?: EventPatch['modality']
  /** When it happened: YYYY, YYYY-MM or YYYY-MM-DD, with `to` for an interval. */
  from?: string
  to?: string
  /** A site or place name; `null` or "none" clears the place. */
  place?: string | null
  /** Who did it, replacing the event's actors. */
  actors?: string[]
  /** Whom it was done to, replacing the event's targets. */
  targets?: string[]
}

/** The stored patch an edit makes to `current`. */
export function editPatch(sites: Site[], current: ArticleEvent, fields: EditFields): EventPatch {
  const patch: EventPatch = {}
  if (fields.type) patch.type = fields.type
  if (fields.modality) patch.modality = fields.modality
  if (fields.to && !fields.from) throw new ReviewError('invalid', 'to: give from as well')
  if (fields.from) patch.time = reviewTime(fields.from, fields.to, ['date', 'to'])
  if (fields.place !== undefined)
    patch.place =
      fields.place === null || fields.place.trim().toLowerCase() === 'none'
        ? null
        : resolvePlace(sites, fields.place)
  if (fields.actors || fields.targets) {
    const keep = (role: EventActor['role']) => current.actors.filter((a) => a.role === role)
    patch.actors = [
      ...(fields.actors ? fields.actors.map((n) => resolveActor(n, 'actor')) : keep('actor')),
      ...(fields.targets ? fields.targets.map((n) => resolveActor(n, 'target')) : keep('target')),
      ...keep('source'),
    ]
  }
  return patch
}
