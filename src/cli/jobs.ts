import {availableParallelism} from 'node:os'
import {UsageError} from './options.js'

/**
 * `--jobs N`: a positive whole number. By default one thread per two cores: one lint thread
 * already keeps about 1.6 cores busy, as V8 compiles and collects garbage on threads of its own,
 * and each worker repeats that warm-up, so on 2 cores a second thread cost a quarter to a half
 * more CPU and finished no sooner (`npm run bench`, --jobs 1 / --jobs 2).
 */
export function jobsOf(value: string | undefined): number {
  if (value === undefined) return Math.max(1, Math.floor(availableParallelism() / 2))
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`bad --jobs \`${value}\` (expected a positive whole number)`)
  return Number(value)
}
