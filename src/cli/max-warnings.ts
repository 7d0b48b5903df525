import type {VFile} from 'vfile'
import {UsageError} from './options.js'

/** ESLint's `--max-warnings N`: fail when warnings exceed N; `-1` (or no flag) means no budget. */
export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^(?:-1|\d+)$/.test(value.trim())) throw new UsageError(`--max-warnings expects a whole number of warnings (or -1 for no limit), not \`${value}\``)
  const budget = Number(value)
  return budget < 0 ? undefined : budget
}

/** Warnings are findings with `fatal: false` (errors are `true`, infos `null`). */
export function countWarnings(files: VFile[]): number {
  let count = 0
  for (const file of files) for (const message of file.messages) if (message.fatal === false) count++
  return count
}
