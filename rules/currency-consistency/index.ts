import iso from 'currency-codes'
import type {VFile} from 'vfile'
import {loadData, object, record, string} from '../../src/plugin/data.js'
import {report, type Finding} from '../../src/plugin/report.js'
import {copydeskRule} from '../../src/plugin/rule.js'
import {currencyCode, oneOf, type OptionSchema} from '../../src/plugin/options.js'
import type {Analysis} from '../../src/text/analysis.js'
import {findCurrencyNames, findMoney, findUnitWords, linkConversions, type CurrencyName, markerFor, qualifiedSymbol, restyle, type MoneyMention} from '../../src/text/money.js'

type Style = 'symbol' | 'code' | 'word'

export interface Options {
  /** The currency other amounts should be converted to (default `USD`). */
  referenceCurrency?: string
  /** What `¥` and a bare `$` mean in this publication, when the article does not say. */
  currency?: string
  /** The house notation for amounts; `auto` follows each currency's majority style (default). */
  notation?: 'auto' | Style
}

// Config and front matter are both checked against it.
const schema: OptionSchema = {
  referenceCurrency: currencyCode,
  currency: currencyCode,
  notation: oneOf('auto', 'symbol', 'code', 'word')
}

export const dataShape = object({
  /** How a message names a currency ("yuan", "US dollars"). */
  names: record(string)
})

type Mention = MoneyMention & {quoted: boolean; sentence: number}
/** A writer's-voice mention with the currency read in the context of the whole article. */
interface Read {
  m: Mention
  /** ISO code, or the bare symbol when the article never says (`¥`). */
  key: string
  style: Style | 'double'
}

export default copydeskRule<'currency-consistency', Options>({
  id: 'currency-consistency',
  description: 'Ambiguous currency symbol, mixed notation, or mixed currencies with no conversion',
  severity: 'warn',
  defaultOptions: {referenceCurrency: 'USD'},
  options: schema,
  legend: {letter: 'C', background: '#c4ecc0', line: '3px double #1f6b1a'}
}, (doc, file, options) => {
  const settings = settle(doc, file, options)
  // An interviewee's answers are the speaker's words, like a quotation: they set no convention.
  const spoken = (m: Mention) => m.quoted || doc.answers.some((a) => a.start <= m.start && m.end <= a.end)
  // Amounts in pasted ad copy are no mentions at all: the analysis leaves out inserted runs.
  const mentions = doc.money().filter((m) => !spoken(m) && !m.denomination).map((m) => ({...m}))
  if (mentions.length === 0) return
  linkConversions(doc.source, mentions)
  const writerNames = namedCurrencies(doc, false)
  const reads = readAll(mentions, writerNames, settings.currency)
  const rates = exchangeRates(doc, reads)
  // One finding per mention: "`¥3,200`: `¥` could be yuan or yen, and no conversion …" is one
  // edit for the editor, so what is wrong with an amount is said once, where the fix goes.
  const found = new Map<number, Map<string, Problem>>()
  const emit: Emit = (m, kind, problem) => {
    const problems = found.get(m.start) ?? new Map<string, Problem>()
    if (!problems.has(kind)) problems.set(kind, problem)
    found.set(m.start, problems)
  }
  ambiguous(doc, reads.filter((r) => !rates.has(r)), writerNames, settings, emit)
  const names = writerNameSpans(doc)
  const keeps: KeepsReadings = (rewrites) => keepsReadings(doc.source, mentions, reads, names, rewrites, settings.currency)
  mixedNotation(reads, names, settings, keeps, emit)
  mixedCurrencies(reads, rates, settings, emit)
  for (const problems of found.values()) {
    const all = [...problems.values()]
    const [first] = all
    report(file, doc, {
      reason: `\`${first.words}\`: ${all.map((p) => p.problem).join(', and ')}; ${all.map((p) => p.action).join(', and ')}`,
      span: first.span,
      expected: all.find((p) => p.expected)?.expected,
      fix: all.find((p) => p.fix)?.fix,
      note: all.map((p) => p.note).join(' '),
      cause: all.find((p) => p.cause)?.cause
    })
  }
})

