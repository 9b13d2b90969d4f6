/**
 * English spellings of names written in a Turkic Latin alphabet. English news romanises
 * Azerbaijani, Turkmen and often Turkish letters by sound: Laçın is "Lachin", Ağdam "Aghdam",
 * Şuşa "Shusha", Xankəndi "Khankendi"; the plain fold of those names ("lacin") would miss them.
 */

/** Countries whose place names are written in a Turkic Latin alphabet. */
const TURKIC = new Set(['AZ', 'TR', 'TM'])

const SOUNDS: Record<string, string> = {
  ç: 'ch',
  Ç: 'Ch',
  ş: 'sh',
  Ş: 'Sh',
  ğ: 'gh',
  ə: 'a',
  Ə: 'A',
  x: 'kh',
  X: 'Kh',
}

/** The letters English spells by sound: Azerbaijani alone writes "x" for "kh". */
const AZERBAIJANI_LETTERS = /[çÇşŞğəƏxX]/g
const TURKIC_LETTERS = /[çÇşŞğəƏ]/g

/** The romanised spelling of a place `name` in `country`, when it differs: "Laçın" (AZ) → "Lachin". */
export function turkicSpelling(name: string, country: string | null): string | null {
  if (!country || !TURKIC.has(country)) return null
  const letters = country === 'AZ' ? AZERBAIJANI_LETTERS : TURKIC_LETTERS
  const spelled = name.replace(letters, (c) => SOUNDS[c])
  return spelled === name ? null : spelled
}
