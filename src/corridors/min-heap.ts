/** A binary min-heap of items by priority, the frontier of a shortest-path search. */

/**
 * Items come out lowest priority first; equal priorities in no set order.
 * @example const h = new MinHeap<string>(); h.push('a', 2); h.push('b', 1); h.pop() // 'b'
 */
export class MinHeap<T> {
  private readonly items: T[] = []
  private readonly priorities: number[] = []

  get size(): number {
    return this.items.length
  }

  push(item: T, priority: number): void {
    const { items, priorities } = this
    let i = items.length
    items.push(item)
    priorities.push(priority)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (priorities[parent] <= priority) break
      items[i] = items[parent]
      priorities[i] = priorities[parent]
      i = parent
    }
    items[i] = item
    priorities[i] = priority
  }

  /** The lowest-priority item, removed; `undefined` when empty. */
  pop(): T | undefined {
    const { items, priorities } = this
    if (!items.length) return undefined
    const top = items[0]
    const lastItem = items.pop() as T
    const lastPriority = priorities.pop() as number
    const n = items.length
    if (n) {
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        if (left >= n) break
        const right = left + 1
        const child = right < n && priorities[right] < priorities[left] ? right : left
        if (priorities[child] >= lastPriority) break
        items[i] = items[child]
        priorities[i] = priorities[child]
        i = child
      }
      items[i] = lastItem
      priorities[i] = lastPriority
    }
    return top
  }
}
