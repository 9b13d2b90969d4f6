/** The ingest panel: paste a report or a URL, or upload files; per-item results and errors. */
import { postIngest, type IngestAnswer } from './api-client.js'
import { el } from './dom.js'
import type { SessionUser } from '../../src/model/session.js'

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'form-field' }, [el('span', { text: label }), control])
}

function results(answer: IngestAnswer): HTMLElement {
  const counts = [
    `${answer.stored} stored`,
    answer.reextracted ? `${answer.reextracted} re-extracted` : null,
    answer.unchanged ? `${answer.unchanged} already stored` : null,
    answer.duplicates ? `${answer.duplicates} duplicates` : null,
    answer.failed ? `${answer.failed} failed` : null,
  ].filter(Boolean)
  return el('div', { attrs: { 'data-testid': 'ingest-result' } }, [
    el('p', { text: counts.join(', ') }),
    el(
      'ul',
      { className: 'ingest-items' },
      answer.items.map((item) =>
        el('li', { className: `ingest-item ${item.status}` }, [
          el('strong', { text: item.input }),
          ` ${item.status}`,
          item.title ? ` — “${item.title}”` : null,
          item.events !== undefined
            ? `, ${item.events} event${item.events === 1 ? '' : 's'}`
            : null,
          item.error ? el('div', { className: 'error', text: item.error }) : null,
          item.note ? el('div', { className: 'muted', text: item.note }) : null,
        ]),
      ),
    ),
  ])
}

/** Whether the visitor may ingest and, when not, why: the message shown beside a disabled submit. */
export interface IngestAccess {
  allowed: boolean
  reason: string | null
}

/** What the signed-in user (or an anonymous reader) may do here: analysts and admins ingest. */
export function ingestAccessFor(user: SessionUser | null): IngestAccess {
  if (user?.role === 'analyst' || user?.role === 'admin') return { allowed: true, reason: null }
  if (user)
    return {
      allowed: false,
      reason: `You are signed in as ${user.name}, a viewer: viewers read but cannot ingest. An admin can make you an analyst.`,
    }
  return {
    allowed: false,
    reason: 'Reading is public here, but ingesting needs a sign-in as an analyst or admin.',
  }
}

/**
 * Builds the ingest form in `root`; `onIngested` runs after anything was stored. Without
 * `access.allowed` the submit button is disabled and `access.reason` says why.
 */
export function renderIngestPanel(
  root: HTMLElement,
  onIngested: () => Promise<void>,
  access: IngestAccess = { allowed: true, reason: null },
): void {
  const text = el('textarea', {
    attrs: { rows: '8', 'data-testid': 'ingest-text', placeholder: 'Paste a report here' },
  })
  const url = el('input', { attrs: { type: 'url', placeholder: 'https://…' } })
  const published = el('input', { attrs: { type: 'date', 'data-testid': 'ingest-published' } })
  const files = el('input', {
    attrs: { type: 'file', multiple: '', 'data-testid': 'ingest-files' },
  })
  const status = el('div', { className: 'ingest-out', attrs: { 'aria-live': 'polite' } })
  const submit = el('button', { text: 'Ingest', attrs: { type: 'submit' } })
  const locked = access.allowed
    ? null
    : el('p', {
        className: 'ingest-locked',
        text: access.reason ?? 'Ingesting needs an analyst or admin account.',
        attrs: { id: 'ingest-locked', 'data-testid': 'ingest-locked' },
      })
  if (locked) {
    submit.disabled = true
    submit.setAttribute('aria-describedby', 'ingest-locked')
  }
  const form = el('form', { className: 'panel-form', attrs: { 'data-testid': 'ingest-form' } }, [
    locked,
    field('Report text', text),
    field('or a URL', url),
    field('or files (.txt, .html, .jsonl, feeds)', files),
    field('Published (when the report does not say)', published),
    submit,
  ])
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    if (!access.allowed) return
    const chosen = [...(files.files ?? [])]
    if (!text.value.trim() && !url.value.trim() && !chosen.length) {
      status.replaceChildren(
        el('p', {
          className: 'error',
          attrs: { role: 'alert' },
          text: 'Paste a report, give a URL or choose files.',
        }),
      )
      return
    }
    submit.disabled = true
    const progress = el('progress', { attrs: { 'aria-label': 'Ingesting' } })
    status.replaceChildren(el('p', { className: 'muted' }, [progress, ' Reading and extracting…']))
    postIngest({
      text: text.value.trim() || undefined,
      url: url.value.trim() || undefined,
      published: published.value || undefined,
      files: chosen,
    })
      .then(async (answer) => {
        status.replaceChildren(results(answer))
        if (answer.stored || answer.reextracted) {
          text.value = ''
          url.value = ''
          files.value = ''
          await onIngested()
        }
      })
      .catch((error: unknown) => {
        status.replaceChildren(
          el('p', {
            className: 'error',
            attrs: { role: 'alert' },
            text: error instanceof Error ? error.message : String(error),
          }),
        )
      })
      .finally(() => (submit.disabled = false))
  })
  root.replaceChildren(form, status)
}
