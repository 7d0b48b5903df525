// Fix safety as a property (issue 20): after --fix's passes, no finding exists that did not exist
// before (positions mapped back through the edits), and fixing the fixed text changes nothing.
// In-process (the preset, as the CLI runs it, and the CLI's applyFixes), over labelled corpus
// articles with generated money paragraphs added, and over generated money-heavy drafts.
import {readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {diffChars} from 'diff'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/cli/fix.js'
import type {Fix} from '../src/plugin/report.js'
import {lintText} from './lint.js'

// The shared corpus beside the checkout, as CI lays it out.
const corpus = resolve('../shared/corpus')
const sets = ['dev', 'dev-claims', 'dev-currency', 'promo/docs']
const articles = sets.flatMap((set) => readdirSync(join(corpus, set)).filter((n) => n.endsWith('.md')).map((n) => join(corpus, set, n)))

// How a currency is written, by notation: the forms newsrooms use and the ones the rule rewrites.
const forms: Record<string, {symbol: string; qualified: string; code: string; word: string}> = {
  USD: {symbol: '$', qualified: 'US$', code: 'USD', word: 'dollars'},
  CAD: {symbol: '$', qualified: 'C$', code: 'CAD', word: 'Canadian dollars'},
  EUR: {symbol: '€', qualified: '€', code: 'EUR', word: 'euros'},
  GBP: {symbol: '£', qualified: '£', code: 'GBP', word: 'pounds'},
  JPY: {symbol: '¥', qualified: 'JP¥', code: 'JPY', word: 'yen'},
  CNY: {symbol: '¥', qualified: 'CN¥', code: 'CNY', word: 'yuan'}
}
const notations = ['symbol', 'qualified', 'code-before', 'code-after', 'word'] as const

const amount = fc
  .record({
    currency: fc.constantFrom(...Object.keys(forms)),
    notation: fc.constantFrom(...notations),
    number: fc.constantFrom('5', '12', '300', '3,200', '1.5', '48'),
    scale: fc.constantFrom('', ' million', ' billion')
  })
  .map(({currency, notation, number, scale}) => {
    const f = forms[currency]
    const figure = number + scale
    if (notation === 'symbol') return f.symbol + figure
    if (notation === 'qualified') return f.qualified + figure
    if (notation === 'code-before') return `${f.code} ${figure}`
    if (notation === 'code-after') return `${figure} ${f.code}`
    return `${figure} ${f.word}`
  })

// Sentences a business story is made of: sourced and not, with and without a conversion.
const sentence = fc.oneof(
  amount.map((a) => `The company will invest ${a} in a new plant, it said.`),
  amount.map((a) => `Revenue reached ${a} last year.`),
  fc.tuple(amount, amount).map(([a, b]) => `The ministry spent ${a} on roads and ${b} on schools, according to the budget.`),
  fc.tuple(amount, amount).map(([a, b]) => `The deal is worth ${a} (about ${b}).`),
  amount.map((a) => `Each module sells for ${a}.`),
  fc.constant('Analysts say the market is the largest in the region.')
)
const paragraph = fc.array(sentence, {minLength: 1, maxLength: 4}).map((s) => s.join(' '))
const draft = fc.array(paragraph, {minLength: 2, maxLength: 6}).map((ps) => `# Markets\n\n${ps.join('\n\n')}\n`)
// A corpus article with a money paragraph added after one of its blank lines.
const article = fc.record({path: fc.constantFrom(...articles), money: paragraph, at: fc.nat()}).map(({path, money, at}) => {
  const text = readFileSync(path, 'utf8')
  const breaks = [...text.matchAll(/\n\n/g)].map((m) => m.index)
  if (breaks.length === 0) return text
  const i = breaks[at % breaks.length]
  return `${text.slice(0, i)}\n\n${money}${text.slice(i)}`
})

interface Finding {
  ruleId: string
  /** The reason with quoted words and figures taken out: which kind of finding, not which text. */
  kind: string
  /** The words the reason names before its colon (`32%`, `68%`). */
  words: string[]
  start: number
  end: number
  fix?: Fix
}

async function findings(text: string): Promise<Finding[]> {
  const file: VFile = await lintText(text)
  return file.messages.map((m) => {
    const place = m.place && 'start' in m.place ? m.place : undefined
    return {
      ruleId: String(m.ruleId),
      // Number agreement aside: "`€5`: no source for this figure" is the kind of "`€5`, `$5`: … these figures".
      kind: m.reason.replace(/`[^`]*`(?:, `[^`]*`)*/g, '`…`').replace(/\d+/g, 'N').replace(/\b(?:these|this)\b/g, 'this').replace(/\b(?:them|it)\b/g, 'it').replace(/(\w)s\b/g, '$1'),
      words: [...m.reason.split(/`: /)[0].matchAll(/`([^`]*)`/g)].map((w) => w[1]),
      start: place?.start.offset ?? 0,
      end: place?.end.offset ?? 0,
      fix: (m as typeof m & {fix?: Fix}).fix
    }
  })
}

// As many passes as the CLI's --fix makes (src/cli/fix.ts).
const maxPasses = 10

async function fixAll(text: string): Promise<string> {
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = (await findings(text)).flatMap((f) => (f.fix ? [f.fix] : []))
    const next = applyFixes(text, fixes).text
    if (next === text) break
    text = next
  }
  return text
}

/** Maps offsets in `after` to offsets in `before`; inserted text maps to the span it replaced. */
function mapper(before: string, after: string) {
  const parts = diffChars(before, after)
  return (start: number, end: number): [number, number] => {
    let a = 0
    let b = 0
    let from: number | undefined
    let to: number | undefined
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]
      const length = part.value.length
      if (part.removed) {
        a += length
        continue
      }
      // An inserted part covers the removed part next to it.
      const removedBefore = parts[i - 1]?.removed ? parts[i - 1].value.length : 0
      const removedAfter = part.added && parts[i + 1]?.removed ? parts[i + 1].value.length : 0
      const point = (offset: number, edge: 'start' | 'end') =>
        part.added ? (edge === 'start' ? a - removedBefore : a + removedAfter) : a + (offset - b)
      if (from === undefined && start <= b + length) from = point(start, 'start')
      if (to === undefined && end <= b + length) to = point(end, 'end')
      if (!part.added) a += length
      b += length
    }
    return [from ?? a, to ?? a]
  }
}

