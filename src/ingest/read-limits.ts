/** The size limits on what ingest reads, so that a hostile or stray input cannot exhaust memory. */

/** Limits on one run of `readSources`; each can be changed per run (tests use small ones). */
export interface ReadLimits {
  /** Largest file or standard input read whole (a report, a feed). */
  maxFileBytes: number
  /** Largest size a `.gz` report may inflate to: a gzip bomb stops here, not in memory. */
  maxInflatedBytes: number
  /** Largest size a `.jsonl.gz` bulk file may inflate to; it is read line by line. */
  maxInflatedJsonlBytes: number
  /** Longest line of a JSONL bulk file, in bytes; a longer line is refused, the rest is read. */
  maxLineBytes: number
}

const MiB = 1024 * 1024

/** The limits a run has unless told otherwise. A plain `.jsonl` file has no size limit: only its lines do. */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  maxFileBytes: 20 * MiB,
  maxInflatedBytes: 50 * MiB,
  maxInflatedJsonlBytes: 1024 * MiB,
  maxLineBytes: 16 * MiB,
}

/** A byte count as people say it: "16 MiB", "64 KiB", or "100 bytes" when not a whole unit. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
