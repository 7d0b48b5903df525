// The README's rule tables against the one list of rules (rules/index.ts): a rule added, renamed
// or given options shows up there, and nothing is documented that does not exist.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'

const readme = readFileSync('README.md', 'utf8')

/** The first column of the Markdown table whose header row is `header`, as written. */
function firstColumn(header: string): string[] {
  const lines = readme.split('\n')
  const start = lines.indexOf(header)
  expect(start, `README.md has a table headed ${header}`).toBeGreaterThan(-1)
  const rows = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(line.split('|')[1].trim())
  }
  return rows
}

/** The rule id a first cell names: `` `id` `` or `` [`id`](link) ``. */
const idOf = (cell: string) => /^\[?`([^`]+)`/.exec(cell)?.[1] ?? cell

describe('README.md rule tables', () => {
  it('list every rule, in order, and nothing else', () => {
    expect(firstColumn('| rule | flags |').map(idOf)).toEqual(allRules.map((rule) => rule.id))
  })

  it("link each rule to its readme", () => {
    for (const cell of firstColumn('| rule | flags |').filter((c) => idOf(c) !== 'readability')) {
      expect(cell).toBe(`[\`${idOf(cell)}\`](rules/${idOf(cell)}/readme.md)`)
    }
  })

  it('give the options of every rule that has some, name each option, and say the others have none', () => {
    const withOptions = allRules.filter((rule) => Object.keys(rule.options).length > 0)
    const rows = firstColumn('| rule | options |')
    // Readability's options are set under `readability`, not in its rule setting: it has a row too.
    const expected = [...withOptions.map((rule) => rule.id), 'readability']
    if (withOptions.length < allRules.length - 1) expected.push('the others')
    expect(rows.map(idOf)).toEqual(expected)
    for (const rule of withOptions) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`))!
      for (const option of Object.keys(rule.options)) expect(row).toContain(`\`${option}\``)
    }
  })
})