/** What is wrong with one amount, and what to do: the parts of one finding's reason. */
interface Problem extends Omit<Finding, 'reason' | 'note'> {
  words: string
  problem: string
  action: string
  note: string
}

/**
 * Exchange rates quoted as prices of a currency, "the euro rose to $1.18": the figure converts the
 * named currency, so the article has given its readers the conversion.
 */
function exchangeRates(doc: Analysis, reads: Read[]): Map<Read, string> {
  const rates = new Map<Read, string>()
  for (const r of reads) {
    const {m} = r
    if (m.parts.length !== 1 || m.parts[0].scale || m.amount === undefined || m.amount >= 1000) continue
    const sentence = doc.sentences[m.sentence]
    // The last currency named before the figure.
    const name = doc.currencyNames(sentence).filter((n) => n.end <= m.start).at(-1)
    if (!name || name.codes.includes(r.key)) continue
    const gap = doc.source.slice(name.end, m.start)
    if (gap.length <= 40 && !/\d/.test(gap) && /(?:\bto|\bat|\bagainst|=|\bper|\bbuys?|\bfetch(?:es|ed)?)\s*$/i.test(gap)) rates.set(r, name.codes[0])
  }
  return rates
}

type Emit = (m: MoneyMention, kind: string, problem: Problem) => void

interface Settings {
  referenceCurrency: string
  currency: string | undefined
  notation: 'auto' | Style
}

/** A front-matter value as the writer can recognise it: a mapping (`{toString: 1}`) has no String() of its own. */
const shown = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))

/** Config options, overridden by the article's front matter (`currency: CNY`). */
function settle(doc: Analysis, file: VFile, options: Options): Settings {
  const front = doc.frontmatter
  // Front matter is checked against the same schema as the config;
  // codes may be written in lower case there ("currency: cny").
  const pick = <T>(key: keyof Options, fallback: T): T => {
    const raw = front[key]
    if (raw === undefined) return (options[key] as T | undefined) ?? fallback
    const value = typeof raw === 'string' && key !== 'notation' ? raw.toUpperCase() : raw
    if (schema[key].check(value)) return value as T
    // Point at the front-matter line, so the editor sees which setting is wrong.
    const line = new RegExp(`^${key}[ \\t]*:.*$`, 'm').exec(doc.source)
    const span = line ? {start: line.index, end: line.index + line[0].length} : {start: 0, end: 0}
    report(file, doc, {
      reason: `\`${key}: ${shown(raw)}\`: not a setting copydesk knows; use ${key === 'notation' ? 'auto, symbol, code or word' : 'an ISO 4217 code such as USD'}`,
      span
    })
    return (options[key] as T | undefined) ?? fallback
  }
  return {
    referenceCurrency: pick('referenceCurrency', 'USD'),
    currency: pick<string | undefined>('currency', undefined),
    notation: pick('notation', 'auto')
  }
}

/**
 * Codes the article names by word or ISO code ("the yuan weakened", "RMB"), in the writer's words
 * or inside quotations. Not in text another rule claims (an off-topic run): its fix cuts that
 * text, so a fix that read the currency from it would leave a `C$` nothing in the article explains.
 */
function namedCurrencies(doc: Analysis, quoted: boolean): Set<string> {
  const codes = new Set<string>()
  for (const sentence of doc.sentences) {
    const names = quoted ? findCurrencyNames(sentence.text, sentence.start) : doc.currencyNames(sentence)
    for (const name of names) if (doc.isQuoted(name) === quoted) for (const c of name.codes) codes.add(c)
  }
  return codes
}

