/**
 * Analysts add sites to the registry, change them and remove them. Each change is one
 * transaction with its audit entry; then the reports that name the site (by any of its names, or
 * that were linked to it) are read again, so events and timelines pick the change up at once.
 */
import type { Site } from '../model/index.js'
import { SiteInput, type UserSite } from '../model/index.js'
import type { Store } from '../store/store.js'
import { writeSite } from '../store/store.js'
import { loadKnowledge } from '../places/load-packs.js'
import { findSites } from '../sites/site-registry.js'
import { recordAudit } from '../review/audit-log.js'
import { reextract } from '../pipeline/reprocess.js'
import { openContext, packOrigin } from '../pipeline/open-context.js'
import { deleteUserSite, getUserSite, listUserSites, saveUserSite } from './user-site-store.js'
import { crossingAsInput, placeAsInput, registryEntry, siteIdOf } from './user-site-knowledge.js'
import { SiteEditError } from './user-site-error.js'

/** What a change did: the site as it now stands (null once removed) and the reports read again. */
export interface SiteEditResult {
  site: Site | null
  /** Where the entry comes from now: `user`, or the pack's when a removal restored it. */
  origin: string | null
  reprocessed: number
}

/** A site input checked against the schema; a one-line error naming the field otherwise. */
export function parseSiteInput(value: unknown): SiteInput {
  const parsed = SiteInput.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  throw new SiteEditError('invalid', `site: ${where}${issue.message}`)
}

/** The pack entry (crossing or base/site place) with this id, as an input an analyst can change. */
function packEntry(id: string): SiteInput | null {
  const k = loadKnowledge()
  const c = k.crossings.find((x) => x.id === id)
  if (c) return crossingAsInput(c)
  const p = k.places.find((x) => x.id === id && (x.kind === 'base' || x.kind === 'site'))
  return p ? placeAsInput(p) : null
}

/** Finds a registry site by id or any spelling; one match or a clear error. */
async function siteFor(store: Store, query: string): Promise<Site> {
  const matches = findSites(await store.listSites(), query)
  if (!matches.length) throw new SiteEditError('not-found', `site "${query}": no such site`)
  if (matches.length > 1 && !matches.some((m) => m.id === query))
    throw new SiteEditError(
      'invalid',
      `site "${query}": names ${matches.length} sites (${matches
        .slice(0, 5)
        .map((m) => m.id)
        .join(', ')}); give its id`,
    )
  return matches.find((m) => m.id === query) ?? matches[0]
}

/** Adds a site; its id comes from its name unless `id` is given. */
export async function addSite(
  store: Store,
  value: unknown,
  author: string,
  id?: string,
): Promise<SiteEditResult> {
  const site = parseSiteInput(value)
  const siteId = id ?? siteIdOf(site.name)
  if (!/^[a-z0-9-]{2,80}$/.test(siteId))
    throw new SiteEditError(
      'invalid',
      `site id "${siteId}": use 2–80 lower-case letters, digits and hyphens`,
    )
  const existing = (await store.listSites()).find((s) => s.id === siteId)
  if (existing)
    throw new SiteEditError(
      'exists',
      `site "${siteId}" already exists (${existing.name}); change it with "sites edit ${siteId}"`,
    )
  const entry = registryEntry(siteId, site)
  await store.db.transaction(async (tx) => {
    await saveUserSite(tx, siteId, site, author)
    await writeSite(tx, entry, 'user', { replace: true })
    await recordAudit(tx, {
      actor: author,
      action: 'site.add',
      targetKind: 'site',
      targetId: siteId,
      after: site,
    })
  })
  const reprocessed = await rereadReports(store, siteId, [site])
  return { site: entry, origin: 'user', reprocessed }
}

/** Changes a site (a pack site's change is kept as the analyst's version of it). */
export async function editSite(
  store: Store,
  query: string,
  change: (current: SiteInput) => unknown,
  author: string,
): Promise<SiteEditResult> {
  const current = await siteFor(store, query)
  const before = (await getUserSite(store.db, current.id))?.site ?? packEntry(current.id)
  if (!before)
    throw new SiteEditError('not-found', `site "${query}": not in a pack nor added by an analyst`)
  const site = parseSiteInput(change(before))
  const entry = registryEntry(current.id, site)
  await store.db.transaction(async (tx) => {
    await saveUserSite(tx, current.id, site, author)
    await writeSite(tx, entry, 'user', { replace: true })
    await recordAudit(tx, {
      actor: author,
      action: 'site.edit',
      targetKind: 'site',
      targetId: current.id,
      before,
      after: site,
    })
  })
  const reprocessed = await rereadReports(store, current.id, [before, site])
  return { site: entry, origin: 'user', reprocessed }
}

/**
 * Removes an analyst's site; for a pack site the analyst changed, removes the change (the pack's
 * entry stands again). A pack site itself cannot be removed: it belongs to its pack.
 */
export async function removeSite(
  store: Store,
  query: string,
  author: string,
): Promise<SiteEditResult> {
  const current = await siteFor(store, query)
  const stored = await getUserSite(store.db, current.id)
  if (!stored)
    throw new SiteEditError(
      'invalid',
      `site "${current.id}" comes from a pack and has no analyst's changes to remove`,
    )
  const pack = packEntry(current.id)
  const restored = pack ? registryEntry(current.id, pack) : null
  await store.db.transaction(async (tx) => {
    await deleteUserSite(tx, current.id)
    if (restored) await writeSite(tx, restored, packOrigin(), { replace: true })
    else await tx.query('delete from sites where id = $1', [current.id])
    await recordAudit(tx, {
      actor: author,
      action: 'site.remove',
      targetKind: 'site',
      targetId: current.id,
      before: stored.site,
      ...(pack ? { after: pack } : {}),
    })
  })
  const reprocessed = await rereadReports(store, current.id, [stored.site])
  return { site: restored, origin: restored ? packOrigin() : null, reprocessed }
}

/** Every analyst's site. */
export async function userSites(store: Store): Promise<UserSite[]> {
  return listUserSites(store.db)
}

/**
 * Reads again the reports linked to the site or naming it (by any of its names, before or after
 * the change), with the context that now includes it. Returns how many were read.
 */
async function rereadReports(store: Store, siteId: string, versions: SiteInput[]): Promise<number> {
  const names = [
    ...new Set(
      versions.flatMap((s) => [s.name, ...s.names, ...s.sides.flatMap((side) => side.names)]),
    ),
  ].filter((n) => n.length >= 3)
  const documents = await store.documentsAbout(siteId, names)
  if (!documents.length) return 0
  const ctx = await openContext(store)
  for (const document of documents) await reextract(store, ctx, document)
  return documents.length
}
