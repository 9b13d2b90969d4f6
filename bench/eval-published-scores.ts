/** Reads the published scores and data origin out of an evaluation folder's README. */

/** One row of a README's Markdown results table, as cell strings. */
export type ReadmeRow = string[]

/** Every Markdown table row in the text (header and divider rows included), split into cells. */
export function readmeRows(readme: string): ReadmeRow[] {
  return readme
    .split('\n')
    .filter((line) => /^\|.*\|\s*$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    )
}

/** The first row whose first cell starts with `name` (and whose second cell is `version`, if given). */
export function findRow(rows: ReadmeRow[], name: string, version?: string): ReadmeRow | null {
  return (
    rows.find((r) => r[0]?.startsWith(name) && (version === undefined || r[1] === version)) ?? null
  )
}

/** The leading number of a cell such as "0.947 ± 0.005"; null when there is none. */
export function cellNumber(cell: string | undefined): number | null {
  const m = cell?.match(/^\d+(?:\.\d+)?/)
  return m ? Number(m[0]) : null
}

/** The first three-decimal score after `phrase` in the README's "Peers run here" part. */
export function headlineScore(readme: string, phrase: string): number | null {
  const start = readme.indexOf('## Peers run here')
  const text = (start >= 0 ? readme.slice(start) : readme).replace(/\s+/g, ' ')
  const at = text.indexOf(phrase)
  if (at < 0) return null
  const m = text.slice(at + phrase.length).match(/\b\d\.\d{3}\b/)
  return m ? Number(m[0]) : null
}

/** The README's `Origin:` URL and snapshot commit, as one line. */
export function readmeOrigin(readme: string): string {
  const url = readme.match(/Origin:\s*(\S+?),?\s/)?.[1] ?? 'unknown origin'
  const commit = readme.match(/commit\s+`([0-9a-f]{7,40})`/)?.[1]
  return commit ? `${url} at commit ${commit.slice(0, 7)}` : url
}
