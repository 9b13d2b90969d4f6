/**
 * Analysts' controls: confirm, reject, edit or split an event, set a site's status by hand, and
 * undo — each a correction the server audit-logs (docs/review.md). Shown to analysts and admins.
 */
import type { ApiEvent, ApiSite, Correction } from '../../src/model/index.js'
import { fetchCorrections, postCorrection, postUndo, type CorrectionAnswer } from './api-client.js'
import { el } from './dom.js'
import {
  EVENT_TYPES,
  MODALITIES,
  SITE_STATUSES,
  eventTypeLabel,
  siteStatusLabel,
} from './vocabulary.js'

/** Runs after a correction or undo succeeded with the server's answer, so the page reloads what it shows. */
export type OnCorrected = (answer: CorrectionAnswer, notice: string) => void

function message(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason)
}

function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id
  return el('div', { className: 'form-field' }, [
    el('label', { text: label, attrs: { for: id } }),
    control,
  ])
}

function select(id: string, options: [string, string][], value = ''): HTMLSelectElement {
  const node = el(
    'select',
    { attrs: { id, name: id } },
    options.map(([v, label]) => el('option', { text: label, attrs: { value: v } })),
  )
  node.value = value
  return node
}

function input(id: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return el('input', { attrs: { id, name: id, type: 'text', ...attrs } })
}

/** Disables `buttons` while `work` runs, then reports its outcome in `status`. */
async function act(
  status: HTMLElement,
  buttons: HTMLButtonElement[],
  work: () => Promise<CorrectionAnswer>,
  done: string,
  onCorrected: OnCorrected,
): Promise<void> {
  for (const b of buttons) b.disabled = true
  status.className = 'muted'
  status.textContent = 'Saving…'
  try {
    const answer = await work()
    status.textContent = done
    onCorrected(answer, done)
  } catch (reason) {
    status.className = 'error'
    status.textContent = `Not saved: ${message(reason)}`
  } finally {
    for (const b of buttons) b.disabled = false
  }
}

function describe(c: Correction): string {
  const when = c.createdAt.slice(0, 16).replace('T', ' ')
  const patch = Object.entries(c.patch)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ')
  return `${c.action} by ${c.author}, ${when}${patch ? ` — ${patch}` : ''}${c.note ? ` — “${c.note}”` : ''}`
}

/** The corrections in force for a target, each with an Undo button. */
function correctionList(
  target: { event?: string; site?: string },
  status: HTMLElement,
  onCorrected: OnCorrected,
): HTMLElement {
  const list = el('ul', { className: 'correction-list', attrs: { 'data-testid': 'corrections' } })
  fetchCorrections(target)
    .then((corrections) => {
      const mine = corrections.filter((c) => c.action !== 'set-status' || target.site)
      if (!mine.length) {
        list.replaceChildren(el('li', { className: 'muted', text: 'No corrections yet.' }))
        return
      }
      list.replaceChildren(
        ...mine.map((c) => {
          const undo = el('button', {
            text: 'Undo',
            className: 'small',
            attrs: { type: 'button', 'aria-label': `Undo ${c.action} by ${c.author}` },
          })
          undo.addEventListener('click', () => {
            void act(status, [undo], () => postUndo(c.id), `Undid ${c.action}.`, onCorrected)
          })
          return el('li', { className: 'correction' }, [el('span', { text: describe(c) }), undo])
        }),
      )
    })
    .catch((reason: unknown) => {
      list.replaceChildren(el('li', { className: 'error', text: message(reason) }))
    })
  return list
}