/** Currencies named by word or ISO code in the writer's words, with where. */
function writerNameSpans(doc: Analysis): CurrencyName[] {
  return doc.sentences.flatMap((sentence) => doc.currencyNames(sentence).filter((name) => !doc.isQuoted(name)))
}

/**
 * Which currency a mention means here. A bare `$` or "dollars" follows the last qualified
 * dollar before it (the AP habit), else the article's only qualified one, else the option or the
 * usual reading; `¥` is whatever the article names (yuan or yen), else stays unknown.
 */
function read(m: Mention, previousOf: Map<string, Mention>, qualifiedAnywhere: Set<string>, named: Set<string>, currency: string | undefined): Read {
  const style: Read['style'] = m.extraMarker ? 'double' : m.notation === 'code' ? 'code' : m.notation === 'word' ? 'word' : 'symbol'
  if (m.currency) return {m, key: m.currency, style}
  // The latest earlier mention that names one of this one's candidates ("US$390 million … $2 million").
  let previous: Mention | undefined
  for (const c of m.candidates) {
    const n = previousOf.get(c)
    if (n && (!previous || n.start > previous.start)) previous = n
  }
  const qualified = new Set(m.candidates.filter((c) => qualifiedAnywhere.has(c)))
  const inText = m.candidates.filter((c) => named.has(c))
  let key: string | undefined
  if (previous) key = previous.currency
  else if (qualified.size === 1) key = [...qualified][0]
  else if (currency && m.candidates.includes(currency)) key = currency
  else if (inText.length === 1) key = inText[0]
  else if (m.marker !== '¥') key = m.candidates[0]
  return {m, key: key ?? m.marker, style}
}

/**
 * Read every mention in order. What an earlier mention settled is kept per currency, so an
 * article of many amounts costs one pass, not one pass per amount.
 */
function readAll(mentions: Mention[], named: Set<string>, currency: string | undefined): Read[] {
  // A mention that names one currency by itself, in any notation: "CNY 5", "5 yuan", "CN¥5" and
  // "5 Canadian dollars" are one reading written three ways, so a notation fix between them
  // cannot change which currency a later `¥` or `$` follows.
  const certain = (n: Mention) => n.currency !== undefined
  const qualifiedAnywhere = new Set(mentions.filter(certain).map((n) => n.currency as string))
  // A qualified symbol names its currency as a code or a word does ("US$5", "5 USD"): a fix that
  // rewrites one into the other must not change how the article's bare `$` are read.
  named = new Set([...named, ...mentions.filter((n) => n.notation === 'qualified-symbol' && n.currency).map((n) => n.currency as string)])
  const previousOf = new Map<string, Mention>()
  return mentions.map((m) => {
    const r = read(m, previousOf, qualifiedAnywhere, named, currency)
    if (certain(m)) previousOf.set(m.currency as string, m)
    return r
  })
}

const ambiguousMarkers = new Set(['¥', '$'])

