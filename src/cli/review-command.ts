/** `borderwatch review` and `borderwatch audit`: corrections from the command line, and their record. */
import type { Command } from 'commander'
import { EventType, Modality, SitePatch } from '../model/index.js'
import type { Correction } from '../model/index.js'
import type { Store } from '../store/store.js'
import {
  addCorrection,
  undoCorrection,
  type CorrectionRequest,
  type CorrectionResult,
} from '../review/review-service.js'
import { listCorrections } from '../review/correction-store.js'
import { readAudit } from '../review/audit-log.js'
import { editPatch, reviewTime } from '../review/review-input.js'
import { ReviewError } from '../review/review-error.js'
import { syncPackSites } from '../pipeline/open-context.js'
import { CliError } from './cli-error.js'
import { collect } from './repeatable-option.js'
import { formatTable } from './format-table.js'
import type { WithStore } from './route-command.js'
import { cliAuthor } from './cli-author.js'

interface Said {
  note?: string
  source?: string
  json?: boolean
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], value: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError('bad-argument', `${flag} ${value}: expected one of ${allowed.join(', ')}`)
  return value as T
}

function describe(r: CorrectionResult): string {
  const c = r.correction
  const head = `${c.id} ${c.undoneAt ? `undid ${c.action}` : c.action} ${c.targetKind} ${c.targetId}`
  if (r.event !== undefined) {
    const e = r.event
    if (!e) return `${head}: the event is no longer in the report`
    const where = e.place?.name ?? 'no place'
    const when = e.time.start === e.time.end ? e.time.start : `${e.time.start}…${e.time.end}`
    return `${head}: now ${e.review?.status ?? 'unreviewed'} — ${e.type}, ${e.modality}, ${where}, ${when}`
  }
  if (r.cluster) return `${head}: cluster now ${r.cluster.join(', ') || '(no events)'}`
  if (r.site)
    return `${head}: from then on ${r.site.status}${r.site.controllers.length ? `, held by ${r.site.controllers.join('; ')}` : ''}`
  return head
}