/** The review section of an event panel; `notice` says what the last correction did. */
export function eventReviewControls(
  event: ApiEvent,
  onCorrected: OnCorrected,
  notice = '',
): HTMLElement {
  const status = el('p', {
    className: 'muted',
    text: notice,
    attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'review-status' },
  })
  const note = input(`review-note-${event.id}`, { placeholder: 'why (kept in the audit log)' })
  const button = (text: string, testid: string) =>
    el('button', { text, attrs: { type: 'button', 'data-testid': testid } })
  const confirm = button('Confirm', 'review-confirm')
  const reject = button('Reject', 'review-reject')
  const split = button('Split from its cluster', 'review-split')
  const all = [confirm, reject, split]
  const send = (action: string, done: string) => () =>
    void act(
      status,
      all,
      () => postCorrection({ action, event: event.id, note: note.value.trim() || undefined }),
      done,
      onCorrected,
    )
  confirm.addEventListener('click', send('confirm', 'Confirmed.'))
  reject.addEventListener('click', send('reject', 'Rejected: hidden from the map and lists.'))
  split.addEventListener('click', send('split', 'Split off into its own cluster.'))

  const type = select(
    `review-type-${event.id}`,
    EVENT_TYPES.map((t) => [t, eventTypeLabel(t)]),
    event.type,
  )
  const modality = select(
    `review-modality-${event.id}`,
    MODALITIES.map((m) => [m, m]),
    event.modality,
  )
  const date = input(`review-date-${event.id}`, {
    placeholder: 'YYYY-MM-DD, YYYY-MM or YYYY',
    value: event.time.precision === 'day' ? event.time.start.slice(0, 10) : '',
  })
  const place = input(`review-place-${event.id}`, {
    placeholder: 'a crossing or place name; "none" clears it',
    value: event.place?.name ?? '',
  })
  const named = (role: string) =>
    event.actors
      .filter((a) => a.role === role)
      .map((a) => a.name)
      .join(', ')
  const actors = input(`review-actors-${event.id}`, {
    placeholder: 'who did it, comma-separated',
    value: named('actor'),
  })
  const targets = input(`review-targets-${event.id}`, {
    placeholder: 'whom it was done to, comma-separated',
    value: named('target'),
  })
  const save = el('button', { text: 'Save edit', attrs: { type: 'submit' } })
  const edit = el('form', { className: 'review-edit', attrs: { 'data-testid': 'review-edit' } }, [
    field('Type', type),
    field('Modality', modality),
    field('Date', date),
    field('Place', place),
    field('Actors', actors),
    field('Targets', targets),
    save,
  ])
  edit.addEventListener('submit', (e) => {
    e.preventDefault()
    const body: Record<string, unknown> = { action: 'edit', event: event.id }
    if (type.value !== event.type) body.type = type.value
    if (modality.value !== event.modality) body.modality = modality.value
    const day = date.value.trim()
    if (day && day !== event.time.start.slice(0, 10)) body.from = day
    const where = place.value.trim()
    if (where !== (event.place?.name ?? '')) body.place = where || null
    const list = (text: string) =>
      text
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
    if (actors.value.trim() !== named('actor')) body.actors = list(actors.value)
    if (targets.value.trim() !== named('target')) body.targets = list(targets.value)
    if (Object.keys(body).length === 2) {
      status.className = 'error'
      status.textContent = 'Nothing changed.'
      return
    }
    if (note.value.trim()) body.note = note.value.trim()
    void act(status, [save, ...all], () => postCorrection(body), 'Edit saved.', onCorrected)
  })

  const other = input(`review-merge-${event.id}`, {
    placeholder: 'e-… (an event of the other cluster)',
  })
  const mergeButton = el('button', { text: 'Merge clusters', attrs: { type: 'submit' } })
  const merge = el('form', { className: 'review-edit', attrs: { 'data-testid': 'review-merge' } }, [
    field('The same happening as event', other),
    mergeButton,
  ])
  merge.addEventListener('submit', (e) => {
    e.preventDefault()
    const id = other.value.trim()
    if (!id) {
      status.className = 'error'
      status.textContent = 'Give the id of an event of the other cluster.'
      return
    }
    void act(
      status,
      [mergeButton, ...all],
      () =>
        postCorrection({
          action: 'merge',
          event: event.id,
          with: id,
          note: note.value.trim() || undefined,
        }),
      'Clusters merged.',
      onCorrected,
    )
  })

  return el('section', { className: 'review', attrs: { 'aria-label': 'Review this event' } }, [
    el('h3', { text: 'Review' }),
    field('Note', note),
    el('div', { className: 'review-actions' }, all),
    el('details', {}, [
      el('summary', { text: 'Edit type, modality, date, place or actors' }),
      edit,
    ]),
    el('details', {}, [el('summary', { text: 'Merge with another cluster' }), merge]),
    status,
    el('h4', { text: 'Corrections' }),
    correctionList({ event: event.id }, status, onCorrected),
  ])
}

/** The "set status by hand" form of a site page; `notice` says what the last correction did. */
export function siteReviewControls(
  site: ApiSite,
  asOf: string | null,
  onCorrected: OnCorrected,
  notice = '',
): HTMLElement {
  const id = site.id
  const status = el('p', {
    className: 'muted',
    text: notice,
    attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'site-review-status' },
  })
  const state = select(`site-status-${id}`, [
    ['', '(unchanged)'],
    ...SITE_STATUSES.map((s): [string, string] => [s, siteStatusLabel(s)]),
  ])
  const scope = select(
    `site-scope-${id}`,
    [
      ['all', 'all traffic'],
      ['people', 'people'],
      ['goods', 'goods'],
      ['aid', 'aid'],
    ],
    'all',
  )
  const controller = input(`site-controller-${id}`, { placeholder: 'who holds it ("A; B")' })
  const from = input(`site-from-${id}`, {
    placeholder: 'YYYY-MM-DD',
    value: asOf ?? new Date().toISOString().slice(0, 10),
    required: '',
  })
  const note = input(`site-note-${id}`, { placeholder: 'why (required)', required: '' })
  const source = input(`site-source-${id}`, { placeholder: 'a report, a URL, a call' })
  const save = el('button', { text: 'Set status', attrs: { type: 'submit' } })
  const form = el('form', { className: 'review-edit', attrs: { 'data-testid': 'site-review' } }, [
    field('Status', state),
    field('Scope', scope),
    field('Controller', controller),
    field('From', from),
    field('Note', note),
    field('Source', source),
    save,
  ])
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void act(
      status,
      [save],
      () =>
        postCorrection({
          action: 'set-status',
          site: id,
          status: state.value || null,
          scope: scope.value,
          controller: controller.value.trim() || null,
          from: from.value.trim(),
          note: note.value.trim(),
          source: source.value.trim() || undefined,
        }),
      'Status set.',
      onCorrected,
    )
  })
  return el('section', { className: 'review', attrs: { 'aria-label': 'Set the status by hand' } }, [
    el('details', {}, [el('summary', { text: 'Set status or controller by hand' }), form]),
    status,
    el('h4', { text: 'Statuses set by hand' }),
    correctionList({ site: id }, status, onCorrected),
  ])
}
