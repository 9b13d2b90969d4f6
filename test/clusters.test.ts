/** Cross-report merging: one happening told by several outlets is one cluster, sources counted by lineage. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { clusterEvents } from '../src/clusters/cluster-events.ts'
import type { ApiEvent, EventType } from '../src/model/index.ts'

const SITE = {
  name: 'Albukamal-Al Qaim crossing',
  ref: 'crossing:albukamal-al-qaim',
  country: null,
  lat: 34.3975,
  lon: 40.977,
  precision: 'site' as const,
  siteId: 'albukamal-al-qaim',
  text: 'Al Qaim',
}

function event(
  id: string,
  article: string,
  date: string,
  options: { type?: EventType; lineage?: string | null; actor?: string; place?: typeof SITE } = {},
): ApiEvent {
  return {
    id,
    articleId: article,
    type: options.type ?? 'crossing-opened',
    modality: 'asserted',
    trigger: 'reopened',
    time: { start: date, end: date, precision: 'day', certainty: 'stated' },
    place: options.place ?? SITE,
    actors: options.actor
      ? [{ role: 'actor', id: options.actor, name: options.actor, text: options.actor }]
      : [],
    sentence: `${article} says it reopened`,
    evidenceStart: 0,
    evidenceEnd: 10,
    scope: 'all',
    article: {
      id: article,
      title: article,
      outlet: article,
      url: null,
      published: date,
      lineageId: options.lineage ?? null,
    },
  }
}

describe('clusterEvents', () => {
  it('merges one reopening told by three outlets, and counts a wire copy once', () => {
    const events = [
      event('e1', 'memo', '2019-09-30'),
      event('e2', 'gulf', '2019-09-30', { lineage: 'wire' }),
      event('e3', 'copy', '2019-09-30', { lineage: 'wire' }),
      event('e4', 'danfe', '2019-09-30'),
    ]
    const [c, ...rest] = clusterEvents(events)
    assert.equal(rest.length, 0)
    assert.deepEqual(c.articleIds.sort(), ['copy', 'danfe', 'gulf', 'memo'])
    assert.equal(c.lineages, 3)
    assert.equal(c.why.length, 3)
    assert.match(c.why[0], /same site albukamal-al-qaim, same time 2019-09-30/)
  })

  it('keeps apart other types, other sites, far times and opposing actors', () => {
    const other = {
      ...SITE,
      name: 'Nasib',
      siteId: 'nasib-jaber',
      ref: 'crossing:nasib-jaber',
      lat: 32.54,
      lon: 36.2,
    }
    const clusters = clusterEvents([
      event('a', 'x', '2019-09-30'),
      event('b', 'y', '2019-09-30', { type: 'crossing-closed' }),
      event('c', 'z', '2019-09-30', { place: other }),
      event('d', 'w', '2021-01-01'),
      event('e', 'v', '2019-09-30', { type: 'control-taken', actor: 'iraq' }),
      event('f', 'u', '2019-09-30', { type: 'control-taken', actor: 'isis' }),
    ])
    assert.equal(clusters.length, 6)
  })

  it('gives the same clusters whatever order the events come in', () => {
    const events = [
      event('e1', 'a', '2019-09-30'),
      event('e2', 'b', '2019-09-30'),
      event('e3', 'c', '2019-10-02', { type: 'crossing-closed' }),
    ]
    const ids = (list: ApiEvent[]) =>
      clusterEvents(list).map((c) => `${c.id}:${c.eventIds.join(',')}`)
    assert.deepEqual(ids(events), ids([...events].reverse()))
  })

  /** An event of a report with no date, timed against the ingest clock ("on Monday"). */
  function undated(id: string, article: string, modality: ApiEvent['modality'] = 'planned') {
    const e = event(id, article, '2026-11-30')
    return {
      ...e,
      modality,
      time: { ...e.time, anchor: { kind: 'publication' as const, value: '2026-11-24' } },
      article: { ...e.article, published: null },
    }
  }

  it('puts an undated report with the one happening of its type known at its site', () => {
    const [c, ...rest] = clusterEvents([
      event('dated', 'mees', '2022-01-24'),
      { ...event('plan', 'mees', '2022-01-28'), modality: 'planned' },
      undated('u', 'k24'),
    ])
    assert.deepEqual(c.articleIds, ['mees', 'k24'])
    assert.equal(c.time.start, '2022-01-24', 'the undated report does not date the cluster')
    assert.match(c.why.at(-1)!, /undated report/)
    assert.equal(rest.length, 1, 'the announcement is a cluster of its own')
  })

  it('leaves an undated report alone when two happenings could be meant', () => {
    const clusters = clusterEvents([
      event('first', 'a', '2019-09-30'),
      event('second', 'b', '2021-05-02'),
      undated('u', 'c'),
    ])
    assert.equal(clusters.length, 3)
  })
})
