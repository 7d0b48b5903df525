// One harness for every rule × fixture, remark-lint style: ok*.md give nothing,
// not-ok*.md give exactly the lines of their .txt, and every message keeps the invariants.
// Options, as remark-lint's "When configured with …": `options-NAME.json` holds the rule's
// options (the object that follows the severity in config) for `ok-NAME.md` and `not-ok-NAME.md`;
// every other fixture runs with the rule's defaults. Each options file serves at least one
// fixture, and a fixture with options shows what they change: with the defaults it gives other findings.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe as group, expect, it} from 'vitest'
import {exclusions, ruleIds, type RuleId} from '../rules/index.js'
import type {CopydeskOptions} from '../src/plugin/preset.js'
import {ruleUrl} from '../src/plugin/rule-url.js'
import {describe, lintText} from './lint.js'

// Each rule runs as default config runs it: beside the rules that claim text (off-topic runs are
// left out of the claim rules' analysis), whose own findings are left out here.
const claimers = Object.keys(exclusions) as RuleId[]

for (const ruleId of ruleIds) {
  const dir = join('rules', ruleId, 'fixtures')
  group(ruleId, () => {
    it('has a readme and fixtures of both kinds', () => {
      expect(existsSync(join('rules', ruleId, 'readme.md'))).toBe(true)
      const names = readdirSync(dir)
      expect(names.some((n) => /^ok.*\.md$/.test(n))).toBe(true)
      expect(names.some((n) => /^not-ok.*\.md$/.test(n))).toBe(true)
      for (const options of names.filter((n) => /^options-.*\.json$/.test(n))) {
        const name = options.replace(/^options-/, '').replace(/\.json$/, '')
        expect(names.filter((n) => n === `ok-${name}.md` || n === `not-ok-${name}.md`), `fixtures for ${options}`).not.toEqual([])
      }
    })
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
      it(name, async () => {
        const text = readFileSync(join(dir, name), 'utf8')
        const options = optionsOf(dir, name)
        const lint = async (rules: CopydeskOptions) => {
          const linted = await lintText(text, [ruleId, ...claimers], rules, join(dir, name))
          linted.messages = linted.messages.filter((m) => m.ruleId === ruleId)
          return linted
        }
        const file = await lint(options ? {rules: {[ruleId]: ['warn', options]}} : {})
        if (options) expect(describe(await lint({}))).not.toEqual(describe(file))
        if (name.startsWith('ok')) {
          expect(describe(file)).toEqual([])
          return
        }
        const expected = readFileSync(join(dir, name.replace(/\.md$/, '.txt')), 'utf8').split('\n').filter(Boolean)
        expect(describe(file)).toEqual(expected)
        for (const m of file.messages) {
          expect(m.source).toBe('copydesk')
          expect(m.ruleId).toBe(ruleId)
          expect(m.url).toBe(ruleUrl(ruleId))
          expect(m.place && 'start' in m.place && 'end' in m.place).toBe(true)
          expect(typeof m.actual).toBe('string')
        }
      })
    }
  })
}

// Spec §2 counts every money amount as a statistic, and §3 flags its currency: one amount keeps a
// finding of each rule only when each asks for its own edit (name the currency or convert it;
// say who measured it). A sourced amount gets no statistic finding, an amount with nothing wrong
// with its currency no currency finding, and a conversion is named in its amount's finding.
group('one finding per problem: currency-consistency and unattributed-statistic', () => {
  const findings = async (text: string) => {
    const file = await lintText(text, ['currency-consistency', 'unattributed-statistic', ...claimers])
    return file.messages.filter((m) => m.ruleId === 'currency-consistency' || m.ruleId === 'unattributed-statistic').map((m) => `${m.ruleId} ${m.reason.split(/`: /)[0]}\``).sort()
  }
  it('keeps both where both edits are needed: an unsourced amount with an ambiguous symbol or no conversion', async () => {
    expect(await findings('Chips got ¥300 billion. The city also plans to spend $8 billion on its port.')).toEqual([
      'currency-consistency `$8 billion`',
      'currency-consistency `¥300 billion`',
      'unattributed-statistic `$8 billion`',
      'unattributed-statistic `¥300 billion`'
    ])
    expect(await findings('The ministry gave 300 billion yuan to chips and 40 billion yuan to roads, it said. Ports got ¥20 billion.')).toEqual([
      'currency-consistency `¥20 billion`',
      'unattributed-statistic `¥20 billion`'
    ])
  })
  it('keeps only the currency finding on a sourced amount, and only the statistic one where the currency is clear', async () => {
    expect(await findings('Chips got ¥300 billion, the ministry said. The city also plans to spend $8 billion on its port, according to its budget.')).toEqual([
      'currency-consistency `$8 billion`',
      'currency-consistency `¥300 billion`'
    ])
    expect(await findings('The city plans to spend $8 billion on its port.')).toEqual(['unattributed-statistic `$8 billion`'])
    expect(await findings('"We will spend ¥300 billion," said Li Wei, the minister. The port got $8 billion.')).toEqual(['unattributed-statistic `$8 billion`'])
    // An amount a named act provides is attributed to it (§2); its currency still needs a conversion (§3).
    expect(await findings("The Harbour Act provides £40 million for the port. The city's own plan adds US$8 billion, its budget shows.")).toEqual([
      'currency-consistency `US$8 billion`',
      'currency-consistency `£40 million`'
    ])
  })
  it('names a conversion in its amount\'s finding, not in one of its own', async () => {
    expect(await findings('The fund holds £30 million (about US$49 million). The city also plans to spend US$8 billion on its port.')).toEqual([
      'unattributed-statistic `US$8 billion`',
      'unattributed-statistic `£30 million`, `US$49 million`'
    ])
    expect(await findings('The fund holds £30 million (about US$49 million), the ministry said.')).toEqual([])
  })
})

/** The options for fixture `name` from its `options-NAME.json`, if it has one. */
function optionsOf(dir: string, name: string): Record<string, unknown> | undefined {
  const stem = /^(?:not-)?ok-(.+)\.md$/.exec(name)?.[1]
  const path = stem && join(dir, `options-${stem}.json`)
  return path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}
