// off-topic-insert's runs reach the claim rules through the preset's exclusion step: with the rule
// on they are found once and left out of the others' analysis; with it off nothing looks for them.
import {describe, expect, it, vi} from 'vitest'
import {lintText} from './lint.js'

const found = vi.hoisted(() => ({calls: 0}))
vi.mock('../rules/off-topic-insert/lib/find-runs.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../rules/off-topic-insert/lib/find-runs.js')>()
  return {
    ...original,
    findInserts: (...args: Parameters<typeof original.findInserts>) => {
      found.calls++
      return original.findInserts(...args)
    }
  }
})

const text = [
  'The city council voted on Tuesday to extend the night bus service to the airport after months of complaints from shift workers.',
  "URGENT! You have won the world's biggest cash prize. Call 09061701461 now to claim, T&C apply.",
  'Drivers welcomed the decision.',
  ''
].join('\n')
const claimRules = ['unsupported-superlative', 'vague-attribution', 'unattributed-statistic', 'currency-consistency'] as const

describe('the exclusion step', () => {
  it('does not look for inserted runs when off-topic-insert is off', async () => {
    found.calls = 0
    await lintText(text, [...claimRules])
    expect(found.calls).toBe(0)
  })

  it('looks for them once when it is on, for the step and the rule together', async () => {
    found.calls = 0
    const file = await lintText(text, ['off-topic-insert', ...claimRules])
    expect(found.calls).toBe(1)
    expect(file.messages.map((m) => m.ruleId)).toEqual(['off-topic-insert'])
  })

  it('leaves a superlative inside a spam run to off-topic-insert only while that rule is on', async () => {
    const on = await lintText(text, ['off-topic-insert', 'unsupported-superlative'])
    expect(on.messages.filter((m) => m.ruleId === 'unsupported-superlative')).toEqual([])
    // Off, nothing claims the run: its words are read as the writer's.
    const off = await lintText(text, 'unsupported-superlative')
    expect(off.messages.map((m) => m.actual)).toEqual(["the world's biggest"])
  })
})
