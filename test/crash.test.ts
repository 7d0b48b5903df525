// A rule that throws is reported on that file as one fatal line naming it; the others still run.
import remarkParse from 'remark-parse'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {remarkRetextByBlocks} from '../src/plugin/bridge.js'
import {guardRule} from '../src/plugin/crash.js'
import {remarkCollectFacts} from '../src/text/markdown.js'
import {copydeskRule} from '../src/plugin/rule.js'

async function lintWith(plugin: unknown) {
  const file = new VFile({path: 'a.md', value: 'Critics say it failed.\n'})
  const english = unified()
    .use(retextEnglish)
    .use(guardRule('broken-rule', plugin as never) as never, ['warn'] as never)
    .use(guardRule('vague-attribution', rules['vague-attribution'] as never) as never, ['warn'] as never)
  const processor = unified().use(remarkParse).use(remarkCollectFacts).use(remarkRetextByBlocks, english as never)
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, fatal: m.fatal, stack: m.stack ?? '', cause: m.cause}))
}

describe('guardRule', () => {
  const expected = [
    {reason: 'Cannot lint file: rule `broken-rule` failed: kaput', ruleId: 'broken-rule', fatal: true, stack: '', cause: undefined},
    expect.objectContaining({ruleId: 'vague-attribution', fatal: false})
  ]

  it('makes an exception in a copydesk rule (unified-lint-rule) fatal, with no stack', async () => {
    const broken = copydeskRule({id: 'broken-rule', description: 'Fails', severity: 'warn', options: {}, legend: {letter: 'B', background: '#fff', line: '1px solid #000'}}, () => {
      throw new Error('kaput\n    at somewhere (file.js:1:1)')
    })
    expect(await lintWith(broken)).toEqual(expected)
  })

  it('catches a plain plugin that throws, synchronously or not', async () => {
    expect(await lintWith(() => () => { throw new Error('kaput') })).toEqual(expected)
    expect(await lintWith(() => async () => { throw new Error('kaput') })).toEqual(expected)
  })
})
