/** Commander helper for options that may be repeated or comma-separated (`--site A --site B,C`). */

/** Adds the comma-separated values of one occurrence to those collected so far. */
export function collect(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ]
}
