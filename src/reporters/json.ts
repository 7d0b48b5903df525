import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {fixOf} from '../plugin/report.js'

/** vfile-reporter-json's shape, plus copydesk's `note`, `cause` and `fix` where present. */
export function json(files: VFile[]): string {
  const data = files.map((file) => ({
    path: file.path,
    cwd: file.cwd,
    history: file.history,
    messages: file.messages.map(toJson)
  }))
  return JSON.stringify(data) + '\n'
}

export function toJson(message: VFileMessage) {
  const fix = fixOf(message)
  const cause = message.cause as VFileMessage | undefined
  return {
    reason: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    place: message.place ?? null,
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    fatal: message.fatal ?? null,
    stack: null,
    actual: message.actual ?? null,
    expected: message.expected ?? null,
    url: message.url ?? null,
    note: message.note ?? null,
    ...(cause && typeof cause === 'object' && 'reason' in cause ? {cause: {reason: cause.reason, place: cause.place ?? null}} : {}),
    ...(fix ? {fix} : {})
  }
}
