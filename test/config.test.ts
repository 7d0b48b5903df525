// Per-rule severity and options in .remarkrc.mjs: validated when the preset is built, and a bad
// value is exit 2 with one line naming the config file and the option.
import {copyFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {validateOptions} from '../src/plugin/preset.js'
import {config, folder, run, seed} from './bin.js'

function lintWith(options: string, args: string[] = []) {
  const dir = folder({'.remarkrc.mjs': config(options)})
  copyFileSync(seed, join(dir, 'seed.md'))
  return run([...args, 'seed.md'], dir)
}

describe('config errors exit 2 naming the file and the option', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unknown rule id', `{rules: {'no-such-rule': 'warn'}}`, /unknown rule `no-such-rule`/],
    ['a bad severity', `{rules: {'vague-attribution': 'loud'}}`, /bad severity `loud` for rule `vague-attribution`/],
    ['an unknown option of a rule with options', `{rules: {'currency-consistency': ['warn', {refCurrency: 'EUR'}]}}`, /unknown option `refCurrency` in `rules\['currency-consistency'\]` \(known: referenceCurrency, currency, notation\)/],
    ['a currency that is not ISO 4217', `{rules: {'currency-consistency': ['warn', {referenceCurrency: 'Euro'}]}}`, /bad value 'Euro' for option `referenceCurrency` in `rules\['currency-consistency'\]`: expected an ISO 4217 currency code/],
    ['a notation it does not know', `{rules: {'currency-consistency': ['error', {notation: 'symbols'}]}}`, /bad value 'symbols' for option `notation`.*one of 'auto', 'symbol', 'code', 'word'/],
    ['a scale count that is not a positive whole number', `{rules: {'unattributed-statistic': ['warn', {minScaleCount: 2.5}]}}`, /bad value 2\.5 for option `minScaleCount` in `rules\['unattributed-statistic'\]`: expected a positive whole number/],
    ['any option of a rule that takes none', `{rules: {'off-topic-insert': ['warn', {minScriptRun: 3}]}}`, /unknown option `minScriptRun` in `rules\['off-topic-insert'\]` \(it takes no options\)/],
    ['a bad readability value', `{readability: {age: -3}}`, /bad value -3 for option `age` in `readability`: expected a positive number/],
    ['an unknown readability option', `{readability: {grade: 8}}`, /unknown option `grade` in `readability`/],
    ['options that are not an object', `{rules: {'currency-consistency': ['warn', 'EUR']}}`, /options of `rules\['currency-consistency'\]` must be an object/]
  ]
  for (const [what, options, message] of cases) {
    it(what, () => {
      const result = lintWith(options)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^copydesk: broken config `.remarkrc.mjs`: /)
      expect(result.stderr).toMatch(message)
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(result.stdout).toBe('')
    })
  }
})

describe('valid config', () => {
  it('accepts every documented option', () => {
    expect(() =>
      validateOptions({
        rules: {
          'currency-consistency': ['error', {referenceCurrency: 'EUR', currency: 'CNY', notation: 'code'}],
          'unsupported-superlative': 'off',
          'vague-attribution': ['warn'],
          readability: 'error'
        },
        readability: {age: 16, minWords: 10, threshold: 4 / 7}
      })
    ).not.toThrow()
  })

  it('sets severity per rule: off drops the rule, error fails the run', () => {
    const result = lintWith(`{rules: {'vague-attribution': 'error', 'unsupported-superlative': 'off', 'unattributed-statistic': 'off', 'currency-consistency': 'off', 'off-topic-insert': 'off', readability: 'off'}}`, ['--format', 'json'])
    expect(result.code).toBe(1)
    const messages = JSON.parse(result.stdout)[0].messages as Array<{ruleId: string; fatal: boolean}>
    expect(new Set(messages.map((m) => `${m.ruleId} ${m.fatal}`))).toEqual(new Set(['vague-attribution true']))
  })

  it('passes readability options through (a stricter age flags more sentences)', () => {
    const count = (options: string) => JSON.parse(lintWith(options, ['--format', 'json']).stdout)[0].messages.filter((m: {ruleId: string}) => m.ruleId === 'readability').length
    expect(count(`{readability: {age: 10, threshold: 3 / 7}}`)).toBeGreaterThan(count(`{}`))
  })
})

describe('--verbose', () => {
  it("shows each finding's note", () => {
    const result = run(['--verbose', seed])
    expect(result.stderr).toContain('[note]:')
    // Notes wrap at 100 columns, under their finding: read them with the line breaks folded.
    const folded = result.stderr.replace(/\s+/g, ' ')
    expect(folded).toContain('A run in Han script in an article written in Latin script, neither a quotation nor a gloss of a name: usually spam or pasted text.')
    expect(folded).toContain('Several readability formulas find this sentence hard for a reader aged 22')
    expect(run([seed]).stderr).not.toContain('[note]:')
  })
})
