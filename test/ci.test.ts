// CI integration, black-box: SARIF, GitHub annotations, warning budgets, --diff, progress.
import {execFileSync, spawnSync} from 'node:child_process'
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty} from '../src/reporters/github.js'
import {fingerprintKey, sarif} from '../src/reporters/sarif.js'
import {createProgress} from '../src/cli/progress.js'
import {bin, folder, run} from './bin.js'
import {validateSarif} from './sarif-schema.js'

const seed = resolve('articles/shanghai-tech.md')
const seedText = readFileSync(seed, 'utf8')


interface SarifResult {
  ruleId: string
  level: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number; startColumn: number; endLine: number; endColumn: number; snippet?: {text: string}}}}>
  partialFingerprints: Record<string, string>
  fixes?: Array<{artifactChanges: Array<{replacements: Array<{deletedRegion: {charOffset: number; charLength: number}; insertedContent: {text: string}}>}>}>
}

function sarifOf(args: string[], cwd?: string) {
  const result = run(['--format', 'sarif', ...args], cwd)
  const log = JSON.parse(result.stdout)
  return {code: result.code, log, results: log.runs[0].results as SarifResult[]}
}

function jsonMessages(args: string[], cwd?: string) {
  const files = JSON.parse(run(['--format', 'json', ...args], cwd).stdout) as Array<{messages: Array<{ruleId: string; line: number; fatal: boolean | null}>}>
  return files.flatMap((file) => file.messages)
}

// The seed's SARIF and JSON reports, each from one run that every test reading it shares.
let seedSarifRun: ReturnType<typeof sarifOf> | undefined
let seedJsonRun: ReturnType<typeof jsonMessages> | undefined
const seedSarif = () => (seedSarifRun ??= sarifOf([seed]))
const seedMessages = () => (seedJsonRun ??= jsonMessages([seed]))

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], {cwd, encoding: 'utf8'})
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with rules, full regions and a fingerprint on every result', () => {
    const {code, log, results} = seedSarif()
    expect(code).toBe(0)
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true)
    const driver = log.runs[0].tool.driver
    expect(driver.name).toBe('copydesk')
    expect(driver.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    expect(driver.informationUri).toMatch(/^https:\/\//)
    const ruleIds = driver.rules.map((rule: {id: string}) => rule.id)
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).not.toBe(rule.id)
      expect(rule.helpUri).toMatch(/^https:\/\//)
    }
    expect(results).toHaveLength(seedMessages().length)
    for (const result of results) {
      expect(ruleIds).toContain(result.ruleId)
      expect(result.level).toBe('warning')
      const {artifactLocation, region} = result.locations[0].physicalLocation
      expect(artifactLocation.uri).toBe('articles/shanghai-tech.md')
      expect(region.startLine).toBeGreaterThan(0)
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine)
      expect(region.endColumn).toBeGreaterThan(0)
      expect(result.partialFingerprints[fingerprintKey]).toMatch(/^[0-9a-f]{32}$/)
    }
    // Two findings may share a span (a statistic that is also an ambiguous currency), never a fingerprint.
    expect(new Set(results.map((r) => r.partialFingerprints[fingerprintKey])).size).toBe(results.length)
  })

  it('turns a message fix into a SARIF fix that deletes exactly the off-topic run', () => {
    const {results} = seedSarif()
    const offTopic = results.filter((r) => r.ruleId === 'off-topic-insert')
    expect(offTopic.length).toBeGreaterThan(0)
    for (const result of offTopic) {
      const replacement = result.fixes![0].artifactChanges[0].replacements[0]
      const deleted = seedText.slice(replacement.deletedRegion.charOffset, replacement.deletedRegion.charOffset + replacement.deletedRegion.charLength)
      expect(deleted.startsWith(result.locations[0].physicalLocation.region.snippet!.text)).toBe(true)
      expect(replacement.insertedContent.text).toBe('')
    }
  })

  it('keeps every fingerprint when an unrelated line is inserted above', () => {
    const dir = folder({'a.md': seedText})
    const before = sarifOf(['a.md'], dir).results
    writeFileSync(join(dir, 'a.md'), `Reporting by the news desk.\n\n${seedText}`)
    const after = sarifOf(['a.md'], dir).results
    expect(after).toHaveLength(before.length)
    for (const [i, result] of after.entries()) {
      expect(result.locations[0].physicalLocation.region.startLine).toBe(before[i].locations[0].physicalLocation.region.startLine + 2)
      expect(result.partialFingerprints).toEqual(before[i].partialFingerprints)
    }
  })

  it('changes the fingerprint when the flagged sentence itself changes', () => {
    const dir = folder({'a.md': 'Critics say the plan will fail.\n'})
    const [before] = sarifOf(['a.md'], dir).results
    writeFileSync(join(dir, 'a.md'), 'Critics say the plan will work.\n')
    const [after] = sarifOf(['a.md'], dir).results
    expect(after.partialFingerprints[fingerprintKey]).not.toBe(before.partialFingerprints[fingerprintKey])
  })
})

