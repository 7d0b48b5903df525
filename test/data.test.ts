// Every data file has a shape, checked when it is loaded: a misspelt, missing or mistyped key is
// refused with a message naming the file and the key, not read as undefined deep in a rule.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {dataShape as currencyConsistency} from '../rules/currency-consistency/index.js'
import {dataShape as offTopicInsert, pastedModelShape} from '../rules/off-topic-insert/lib/model.js'
import {dataShape as unattributedStatistic} from '../rules/unattributed-statistic/index.js'
import {claimVocabularyShape} from '../rules/unsupported-superlative/lib/claims.js'
import {checkData, type Infer, lazily, object, optional, type Shape, string} from '../src/plugin/data.js'
import {abbreviationsShape} from '../src/text/abbreviations.js'
import {attributionShape} from '../src/text/attribution.js'
import {moneyShape} from '../src/text/money.js'
import {numberDataShape} from '../src/text/numbers.js'
import {taggingShape} from '../src/text/tokens.js'

const shapes: Record<string, Shape<unknown>> = {
  'rules/currency-consistency/data.yml': currencyConsistency,
  'rules/off-topic-insert/data.yml': offTopicInsert,
  'rules/off-topic-insert/pasted-model.yml': pastedModelShape,
  'rules/unattributed-statistic/data.yml': unattributedStatistic,
  'rules/unsupported-superlative/data.yml': claimVocabularyShape,
  'src/text/abbreviations.yml': abbreviationsShape,
  'src/text/attribution.yml': attributionShape,
  'src/text/money.yml': moneyShape,
  'src/text/numbers.yml': numberDataShape,
  'src/text/tagging.yml': taggingShape
}
const read = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>
const refusal = (path: string, value: unknown) => {
  try {
    checkData(path, value, shapes[path])
  } catch (error) {
    return (error as Error).message
  }
  return undefined
}

const dataFiles = (dir: string): string[] =>
  readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' ? [] : dataFiles(join(dir, e.name))) : e.name.endsWith('.yml') ? [join(dir, e.name)] : []
  )

it('knows a shape for every data file of the rules and of src', () => {
  expect([...dataFiles('rules'), ...dataFiles('src')].sort()).toEqual(Object.keys(shapes).sort())
})

describe.each(Object.keys(shapes))('%s', (path) => {
  it('has its shape', () => {
    expect(refusal(path, read(path))).toBeUndefined()
  })

  it('is refused with a value of the wrong type, naming the key', () => {
    const value = read(path)
    const first = Object.keys(value)[0]
    value[first] = true
    expect(refusal(path, value)).toMatch(new RegExp(`^copydesk: data file ${path}: key \`${first}\` must be .+, not \`true\`$`))
  })
})

describe.each(Object.keys(shapes).filter((path) => !path.startsWith('src/reporters/')))('%s, a mapping of fixed keys,', (path) => {
  it('is refused with a misspelt key, naming both spellings', () => {
    const value = read(path)
    const [first, ...rest] = Object.keys(value)
    const misspelt = Object.fromEntries([[`${first}x`, value[first]], ...rest.map((key) => [key, value[key]])])
    expect(refusal(path, misspelt)).toBe(`copydesk: data file ${path}: key \`${first}x\` is unknown (missing: \`${first}\`)`)
  })

  it('is refused with a key left out', () => {
    const value = read(path)
    const last = Object.keys(value).at(-1)!
    delete value[last]
    expect(refusal(path, value)).toMatch(new RegExp(`^copydesk: data file ${path}: key \`${last}\` is missing \\(expected .+\\)$`))
  })
})

describe('keys inside keys', () => {
  it('names a nested key by its path', () => {
    const money = read('src/text/money.yml') as {symbols: Record<string, Record<string, unknown>>}
    const [symbol] = Object.keys(money.symbols)
    money.symbols[symbol].qualifed = true
    expect(refusal('src/text/money.yml', money)).toBe(`copydesk: data file src/text/money.yml: key \`symbols.${symbol}.qualifed\` is unknown`)
    const offTopic = read('rules/off-topic-insert/data.yml') as {pasted: Record<string, unknown>}
    offTopic.pasted.minWords = '3'
    expect(refusal('rules/off-topic-insert/data.yml', offTopic)).toBe('copydesk: data file rules/off-topic-insert/data.yml: key `pasted.minWords` must be a number, not `"3"`')
  })

  it('names an item of a list by its index, and counts a pair', () => {
    const statistic = read('rules/unattributed-statistic/data.yml') as {scaleNouns: unknown[]}
    statistic.scaleNouns[1] = 5
    expect(refusal('rules/unattributed-statistic/data.yml', statistic)).toBe('copydesk: data file rules/unattributed-statistic/data.yml: key `scaleNouns[1]` must be a string, not `5`')
    const pasted = read('rules/off-topic-insert/pasted-model.yml') as {ranges: Record<string, number[]>}
    const [feature] = Object.keys(pasted.ranges)
    pasted.ranges[feature].push(1)
    expect(refusal('rules/off-topic-insert/pasted-model.yml', pasted)).toBe(`copydesk: data file rules/off-topic-insert/pasted-model.yml: key \`ranges.${feature}\` must be a list of 2 numbers, not a list of 3`)
  })

  it('leaves out an optional key without complaint, and refuses the file itself when it is no mapping', () => {
    const money = read('src/text/money.yml') as {units: Record<string, Record<string, unknown>>}
    for (const unit of Object.values(money.units)) delete unit.default
    expect(refusal('src/text/money.yml', money)).toBeUndefined()
    expect(refusal('src/text/money.yml', ['a'])).toBe('copydesk: data file src/text/money.yml: the file must be a mapping, not a list')
  })

  it('gives the type its fields make, an optional key optional (tsc checks this)', () => {
    const shape = object({name: string, note: optional(string)})
    const short: Infer<typeof shape> = {name: 'a'}
    // @ts-expect-error a required key left out
    const missing: Infer<typeof shape> = {note: 'b'}
    expect(shape.check(short, '')).toBeUndefined()
    expect(shape.check(missing, '')).toBe('key `name` is missing (expected a string)')
  })
})

// A rule's compiled patterns are built when first read (a one-article run reads few of them), once.
describe('lazily', () => {
  it('builds each entry on its first read only, once, and keeps it', () => {
    const built: string[] = []
    const table = lazily<{words: RegExp; never: RegExp}>({
      words: () => (built.push('words'), /\p{L}+/gu),
      never: () => (built.push('never'), /x/)
    })
    expect(built).toEqual([])
    const first = table.words
    expect(built).toEqual(['words'])
    expect(table.words).toBe(first)
    first.lastIndex = 3
    expect(table.words.lastIndex).toBe(3)
    expect(built).toEqual(['words'])
    expect(Object.keys(table)).toEqual(['words', 'never'])
  })
})
