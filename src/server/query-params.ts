/** Query-string schemas shared by the API routes, and the one way a bad query becomes a 400. */
import { z } from 'zod'
import { AppError } from './app-error.js'

/** A calendar date as YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')

/** A comma-separated list whose items must each pass `item`. */
export function csvOf<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
}

/** `minLon,minLat,maxLon,maxLat` in degrees. */
export const bbox = z
  .string()
  .transform((s) => s.split(',').map((v) => Number(v.trim())))
  .pipe(
    z
      .tuple([
        z.number().min(-180).max(180),
        z.number().min(-90).max(90),
        z.number().min(-180).max(180),
        z.number().min(-90).max(90),
      ])
      .refine(([w, s, e, n]) => w <= e && s <= n, 'must be minLon,minLat,maxLon,maxLat'),
  )
export type Bbox = [number, number, number, number]

/** Paging: `limit` 1–10000 (default 1000) and `offset`. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
}

/** Validates a query against `schema`; the first problem becomes a 400 `bad-request`. */
export function parseQuery<S extends z.ZodTypeAny>(
  schema: S,
  query: Record<string, string>,
): z.infer<S> {
  const parsed = schema.safeParse(query)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(
      400,
      'bad-request',
      `query parameter "${issue.path.join('.')}": ${issue.message}`,
    )
  }
  return parsed.data
}

/** True when a point lies inside the box. */
export function inBbox(point: { lat: number; lon: number } | null, box: Bbox): boolean {
  if (!point) return false
  const [w, s, e, n] = box
  return point.lon >= w && point.lon <= e && point.lat >= s && point.lat <= n
}
