// The speed machinery must not change what copydesk reports: the worker pool, the cache and
// shards against one plain run, and the readability reimplementation against the stock plugin.
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'
import type {Root as NlcstRoot} from 'nlcst'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import retextReadability from 'retext-readability'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {beforeAll, describe, expect, it} from 'vitest'
import {deserializeMessage, serializeMessage} from '../src/run/messages.js'
import readability from '../src/plugin/readability.js'
import {toJson} from '../src/reporters/json.js'
import {reportCpuTo} from './cpu.js'

const bin = resolve('bin/copydesk.js')
const corpus = resolve('..', 'shared', 'corpus', 'news')
const hasCorpus = existsSync(corpus)
const articles = hasCorpus ? readdirSync(corpus).filter((name) => name.endsWith('.md')).sort() : []

function run(args: string[], cwd: string) {
  // The process reports its own CPU time (test/cpu.ts): the cache's saving, measured on a busy machine.
  const cpuFile = join(cwd, '..', `${basename(cwd)}-cpu.txt`)
  const result = spawnSync(process.execPath, ['--import', reportCpuTo(cpuFile), bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr, cpu: Number(readFileSync(cpuFile, 'utf8'))}
}

/** A temporary folder with every `step`-th corpus article (and the longest, an interview). */
function corpusFolder(step: number) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-speed-'))
  const chosen = articles.filter((_, index) => index % step === 0)
  chosen.push('wn-2020-living-with-hiv-during-covid-19-wikinews.md')
  for (const name of new Set(chosen)) copyFileSync(join(corpus, name), join(dir, name))
  return dir
}

const findings = (stdout: string) => (JSON.parse(stdout) as Array<{messages: unknown[]}>).reduce((n, file) => n + file.messages.length, 0)

describe.skipIf(!hasCorpus)('worker pool, cache and shards on corpus articles', () => {
  // One folder of 37 articles and one plain run (--jobs 1) that every test compares against.
  let dir: string
  let plain: ReturnType<typeof run>
  beforeAll(() => {
    dir = corpusFolder(25)
    plain = run(['--format', 'json', '--jobs', '1', '.'], dir)
  })

  it('reports the same JSON with --jobs 1 and --jobs 2, files in input order', () => {
    const two = run(['--format', 'json', '--jobs', '2', '.'], dir)
    expect(plain.code).toBe(0)
    expect(two.stdout).toBe(plain.stdout)
    const paths = JSON.parse(plain.stdout).map((file: {path: string}) => file.path)
    expect(paths).toEqual([...paths].sort())
    expect(findings(plain.stdout)).toBeGreaterThan(20)
  })

  it('reuses cached findings: same report, less work; an edited file is linted again', () => {
    const cache = join(dir, '.copydeskcache')
    const name = readdirSync(dir).find((n) => n.endsWith('.md')) as string
    const text = readFileSync(join(dir, name), 'utf8')
    try {
      const cold = run(['--format', 'json', '--cache', '.'], dir)
      expect(existsSync(cache)).toBe(true)
      const warm = run(['--format', 'json', '--cache', '.'], dir)
      expect(cold.stdout).toBe(plain.stdout)
      expect(warm.stdout).toBe(plain.stdout)
      expect(warm.cpu).toBeLessThan(cold.cpu * 0.6)

      writeFileSync(join(dir, name), text + '\nCritics say the plan will fail.\n')
      const edited = JSON.parse(run(['--format', 'json', '--cache', name], dir).stdout)
      expect(edited[0].messages.map((m: {ruleId: string}) => m.ruleId)).toContain('vague-attribution')
    } finally {
      // The folder is shared: the next test lints it as it was.
      writeFileSync(join(dir, name), text)
      rmSync(cache, {force: true})
    }
  })

  it('keeps the cache where --cache-location says and drops it when the config changes', () => {
    const small = corpusFolder(300)
    const location = join(small, 'cache-folder') + '/'
    const before = run(['--format', 'json', '--cache', '--cache-location', location, '.'], small)
    expect(existsSync(join(location, 'copydesk-cache.json'))).toBe(true)
    writeFileSync(join(small, '.remarkrc.json'), JSON.stringify({plugins: [[resolve('dist/src/plugin/preset.js'), {rules: {readability: 'off'}}]]}))
    const after = run(['--format', 'json', '--cache', '--cache-location', location, '.'], small)
    expect(before.stdout).toContain('"ruleId":"readability"')
    expect(after.stdout).not.toContain('"ruleId":"readability"')
  })

  it('splits the files into disjoint shards whose union is every file', () => {
    const all = JSON.parse(plain.stdout)
    const shards = [1, 2, 3].map((i) => JSON.parse(run(['--format', 'json', '--shard', `${i}/3`, '.'], dir).stdout))
    const paths = shards.flat().map((file: {path: string}) => file.path)
    expect(new Set(paths).size).toBe(paths.length)
    expect([...paths].sort()).toEqual(all.map((file: {path: string}) => file.path))
    for (const shard of shards) expect(shard.length).toBeGreaterThan(0)
    // Merged like CI does (jq -s 'add'), in path order: the same report as one run.
    expect(JSON.stringify(shards.flat().sort((a, b) => (a.path < b.path ? -1 : 1)))).toBe(JSON.stringify(all))
  })
})

