/** Golden files: compare with the expected JSON, or rewrite it when REGEN=1 (Turf's habit). */
import fs from 'node:fs'
import path from 'node:path'
import assert from 'node:assert/strict'

/** Asserts `actual` equals the JSON in `file`; with REGEN=1 writes it instead, for review as a diff. */
export function assertGolden(file: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`
  if (process.env.REGEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
    return
  }
  assert.ok(fs.existsSync(file), `${file} is missing: run REGEN=1 npm test and review the diff`)
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')))
}
