/** What an analyst gives to add a site to the registry, or to change one. */
import { z } from 'zod'

const Name = z.string().trim().min(2, 'a name needs at least 2 characters').max(200)
const Country = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO code, e.g. AF'))

/** One side of a crossing an analyst adds: the country and the names of the post or town there. */
export const SiteSideInput = z.object({
  country: Country,
  names: z.array(Name).min(1).max(50),
})
export type SiteSideInput = z.infer<typeof SiteSideInput>

/**
 * A site as an analyst states it. Crossings become crossings of the registry (linked in reports by
 * any of their names, or either side's); bases and other sites become named places.
 */
export const SiteInput = z.object({
  kind: z.enum(['crossing', 'base', 'site']),
  name: Name,
  /** Other spellings, in any script. */
  names: z.array(Name).max(100).default([]),
  /** Two-letter ISO codes: a crossing's two countries (one for a corridor inside a country). */
  countries: z.array(Country).min(1).max(2),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** For crossings: road, rail, bridge, port or corridor. */
  crossingKind: z.enum(['road', 'rail', 'bridge', 'port', 'corridor']).default('road'),
  /** For crossings: what traffic it is meant for. */
  traffic: z
    .array(z.enum(['people', 'goods', 'aid']))
    .min(1)
    .default(['people', 'goods']),
  sides: z.array(SiteSideInput).max(2).default([]),
  /** What the entry rests on: a citation an analyst can check. */
  source: z.string().trim().min(3, 'say what the site rests on (at least 3 characters)').max(2000),
})
export type SiteInput = z.infer<typeof SiteInput>

/** A stored analyst's site: the input with its id, who last changed it and when. */
export interface UserSite {
  id: string
  site: SiteInput
  author: string
  createdAt: string
  updatedAt: string
}
