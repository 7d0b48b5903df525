// Inline comments (remark-message-control, name `copydesk`) switch rules off and on in the article itself.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {folder, run} from './bin.js'
import {lintText} from './lint.js'

const vague = 'Critics say the plan will fail.'
const statistic = 'The bridge cut travel times by 32% last year.'
const hard =
  'The consortium’s comprehensive intergovernmental infrastructure modernisation programme, encompassing multidimensional transportation electrification initiatives, necessitates considerable administrative coordination.'

async function findings(markdown: string) {
  const file = await lintText(markdown)
  return file.messages.map((m) => `${m.line} ${m.ruleId}`).sort()
}

describe('inline comments', () => {
  it('flags every paragraph without comments (the baseline the other cases switch)', async () => {
    expect(await findings(`${vague}\n\n${statistic}\n\n${vague}\n`)).toEqual(['1 vague-attribution', '3 unattributed-statistic', '5 vague-attribution'])
  })

  it('disable RULE switches one rule off until enable RULE', async () => {
    const text = `<!-- copydesk disable vague-attribution -->\n\n${vague}\n\n${statistic}\n\n<!-- copydesk enable vague-attribution -->\n\n${vague}\n`
    expect(await findings(text)).toEqual(['5 unattributed-statistic', '9 vague-attribution'])
  })

  it('disable with no rule id switches every rule off, enable switches them back on', async () => {
    const text = `<!-- copydesk disable -->\n\n${vague}\n\n${statistic}\n\n<!-- copydesk enable -->\n\n${vague}\n`
    expect(await findings(text)).toEqual(['9 vague-attribution'])
  })

  it('ignore RULE silences that rule in the next block only', async () => {
    const text = `<!-- copydesk ignore vague-attribution -->\n${vague}\n\n${vague}\n`
    expect(await findings(text)).toEqual(['4 vague-attribution'])
  })

  it('ignore with no rule id silences every rule in the next block only', async () => {
    const text = `<!-- copydesk ignore -->\n${vague} ${statistic}\n\n${statistic}\n`
    expect(await findings(text)).toEqual(['4 unattributed-statistic'])
  })

  it('takes several rule ids in one comment', async () => {
    const text = `<!-- copydesk disable vague-attribution unattributed-statistic -->\n\n${vague} ${statistic}\n`
    expect(await findings(text)).toEqual([])
  })

  it('controls readability (retext-readability) by the same comments', async () => {
    expect(await findings(`${hard}\n`)).toEqual(['1 readability'])
    expect(await findings(`<!-- copydesk ignore readability -->\n${hard}\n\n${hard}\n`)).toEqual(['4 readability'])
  })

  it('reports a rule id it does not know as an error naming the known ids, instead of silently doing nothing', async () => {
    const file = await lintText(`<!-- copydesk disable vague-atribution -->\n\n${vague}\n`)
    expect(file.messages.map((m) => `${m.line} ${m.ruleId} ${m.fatal} ${m.reason}`).sort()).toEqual([
      '1 known true unknown rule `vague-atribution` in a copydesk comment (known: unsupported-superlative, unattributed-statistic, currency-consistency, off-topic-insert, vague-attribution, readability)',
      '3 vague-attribution false `Critics say`: attributed to no one in particular; name the source'
    ])
  })

  it('exits 2 for a misspelt rule id, as for one in the config, and still reports the rest', () => {
    const dir = folder({'a.md': `<!-- copydesk ignore off-topic-insrt -->\n\n${vague}\n`, 'b.md': `${vague}\n`})
    const result = run(['a.md', 'b.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^1:1-1:41\s+error\s+known\s+unified-message-control\n\s+unknown rule `off-topic-insrt` in a copydesk comment \(known: unsupported-superlative,[\s\S]*?readability\)/m)
    expect(result.stderr).toMatch(/^b\.md$/m)
    expect(result.stderr.match(/Critics say/g)).toHaveLength(2)
  })

  it("does what the README's example says, line by line", async () => {
    const readme = readFileSync('README.md', 'utf8')
    const example = /## Inline comments[\s\S]*?```markdown\n([\s\S]*?)```/.exec(readme)![1]
    const lines = example.split('\n')
    const flagged = lines.flatMap((line, i) => (/← flagged/.test(line) ? [i + 1] : []))
    const file = await lintText(lines.map((line) => line.replace(/\s*←.*$/, '')).join('\n'))
    expect(flagged.length).toBeGreaterThan(0)
    expect(file.messages.map((m) => m.line)).toEqual(flagged)
  })
})
