import {relative, sep} from 'node:path'
import {UsageError} from '../cli/options.js'
import {fnv1a} from '../text/hash.js'

export interface Shard {
  /** 1-based, as GitHub Actions matrices count. */
  index: number
  count: number
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`bad --shard \`${text}\` (expected i/n with 1 <= i <= n, such as 1/4)`)
  return {index, count}
}

/**
 * Is the file in this shard? By a hash of its path relative to the working folder, so every CI
 * job puts each file in the same shard whatever else is added or removed, and shards are disjoint.
 */
export function inShard(path: string, cwd: string, shard: Shard): boolean {
  const name = relative(cwd, path).split(sep).join('/')
  return fnv1a(name) % shard.count === shard.index - 1
}
