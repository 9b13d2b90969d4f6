/** The account area: a sign-in form (paste an API token), or who is signed in with a sign-out button. */
import type { ApiSession } from '../../src/model/session.js'
import { signIn, signOut } from './api-client.js'
import { el } from './dom.js'

function message(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason)
}

/**
 * Renders the sign-in form in `root`; `onSignedIn` gets the new session. `reason` says why
 * (for example that the server needs a sign-in to read).
 */
export function renderSignIn(
  root: HTMLElement,
  reason: string,
  onSignedIn: (session: ApiSession) => void,
): void {
  const input = el('input', {
    attrs: {
      id: 'sign-in-token',
      type: 'password',
      name: 'token',
      required: '',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'bw_…',
      'aria-describedby': 'sign-in-help',
      'data-testid': 'sign-in-token',
    },
  })
  const submit = el('button', { text: 'Sign in', attrs: { type: 'submit' } })
  const status = el('p', { className: 'error', attrs: { role: 'alert' } })
  const form = el(
    'form',
    {
      className: 'sign-in',
      attrs: { 'aria-labelledby': 'sign-in-title', 'data-testid': 'sign-in' },
    },
    [
      el('h2', { className: 'sign-in-title', text: 'Sign in', attrs: { id: 'sign-in-title' } }),
      el('p', { className: 'muted', text: reason, attrs: { id: 'sign-in-help' } }),
      el('label', { className: 'form-field', attrs: { for: 'sign-in-token' } }, [
        el('span', { text: 'API token (from borderwatch tokens create)' }),
      ]),
      el('div', { className: 'sign-in-row' }, [input, submit]),
      status,
    ],
  )
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const token = input.value.trim()
    if (!token) {
      status.textContent = 'Paste a token first.'
      return
    }
    submit.disabled = true
    status.textContent = ''
    signIn(token)
      .then((session) => {
        input.value = ''
        onSignedIn(session)
      })
      .catch((reason: unknown) => {
        status.textContent = `Could not sign in: ${message(reason)}`
        input.focus()
      })
      .finally(() => (submit.disabled = false))
  })
  root.replaceChildren(form)
  input.focus()
}

/**
 * Shows who is signed in with a sign-out button, or, in public read-only mode, a sign-in button
 * that opens the form. `onChange` gets the session after a sign-in; sign-out reloads the page.
 */
export function renderAccount(
  root: HTMLElement,
  session: ApiSession,
  onChange: (session: ApiSession) => void,
): void {
  if (session.user) {
    const out = el('button', {
      text: 'Sign out',
      attrs: { type: 'button', 'data-testid': 'sign-out' },
    })
    out.addEventListener('click', () => {
      out.disabled = true
      signOut()
        .catch(() => undefined)
        .finally(() => window.location.reload())
    })
    root.replaceChildren(
      el('p', { className: 'account-line', attrs: { 'data-testid': 'signed-in-as' } }, [
        'Signed in as ',
        el('strong', { text: session.user.name }),
        ` (${session.user.role})`,
      ]),
      out,
    )
    return
  }
  const open = el('button', { text: 'Sign in', attrs: { type: 'button' } })
  open.addEventListener('click', () =>
    renderSignIn(root, 'Reading is public here; sign in to ingest.', onChange),
  )
  root.replaceChildren(
    el('p', { className: 'account-line muted', text: 'Not signed in · public, read-only' }),
    open,
  )
}
