import iso from 'currency-codes'
import {boolean, type Infer, lazily, list, loadData, number, object, optional, record, string} from '../plugin/data.js'
import {isWordChar} from './chars.js'
import {numberWords as wordNumbers, scaleWords} from './number-words.js'
import type {Span} from './types.js'

export type Notation = 'symbol' | 'qualified-symbol' | 'code' | 'word'

/** One figure of an amount: digits (number words turned into digits) and the scale as written. */
export interface AmountPart {
  number: string
  scale: string | undefined
}

/** An amount with a currency, as written. */
export interface MoneyMention extends Span {
  text: string
  /** ISO 4217 code when the text makes it certain, else undefined (e.g. `¥`, bare `$`, "dollars"). */
  currency: string | undefined
  /** What the mention could mean; the first is the usual reading (`$` → USD first). */
  candidates: string[]
  /** How it is written: a symbol, a symbol with its country (`US$`), an ISO code or a currency word. */
  notation: Notation
  /** The currency marker as written (`¥`, `US$`, `yuan`, `Swedish kronor`, `USD`). */
  marker: string
  markerSpan: Span
  /** Where the marker stands: before the amount (`$5`, `USD 5`) or after it (`5 USD`, `5 yuan`). */
  position: 'before' | 'after'
  /** The unit word a bare form belongs to (`$` and "dollars" → `dollar`), for reading it in context. */
  unit: string | undefined
  /** The amount as written, without the marker ("300 billion", "15–25 million"). */
  amountText: string
  /** The figures: one, or two for a range. */
  parts: AmountPart[]
  /** The separator of a range as written ("–", " to ", " and "). */
  separator: string | undefined
  /** Value in currency units (the lower end of a range); undefined for "millions of dollars". */
  amount: number | undefined
  /** Upper end of a range. */
  amountHigh: number | undefined
  /** A second marker for the same currency ("$100 dollars", "USD $7 billion"). */
  extraMarker: (Span & {text: string}) | undefined
  /** Cents and pence: money, but written in words by every style guide. */
  subunit: boolean
  /** A coin or note named as an object ("the €2 coin"), not an amount. */
  denomination: boolean
  /** "millions of dollars": no figure to restyle. */
  vague: boolean
  /** This mention converts the mention at this span: "£30 million (about US$49 million)". */
  conversionOf: Span | undefined
}

const strings = list(string)
export const moneyShape = object({
  notMoney: strings,
  codesThatAreWords: strings,
  codeAliases: record(string),
  symbols: record(object({codes: strings, qualified: optional(boolean), unit: optional(string), after: optional(boolean)})),
  qualifiedSymbol: record(string),
  units: record(object({forms: strings, iso: optional(strings), default: optional(string), weak: optional(boolean), adjectiveOnly: optional(boolean)})),
  adjectives: record(string),
  subunits: record(object({forms: strings, unit: string})),
  scales: record(number),
  numberWords: record(number),
  vague: strings,
  denominationNouns: strings,
  denominationValues: list(number),
  moneyContext: strings,
  weightContext: strings,
  conversionLeads: strings
})
type MoneyData = Infer<typeof moneyShape>

