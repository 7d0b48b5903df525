import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Analysis} from '../text/analysis.js'
import type {Span} from '../text/types.js'

/** A mechanical edit, ESLint-style: replace source offsets [start, end) with `text`. */
export interface Fix {
  start: number
  end: number
  text: string
}

/** The fix a finding carries: vfile messages have no such field, so it rides on the message as an extra property. */
export const fixOf = (message: VFileMessage): Fix | undefined => (message as VFileMessage & {fix?: Fix}).fix

export interface Finding {
  reason: string
  span: Span
  actual?: string
  expected?: string[]
  note?: string
  /** The earlier mention that explains this finding (e.g. the one that set a convention). */
  cause?: {span: Span; reason: string}
  fix?: Fix
}

/** Report one finding on `file`; the lint-rule wrapper stamps source, ruleId, url and severity. */
export function report(file: VFile, doc: Analysis, finding: Finding) {
  const {reason, span, actual, expected, note, cause, fix} = finding
  const place = {start: doc.point(span.start), end: doc.point(span.end)}
  const message = file.message(reason, {
    place,
    // The cause explains the finding; it is not reported on its own.
    cause: cause ? new VFileMessage(cause.reason, {place: {start: doc.point(cause.span.start), end: doc.point(cause.span.end)}}) : undefined
  })
  message.actual = actual ?? doc.source.slice(span.start, span.end)
  if (expected) message.expected = expected
  if (note) message.note = note
  if (fix) Object.assign(message, {fix})
  return message
}
