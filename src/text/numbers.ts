import {findMoney, type MoneyMention} from './money.js'
import type {Span} from './types.js'

export type NumberKind =
  | 'percentage' | 'money' | 'change' | 'large-count' | 'ratio'
  | 'year' | 'date' | 'time' | 'age' | 'ordinal' | 'duration' | 'designator' | 'name' | 'score' | 'small-count' | 'policy-term'

export interface NumberMention extends Span {
  text: string
  kind: NumberKind
  /** True for measured quantities the spec calls statistics. */
  statistic: boolean
}

const statisticKinds = new Set<NumberKind>(['percentage', 'money', 'change', 'large-count', 'ratio'])
const months = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$/i
const scaleWord = /^\s*(?:thousand|million|billion|trillion|bn|mn|m|k)\b/i
const durationUnit = /^\s*(?:-\s*)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\b/i
const number = /(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:%|percent\b|per cent\b))?/giu
const wordRatios = /\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)|doubled|tripled|trebled|quadrupled|halved)\b/gi

/** Classify every number in writer's-voice text per the spec's definition of a statistic. */
export function findNumbers(text: string, offset = 0): NumberMention[] {
  const found: NumberMention[] = []
  const money = findMoney(text, 0)
  // Mentions come in text order and so do the numbers below: walk both once (a search per
  // number is quadratic on a long run of amounts).
  let next = 0
  const inMoney = (i: number) => {
    while (next < money.length && money[next].end <= i) next++
    return next < money.length && money[next].start <= i
  }
  for (const m of money) found.push(mention(offset, m.start, m.text, 'money'))

  for (const m of text.matchAll(number)) {
    const i = m.index ?? 0
    if (inMoney(i)) continue
    found.push(mention(offset, i, m[0], classify(text, i, m[0])))
  }
  for (const m of text.matchAll(wordRatios)) found.push(mention(offset, m.index ?? 0, m[0], 'ratio'))
  return found.sort((a, b) => a.start - b.start)
}

function mention(offset: number, index: number, text: string, kind: NumberKind): NumberMention {
  return {start: offset + index, end: offset + index + text.length, text, kind, statistic: statisticKinds.has(kind)}
}

function classify(text: string, i: number, token: string): NumberKind {
  const before = text.slice(Math.max(0, i - 24), i)
  const after = text.slice(i + token.length, i + token.length + 24)
  const value = Number(token.replace(/[^\d.]/g, ''))
  if (/%|percent|per cent/i.test(token)) {
    if (/^\s*(?:tax|tariff|interest|duty|vat)\b/i.test(after)) return 'policy-term'
    if (/\bfrom\s*$/i.test(before) || /^\s*to\s+\d/.test(after)) return 'change'
    return 'percentage'
  }
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return 'ordinal'
  if (/^[-\s]?(?:year|month|week|day)s?[-\s]old\b/i.test(after) || /\baged?\s*$/i.test(before)) return 'age'
  if (/^:\d/.test(after) || /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)/i.test(after)) return 'time'
  if (/^[A-Za-z]/.test(after) || /[A-Za-z]-?$/.test(before)) return 'designator'
  if (/^\s*[-–]\s*\d/.test(after) || /\d\s*[-–]\s*$/.test(before)) return 'score'
  if (months.test(before) || /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(after)) return 'date'
  if (!token.includes(',') && Number.isInteger(value) && value >= 1800 && value <= 2100) return 'year'
  if (scaleWord.test(after)) return 'large-count'
  if (durationUnit.test(after)) return 'duration'
  if (/^\s*(?:[A-Z][\p{L}]*\s*){1,}/u.test(after) && /^\s*[A-Z]/.test(after) && value < 1000) return 'name'
  if (value >= 1000) return 'large-count'
  return 'small-count'
}