/** `¥` (yuan or yen) and a bare `$` beside other currencies, when the article never says which. */
function ambiguous(doc: Analysis, reads: Read[], named: Set<string>, settings: Settings, emit: Emit) {
  const quotedNames = namedCurrencies(doc, true)
  // Bare `$` is ambiguous only beside another currency (`¥` counts: it is not a dollar).
  // The first such other currency, found from two precomputed reads instead of a search per mention.
  const eligible = reads.filter((o) => !o.m.subunit && o.m.marker !== '$')
  const firstOther = eligible[0]
  const secondOther = firstOther && eligible.find((o) => o.key !== firstOther.key)
  const otherCurrency = (r: Read) => (firstOther && firstOther.key !== r.key ? firstOther : secondOther)
  const qualifiedSymbols = new Set(reads.filter((o) => o.m.notation === 'qualified-symbol' && o.m.currency).map((o) => o.m.currency as string))
  // Units the writer names by word alone, with no amount ("158 per dollar", "the dollar rose"):
  // the spec's "naming the currency (word …)", which settles a bare `$` unless another dollar is
  // about. An amount's own word ("5 million dollars") is a mention in another notation, not a name.
  // (Read only for a document with a bare symbol to settle: most have none.)
  let unitWords: Set<string> | undefined
  const namedByWord = (unit: string) => {
    if (!unitWords) {
      const amounts = doc.money()
      unitWords = new Set(doc.sentences.flatMap((s) => findUnitWords(doc.writerText(s), s.start))
        .filter((w) => !doc.isQuoted(w) && !amounts.some((a) => a.start <= w.start && w.end <= a.end)).map((w) => w.unit))
    }
    return unitWords.has(unit)
  }
  const flagged = new Map<string, number>()
  for (const r of reads) {
    const {m} = r
    if (!ambiguousMarkers.has(m.marker) || m.notation !== 'symbol') continue
    const other = otherCurrency(r)
    if (m.marker === '$' && !other) continue
    const anotherDollar = reads.some((o) => o.key !== r.key && m.candidates.includes(o.key)) || m.candidates.some((c) => c !== r.key && named.has(c))
    if (m.unit && !anotherDollar && namedByWord(m.unit)) continue
    // Named in the writer's words, or a qualified symbol ("US$", "CN¥") anywhere: a reader knows.
    if (m.candidates.some((c) => named.has(c) || qualifiedSymbols.has(c))) continue
    const known = settings.currency && m.candidates.includes(settings.currency) ? settings.currency : m.candidates.find((c) => quotedNames.has(c) && m.candidates.filter((x) => quotedNames.has(x)).length === 1)
    const count = flagged.get(m.marker) ?? 0
    // Once a convention is known (front matter, or a quotation names it), qualifying the first mention is enough.
    if (count > 0 && known) continue
    flagged.set(m.marker, count + 1)
    const meanings = m.marker === '$' ? 'the US dollar or another dollar' : m.candidates.map(currencyName).join(' or ')
    const qualified = known ? qualifiedSymbol(known) : undefined
    const replacement = qualified ? restyle(m, qualified, 'before') : undefined
    const examples = m.candidates.slice(0, 2).map((c) => qualifiedSymbol(c)).filter((q): q is string => Boolean(q)).map((q) => `\`${restyle(m, q, 'before')}\``)
    emit(m, 'ambiguous', {
      words: m.text,
      problem: `\`${m.marker}\` could be ${meanings}`,
      action: replacement ? `write \`${replacement}\`` : `name the currency, as in ${examples.join(' or ')}`,
      span: m,
      expected: replacement ? [replacement] : undefined,
      fix: replacement && qualified ? {start: m.markerSpan.start, end: m.markerSpan.end, text: qualified} : undefined,
      note: `The article never names the currency${m.marker === '$' ? ' and also gives amounts in other currencies' : ''}, so readers cannot tell which one \`${m.marker}\` means. Name it on first mention (\`${qualifiedSymbol(m.candidates[0]) ?? m.candidates[0]}\`); later mentions may use the short form.`,
      cause: m.marker === '$' && other ? {span: other.m, reason: `Another currency: \`${other.m.text}\``} : undefined
    })
  }
}

/** Would rewriting these mentions (mention → new text) leave every mention read as it is now? */
type KeepsReadings = (rewrites: Map<Mention, string>) => boolean

/**
 * A notation fix changes how an amount is written, never which currency it is or what it
 * converts. Where the article has both yuan and yen (or two dollars), a bare `¥` or `$` is read
 * from the mentions around it, and a mention that names its currency is what later bare ones
 * follow: rewriting "5 yen" to `¥5` just after "5 CNY" makes it read as yuan, and takes away the
 * yen that the next `¥` followed. So the mentions are read again as the fixes would leave them,
 * with the same reading and linking as the rule's, and compared.
 */
