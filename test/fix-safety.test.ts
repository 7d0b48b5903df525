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
import {fixOf, type Fix} from '../src/plugin/report.js'
import {lintText} from './lint.js'
import {confusableDraft, draft, paragraph} from './money-drafts.js'

// The shared corpus beside the checkout, as CI lays it out.
const corpus = resolve('../shared/corpus')
const sets = ['dev', 'dev-claims', 'dev-currency', 'promo/docs']
const articles = sets.flatMap((set) => readdirSync(join(corpus, set)).filter((n) => n.endsWith('.md')).map((n) => join(corpus, set, n)))

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
      fix: fixOf(m)
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
  return after.filter((f) => {
    const [start, end] = map(f.start, f.end)
    if (inserts.some((g) => g.start <= start && end <= g.end)) return false
    // A pasted block is one problem: removing its first run can show the next one, right after.
    if (f.ruleId === 'off-topic-insert' && inserts.some((g) => g.start <= start && start <= g.end + 2)) return false
    // One finding may name several problems of one amount ("…, and …; …, and …"): a fix that
    // solves one of them leaves a finding that names the others.
    const i = unused.findIndex((g) => g.ruleId === f.ruleId && problemsOf(f.kind).every((p) => problemsOf(g.kind).includes(p)) && g.start <= end && start <= g.end)
    if (i < 0) return true
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

  // A bare `¥` is read from the mentions around it: "5 CNY" rewritten to "5 yuan" must not stop
  // being what the `¥` before it is read by, nor "5 yen" rewritten to `¥5` right after "5 CNY"
  // become yuan (the fix writes `JP¥5`).
  it('on drafts where a fix changes which currency a bare symbol is read as', async () => {
    const yuan = '# Markets\n\nThe deal is worth ¥5 (about 5 JPY).\n\nEach module sells for 5 yuan.\n\nEach module sells for 5 CNY.\n\nThe ministry spent ¥5 on roads and JP¥5 on schools, according to the budget.\n'
    const yen = '# Markets\n\nEach module sells for JP¥5. Revenue reached 5 CNY last year.\n\nThe deal is worth 5 yen (about CN¥5). The ministry spent ¥5 on roads and JPY 5 on schools, according to the budget.\n\nRevenue reached ¥5 last year.\n'
    expect(await check(yuan)).toBe(true)
    expect(await check(yen)).toBe(true)
    expect(await fixAll(yen)).toContain('worth JP¥5 (about CN¥5)')
  })

  // The fix cuts the pasted sentence: the `$` it explained must not be rewritten after it (`C$5`).
  // (The article long enough to have a topic: off-topic-insert asks its topic model nothing under
  // topicMinWords, 75.)
  it('on a draft whose only named dollar is in a sentence off-topic-insert cuts', async () => {
    const text = '# Markets\n\nThe ministry spent $5 on roads and $5 on schools, according to the budget. ' +
      'The roads programme will repave the ring road and the bridges over the river, the budget says. ' +
      'The schools programme will repair roofs and heating in forty primary schools before the winter, and the ministry will publish a list of the schools in the spring, officials said at the budget briefing on Tuesday.' +
      '\n\nEach module sells for €5. The deal is worth $5 (about 5 CAD).\n'
    expect(await check(text)).toBe(true)
    expect(await fixAll(text)).not.toContain('C$')
  })

  it('on generated drafts in the two currencies one symbol stands for', async () => {
    let runs = 0
    let changed = 0
    await fc.assert(
      fc.asyncProperty(confusableDraft, async (text) => {
        runs++
        if (await check(text)) changed++
      }),
      // Drafts lint in milliseconds: more runs than over corpus articles, with a fixed seed.
      {numRuns: 60, seed: 2020}
    )
    console.log(`fix safety, confusable currencies: ${runs} runs, ${changed} drafts changed by --fix`)
    expect(runs).toBe(60)
    expect(changed).toBeGreaterThan(12)
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
