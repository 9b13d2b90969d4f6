/**
 * Splits JSONL input into lines with a byte counter: a line over the limit is counted to its end
 * but never held, so one enormous line costs no more memory than the limit.
 */

/** One line, numbered from 1: its text (blank lines included), its size when over the limit, or bad UTF-8. */
export type JsonlLine =
  | { line: number; text: string }
  | { line: number; tooLong: number }
  | { line: number; badUtf8: true }

/** Decodes one line's bytes; null when they are not UTF-8. */
function decodeLine(parts: Buffer[], decoder: InstanceType<typeof TextDecoder>): string | null {
  const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts)
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length
  try {
    return decoder.decode(bytes.subarray(0, end))
  } catch {
    return null
  }
}

/** The lines of a byte stream; a line longer than `maxLineBytes` (before its `\n`) is reported by size. */
export async function* jsonlLines(
  chunks: AsyncIterable<Buffer>,
  maxLineBytes: number,
): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let parts: Buffer[] = []
  let bytes = 0
  let line = 1
  const finish = (): JsonlLine => {
    const n = line++
    const kept = parts
    const size = bytes
    parts = []
    bytes = 0
    if (size > maxLineBytes) return { line: n, tooLong: size }
    const text = decodeLine(kept, decoder)
    if (text === null) return { line: n, badUtf8: true }
    return { line: n, text: n === 1 ? text.replace(/^\uFEFF/, '') : text }
  }
  for await (const chunk of chunks) {
    let start = 0
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start)
      const end = newline < 0 ? chunk.length : newline
      bytes += end - start
      if (bytes <= maxLineBytes) parts.push(chunk.subarray(start, end))
      else parts = []
      if (newline < 0) break
      yield finish()
      start = newline + 1
    }
  }
  if (bytes > 0 || parts.length > 0) yield finish()
}

/** The same lines from a text already in memory (a fetched file), measured in UTF-8 bytes. */
export function* textLines(text: string, maxLineBytes: number): Generator<JsonlLine> {
  for (const [i, raw] of text.split('\n').entries()) {
    const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const size = Buffer.byteLength(raw, 'utf8')
    if (size > maxLineBytes) yield { line: i + 1, tooLong: size }
    else yield { line: i + 1, text: i === 0 ? body.replace(/^\uFEFF/, '') : body }
  }
}