function keepsReadings(source: string, mentions: Mention[], reads: Read[], names: CurrencyName[], rewrites: Map<Mention, string>, currency: string | undefined): boolean {
  if (rewrites.size === 0) return true
  const relink = (list: Mention[]) => {
    const copy: Mention[] = list.map((m) => ({...m, conversionOf: undefined}))
    linkConversions(source, copy)
    return copy
  }
  const rewritten: Mention[] = []
  for (const m of mentions) {
    const text = rewrites.get(m)
    if (text === undefined) {
      rewritten.push(m)
      continue
    }
    const [n] = findMoney(text)
    // A replacement the parser does not read back whole is no amount the rule could check.
    if (!n || n.start !== 0 || n.end !== text.length) return false
    rewritten.push({...n, start: m.start, end: m.end, markerSpan: m.markerSpan, quoted: m.quoted, sentence: m.sentence})
  }
  const outside = (n: CurrencyName) => ![...rewrites.keys()].some((m) => m.start <= n.start && n.end <= m.end)
  const named = new Set([...names.filter(outside), ...[...rewrites.values()].flatMap((text) => findCurrencyNames(text))].flatMap((n) => n.codes))
  const before = relink(mentions)
  const after = relink(rewritten)
  const again = readAll(after, named, currency)
  return again.every((r, i) => r.key === reads[i].key && r.m.conversionOf?.start === before[i].conversionOf?.start)
}

/** One currency written in more than one notation: flag the minority style. */
function mixedNotation(reads: Read[], names: CurrencyName[], settings: Settings, keeps: KeepsReadings, emit: Emit) {
  const groups = new Map<string, Read[]>()
  const restated = new Set(reads.filter((r) => r.m.conversionOf).map((r) => r.m.conversionOf!.start))
  for (const r of reads) {
    if (restated.has(r.m.start) && reads.some((c) => c.m.conversionOf?.start === r.m.start && c.key === r.key)) continue
    // Conversions are often written compactly ("(approx. 5,500 USD, 3,500 GBP)"): the article's own amounts set the style.
    if (r.m.subunit || r.m.vague || r.m.conversionOf) continue
    groups.set(r.key, [...(groups.get(r.key) ?? []), r])
  }
  const flagged: Array<{r: Read; replacement: string | undefined; qualified: string | undefined; convention: Read['style']; model: Read | undefined; count: number; size: number}> = []
  for (const group of groups.values()) {
    const counts = new Map<Read['style'], number>()
    for (const r of group) counts.set(r.style, (counts.get(r.style) ?? 0) + 1)
    if (counts.size < 2 && (settings.notation === 'auto' || group.every((r) => r.style === settings.notation))) continue
    // Majority; a tie goes to the style used first.
    // "$100 dollars" says the currency twice: it is never the convention while another style exists.
    const ranked = [...counts.entries()].filter(([style]) => style !== 'double' || counts.size === 1)
      .sort((a, b) => b[1] - a[1] || firstOf(group, a[0]) - firstOf(group, b[0]))
    const convention: Read['style'] = settings.notation !== 'auto' ? settings.notation : ranked[0][0]
    const model = group.find((r) => r.style === convention)
    const safe = safeMarker(group, convention, reads, names)
    for (const r of group) {
      if (r.style === convention) continue
      const replacement = model ? rewrite(r, model, group, safe) : convention !== 'double' ? configured(r, convention, safe) : undefined
      // The unambiguous form of a symbol fix, should the short form change a reading (`JP¥5`, not `¥5`).
      const symbol = qualifiedSymbol(r.key)
      const qualified = convention === 'symbol' && symbol && replacement && !r.m.vague ? restyle(r.m, symbol, 'before') : undefined
      flagged.push({r, replacement, qualified, convention, model, count: counts.get(convention) ?? 0, size: group.length})
    }
  }
  // If the fixes would change how any amount reads, those that write a bare `¥` or `$` write the
  // qualified symbol instead; if that still does, no notation fix is offered in the article.
  const proposed = () => new Map(flagged.flatMap((f) => (f.replacement ? [[f.r.m, f.replacement] as const] : [])))
  if (!keeps(proposed())) {
    for (const f of flagged) if (f.replacement && findMoney(f.replacement)[0]?.currency === undefined) f.replacement = f.qualified
    if (!keeps(proposed())) for (const f of flagged) f.replacement = undefined
  }
  for (const {r, replacement, convention, model, count, size} of flagged) {
    const described = describe(convention)
    emit(r.m, 'notation', {
      words: r.m.text,
      problem: `${model ? 'the article writes this currency' : 'the configured notation writes currencies'} ${described}`,
      action: replacement ? `write \`${replacement}\`` : `write it ${described}`,
      span: r.m,
      expected: replacement ? [replacement] : undefined,
      fix: replacement ? {start: r.m.start, end: r.m.end, text: replacement} : undefined,
      note: model
        ? `The article writes this currency ${described} (${count} of ${size} mentions, first \`${model.m.text}\`); one style reads as one currency.`
        : `The configured notation is ${convention}.`,
      cause: model ? {span: model.m, reason: `Convention set here: \`${model.m.text}\``} : undefined
    })
  }
}