describe('sarif reporter', () => {
  it('makes one fix per `expected` text replacing the finding, relates the mention it points at, and reports a file-level error with no region', () => {
    const file = new VFile({path: 'a.md', cwd: '/desk', value: 'It cost ¥300 billion.\n'})
    const message = file.message('Unexpected ambiguous currency', {place: {start: {line: 1, column: 9, offset: 8}, end: {line: 1, column: 21, offset: 20}}, ruleId: 'currency-consistency', source: 'copydesk'})
    message.fatal = false
    message.expected = ['CNY 300 billion', 'JPY 300 billion']
    message.cause = new VFileMessage('Other currency first mentioned here', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 3, offset: 2}}})
    const broken = new VFile({path: 'b.md', cwd: '/desk'})
    broken.message('Cannot process file').fatal = true
    const log = JSON.parse(sarif([file, broken], {color: false, verbose: false, quiet: false, silent: false, cwd: '/desk'}))
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true)
    const [finding, error] = log.runs[0].results
    expect(finding.fixes.map((fix: {artifactChanges: Array<{replacements: unknown[]}>}) => fix.artifactChanges[0].replacements[0])).toEqual([
      {deletedRegion: {startLine: 1, startColumn: 9, endLine: 1, endColumn: 21, charOffset: 8, charLength: 12}, insertedContent: {text: 'CNY 300 billion'}},
      {deletedRegion: {startLine: 1, startColumn: 9, endLine: 1, endColumn: 21, charOffset: 8, charLength: 12}, insertedContent: {text: 'JPY 300 billion'}}
    ])
    expect(finding.relatedLocations).toEqual([
      {id: 1, physicalLocation: {artifactLocation: {uri: 'a.md', uriBaseId: '%SRCROOT%'}, region: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 3, charOffset: 0, charLength: 2}}, message: {text: 'Other currency first mentioned here'}}
    ])
    expect(error).toMatchObject({level: 'error', message: {text: 'Cannot process file'}, locations: [{physicalLocation: {artifactLocation: {uri: 'b.md'}}}]})
    expect(error.locations[0].physicalLocation.region).toBeUndefined()
    expect(error.ruleId).toBeUndefined()
    expect(error.partialFingerprints[fingerprintKey]).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('--format github', () => {
  it('writes one workflow command per finding and nothing else', () => {
    const result = run(['--format', 'github', seed])
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(seedMessages().length)
    for (const line of lines) {
      expect(line).toMatch(/^::warning file=articles\/shanghai-tech\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::`/)
    }
    expect(lines[0]).toBe(
      '::warning file=articles/shanghai-tech.md,line=3,col=153,endLine=3,endColumn=159,title=unsupported-superlative::`famous`: a claim of superiority with no source; attribute it or cut it'
    )
    // The message's % is escaped so the runner does not read it as an escape of its own.
    expect(lines.some((line) => line.includes('`40%25`'))).toBe(true)
  })

  it('escapes properties and data as GitHub documents', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b')
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b')
    const dir = folder({'a,b: c.md': 'Critics say the plan will fail.\n'})
    expect(run(['--format', 'github', 'a,b: c.md'], dir).stdout).toBe(
      '::warning file=a%2Cb%3A c.md,line=1,col=1,endLine=1,endColumn=12,title=vague-attribution::`Critics say`: attributed to no one in particular; name the source\n'
    )
  })

  it('uses ::error for error severity', () => {
    const preset = new URL('../dist/src/plugin/preset.js', import.meta.url).href
    const dir = folder({
      '.remarkrc.mjs': `import copydesk from '${preset}'\nexport default {plugins: [[copydesk, {rules: {'vague-attribution': 'error'}}]]}\n`,
      'a.md': 'Critics say the plan will fail.\n'
    })
    const result = run(['--format', 'github', 'a.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error file=a\.md,line=1,col=1,endLine=1,endColumn=12,title=vague-attribution::/)
  })
})

describe('--max-warnings', () => {
  const warnings = () => seedMessages().filter((m) => m.fatal === false).length

  it('exits 1 on the seed with a budget of 0, saying why', () => {
    const result = run(['--max-warnings', '0', seed])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`copydesk: too many warnings (${warnings()}, maximum 0)`)
  })

  it('exits 0 within the budget and 1 just past it, in every format', () => {
    const count = warnings()
    expect(run(['--max-warnings', '1000', seed]).code).toBe(0)
    expect(run(['--max-warnings', String(count), '--format', 'json', seed]).code).toBe(0)
    expect(run(['--max-warnings', String(count - 1), '--format', 'sarif', seed]).code).toBe(1)
    expect(run(['--max-warnings=-1', seed]).code).toBe(0)
  })

  it('counts warnings that --quiet and --silent leave out of the report', () => {
    expect(run(['--silent', '--max-warnings', '0', seed]).code).toBe(1)
    expect(run(['--quiet', '--max-warnings', '0', seed]).code).toBe(1)
  })

  it('is a usage error (exit 2) when N is not a number', () => {
    const result = run(['--max-warnings', 'few', seed])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: --max-warnings expects a whole number of warnings (or -1 for no limit), not `few`\n')
  })
})

describe('--diff', () => {
  // The seed as committed, with a final newline so appending does not touch its last line.
  function repoWithSeed() {
    const dir = folder({'seed.md': seedText.endsWith('\n') ? seedText : seedText + '\n'})
    git(dir, 'init', '-q')
    git(dir, 'add', '.')
    git(dir, 'commit', '-qm', 'seed')
    return dir
  }
  const added = "\nCritics say the plan failed. The new campus is the world's most advanced lab.\n"

  it('reports only findings on the line appended since HEAD (unstaged, then staged)', () => {
    const dir = repoWithSeed()
    appendFileSync(join(dir, 'seed.md'), added)
    const line = seedText.split('\n').length + 2
    for (const stage of [false, true]) {
      if (stage) git(dir, 'add', 'seed.md')
      const messages = jsonMessages(['--diff', 'seed.md'], dir)
      expect(messages.map((m) => `${m.line} ${m.ruleId}`).sort()).toEqual([`${line} unsupported-superlative`, `${line} vague-attribution`])
    }
    // Without --diff the whole article is judged.
    expect(jsonMessages(['seed.md'], dir).length).toBeGreaterThan(20)
  })

  it('takes a base revision as --diff=BASE or --diff BASE, and a path after --diff as a path', () => {
    const dir = repoWithSeed()
    appendFileSync(join(dir, 'seed.md'), added)
    git(dir, 'commit', '-qam', 'add a line')
    expect(jsonMessages(['--diff', 'seed.md'], dir)).toEqual([])
    expect(jsonMessages(['--diff=HEAD~1', 'seed.md'], dir)).toHaveLength(2)
    expect(jsonMessages(['--diff', 'HEAD~1', 'seed.md'], dir)).toHaveLength(2)
    const unknown = run(['--diff=no-such-branch', 'seed.md'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('copydesk: --diff: unknown git revision `no-such-branch`\n')
  })

  it('judges a branch on what it changed since it left the base, and untracked files as all new', () => {
    const dir = repoWithSeed()
    git(dir, 'checkout', '-qb', 'story')
    appendFileSync(join(dir, 'seed.md'), added)
    git(dir, 'commit', '-qam', 'story edit')
    git(dir, 'checkout', '-q', '-')
    // The base moves on after the branch left it: its new line is not the branch's change.
    writeFileSync(join(dir, 'other.md'), 'Some say the plan will fail.\n')
    git(dir, 'add', 'other.md')
    git(dir, 'commit', '-qm', 'base moves on')
    const base = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()
    git(dir, 'checkout', '-q', 'story')
    writeFileSync(join(dir, 'draft.md'), 'Critics say the plan will fail.\n')
    const messages = jsonMessages([`--diff=${base}`, '.'], dir)
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['unsupported-superlative', 'vague-attribution', 'vague-attribution'])
  })

  it('keeps a whole-document finding when a mention it points at is on a changed line', () => {
    const dir = folder({'a.md': 'The company raised €5 million from investors, its filing shows.\n'})
    git(dir, 'init', '-q')
    git(dir, 'add', '.')
    git(dir, 'commit', '-qm', 'one currency')
    appendFileSync(join(dir, 'a.md'), '\nThe city paid US$2 million for the site, the mayor said.\n')
    const messages = jsonMessages(['--diff', 'a.md'], dir)
    expect(messages.map((m) => `${m.line} ${m.ruleId}`).sort()).toEqual(['1 currency-consistency', '3 currency-consistency'])
  })

  it('is a usage error outside a git repository', () => {
    const dir = folder({'a.md': 'Hello.\n'})
    const result = run(['--diff', 'a.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: --diff needs a git repository/)
  })
})

describe('progress', () => {
  it('prints nothing extra when stderr is not a terminal', () => {
    const result = run(['--format', 'json', 'articles'])
    expect(result.stderr).toBe('')
  })

  it('redraws files done, total and findings on a terminal after a short delay, then clears the line', () => {
    let time = 0
    const written: string[] = []
    const progress = createProgress({isTTY: true, write: (text: string) => written.push(text)}, {delay: 300, interval: 100, now: () => time})
    progress.onFile(1, 3, 2)
    expect(written).toEqual([])
    time = 400
    progress.onFile(2, 3, 5)
    time = 450
    progress.onFile(3, 3, 6)
    progress.end()
    expect(written).toEqual(['\rcopydesk: 2/3 files, 5 findings\u001B[K', '\rcopydesk: 3/3 files, 6 findings\u001B[K', '\r\u001B[K'])
    const quiet: string[] = []
    const off = createProgress({isTTY: false, write: (text: string) => quiet.push(text)}, {delay: 0, now: () => 1000})
    off.onFile(1, 1, 1)
    off.end()
    expect(quiet).toEqual([])
  })

  // `script` (util-linux) gives the binary a real terminal.
  const hasScript = spawnSync('script', ['--version']).status === 0
  it.skipIf(!hasScript)('shows progress on a real terminal over a long run', () => {
    const log = join(folder(), 'tty.log')
    const many = folder(Object.fromEntries(Array.from({length: 60}, (_, i) => [`a${i}.md`, seedText])))
    spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} --format json . > /dev/null`, log], {cwd: many, encoding: 'utf8'})
    const screen = readFileSync(log, 'utf8')
    expect(screen).toMatch(/copydesk: \d+\/60 files, \d+ findings/)
    // The line is cleared at the end, before the report.
    expect(screen).toContain('\r\u001B[K')
  })
})
