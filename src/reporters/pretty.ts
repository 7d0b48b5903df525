import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {ReporterOptions} from './index.js'

/** The default: vfile-reporter's human-readable report. */
export function pretty(files: VFile[], options: ReporterOptions): string {
  const text = reporter(files.map(visibleFile), {color: options.color, verbose: options.verbose, quiet: options.quiet, silent: options.silent})
  return text ? text + '\n' : ''
}

// Control characters but line feed and tab: an escape sequence in a file name or an article's text
// would drive the terminal (recolour it, move the cursor, retitle the window). They are shown as
// `\x1B`; vfile-reporter's own colours are added after this.
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const visible = (text: string) => text.replace(controls, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)

/** A copy of the file for the report, with every text it shows made visible. */
function visibleFile(file: VFile): VFile {
  const copy = new VFile()
  copy.cwd = file.cwd
  copy.history = file.history.map(visible)
  copy.stored = file.stored
  copy.messages = file.messages.map((message) => visibleMessage(message) as VFileMessage)
  return copy
}

const shownFields = ['reason', 'message', 'ruleId', 'source', 'note', 'url', 'stack', 'file', 'name'] as const

/** A copy of a message (or a cause, which may be any error) with the texts vfile-reporter shows made visible. */
function visibleMessage(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? visible(value) : value
  const original = value as Record<string, unknown>
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value)), value) as Record<string, unknown>
  // Error's own message and stack are not enumerable: copied by name.
  for (const key of shownFields) if (typeof original[key] === 'string') copy[key] = visible(original[key] as string)
  if (original.cause !== undefined && depth < 32) copy.cause = visibleMessage(original.cause, depth + 1)
  return copy
}