interface Tables {
  data: MoneyData
  codes: Map<string, string>
  /** ISO entries per unit key: code, the other words of its name, its countries. */
  unitEntries: Map<string, Array<{code: string; words: string[]; countries: string[]}>>
  /** Unit form (lower case) → unit key. */
  unitForms: Map<string, string>
  /** Symbols by their first character, longest first: a position is tried only against its own. */
  symbolsByFirst: Map<string, string[]>
  /** Lower-case ASCII letters that can start a mention: a figure in words ("six", "the", "millions of") or a symbol ("kr"). */
  lowerStarts: Set<string>
  quantityRe: RegExp
  scaleRe: RegExp
  glued: RegExp
  unitRe: RegExp
  adjectiveRe: RegExp
  denominationRe: RegExp
  conversionGap: RegExp
  chainGap: RegExp
  moneyContextRe: RegExp
  weightContextRe: RegExp
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|')

let tables: Tables | undefined
let currencies: Set<string> | undefined

/**
 * The ISO 4217 currencies copydesk reads as money: the `currency-codes` list less funds, metals
 * and test codes. Config is checked against it too, so every currency config accepts is one the
 * parser knows (ICU's list, for one, still has HRK, SLL and ZWL, and already XCG).
 */
export function moneyCurrencies(): Set<string> {
  if (currencies) return currencies
  const notMoney = new Set(loadData('src/text/money.yml', moneyShape).notMoney)
  return (currencies = new Set(iso.codes().filter((code) => !notMoney.has(code))))
}

/** Build the lookup tables once per process from the ISO list and `money.yml`. */
function load(): Tables {
  if (tables) return tables
  const raw = loadData('src/text/money.yml', moneyShape)
  // The number and scale words are number-words.ts's; money.yml adds those only amounts use.
  const data = {...raw, numberWords: {...wordNumbers, ...raw.numberWords}, scales: {...scaleWords, ...raw.scales}}
  const skip = new Set([...data.notMoney, ...data.codesThatAreWords])
  const codes = new Map<string, string>()
  for (const entry of iso.data) if (!skip.has(entry.code)) codes.set(entry.code, entry.code)
  for (const [alias, code] of Object.entries(data.codeAliases)) codes.set(alias, code)

  const unitEntries = new Map<string, Array<{code: string; words: string[]; countries: string[]}>>()
  const unitForms = new Map<string, string>()
  // Each currency's name folded once, not once per unit: 48 × 179 folds were a tenth of a cold start.
  const currencyWords = iso.data.filter((entry) => moneyCurrencies().has(entry.code)).map((entry) => ({entry, words: fold(entry.currency).split(/[^a-z]+/).filter(Boolean)}))
  for (const [key, unit] of Object.entries(data.units)) {
    for (const form of unit.forms) unitForms.set(fold(form), key)
    const isoWords = unit.iso ?? [key]
    const entries = []
    for (const {entry, words} of currencyWords) {
      if (!words.some((w) => isoWords.includes(w))) continue
      const countries = entry.countries.map((c) => fold(c).replace(/\(.*?\)|\[.*?\]/g, '').trim())
      entries.push({code: entry.code, words: words.filter((w) => !isoWords.includes(w)), countries})
    }
    unitEntries.set(key, entries)
  }

  const numberWords = Object.keys(data.numberWords).filter((w) => w !== 'a' && w !== 'an' && w !== 'hundred')
  const scales = Object.keys(data.scales)
  const spacedScales = scales.filter((s) => s.length > 1)
  const word = `(?:${alternation(numberWords)})(?:-(?:${alternation(numberWords)}))?(?:\\s+hundred)?`
  const quantityRe = new RegExp(
    String.raw`(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)|(?<vague>(?:${alternation(data.vague)})(?:\s+(?:of\s+)?(?:hundreds?|thousands?|millions?|billions?))?)(?![\p{L}])|(?<words>${word}|an?|the|half\s+an?)(?![\p{L}])`,
    'iuy'
  )
  const scaleRe = new RegExp(String.raw`(?:[ \u00a0-]?(?:${alternation(spacedScales)})|(?:${alternation(scales.filter((s) => s.length === 1))}))(?![\p{L}\p{N}])`, 'iuy')
  const allUnitForms = [...unitForms.keys(), ...Object.values(data.subunits).flatMap((s) => s.forms).filter((f) => f.length > 1)]
  const unitRe = new RegExp(String.raw`(?:${alternation(allUnitForms)})(?![\p{L}\p{N}])`, 'iuy')
  const adjectiveRe = /(?:(?:\p{Lu}[\p{L}’']*\.?|U\.S\.|CFA)[ \u00a0]+){1,3}/uy
  const denominationRe = new RegExp(String.raw`^[ \u00a0-]?(?:${alternation(data.denominationNouns)})(?![\p{L}])`, 'iu')
  const leads = alternation(data.conversionLeads)
  const phrases = (list: string[]) => new RegExp(String.raw`(?<![\p{L}])(?:${alternation(list)})(?![\p{L}])`, 'iu')
  // Conversions and the context words are read only around an amount found: built on first use.
  const later = lazily<Pick<Tables, 'conversionGap' | 'chainGap' | 'moneyContextRe' | 'weightContextRe'>>({
    conversionGap: () => new RegExp(String.raw`^(?:\s*(?:[\p{L}-]+\s*)?[(\[]\s*(?:[\p{L}.]{1,4}\s*:\s*)?(?:(?:${leads})\s*)?|\s*,?\s*(?:${leads})\s+|\s*[—–]\s*(?:(?:${leads})\s+)?)$`, 'iu'),
    chainGap: () => new RegExp(String.raw`^\s*(?:[,;/]|\bor\b|\band\b)\s*(?:(?:${leads})\s+)?$`, 'iu'),
    moneyContextRe: () => phrases(data.moneyContext),
    weightContextRe: () => phrases(data.weightContext)
  })
  tables = Object.assign(later, {
    data, codes, unitEntries, unitForms,
    symbolsByFirst: groupBy(Object.keys(data.symbols).sort((a, b) => b.length - a.length), (symbol) => symbol[0]),
    // The words quantityRe reads (number words, vague amounts, "a", "an", "the", "half") and the symbols.
    lowerStarts: new Set([...numberWords, ...data.vague, 'a', 'the', 'half'].map((w) => w[0].toLowerCase()).concat(Object.keys(data.symbols).map((symbol) => symbol[0]).filter((c) => c >= 'a' && c <= 'z'))),
    quantityRe, scaleRe,
    glued: /(?<sub>¢|p(?![\p{L}\p{N}]|\.\s?m))/uy,
    unitRe, adjectiveRe, denominationRe
  })
  return tables
}

interface Quantity {
  end: number
  /** For the upper end of a range: the separator before it as written ("–", " to "). */
  separator?: string
  part: AmountPart
  value: number | undefined
  vague: boolean
  words: boolean
}

/** A figure at `i`: digits, number words ("six billion", "a million") or a vague amount. */
function quantityAt(t: Tables, text: string, i: number, digitsOnly: boolean): Quantity | undefined {
  t.quantityRe.lastIndex = i
  const m = t.quantityRe.exec(text)
  if (!m?.groups) return undefined
  const g = m.groups
  if (digitsOnly && !g.digits) return undefined
  let end = i + m[0].length
  if (g.digits && /^(?:\d|[.,]\d)/.test(text.slice(end, end + 2))) return undefined
  t.scaleRe.lastIndex = end
  const s = g.vague ? null : t.scaleRe.exec(text)
  const scale = s ? s[0].replace(/^[ \u00a0-]/, '') : undefined
  if (s) end += s[0].length
  if (g.vague) return {end, part: {number: '', scale: undefined}, value: undefined, vague: true, words: true}
  if (g.words) {
    const w = g.words.toLowerCase()
    if (/^(?:an?|the|half\s+an?)$/.test(w) && !scale) return undefined
    const value = /^half/.test(w) ? 0.5 : w === 'the' ? 1 : wordValue(t, w)
    return {end, part: {number: String(value), scale}, value: value * (scale ? t.data.scales[scale.toLowerCase()] ?? 1 : 1), vague: false, words: true}
  }
  const number = g.digits
  const value = Number(/^\d{1,3}(,\d{3})+/.test(number) ? number.replace(/,/g, '') : number.replace(',', '.'))
  return {end, part: {number, scale}, value: value * (scale ? t.data.scales[scale.toLowerCase()] ?? 1 : 1), vague: false, words: false}
}

function wordValue(t: Tables, words: string): number {
  let value = 0
  for (const w of words.split(/[-\s]+/)) {
    if (w === 'hundred') value *= 100
    else value += t.data.numberWords[w] ?? 0
  }
  return value
}

interface Marker {
  text: string
  start: number
  end: number
  codes: string[]
  notation: Notation
  unit: string | undefined
  /** Set for word units: the unit key and whether an adjective narrowed it. */
  wordUnit?: {key: string; adjective: boolean}
  subunit?: boolean
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

/** A symbol or ISO code at `i` (before an amount, or after it when `after`). */
function symbolOrCodeAt(t: Tables, text: string, i: number, after: boolean): Marker | undefined {
  for (const symbol of t.symbolsByFirst.get(text[i]) ?? noSymbols) {
    if (!text.startsWith(symbol, i)) continue
    const entry = t.data.symbols[symbol]
    if (after && !entry.after && symbol !== '€' && symbol !== '$' && symbol !== '£') continue
    if (!after && entry.after && symbol !== 'kr') continue
    if (/\p{L}/u.test(symbol[0]) && (after ? /\p{L}/u.test(text[i - 1] ?? '') : isWordChar(text[i - 1]))) continue
    if (/\p{L}$/u.test(symbol) && isWordChar(text[i + symbol.length])) continue
    return {
      text: symbol, start: i, end: i + symbol.length, codes: entry.codes, unit: entry.unit,
      notation: entry.qualified ? 'qualified-symbol' : 'symbol'
    }
  }
  // An ISO code starts with a capital letter.
  const first = text.charCodeAt(i)
  if (!(first >= 65 && first <= 90)) return undefined
  isoCode.lastIndex = i
  const m = isoCode.exec(text)
  const left = after ? /\p{L}/u.test(text[i - 1] ?? '') : isWordChar(text[i - 1])
  if (m && !left && !/\p{L}/u.test(text[i + 3] ?? '') && t.codes.has(m[0])) {
    return {text: m[0], start: i, end: i + 3, codes: [t.codes.get(m[0])!], unit: undefined, notation: 'code'}
  }
  return undefined
}

const noSymbols: string[] = []
const isoCode = /[A-Z]{3}/y

/** A currency word at `i`, with up to three capitalised words before it as its adjective. */
function unitWordAt(t: Tables, text: string, i: number): Marker | undefined {
  // Try the longest adjective first: "Hong Kong dollars", then "Kong dollars" is never tried alone.
  const starts = [i]
  const word = /(?:\p{Lu}[\p{L}’']*\.?|U\.S\.|CFA)[ \u00a0]+/uy
  for (let at = i, k = 0; k < 3; k++) {
    word.lastIndex = at
    if (!word.exec(text)) break
    at = word.lastIndex
    starts.unshift(at)
  }
  for (const start of starts) {
    t.unitRe.lastIndex = start
    const u = t.unitRe.exec(text)
    if (!u) continue
    const form = fold(u[0])
    const end = start + u[0].length
    const subunit = Object.values(t.data.subunits).find((s) => s.forms.includes(form))
    if (subunit) return start === i ? {text: u[0], start, end, codes: [], unit: subunit.unit, notation: 'word', subunit: true} : undefined
    const key = t.unitForms.get(form)
    if (!key) continue
    const adj = start > i ? fold(text.slice(i, start).trim()) : ''
    const codes = resolveUnit(t, key, adj)
    if (adj && codes.length === 0) continue // "Bush dollars": the capitalised words are not an adjective
    const candidates = adj ? codes : orderCandidates(t, key)
    if (candidates.length === 0) continue
    return {
      text: text.slice(i, end), start: i, end, codes: candidates, notation: 'word',
      unit: candidates.length > 1 ? key : undefined, wordUnit: {key, adjective: Boolean(adj) || key === 'sterling'}
    }
  }
  return undefined
}

function orderCandidates(t: Tables, key: string): string[] {
  const codes = (t.unitEntries.get(key) ?? []).map((e) => e.code)
  const preferred = t.data.units[key].default
  return preferred ? [preferred, ...codes.filter((c) => c !== preferred)] : codes
}

/** The codes a unit word means with this adjective ("Swedish" + krona → SEK). */
function resolveUnit(t: Tables, key: string, adjective: string): string[] {
  const entries = t.unitEntries.get(key) ?? []
  if (!adjective) return entries.map((e) => e.code)
  const alias = t.data.adjectives[adjective]
  if (alias) return entries.some((e) => e.code === alias) ? [alias] : []
  const words = adjective.split(/\s+/)
  const close = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a) || commonPrefix(a, b) >= 4))
  return entries
    .filter((e) => words.every((w) => e.words.some((x) => close(w, x)) || e.countries.some((c) => c.split(/\s+/).some((x) => close(w, x)))))
    .map((e) => e.code)
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && a[n] === b[n]) n++
  return n
}

/** Every money mention in `text` (offsets shifted by `offset`). */
export function findMoney(text: string, offset = 0): MoneyMention[] {
  const t = load()
  const found: MoneyMention[] = []
  for (let i = 0; i < text.length; ) {
    const mention = (!isWordChar(text[i - 1]) || !isWordChar(text[i])) && canStart(t, text, i) ? mentionAt(t, text, i) : undefined
    if (mention) {
      found.push(mention)
      i = mention.end
    } else i++
  }
  linkConversions(text, found)
  return found.map((m) => shift(m, offset))
}

/**
 * Can a mention start at `i`? It starts with a symbol, an ISO code (capitals) or a figure (digits or
 * words): spaces, most punctuation and most lower-case initials are ruled out without trying.
 */
function canStart(t: Tables, text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c >= 128 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return true
  if (c >= 97 && c <= 122) return t.lowerStarts.has(text[i])
  return t.symbolsByFirst.has(text[i])
}

function mentionAt(t: Tables, text: string, i: number): MoneyMention | undefined {
  const before = symbolOrCodeAt(t, text, i, false)
  if (before) {
    let extra: Marker | undefined
    let at = before.end
    // "USD $7 billion", "USD$3 million": a code and a symbol for one currency.
    if (before.notation === 'code') {
      const sym = symbolOrCodeAt(t, text, text[at] === ' ' ? at + 1 : at, false)
      if (sym && sym.notation !== 'code' && sym.codes.includes(before.codes[0])) {
        extra = sym
        at = sym.end
      }
    }
    if (/[ \u00a0]/.test(text[at] ?? '') && /\d/.test(text[at + 1] ?? '')) at++
    const first = quantityAt(t, text, at, true)
    if (!first) return undefined
    const range = rangeAt(t, text, first, before, i)
    let end = range?.end ?? first.end
    // "$100 dollars", "$5 million USD": the currency said twice.
    if (!extra) {
      const gap = text[end] === ' ' ? end + 1 : end
      const word = unitWordAt(t, text, gap) ?? symbolOrCodeAt(t, text, gap, true)
      if (word && !word.subunit && word.codes.some((c) => before.codes.includes(c))) {
        extra = word
        end = word.end
      }
    }
    return build(t, text, i, end, before, first, range, extra)
  }

  const first = quantityAt(t, text, i, false)
  if (!first) return undefined
  if (!first.words && /[\p{L}\p{N}.,$€£¥]/u.test(text[i - 1] ?? '')) return undefined
  const range = first.vague ? undefined : rangeAt(t, text, first, undefined, i)
  let at = range?.end ?? first.end
  // "8.5ع.د billion": a symbol between the figure and the scale.
  let marker: Marker | undefined
  const glued = !first.vague && !first.words && !first.part.scale
  if (glued) {
    t.glued.lastIndex = at
    const g = t.glued.exec(text)
    // "50p", "99¢"; not "1080p", a video resolution.
    if (g && (g[0] !== 'p' || /^\d{1,2}(?:\.\d+)?$/.test(first.part.number))) {
      marker = {text: g[0], start: at, end: at + g[0].length, codes: [], unit: g[0] === 'p' ? 'pound' : 'dollar', notation: 'symbol', subunit: true}
    }
  }
  if (!marker) {
    let gap = at
    if (/[ \u00a0]/.test(text[gap] ?? '')) gap++
    else if (text[gap] === '-' && !first.words) gap++
    if (first.vague || (first.words && !first.part.scale)) {
      // "millions of dollars"; "a million dollars" and "one dollar" need the word next.
      const of = /of[ \u00a0]+/y
      of.lastIndex = gap
      if (first.vague && of.exec(text)) gap = of.lastIndex
      marker = unitWordAt(t, text, gap)
    } else {
      marker = symbolOrCodeAt(t, text, gap, true) ?? unitWordAt(t, text, gap)
      if (!marker && text[at] !== ' ' && text[at] !== '-') marker = symbolOrCodeAt(t, text, at, true)
    }
    if (marker && text[at] === '-' && (marker.wordUnit?.key === 'pound' || first.words)) return undefined
    // "2010 $5 million": a symbol or code followed by a figure belongs to the next amount.
    if (marker && marker.notation !== 'word' && /^[ \u00a0]?\d/.test(text.slice(marker.end))) return undefined
  }
  if (!marker) return undefined
  let end = marker.end
  let part = first
  if (marker.notation === 'symbol' && !first.part.scale && !marker.subunit) {
    // A scale after a symbol that follows the figure: "8.5ع.د billion".
    t.scaleRe.lastIndex = end
    const s = t.scaleRe.exec(text)
    if (s && /^[ \u00a0]/.test(s[0])) {
      const scale = s[0].trim()
      part = {...first, part: {...first.part, scale}, value: (first.value ?? 0) * (t.data.scales[scale.toLowerCase()] ?? 1)}
      end += s[0].length
    }
  }
  if (!plausible(t, text, i, end, marker, part)) return undefined
  return build(t, text, i, end, marker, part, range, undefined)
}

/** Weak and adjective-only unit words are money only where the sentence says so. */
function plausible(t: Tables, text: string, start: number, end: number, marker: Marker, q: Quantity): boolean {
  // "in 1999 dollars", "(2010 euros)", "constant 2019 USD": a price level, not an amount.
  if (!q.part.scale && /^(?:1[89]|20)\d\d$/.test(q.part.number) && /(?:\bin|\(|constant|real)\s*$/i.test(text.slice(0, start))) return false
  const unit = marker.wordUnit
  if (!unit) return true
  const entry = t.data.units[unit.key]
  if (entry.adjectiveOnly && !unit.adjective) return false
  if (!entry.weak || unit.adjective) return true
  const before = text.slice(Math.max(0, start - 40), start)
  if (/^\s+of\b/i.test(text.slice(end))) return false
  if (q.part.scale || q.vague) return true
  return !t.weightContextRe.test(before) && ((q.value ?? 0) >= 1000 || t.moneyContextRe.test(before))
}

/** "–7 million", " to $7 million", " and $300" (after "between"), "five to six million": the upper end of a range. */
function rangeAt(t: Tables, text: string, first: Quantity, marker: Marker | undefined, start: number): Quantity | undefined {
  const at = first.end
  const sep = /(?:[ \u00a0]?[–—-][ \u00a0]?|[ \u00a0]+to[ \u00a0]+|[ \u00a0]+and[ \u00a0]+)/y
  sep.lastIndex = at
  const s = sep.exec(text)
  if (!s) return undefined
  if (/and/.test(s[0]) && !/\bbetween\s*$/i.test(text.slice(Math.max(0, start - 12), start))) return undefined
  let i = at + s[0].length
  if (marker) {
    const again = symbolOrCodeAt(t, text, i, false)
    if (again && again.codes.some((c) => marker.codes.includes(c))) i = again.end
    if (text[i] === ' ') i++
  }
  const q = quantityAt(t, text, i, !first.words)
  if (!q || q.vague || (first.words && !q.words)) return undefined
  return {...q, separator: s[0]}
}

function build(t: Tables, text: string, start: number, end: number, marker: Marker, first: Quantity, range: Quantity | undefined, extra: Marker | undefined): MoneyMention {
  const candidates = marker.codes.length > 0 ? marker.codes : marker.unit ? orderCandidates(t, marker.unit) : []
  // A range without its own scale shares the upper end's: "$5–7 million".
  const scale = first.part.scale ?? range?.part.scale
  const factor = !first.part.scale && scale ? t.data.scales[scale.toLowerCase()] ?? 1 : 1
  const position = marker.start <= start ? 'before' : 'after'
  const amountFrom = position === 'before' ? (extra && extra.start < first.end && extra.notation !== 'word' ? extra.end : marker.end) : start
  return {
    start,
    end,
    text: text.slice(start, end),
    currency: candidates.length === 1 ? candidates[0] : undefined,
    candidates,
    notation: marker.notation,
    marker: marker.text,
    markerSpan: {start: marker.start, end: marker.end},
    position,
    unit: marker.unit ?? (marker.wordUnit ? marker.wordUnit.key : undefined),
    amountText: text.slice(amountFrom, range?.end ?? first.end).trim(),
    parts: range ? [first.part, range.part] : [first.part],
    separator: range?.separator,
    amount: first.value === undefined ? undefined : first.value * factor,
    amountHigh: range?.value,
    extraMarker: extra ? {text: extra.text, start: extra.start, end: extra.end} : undefined,
    subunit: Boolean(marker.subunit),
    denomination: isDenomination(t, text, end, first, range),
    vague: first.vague,
    conversionOf: undefined
  }
}

function isDenomination(t: Tables, text: string, end: number, q: Quantity, range: Quantity | undefined): boolean {
  return !range && !q.part.scale && q.value !== undefined && t.data.denominationValues.includes(q.value) && t.denominationRe.test(text.slice(end))
}

/**
 * Mark amounts that convert the one before them: "60 million yuan (US$9.8 million)",
 * "(£1,223, C$1,964, €1,412)", and an exchange rate "1.89 USD to 1 £". `text` starts at `offset`;
 * sentences are cut at "approx." so the rule links again over the whole article.
 */
export function linkConversions(text: string, mentions: MoneyMention[], offset = 0) {
  const t = load()
  for (let k = 1; k < mentions.length; k++) {
    const current = mentions[k]
    const previous = mentions[k - 1]
    if (current.conversionOf) continue
    const gap = text.slice(previous.end - offset, current.start - offset)
    let base: MoneyMention | undefined
    if (previous.conversionOf && t.chainGap.test(gap)) base = mentions.find((m) => m.start === previous.conversionOf!.start)
    else if (t.conversionGap.test(gap)) base = previous
    else if (/^\s*(?:to|=|for)\s*$/i.test(gap) && (previous.amount === 1 || current.amount === 1)) base = previous
    // A restatement in the same currency ("ten thousand dollars ($10,000)") is linked too: it is no second style.
    const restated = base !== undefined && base.amount !== undefined && base.amount === current.amount && /[(\[]/.test(gap)
    if (!base || (!differentCurrency(base, current) && !restated)) continue
    current.conversionOf = {start: base.start, end: base.end}
  }
}

function differentCurrency(a: MoneyMention, b: MoneyMention): boolean {
  if (a.currency && b.currency) return a.currency !== b.currency
  return a.marker !== b.marker && !(a.unit && a.unit === b.unit && a.notation === b.notation)
}

function shift(m: MoneyMention, offset: number): MoneyMention {
  const move = <T extends Span>(s: T): T => ({...s, start: s.start + offset, end: s.end + offset})
  return {
    ...m,
    start: m.start + offset,
    end: m.end + offset,
    markerSpan: move(m.markerSpan),
    extraMarker: m.extraMarker ? move(m.extraMarker) : undefined,
    conversionOf: m.conversionOf ? move(m.conversionOf) : undefined
  }
}

/** The qualified symbol for a code (`CNY` → `CN¥`), for fixes of an ambiguous `¥` or `$`. */
export function qualifiedSymbol(code: string): string | undefined {
  return load().data.qualifiedSymbol[code]
}

/** A currency named without an amount ("the yuan weakened", "US dollars", "RMB"). */
export interface CurrencyName extends Span {
  text: string
  codes: string[]
}

/** Where `text` names a currency by word or ISO code, so a reader knows what `¥` or `$` means. */
export function findCurrencyNames(text: string, offset = 0): CurrencyName[] {
  const t = load()
  const found: CurrencyName[] = []
  for (const marker of currencyWords(t, text)) {
    // "dollars" alone names no dollar in particular; "yuan" and "US dollars" do.
    const entry = marker.wordUnit && t.data.units[marker.wordUnit.key]
    const weak = entry && (entry.weak || entry.adjectiveOnly) && !marker.wordUnit?.adjective
    const certain = marker.notation === 'code' || marker.wordUnit?.adjective || (marker.codes.length === 1 && !weak)
    if (certain) found.push({start: offset + marker.start, end: offset + marker.end, text: marker.text, codes: marker.codes})
  }
  return found
}

/**
 * The currencies `text` names at the start of a word, by ISO code or by word ("RMB", "yuan", "US
 * dollars"), left to right; no subunit ("cents"). What findCurrencyNames and findUnitWords read.
 */
function* currencyWords(t: Tables, text: string): Generator<Marker> {
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text[i - 1]) || !isWordChar(text[i])) continue
    const code = symbolOrCodeAt(t, text, i, false)
    const marker = code?.notation === 'code' ? code : unitWordAt(t, text, i)
    if (!marker || marker.subunit) continue
    yield marker
    i = marker.end - 1
  }
}

/**
 * Where `text` names a currency unit by its word alone, no country said ("the yen weakened past
 * 158 per dollar"): which unit, not which country's. Weak words ("pounds" of weight) are left out.
 */
export function findUnitWords(text: string, offset = 0): Array<CurrencyName & {unit: string}> {
  const t = load()
  const found: Array<CurrencyName & {unit: string}> = []
  for (const marker of currencyWords(t, text)) {
    const key = marker.wordUnit?.key
    const entry = key && t.data.units[key]
    if (key && entry && !marker.wordUnit?.adjective && !entry.weak && !entry.adjectiveOnly) {
      found.push({start: offset + marker.start, end: offset + marker.end, text: marker.text, codes: marker.codes, unit: key})
    }
  }
  return found
}

const spelledScales: Record<string, string> = {k: 'thousand', m: 'million', mn: 'million', mln: 'million', mil: 'million', b: 'billion', bn: 'billion', bln: 'billion', tn: 'trillion', trn: 'trillion'}

/**
 * The amount of `mention` written with another marker: `$`, `CN¥` or `USD` before it,
 * `USD` or "dollars" after it. Abbreviated scales are spelled out before a word ("5 million dollars").
 */
export function restyle(mention: MoneyMention, marker: string, position: 'before' | 'after'): string {
  const spell = position === 'after' && /\p{L}{4,}/u.test(marker)
  const part = (p: AmountPart) => {
    if (!p.scale) return p.number
    const scale = spell ? spelledScales[p.scale.toLowerCase()] ?? p.scale : p.scale
    return p.number + (scale.length <= 3 && !spell ? scale : ' ' + scale)
  }
  const prefix = (amount: string) => (/\p{L}$/u.test(marker) ? `${marker} ${amount}` : `${marker}${amount}`)
  // "$5–7 million" shares one marker; "$100 and $300", "$5 million to $7 million" repeat it.
  if (position === 'after') return `${mention.parts.map(part).join(mention.separator ?? '')} ${marker}`
  if (/\p{L}/u.test(mention.separator ?? '')) return mention.parts.map((p) => prefix(part(p))).join(mention.separator)
  return prefix(mention.parts.map(part).join(mention.separator ?? ''))
}

/** How a currency is usually written in a notation when the article gives no model: `€`, `EUR`, "euros". */
export function markerFor(code: string, notation: 'symbol' | 'code' | 'word'): string | undefined {
  const t = load()
  if (notation === 'code') return code
  if (notation === 'symbol') {
    const plain = Object.entries(t.data.symbols).find(([, s]) => s.codes.length === 1 && s.codes[0] === code && !s.qualified && !s.after)
    return plain?.[0] ?? t.data.qualifiedSymbol[code]
  }
  for (const [key, unit] of Object.entries(t.data.units)) {
    const codes = (t.unitEntries.get(key) ?? []).map((e) => e.code)
    if (unit.default === code || (codes.length === 1 && codes[0] === code)) return unit.forms.find((f) => /[^s]s$/.test(f)) ?? unit.forms[0]
  }
  return undefined
}