/**
 * The findings of the fixed text that match no finding of the original (same rule and kind,
 * overlapping place). Text flagged as off-topic is left out of the other rules' analysis: when a
 * fix nearby changes that verdict, what the other rules find in it was hidden, not absent.
 */
function added(before: Finding[], after: Finding[], map: (start: number, end: number) => [number, number]): Finding[] {
  const unused = [...before]
  const inserts = before.filter((g) => g.ruleId === 'off-topic-insert')
  const written = new Set(before.flatMap((g) => (g.fix ? [g.fix.text] : [])))
  return after.filter((f) => {
    const [start, end] = map(f.start, f.end)
    if (inserts.some((g) => g.start <= start && end <= g.end)) return false
    // A pasted block is one problem: removing its first run can show the next one, right after.
    if (f.ruleId === 'off-topic-insert' && inserts.some((g) => g.start <= start && start <= g.end + 2)) return false
    // One finding may name several problems of one amount ("…, and …; …, and …"): a fix that
    // solves one of them leaves a finding that names the others.
    const i = unused.findIndex((g) => g.ruleId === f.ruleId && problemsOf(f.kind).every((p) => problemsOf(g.kind).includes(p)) && g.start <= end && start <= g.end)
    // A fix may change where the sentence splitter cuts ("€5. The" is one sentence, "5 EUR. The"
    // two): a finding of the same kind shortly after an earlier one of the rule, naming only its words, is that finding's.
    // Its words are the earlier finding's, or what a fix wrote in their place (`€5` → `5 EUR`).
    if (i < 0) return !before.some((g) => g.ruleId === f.ruleId && g.kind === f.kind && g.start <= start && start - g.start < 500 && f.words.every((w) => g.words.includes(w) || written.has(w)))
    unused.splice(i, 1)
    return false
  })
}

const problemsOf = (kind: string) => kind.replace(/^`…`: /, '').split(/, and |; /)

async function check(text: string): Promise<boolean> {
  const fixed = await fixAll(text)
  if (fixed !== text) {
    const extra = added(await findings(text), await findings(fixed), mapper(text, fixed))
    expect(extra.map((f) => `${f.ruleId} ${f.kind} at ${f.start}: ${fixed.slice(f.start, f.end)}`)).toEqual([])
  }
  // Fixing twice is fixing once.
  expect(await fixAll(fixed)).toBe(fixed)
  return fixed !== text
}

describe('--fix never adds a finding and fixing twice is fixing once (fast-check)', () => {
  it('on the four-currency draft of issue 20', async () => {
    const text = [
      'The company will invest 500 million USD in Arizona, the company said.',
      'It will spend €120 million in Dresden and £45 million in Cambridge, it said.',
      'Modules sell for 3,200 yen each, according to its price list. Smaller ones cost ¥2,800 and larger ones ¥5,100, it said.',
      'Revenue was $8 billion, according to its annual report. Its rivals spent $2 billion, it said.'
    ].join('\n\n')
    expect(await check(text)).toBe(true)
    expect(await fixAll(text)).toContain('US$500 million')
    expect(await fixAll(text)).toContain('JP¥3,200')
  })

  it('on generated money-heavy drafts and corpus articles with money paragraphs', async () => {
    let runs = 0
    let changed = 0
    await fc.assert(
      fc.asyncProperty(fc.tuple(draft, article), async (texts) => {
        runs++
        for (const text of texts) if (await check(text)) changed++
      }),
      // A fixed seed: the suite must not pass or fail by chance. Raise numRuns and drop the seed
      // to hunt for counterexamples (the open ones are listed in the branch's report).
      {numRuns: 15, seed: 2020}
    )
    console.log(`fix safety: ${runs} runs, ${changed} of ${2 * runs} texts changed by --fix`)
    expect(runs).toBe(15)
    // The property is only worth something if fixes happen.
    expect(changed).toBeGreaterThan(3)
  }, 300_000)
})
