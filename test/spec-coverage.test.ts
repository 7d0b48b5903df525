// Issue 16: every category of the spec's lists has a fixture, positive and negative.
// test/spec-coverage.md maps each category of sections 1, 2, 3 and 5 to the fixtures that show it,
// with a phrase from the sentence that does. This checks the map against the fixtures: each named
// fixture exists and is one the harness (test/rules.test.ts) runs, holds the phrase, and on the
// flagged side has a finding on the phrase's line in its .txt, so deleting or emptying a fixture
// fails here. Its known gaps, sentences a rule gets wrong, run as expected failures.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe as group, expect, it} from 'vitest'
import {exclusions, ruleIds, type RuleId} from '../rules/index.js'
import {lintText} from './lint.js'

const table = readFileSync(join('test', 'spec-coverage.md'), 'utf8')
const claimers = Object.keys(exclusions) as RuleId[]
const sections = ['unsupported-superlative', 'unattributed-statistic', 'currency-consistency', 'vague-attribution']

interface Row {ruleId: string; line: number; cells: string[]}

/** The table rows under each `## heading`, with the heading as their rule. */
function rows(): Row[] {
  const out: Row[] = []
  let heading = ''
  table.split('\n').forEach((text, index) => {
    const h = /^## (.+)$/.exec(text)
    if (h) heading = h[1].trim()
    if (!text.startsWith('| ') || /^\| (section|rule) \|/.test(text) || /^\| ---/.test(text)) return
    out.push({ruleId: heading, line: index + 1, cells: text.slice(2, -2).split(' | ')})
  })
  return out
}

interface Ref {path: string; name: string; phrase: string}

/** The `file.md` «phrase» references of one cell; `rule/file.md` points into another rule. */
function refs(cell: string, ruleId: string): Ref[] {
  return [...cell.matchAll(/`([\w./-]+\.md)` «([^»]+)»/g)].map(([, file, phrase]) => {
    const [rule, name] = file.includes('/') ? file.split('/') : [ruleId, file]
    return {path: join('rules', rule, 'fixtures', name), name, phrase}
  })
}

/** 1-based lines of `text` holding `phrase`. */
function linesOf(text: string, phrase: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(phrase) ? [i + 1] : []))
}

const categories = rows().filter((r) => r.ruleId !== 'Known gaps')
const gaps = rows().filter((r) => r.ruleId === 'Known gaps')

group('spec coverage table', () => {
  it('has a section of rows for each rule of spec sections 1, 2, 3 and 5', () => {
    for (const ruleId of sections) {
      expect(ruleIds as readonly string[]).toContain(ruleId)
      expect(categories.filter((r) => r.ruleId === ruleId).length, ruleId).toBeGreaterThan(10)
    }
    expect(new Set(categories.map((r) => r.ruleId))).toEqual(new Set(sections))
    // (The known gaps' section stays, to hold the next gap, even with no row open.)
    expect(table).toMatch(/^## Known gaps$/m)
  })

  for (const row of categories) {
    const [section, category, flagged, clean, status] = row.cells
    it(`${row.ruleId}: ${section}: ${category} (line ${row.line})`, () => {
      expect(row.cells).toHaveLength(5)
      expect(['before', 'added']).toContain(status)
      const positive = refs(flagged, row.ruleId)
      const negative = refs(clean, row.ruleId)
      expect(positive, 'a flagged fixture').not.toEqual([])
      expect(negative, 'a fixture that is not flagged').not.toEqual([])
      for (const ref of positive) {
        // The harness runs every not-ok*.md of a rule's fixtures against its .txt.
        expect(ref.name, ref.path).toMatch(/^not-ok.*\.md$/)
        expect(existsSync(ref.path), ref.path).toBe(true)
        const txt = ref.path.replace(/\.md$/, '.txt')
        expect(existsSync(txt), txt).toBe(true)
        const lines = linesOf(readFileSync(ref.path, 'utf8'), ref.phrase)
        expect(lines, `«${ref.phrase}» in ${ref.path}`).not.toEqual([])
        const found = new Set(readFileSync(txt, 'utf8').split('\n').filter(Boolean).map((l) => Number(l.split(':')[0])))
        expect(lines.some((l) => found.has(l)), `a finding on the line of «${ref.phrase}» in ${txt}`).toBe(true)
      }
      for (const ref of negative) {
        // The harness runs every ok*.md of a rule's fixtures and expects no finding.
        expect(ref.name, ref.path).toMatch(/^ok.*\.md$/)
        expect(existsSync(ref.path), ref.path).toBe(true)
        expect(linesOf(readFileSync(ref.path, 'utf8'), ref.phrase), `«${ref.phrase}» in ${ref.path}`).not.toEqual([])
      }
    })
  }
})

// (vitest fails a describe with no test in it: the group is made only while a gap is open.)
if (gaps.length > 0) group('known gaps: sentences a rule gets wrong, stated as the spec wants them', () => {
  for (const row of gaps) {
    const [ruleId, category, sentence, expected] = row.cells
    // Known to fail today: when the rule follows the spec, this passes, it.fails turns it red,
    // and the sentence belongs in a fixture (drop the row).
    it.fails(`${ruleId}: ${category}: ${sentence}`, async () => {
      expect(sections).toContain(ruleId)
      const text = `Members of the regional council met on Monday to discuss plans for the coming year.\n\n${sentence}\n`
      const file = await lintText(text, [ruleId as RuleId, ...claimers])
      const words = file.messages.filter((m) => m.ruleId === ruleId).map((m) => `${m.reason.split(/`: /)[0]}\``)
      expect(words.length === 0 ? 'none' : words.join('; ')).toBe(expected)
    })
  }
})
