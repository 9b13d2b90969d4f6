/** A route answer as text a person reads: routes, their crossings and the reports behind them. */
import type { StatusFact } from '../model/site.js'
import type { RouteAnswer, RouteArticle, RouteCrossing } from '../model/route.js'

function quote(text: string, max = 160): string {
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`
}

function source(article: RouteArticle | undefined): string {
  if (!article) return ''
  const parts = [article.title, article.outlet, article.published?.slice(0, 10)].filter(Boolean)
  return parts.length ? ` (${parts.join(' — ')})` : ''
}

function factLine(f: StatusFact, articles: Record<string, RouteArticle>, site?: string): string {
  const what = f.status ?? 'control'
  const by = f.controller ? ` by ${f.controller}` : ''
  const where = site ? ` at ${site}` : ''
  return `[${f.modality}] ${what}${by}${where}: ${quote(f.evidence)}${source(articles[f.articleId])}`
}

function crossingLine(c: RouteCrossing): string {
  const when = c.since ? ` since ${c.since}` : ''
  const held = c.controllers.length ? `; held by ${c.controllers.join(', ')}` : ''
  const assumed = c.assumed ? ' (assumed open: no report on it)' : ''
  return `${c.name} (${c.countries.join('–')}): ${c.status}${when}${held}${assumed}`
}

/**
 * The answer as lines: each open route with its crossings and evidence, or the blocked
 * candidates, then the availability over the period when one was asked.
 * @example routeText(answer, (id) => id).join('\n')
 */
export function routeText(answer: RouteAnswer, siteNames: (id: string) => string): string[] {
  const { query, articles } = answer
  const lines: string[] = []
  const constraints = [
    query.via.length ? `held by ${query.via.map((a) => a.name).join(' or ')} (or affiliates)` : '',
    query.avoid.length ? `avoiding ${query.avoid.map((a) => a.name).join(', ')}` : '',
  ].filter(Boolean)
  lines.push(
    `${query.from.name} → ${query.to.name} on ${query.on}, for ${query.traffic}${constraints.length ? `, ${constraints.join(', ')}` : ''}`,
  )
  answer.routes.forEach((r, i) => {
    lines.push('', `Route ${i + 1}: ${r.lengthKm} km — ${r.places.map((p) => p.name).join(' › ')}`)
    if (!r.crossings.length) lines.push('  no border crossing on the way')
    for (const c of r.crossings) {
      lines.push(`  ${crossingLine(c)}`)
      for (const f of c.facts) lines.push(`      ${factLine(f, articles)}`)
    }
  })
  if (answer.whyNot) {
    lines.push(
      '',
      answer.whyNot.length
        ? `No open route on ${query.on}. The routes that come closest, and what blocks them:`
        : `No road in the network joins ${query.from.name} and ${query.to.name}.`,
    )
    answer.whyNot.forEach((r, i) => {
      lines.push(
        '',
        `Candidate ${i + 1}: ${r.lengthKm} km — ${r.places.map((p) => p.name).join(' › ')}`,
      )
      for (const b of r.blockers) {
        lines.push(`  blocked at ${b.name} (${b.countries.join('–')}): ${b.explanation}`)
        for (const f of b.facts) lines.push(`      ${factLine(f, articles)}`)
      }
    })
  }
  if (answer.availability && query.period) {
    const { from, to } = query.period
    lines.push('')
    if (!answer.availability.length) lines.push(`No route existed between ${from} and ${to}.`)
    else lines.push(`Between ${from} and ${to} a route existed:`)
    for (const interval of answer.availability) {
      lines.push(`  ${interval.start} → ${interval.end ?? `${to} and after`}`)
      for (const r of interval.routes) {
        const names = r.crossings.map(siteNames).join(', ') || 'no crossing'
        lines.push(`    ${r.start} → ${r.end ?? '…'}: ${r.lengthKm} km through ${names}`)
      }
      for (const f of interval.openedBy)
        lines.push(`    opened by ${factLine(f, articles, siteNames(f.siteId))}`)
      for (const f of interval.closedBy)
        lines.push(`    closed by ${factLine(f, articles, siteNames(f.siteId))}`)
    }
  }
  return lines
}
