import {createHash} from 'node:crypto'
import type {VFileMessage} from 'vfile-message'

/**
 * Fingerprints that identify a finding across edits: the rule, the flagged text, the sentence
 * around it (whitespace-normalised) and which occurrence of that triple it is in the file — never
 * line numbers, so inserting or moving unrelated lines keeps every fingerprint.
 */
export function fingerprints(messages: readonly VFileMessage[], source: string): string[] {
  const seen = new Map<string, number>()
  return messages.map((message) => {
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
    const flagged = start !== undefined && end !== undefined ? source.slice(start, end) : (message.actual ?? '')
    const context = start !== undefined && end !== undefined ? sentenceAround(source, start, end) : message.reason
    const key = [message.source ?? '', message.ruleId ?? '', normalise(flagged), context].join('\u0000')
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32)
  })
}

// A sentence ends at . ! ? followed by white space, or at a blank line (a Markdown block break).
// This only needs to be stable, not linguistically exact: it bounds the context the hash sees,
// within a window so a long paragraph costs no more than a short one. It is not the analysis's
// splitter on purpose: a reporter has only the source, and a better split there must not change
// every fingerprint code scanning has stored (that takes a new `fingerprintKey`).
const boundary = /[.!?]["'”’)\]]*(?=\s)|\n[ \t]*\n/g
const reach = 1000

export function sentenceAround(source: string, start: number, end: number): string {
  const lead = Math.max(0, start - reach)
  let from = lead
  for (const match of source.slice(lead, start).matchAll(boundary)) from = lead + match.index + match[0].length
  const tail = source.slice(end, end + reach)
  const after = tail.matchAll(boundary).next().value
  const to = after ? end + after.index + after[0].length : end + tail.length
  return normalise(source.slice(from, to))
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()
