import {availableParallelism} from 'node:os'
import {UsageError} from './options.js'

/** `--jobs N`: a positive whole number; by default one thread per core. */
export function jobsOf(value: string | undefined): number {
  if (value === undefined) return availableParallelism()
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`bad --jobs \`${value}\` (expected a positive whole number)`)
  return Number(value)
}
