import type {Node} from 'unist'
import {VFileMessage} from 'vfile-message'

/**
 * A vfile message as plain data, so findings can cross a worker boundary and sit in the cache:
 * every field reporters read, `fix` included. Ancestors keep only what the verbose report shows
 * (type, name, position); causes are kept as a chain, with the error names the CLI looks for.
 */
export interface SerializedMessage {
  fields: Record<string, unknown>
  ancestors?: Array<Pick<Node, 'type' | 'position'> & {name?: string; tagName?: string}>
  cause?: SerializedCause
}

interface SerializedCause {
  kind: 'message' | 'error' | 'value'
  fields: Record<string, unknown>
  cause?: SerializedCause
}

// Kept apart: ancestors are whole trees, causes are errors that structured cloning would flatten.
const skipped = new Set(['ancestors', 'cause'])

const plain = (value: object): Record<string, unknown> => {
  const fields: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) if (!skipped.has(key) && field !== undefined) fields[key] = structuredClone(field)
  // Error's own properties are not enumerable.
  if (value instanceof Error) for (const key of ['name', 'message', 'stack'] as const) fields[key] = value[key]
  return fields
}

function serializeCause(cause: unknown): SerializedCause | undefined {
  if (cause === undefined || cause === null) return undefined
  if (typeof cause !== 'object') return {kind: 'value', fields: {value: cause}}
  // By shape, as vfile-reporter tells them apart: a config's preset may bring its own vfile-message.
  const kind = 'file' in cause && 'fatal' in cause ? 'message' : 'error'
  return {kind, fields: plain(cause), cause: serializeCause((cause as {cause?: unknown}).cause)}
}

function deserializeCause(cause: SerializedCause | undefined): unknown {
  if (!cause) return undefined
  if (cause.kind === 'value') return cause.fields.value
  const value = cause.kind === 'message' ? new VFileMessage(String(cause.fields.reason ?? '')) : new Error(String(cause.fields.message ?? ''))
  Object.assign(value, cause.fields)
  const inner = deserializeCause(cause.cause)
  if (inner !== undefined) (value as {cause?: unknown}).cause = inner
  return value
}

export function serializeMessage(message: VFileMessage): SerializedMessage {
  const serialized: SerializedMessage = {fields: plain(message)}
  if (message.ancestors) {
    serialized.ancestors = message.ancestors.map((node) => {
      const {type, position, name, tagName} = node as Node & {name?: unknown; tagName?: unknown}
      return {type, position, ...(typeof name === 'string' ? {name} : {}), ...(typeof tagName === 'string' ? {tagName} : {})}
    })
  }
  const cause = serializeCause(message.cause)
  if (cause) serialized.cause = cause
  return serialized
}

export function deserializeMessage(serialized: SerializedMessage): VFileMessage {
  const message = new VFileMessage(String(serialized.fields.reason ?? ''))
  Object.assign(message, serialized.fields)
  if (serialized.ancestors) message.ancestors = serialized.ancestors as VFileMessage['ancestors']
  const cause = deserializeCause(serialized.cause)
  if (cause !== undefined) message.cause = cause as VFileMessage['cause']
  return message
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const optional = (value: unknown, type: 'string' | 'number' | 'boolean') => value === undefined || value === null || typeof value === type
const isPoint = (value: unknown) => isObject(value) && typeof value.line === 'number' && typeof value.column === 'number'
const isPlace = (value: unknown) => value === undefined || value === null || isPoint(value) || (isObject(value) && isPoint(value.start) && isPoint(value.end))
// Keys that Object.assign would turn into a prototype change rather than a field.
const unsafeKeys = ['__proto__', 'constructor', 'prototype']

function isFields(fields: unknown): fields is Record<string, unknown> {
  return isObject(fields) && !unsafeKeys.some((key) => Object.hasOwn(fields, key))
}

/**
 * Is `value` a message as `serializeMessage` writes it, for a text of `length` UTF-16 units? Data
 * read back from disk (the cache) is checked like any input before reporters or `--fix` see it: the
 * fields reporters read have their types, and a `fix` is a span that fits the text.
 */
export function isSerializedMessage(value: unknown, length: number): value is SerializedMessage {
  if (!isObject(value) || !isFields(value.fields)) return false
  const {fields} = value
  const typed =
    typeof fields.reason === 'string' &&
    optional(fields.fatal, 'boolean') &&
    optional(fields.line, 'number') &&
    optional(fields.column, 'number') &&
    optional(fields.ruleId, 'string') &&
    optional(fields.source, 'string') &&
    optional(fields.note, 'string') &&
    optional(fields.url, 'string') &&
    optional(fields.actual, 'string') &&
    (fields.expected === undefined || (Array.isArray(fields.expected) && fields.expected.every((e) => typeof e === 'string'))) &&
    isPlace(fields.place)
  if (!typed || !(fields.fix === undefined || isFix(fields.fix, length))) return false
  if (value.ancestors !== undefined && !(Array.isArray(value.ancestors) && value.ancestors.every((node) => isObject(node) && typeof node.type === 'string'))) return false
  return value.cause === undefined || isCause(value.cause, 0)
}

function isFix(fix: unknown, length: number): boolean {
  if (!isObject(fix) || typeof fix.text !== 'string') return false
  const {start, end} = fix
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= length
}

// A cause chain deeper than any rule writes is no finding of copydesk's.
const maxCauseDepth = 32

function isCause(cause: unknown, depth: number): boolean {
  if (depth > maxCauseDepth || !isObject(cause) || !isFields(cause.fields) || !['message', 'error', 'value'].includes(cause.kind as string)) return false
  return cause.cause === undefined || isCause(cause.cause, depth + 1)
}
