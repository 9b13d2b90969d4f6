/** Title, date and author scoring against the trafilatura set's metadata gold. */
import { normaliseSpace } from './eval-segment-metric.ts'

/** How a page's date came out: right, a different date, or none usable. */
export type DateOutcome = 'correct' | 'wrong' | 'missing'

/** Correct answers over pages that have gold for a field. */
export interface FieldScore {
  correct: number
  total: number
}

/** Title, date (with its misses split) and author scores for one system. */
export interface MetadataScores {
  title: FieldScore
  date: FieldScore & { wrong: number; missing: number }
  author: FieldScore
}

/** The gold a page may carry. */
export interface MetadataGold {
  title?: string
  date?: string
  author?: string | string[]
}

/** What a system gave for the same fields. */
export interface MetadataGuess {
  title: string | null
  byline: string | null
  date: string | null
}

/** The `YYYY-MM-DD` day at the start of a date value, or null when it does not start with one. */
export function isoDay(raw: string | null): string | null {
  const m = raw?.trim().match(/^(\d{4}-\d{2}-\d{2})/)
  return m ? m[1] : null
}

/** Exact title match after whitespace normalisation and case folding. */
export function titleMatches(gold: string, got: string | null): boolean {
  return got !== null && normaliseSpace(gold).toLowerCase() === normaliseSpace(got).toLowerCase()
}

/** Compares a raw date value's day with the gold `YYYY-MM-DD`. */
export function dateOutcome(gold: string, got: string | null): DateOutcome {
  const day = isoDay(got)
  if (day === null) return 'missing'
  return day === gold ? 'correct' : 'wrong'
}

/** True when the gold author (or any of a list) occurs, case-insensitively, in the byline. */
export function authorMatches(gold: string | string[], byline: string | null): boolean {
  if (!byline) return false
  const text = normaliseSpace(byline).toLowerCase()
  return (Array.isArray(gold) ? gold : [gold])
    .map((a) => normaliseSpace(a).toLowerCase())
    .some((a) => a !== '' && text.includes(a))
}

/** True when a gold field is annotated: the gold file marks "no value" with an empty string. */
export function hasGold(value: string | string[] | undefined): boolean {
  if (value === undefined) return false
  return Array.isArray(value) ? value.some((v) => v.trim() !== '') : value.trim() !== ''
}

/** Scores each field over the pages that have gold for it; a missing guess is a miss. */
export function metadataScores(
  pages: { gold: MetadataGold; guess: MetadataGuess | null }[],
): MetadataScores {
  const scores: MetadataScores = {
    title: { correct: 0, total: 0 },
    date: { correct: 0, total: 0, wrong: 0, missing: 0 },
    author: { correct: 0, total: 0 },
  }
  for (const { gold, guess } of pages) {
    if (gold.title !== undefined && hasGold(gold.title)) {
      scores.title.total++
      if (titleMatches(gold.title, guess?.title ?? null)) scores.title.correct++
    }
    if (gold.date !== undefined && hasGold(gold.date)) {
      scores.date.total++
      const outcome = dateOutcome(gold.date, guess?.date ?? null)
      if (outcome === 'correct') scores.date.correct++
      else if (outcome === 'wrong') scores.date.wrong++
      else scores.date.missing++
    }
    if (gold.author !== undefined && hasGold(gold.author)) {
      scores.author.total++
      if (authorMatches(gold.author, guess?.byline ?? null)) scores.author.correct++
    }
  }
  return scores
}
