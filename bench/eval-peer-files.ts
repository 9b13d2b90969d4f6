/** Reads the stored outputs of peer extractors that an evaluation folder ships. */
import fs from 'node:fs'
import path from 'node:path'

/** Every `peer-outputs/*.json` of `dir` as parsed JSON, sorted by file name; none when absent. */
export function readPeerFiles(dir: string): { file: string; data: unknown }[] {
  const peers = path.join(dir, 'peer-outputs')
  if (!fs.existsSync(peers)) return []
  return fs
    .readdirSync(peers)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, data: JSON.parse(fs.readFileSync(path.join(peers, file), 'utf8')) }))
}
