import type {Span} from './types.js'

/** Index of the first span in `spans` (sorted, disjoint) that ends after `offset`: a search, not a scan. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let low = 0
  let high = spans.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (spans[mid].end <= offset) low = mid + 1
    else high = mid
  }
  return low
}