/** Runs one correction against the store and prints what it did. */
async function run(
  withStore: WithStore,
  flags: Said,
  build: (store: Store) => Promise<CorrectionRequest>,
): Promise<void> {
  await withStore(async (store) => {
    try {
      await syncPackSites(store)
      const request = await build(store)
      const result = await addCorrection(
        store,
        { ...request, note: flags.note ?? null, source: flags.source ?? null },
        cliAuthor(),
      )
      process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${describe(result)}\n`)
    } catch (error) {
      throw asCliError(error)
    }
  })
}

/** A refused correction as the CLI's one-line error; anything else unchanged. */
function asCliError(error: unknown): unknown {
  if (!(error instanceof ReviewError)) return error
  return new CliError(error.code === 'not-found' ? 'not-found' : 'bad-argument', error.message)
}

function withSaid(cmd: Command): Command {
  return cmd
    .option('--note <text>', 'why: kept with the correction and in the audit log')
    .option('--source <text>', 'what the correction rests on (a report, a URL, a call)')
    .option('--json', 'print the correction and its result as JSON')
}

function correctionRow(c: Correction): string[] {
  return [
    c.id,
    c.createdAt.slice(0, 16).replace('T', ' '),
    c.author,
    c.action,
    `${c.targetKind} ${c.targetId}`,
    c.undoneAt ? `undone by ${c.undoneBy}` : '',
    c.note ?? '',
  ]
}

/**
 * Adds `review` (confirm, reject, edit, merge, split, set-status, undo, list) and `audit`.
 * @example registerReviewCommands(program, (fn) => withStore(program, fn))
 */
export function registerReviewCommands(program: Command, withStore: WithStore): void {
  const review = program
    .command('review')
    .description(
      "analysts' corrections: confirm, reject or edit events, merge or split clusters, set a site's status by hand; every change is audit-logged, can be undone, and survives re-extraction",
    )

  for (const action of ['confirm', 'reject'] as const)
    withSaid(
      review
        .command(`${action} <event-id>`)
        .description(
          action === 'confirm'
            ? 'mark an event as checked and right'
            : 'mark an event as wrong: hidden from listings, maps, timelines and exports (kept, and can be undone)',
        ),
    ).action(async (event: string, flags: Said) =>
      run(withStore, flags, async () => ({ action, event })),
    )

  withSaid(
    review
      .command('edit <event-id>')
      .description("change an event's type, modality, date, place or actors")
      .option('--type <type>', `event type (${EventType.options.join(', ')})`)
      .option('--modality <modality>', `modality (${Modality.options.join(', ')})`)
      .option('--date <date>', 'when it happened: YYYY-MM-DD, YYYY-MM or YYYY')
      .option('--to <date>', 'with --date: the end of an interval')
      .option('--place <name>', 'a site or place name; "none" clears the place')
      .option('--actor <name>', 'who did it (repeatable; replaces the actors)', collect, [])
      .option(
        '--target <name>',
        'whom it was done to (repeatable; replaces the targets)',
        collect,
        [],
      ),
  ).action(
    async (
      event: string,
      flags: Said & {
        type?: string
        modality?: string
        date?: string
        to?: string
        place?: string
        actor?: string[]
        target?: string[]
      },
    ) =>
      run(withStore, flags, async (store) => {
        const current = await store.getEvent(event)
        if (!current) throw new ReviewError('not-found', `event "${event}": no such event`)
        const patch = editPatch(await store.listSites(), current, {
          type: flags.type ? oneOf('--type', EventType.options, flags.type) : undefined,
          modality: flags.modality
            ? oneOf('--modality', Modality.options, flags.modality)
            : undefined,
          from: flags.date,
          to: flags.to,
          place: flags.place,
          actors: flags.actor?.length ? flags.actor : undefined,
          targets: flags.target?.length ? flags.target : undefined,
        })
        return { action: 'edit', event, patch }
      }),
  )

  withSaid(
    review
      .command('merge <event-id> <other-event-id>')
      .description('the clusters of the two events tell one happening: make them one'),
  ).action(async (event: string, other: string, flags: Said) =>
    run(withStore, flags, async () => ({ action: 'merge', event, with: other })),
  )

  withSaid(
    review
      .command('split <event-id>')
      .description('the event tells another happening than the rest of its cluster: take it out'),
  ).action(async (event: string, flags: Said) =>
    run(withStore, flags, async () => ({ action: 'split', event })),
  )

  const statuses = SitePatch.shape.status.unwrap().options
  const scopes = SitePatch.shape.scope.options
  withSaid(
    review
      .command('set-status <site>')
      .description("set a site's status or controller by hand, from a date on (needs --note)")
      .option('--status <status>', `status (${statuses.join(', ')})`)
      .option('--controller <names>', 'who controls or secures it ("A; B" for several)')
      .option('--scope <scope>', 'people, goods, aid or all', 'all')
      .requiredOption('--from <date>', 'from when: YYYY-MM-DD, YYYY-MM or YYYY')
      .option('--to <date>', 'until when, for a stretch of time'),
  ).action(
    async (
      site: string,
      flags: Said & {
        status?: string
        controller?: string
        scope: string
        from: string
        to?: string
      },
    ) =>
      run(withStore, flags, async () => ({
        action: 'set-status',
        site,
        status: {
          status: flags.status ? oneOf('--status', statuses, flags.status) : null,
          scope: oneOf('--scope', scopes, flags.scope),
          controller: flags.controller?.trim() || null,
          time: reviewTime(flags.from, flags.to),
        },
      })),
  )

  review
    .command('undo <correction-id>')
    .description('undo a correction: it stays on record, marked undone, and no longer applies')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, flags: { json?: boolean }) =>
      withStore(async (store) => {
        try {
          const result = await undoCorrection(store, id, cliAuthor())
          process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${describe(result)}\n`)
        } catch (error) {
          throw asCliError(error)
        }
      }),
    )

  review
    .command('list')
    .description('corrections in force (with --all, undone ones too), oldest first')
    .option('--all', 'include undone corrections')
    .option('--target <id>', 'only those about this event or site id')
    .option('--json', 'print JSON')
    .action(async (flags: { all?: boolean; target?: string; json?: boolean }) =>
      withStore(async (store) => {
        const corrections = await listCorrections(store.db, {
          includeUndone: flags.all,
          ...(flags.target ? { targetId: flags.target } : {}),
        })
        process.stdout.write(
          flags.json
            ? `${JSON.stringify({ corrections })}\n`
            : `${formatTable(['id', 'when', 'who', 'action', 'target', 'state', 'note'], corrections.map(correctionRow), 50)}\n`,
        )
      }),
    )

  program
    .command('audit')
    .description(
      'the audit log: every correction, undo, user and token change — who, when, before, after',
    )
    .option('--target <id>', 'only entries about this event, site, user or token')
    .option('--actor <name>', 'only entries by this user')
    .option('--limit <n>', 'newest entries to show', '50')
    .option('--json', 'one JSON entry a line, with before and after')
    .action(async (flags: { target?: string; actor?: string; limit: string; json?: boolean }) => {
      const limit = Number(flags.limit)
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(
          'bad-argument',
          `--limit ${flags.limit}: expected a positive whole number`,
        )
      await withStore(async (store) => {
        const entries = await readAudit(store.db, {
          ...(flags.target ? { targetId: flags.target } : {}),
          ...(flags.actor ? { actor: flags.actor } : {}),
          limit,
        })
        process.stdout.write(
          flags.json
            ? entries.map((e) => `${JSON.stringify(e)}\n`).join('')
            : `${formatTable(
                ['#', 'when', 'who', 'action', 'target', 'note'],
                entries.map((e) => [
                  String(e.seq),
                  e.at.slice(0, 19).replace('T', ' '),
                  e.actor,
                  e.action,
                  `${e.targetKind} ${e.targetId}`,
                  e.note ?? '',
                ]),
                60,
              )}\n`,
        )
      })
    })
}