/**
 * The marker a fix may write. Rewriting "500 million USD", "3,200 yen" or "CAD 5" to a bare `$`,
 * `¥` or "dollars" takes away the word that said which currency it is; when nothing else in the
 * article names it, readers would take the amount for another currency (or the next run would
 * call it ambiguous). Then the fix writes the qualified symbol (`US$`, `JP¥`, `C$`), or, when
 * there is none or the article's style is words, is not offered.
 */
type SafeMarker = (marker: string, key: string) => string | undefined

function safeMarker(group: Read[], convention: Read['style'], reads: Read[], names: CurrencyName[]): SafeMarker {
  const rewritten = group.filter((r) => r.style !== convention)
  const key = group[0].key
  const named =
    names.some((n) => n.codes.includes(key) && !rewritten.some((r) => r.m.start <= n.start && n.end <= r.m.end)) ||
    group.some((r) => r.style === convention && r.m.notation === 'qualified-symbol')
  // A bare `$` or "dollars" reads as US dollars unless the article has another currency about.
  const beside = reads.some((o) => o.key !== key && !o.m.subunit)
  return (marker, code) => {
    if (named || namesItself(marker, code)) return marker
    const usual = reads.find((o) => o.m.marker === marker)?.m.candidates[0]
    if (usual === code && !beside && marker !== '¥') return marker
    return /\p{L}{2,}/u.test(marker) ? undefined : qualifiedSymbol(code)
  }
}

/** Does the marker alone say which currency (`€`, `US$`, `USD`, "yen")? */
function namesItself(marker: string, code: string): boolean {
  if (marker === code || marker === qualifiedSymbol(code) || marker === markerFor(code, 'symbol')) return true
  return findCurrencyNames(marker).some((n) => n.codes.length === 1 && n.codes[0] === code)
}

/** The mention in the configured notation when the article has no mention to copy: `€5m` → "5 million euros". */
function configured(r: Read, notation: Style, safe: SafeMarker): string | undefined {
  const written = /^[A-Z]{3}$/.test(r.key) ? markerFor(r.key, notation) : undefined
  const marker = written && safe(written, r.key)
  if (!marker || r.m.vague || r.m.parts.some((p) => !/^\d/.test(p.number))) return undefined
  return restyle(r.m, marker, notation === 'word' ? 'after' : 'before')
}

function firstOf(group: Read[], style: Read['style']): number {
  return group.find((r) => r.style === style)?.m.start ?? Infinity
}

function describe(style: Read['style']): string {
  return style === 'double' ? 'with both a symbol and a name' : style === 'code' ? 'with an ISO code' : style === 'word' ? 'with a currency word' : 'with a symbol'
}

