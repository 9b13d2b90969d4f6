/**
 * The clusters an event may still join while events are merged in time order: only clusters of
 * its type, whose first event is at its site or near its place, and whose every event ends on or
 * after the day it starts. Merging with this index takes about linear time instead of comparing
 * each event with every cluster so far; which cluster an event joins is unchanged.
 */
import type { ApiEvent } from '../model/index.js'

/** A cluster being built: its events and why each joined. */
export interface OpenGroup {
  members: ApiEvent[]
  why: string[]
}

interface Entry {
  group: OpenGroup
  /** Creation order: the first cluster that agrees wins. */
  order: number
  /** The earliest day any member ends: no event starting after it can join. */
  endDay: string
}

const EARTH_RADIUS_KM = 6371.0088
/** Grid cells in degrees; a cell is wider than the merge distance in latitude. */
const CELL = 0.25
const LON_CELLS = 360 / CELL
/** Beyond this many degrees of longitude to search, every placed cluster of the type is a candidate. */
const WIDE_LON = 20

const day = (iso: string) => iso.slice(0, 10)

/** Open clusters indexed by type and site, and by type and grid cell of their first event. */
export class OpenGroups {
  private readonly bySite = new Map<string, Entry[]>()
  private readonly byCell = new Map<string, Entry[]>()
  private readonly byType = new Map<string, Entry[]>()
  private readonly entries = new Map<OpenGroup, Entry>()
  private created = 0
  private readonly latCells: number

  /** `nearKm`: places at most this far apart may be one place. */
  constructor(private readonly nearKm: number) {
    this.latCells = Math.ceil(((nearKm / EARTH_RADIUS_KM) * (180 / Math.PI)) / CELL)
  }

  /** Starts indexing a new cluster (call in creation order). */
  add(group: OpenGroup): void {
    const first = group.members[0]
    const entry: Entry = {
      group,
      order: this.created++,
      endDay: group.members.reduce((d, m) => (day(m.time.end) < d ? day(m.time.end) : d), '~'),
    }
    this.entries.set(group, entry)
    const place = first.place
    if (!place) return
    if (place.siteId) push(this.bySite, `${first.type}|${place.siteId}`, entry)
    push(this.byCell, this.cellKey(first.type, cellOf(place.lat), lonCellOf(place.lon)), entry)
    push(this.byType, first.type, entry)
  }

  /** Records that `event` joined `group`. */
  joined(group: OpenGroup, event: ApiEvent): void {
    const entry = this.entries.get(group)
    if (entry && day(event.time.end) < entry.endDay) entry.endDay = day(event.time.end)
  }

  /**
   * The clusters `event` may join, in creation order. Events must come sorted by start time:
   * clusters that ended before this event starts are dropped for good.
   */
  candidates(event: ApiEvent): OpenGroup[] {
    const place = event.place
    if (!place) return []
    const starts = day(event.time.start)
    const found = new Set<Entry>()
    const take = (list: Entry[] | undefined) => {
      if (!list) return
      let kept = 0
      for (const entry of list) {
        if (entry.endDay < starts) continue
        list[kept++] = entry
        found.add(entry)
      }
      list.length = kept
    }
    if (place.siteId) take(this.bySite.get(`${event.type}|${place.siteId}`))
    const lonSpan = this.lonSpan(place.lat)
    if (lonSpan > WIDE_LON) take(this.byType.get(event.type))
    else {
      const row = cellOf(place.lat)
      const col = lonCellOf(place.lon)
      const cols = Math.ceil((lonSpan + 1e-6) / CELL)
      for (let r = row - this.latCells; r <= row + this.latCells; r++)
        for (let c = col - cols; c <= col + cols; c++)
          take(this.byCell.get(this.cellKey(event.type, r, c)))
    }
    return [...found].sort((a, b) => a.order - b.order).map((e) => e.group)
  }

  private cellKey(type: string, row: number, col: number): string {
    return `${type}|${row}|${(((col % LON_CELLS) + LON_CELLS) % LON_CELLS).toString()}`
  }

  /** The most degrees of longitude two places `nearKm` apart can differ by, near `lat`. */
  private lonSpan(lat: number): number {
    const rad = Math.PI / 180
    const highest = Math.min(90, Math.abs(lat) + this.latCells * CELL + CELL)
    const cos = Math.cos(highest * rad)
    const ratio = Math.sin(this.nearKm / (2 * EARTH_RADIUS_KM)) / cos
    return cos <= 0 || ratio >= 1 ? Infinity : (2 * Math.asin(ratio)) / rad
  }
}

function cellOf(degrees: number): number {
  return Math.floor(degrees / CELL)
}

function lonCellOf(degrees: number): number {
  return Math.floor(degrees / CELL)
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}
