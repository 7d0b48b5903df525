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
