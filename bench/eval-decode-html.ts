/** Reads a gzipped evaluation page and decodes it to a string, honouring a declared charset. */
import fs from 'node:fs'
import zlib from 'node:zlib'

/** Reads a page's bytes and decodes them; a missing or corrupt file gives '' and the reason. */
export function readPage(
  file: string,
  decode: (bytes: Buffer) => string,
): { html: string; loadError?: string } {
  try {
    return { html: decode(readGzip(file)) }
  } catch (error) {
    return { html: '', loadError: error instanceof Error ? error.message : String(error) }
  }
}

/** Inflates a `.gz` file to its raw bytes. */
export function readGzip(file: string): Buffer {
  return zlib.gunzipSync(fs.readFileSync(file))
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv content>`, lower-cased. */
export function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 64 * 1024).toString('latin1')
  const m = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i)
  return m ? m[1].toLowerCase() : null
}

/**
 * Decodes page bytes: with the `<meta>` charset when it is not UTF-8 and the label is known to
 * TextDecoder, otherwise as UTF-8 (invalid sequences become U+FFFD).
 */
export function decodeHtml(bytes: Buffer): string {
  const label = declaredCharset(bytes)
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // an unknown label: fall through to UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes)
}
