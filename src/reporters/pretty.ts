import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {ReporterOptions} from './index.js'

// A terminal's usual width: vfile-reporter puts the whole reason on the line of its position,
// padded to the longest one, which runs past 200 columns.
const width = 100

/**
 * The default: vfile-reporter's human-readable report, with each reason (and verbose note) wrapped
 * to 100 columns on the lines under its position, rule and source; then what `--diff` left out.
 */
export function pretty(files: VFile[], options: ReporterOptions): string {
  const text = reporter(files.map((file) => wrapped(visibleFile(file))), {color: options.color, verbose: options.verbose, quiet: options.quiet, silent: options.silent})
  const leftOut = options.silent
    ? []
    : files.filter((file) => (file.data.outsideDiff ?? 0) > 0).map((file) => `${visible(file.path)}: ${plural(file.data.outsideDiff!, 'finding')} outside the diff left out`)
  return [text, ...leftOut].filter(Boolean).map((line) => line + '\n').join('')
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** A copy of the file whose messages carry their reason on lines of its own. */
function wrapped(file: VFile): VFile {
  return Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file, {messages: file.messages.map((m) => wrapMessage(m, 2))})
}

/**
 * vfile-reporter prints a reason's first line in the row and the lines after it as they are: an
 * empty first line leaves the row to position, severity, rule and source, the rest goes below.
 * Errors with a stack trace keep their own layout.
 */
function wrapMessage(message: VFileMessage, indent: number): VFileMessage {
  if (message.stack) return message
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message)
  copy.message = '\n' + wrap(message.reason, indent).join('\n')
  copy.reason = copy.message
  if (message.note) copy.note = wrap(message.note, 4).map((line) => line.slice(4)).join('\n')
  // A cause that is a message (the mention that set a convention) is one line: its place and reason.
  const cause = message.cause
  if (cause && typeof cause === 'object' && 'file' in cause && 'fatal' in cause) {
    const {place, reason} = cause as VFileMessage
    const lines = wrap(`${place ? position(place) + ' ' : ''}${reason}`, 4)
    copy.cause = {message: lines.map((line) => line.slice(4)).join('\n' + ' '.repeat(4))}
  }
  return copy
}

function position(place: NonNullable<VFileMessage['place']>): string {
  const point = (p: {line: number; column: number}) => `${p.line}:${p.column}`
  return 'start' in place ? `${point(place.start)}-${point(place.end)}` : point(place)
}

// East Asian wide and fullwidth characters take two columns in a terminal.
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu
export const columns = (text: string) => [...text].length + (text.match(wide)?.length ?? 0)

/**
 * `text` in lines of at most `width` columns (a longer word stands alone), each indented. A
 * quoted phrase (`€120 million`) is not broken: it is what the reader looks for in the article.
 */
export function wrap(text: string, indent: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.match(/(?:`[^`]*`|\S)+/g) ?? []) {
    if (line && indent + columns(line) + 1 + columns(word) > width) {
      lines.push(' '.repeat(indent) + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(' '.repeat(indent) + line)
  return lines
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
