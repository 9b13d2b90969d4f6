/**
 * Decodes a file that is not UTF-8 by what it says of itself: a UTF-16 byte order mark, or the
 * charset an HTML `<meta>` or an XML declaration names (a page saved from a windows-1252 site).
 */

/** The charset an HTML `<meta>` or an `<?xml … encoding="…"?>` declares in the first 4 KiB, lower-cased. */
export function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1')
  const meta = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i)
  const xml = head.match(/^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i)
  return (meta?.[1] ?? xml?.[1])?.toLowerCase() ?? null
}

/**
 * The text of `bytes` in UTF-16 (by its byte order mark) or in the declared charset; null when
 * neither applies, the label is unknown, or it names UTF-8 (whose bytes were already refused).
 */
export function decodeDeclared(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const label = declaredCharset(bytes)
  if (!label) return null
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(label)
  } catch {
    return null
  }
  return decoder.encoding === 'utf-8' ? null : decoder.decode(bytes)
}
