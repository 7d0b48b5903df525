// One harness for every rule × fixture, remark-lint style: ok*.md give nothing,
// not-ok*.md give exactly the lines of their .txt, and every message keeps the invariants.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe as group, expect, it} from 'vitest'
import {exclusions, ruleIds, type RuleId} from '../rules/index.js'
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
    })
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
      it(name, async () => {
        const file = await lintText(readFileSync(join(dir, name), 'utf8'), [ruleId, ...claimers], {}, join(dir, name))
        file.messages = file.messages.filter((m) => m.ruleId === ruleId)
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