/** The minority mention in the convention's style: the model's marker, short after a qualified first mention. */
function rewrite(r: Read, model: Read, group: Read[], safe: SafeMarker): string | undefined {
  const {m} = r
  if (m.vague || m.parts.some((p) => !/^\d/.test(p.number))) return undefined
  if (model.style === 'double') return undefined
  let marker = model.m.marker
  if (model.m.notation === 'qualified-symbol') {
    // "US$390 million … $2 million": after the qualified first mention the short form follows.
    const qualifiedBefore = group.some((o) => o.m.notation === 'qualified-symbol' && o.m.start < m.start)
    const short = group.find((o) => o.m.notation === 'symbol')?.m.marker
    if (qualifiedBefore && short) marker = short
  } else if (model.m.notation === 'symbol') {
    const qualifiedBefore = group.some((o) => o.m.notation === 'qualified-symbol' && o.m.start < m.start)
    const qualified = group.find((o) => o.m.notation === 'qualified-symbol')?.m.marker
    if (!qualifiedBefore && qualified) marker = qualified
  }
  const written = safe(marker, r.key)
  return written ? restyle(m, written, model.m.position) : undefined
}

/** Amounts in two or more currencies, none converted: flag each currency's first mention. */
function mixedCurrencies(reads: Read[], rates: Map<Read, string>, settings: Settings, emit: Emit) {
  const byKey = new Map<string, Read[]>()
  // "millions of dollars" has no figure to convert; cents and pence follow their currency.
  for (const r of reads) if (!r.m.subunit && !r.m.vague) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
  if (byKey.size < 2) return
  const keyAt = new Map(reads.map((r) => [r.m.start, r.key]))
  const converted = new Set<string>()
  const targets = new Set<string>()
  for (const [r, named] of rates) {
    targets.add(r.key)
    converted.add(named)
  }
  for (const r of reads) {
    const base = r.m.conversionOf && keyAt.get(r.m.conversionOf.start)
    if (!base || base === r.key) continue
    targets.add(r.key)
    converted.add(base)
  }
  const nameOf = (key: string) => (key === '¥' ? 'yuan or yen (`¥`)' : currencyName(key))
  // "$" or "pesos" names no country: say "dollars" or "pesos", not the usual reading's full name.
  const labelOf = (r: Read) => {
    if (r.m.currency || r.key === '¥') return nameOf(r.key)
    return r.m.marker === '$' ? 'dollars' : r.m.notation === 'word' ? r.m.marker.toLowerCase() : `\`${r.m.marker}\``
  }
  const firsts = [...byKey.entries()].map(([key, group]) => ({key, first: group[0]}))
  for (const {key, first} of firsts) {
    if (converted.has(key) || targets.has(key)) continue
    const other = firsts.find((f) => f.key !== key && !targets.has(f.key)) ?? firsts.find((f) => f.key !== key)!
    const toReference = key !== settings.referenceCurrency
    const reference = nameOf(settings.referenceCurrency)
    emit(first.m, 'currencies', {
      words: first.m.text,
      problem: toReference ? `no conversion to ${reference}` : `\`${other.first.m.text}\`, in another currency, has no conversion to ${reference}`,
      action: toReference ? `add \`(about ${qualifiedSymbol(settings.referenceCurrency) ?? settings.referenceCurrency + ' '}…)\`` : `give \`${other.first.m.text}\` in ${reference} too`,
      span: first.m,
      note: `The article gives amounts in ${firsts.map((f) => labelOf(f.first)).join(', ')} and never converts them to one reference currency, so readers cannot compare them. Give the conversion on first mention; copydesk never supplies exchange rates.`,
      cause: {span: other.first.m, reason: `First amount in ${labelOf(other.first)}: \`${other.first.m.text}\``}
    })
  }
}

function currencyName(key: string): string {
  return loadData('rules/currency-consistency/data.yml', dataShape).names[key] ?? iso.code(key)?.currency ?? key
}