describe('flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-flags-'))
  writeFileSync(join(dir, 'a.md'), 'Hello.\n')
  it.each([['--jobs', '0'], ['--jobs', 'two'], ['--shard', '4/3'], ['--shard', '1']])('exits 2 on %s %s', (flag, value) => {
    const result = run([flag, value, 'a.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(new RegExp(`^copydesk: bad ${flag} `))
  })
})

describe('findings as data (worker boundary, cache)', () => {
  it('keeps every field a reporter reads, the fix and the cause', () => {
    const file = new VFile({path: 'a.md', value: 'Prices rose 32%.'})
    const place = {start: {line: 1, column: 13, offset: 12}, end: {line: 1, column: 16, offset: 15}}
    const cause = new VFileMessage('Set here', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 7, offset: 6}}})
    const message = file.message('Unexpected unattributed statistic `32%`', {place, ruleId: 'unattributed-statistic', source: 'copydesk', cause})
    Object.assign(message, {fatal: false, actual: '32%', expected: ['according to …'], url: 'https://example.org', note: 'Why.', fix: {start: 12, end: 15, text: '32 percent'}})
    const back = deserializeMessage(JSON.parse(JSON.stringify(serializeMessage(message))))
    expect(toJson(back)).toEqual(toJson(message))
    expect(back).toBeInstanceOf(VFileMessage)
    expect(back.file).toBe('a.md')
  })

  it('keeps a cause made by another copy of vfile-message (a config that imports its own preset)', () => {
    const place = {start: {line: 2, column: 1, offset: 9}, end: {line: 2, column: 4, offset: 12}}
    const foreign = {...new VFileMessage('Other currency first mentioned here', {place})}
    const message = new VFileMessage('Unexpected mixed currencies', {cause: foreign as never})
    const back = deserializeMessage(JSON.parse(JSON.stringify(serializeMessage(message))))
    expect(back.cause).toBeInstanceOf(VFileMessage)
    expect((back.cause as VFileMessage).place).toEqual(place)
    expect((back.cause as VFileMessage).reason).toBe('Other currency first mentioned here')
  })

  it('keeps the error names in a cause chain, which the CLI reads to report a broken config', () => {
    const inner = Object.assign(new Error('unknown rule `x`'), {name: 'CopydeskConfigError'})
    const message = new VFileMessage('Cannot process file', {cause: inner})
    message.fatal = true
    const back = deserializeMessage(JSON.parse(JSON.stringify(serializeMessage(message))))
    expect((back.cause as Error).name).toBe('CopydeskConfigError')
    expect((back.cause as Error).message).toBe('unknown rule `x`')
    expect(back.fatal).toBe(true)
  })
})

describe.skipIf(!hasCorpus)('readability reimplementation', () => {
  const sample = articles.filter((_, index) => index % 6 === 0)
  // Each article is parsed once, for both plugins and every setting: parsing is most of the work.
  // Frozen, so neither plugin can change what the other reads.
  const parsed = new Map<string, {text: string; tree: NlcstRoot}>()
  beforeAll(async () => {
    for (const name of sample) {
      const text = readFileSync(join(corpus, name), 'utf8')
      let tree: NlcstRoot | undefined
      const keep = () => (nlcst: NlcstRoot) => {
        tree = nlcst
      }
      const file = new VFile({path: 'a.md', value: text})
      const processor = unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(keep) as never)
      await processor.run(processor.parse(file), file)
      parsed.set(name, {text, tree: deepFreeze(tree as NlcstRoot)})
    }
  })
  const lint = async (plugin: typeof readability, options: object | undefined, name: string) => {
    const {text, tree} = parsed.get(name)!
    const file = new VFile({path: 'a.md', value: text})
    await unified().use(retextEnglish).use(plugin as never, options).run(tree as never, file)
    // The reason is reworded for editors (src/plugin/readability.ts hardToRead): compare how many formulas it counts.
    const formulas = (reason: string) => {
      const count = /(?:(\d+) (?:out )?of|all) \d+ (?:algorithms|readability formulas)/.exec(reason)
      return count ? (count[1] ?? 'all') : reason
    }
    return file.messages.map((m) => ({formulas: formulas(m.reason), place: m.place, ruleId: m.ruleId, source: m.source, actual: m.actual, expected: m.expected, url: m.url, fatal: m.fatal}))
  }

  it.each([
    ['the preset settings', {age: 22, minWords: 12, threshold: 5 / 7}],
    ['the stock defaults', undefined],
    ['a strict setting', {age: 14, minWords: 3, threshold: 1 / 7}]
  ])(`matches retext-readability on ${sample.length} corpus articles with %s`, async (_, options) => {
    let total = 0
    for (const name of sample) {
      const ours = await lint(readability, options, name)
      expect(ours, name).toEqual(await lint(retextReadability as never, options, name))
      total += ours.length
    }
    expect(total).toBeGreaterThan(sample.length / 10)
  })
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
