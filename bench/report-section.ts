/** Writes one benchmark's table into its own section of docs/benchmarks.md, keeping the others. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const FILE = path.resolve(import.meta.dirname, '../docs/benchmarks.md')
const HEADER =
  '# Benchmarks\n\nEach section is rewritten by the command named in it; numbers are as measured.\n'

/** A one-line description of this machine, for the record. */
export function machineLine(): string {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

/** Formats rows as a Markdown table under `headers`. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
}

/** Replaces (or appends) the section `id` of docs/benchmarks.md with `body`. */
export function writeSection(id: string, title: string, body: string): void {
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : HEADER
  const start = `<!-- section:${id} -->`
  const end = `<!-- /section:${id} -->`
  const block = `${start}\n\n## ${title}\n\n${body.trim()}\n\n${end}`
  const re = new RegExp(`${start}[\\s\\S]*?${end}`)
  const base = current.startsWith('# Benchmarks') ? current : HEADER
  const next = re.test(base) ? base.replace(re, block) : `${base.trimEnd()}\n\n${block}\n`
  fs.writeFileSync(FILE, next)
}
