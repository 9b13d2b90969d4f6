/** The filter bar: type, actor, site, modality and minimum sources, mirrored in the URL. */
import { el } from './dom.js'
import { EVENT_TYPES, MODALITIES, eventTypeLabel } from './vocabulary.js'
import type { ViewState } from './view-state.js'

type FilterKey = 'type' | 'actor' | 'site' | 'modality' | 'minSources'

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'filter' }, [el('span', { text: label }), control])
}

function option(value: string, text: string): HTMLOptionElement {
  return el('option', { text, attrs: { value } })
}

/** Builds the filters in `root` from `state`; `onChange` gets the changed filters. */
export function renderFilterBar(
  root: HTMLElement,
  state: ViewState,
  siteNames: string[],
  onChange: (next: Pick<ViewState, FilterKey>) => void,
): void {
  const type = el('select', { attrs: { 'data-testid': 'filter-type' } }, [
    option('', 'All types'),
    ...EVENT_TYPES.map((t) => option(t, eventTypeLabel(t))),
  ])
  const modality = el('select', { attrs: { 'data-testid': 'filter-modality' } }, [
    option('', 'Any modality'),
    ...MODALITIES.map((m) => option(m, m)),
  ])
  const actor = el('input', {
    attrs: { type: 'search', placeholder: 'e.g. PMU', 'data-testid': 'filter-actor' },
  })
  const site = el('input', {
    attrs: {
      type: 'search',
      placeholder: 'any spelling',
      list: 'site-names',
      'data-testid': 'filter-site',
    },
  })
  const names = el(
    'datalist',
    { attrs: { id: 'site-names' } },
    siteNames.map((n) => el('option', { attrs: { value: n } })),
  )
  const minSources = el('input', {
    attrs: { type: 'number', min: '1', max: '20', step: '1', 'data-testid': 'filter-sources' },
  })
  type.value = state.type ?? ''
  modality.value = state.modality ?? ''
  actor.value = state.actor ?? ''
  site.value = state.site ?? ''
  minSources.value = String(state.minSources ?? 1)
  const emit = (): void => {
    const n = Number(minSources.value)
    onChange({
      type: type.value || undefined,
      modality: modality.value || undefined,
      actor: actor.value.trim() || undefined,
      site: site.value.trim() || undefined,
      minSources: Number.isInteger(n) && n > 1 ? n : undefined,
    })
  }
  for (const control of [type, modality, actor, site, minSources])
    control.addEventListener('change', emit)
  root.replaceChildren(
    field('Type', type),
    field('Actor', actor),
    field('Site', site),
    field('Modality', modality),
    field('Min. sources', minSources),
    names,
  )
}
