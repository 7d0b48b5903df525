// Faults (issue 21): the real binary against hostile file systems, caches, workers and terminals.
// No run may hang, write outside the articles, or lose the other files' reports. Every run here
// is bounded by a generous timeout that only a real hang reaches.
import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {basename, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, clean, folder, preset, seed} from './bin.js'
import {leastCpuSeconds} from './cpu.js'
import {lintText} from './lint.js'

// The machine may be busy: a run's ceiling is far above its normal time, a test's above its runs'.
const hang = 120_000
const slow = {timeout: 6 * hang}
const isRoot = process.getuid?.() === 0

/** Run the binary in `cwd`; killed after `hang` ms, so a hang fails the test instead of stalling the suite. */
function run(args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', maxBuffer: 1 << 28, timeout: hang, killSignal: 'SIGKILL', ...options, env: {...process.env, NO_COLOR: '1', ...options.env}})
  return {code: result.status, stdout: String(result.stdout), stderr: String(result.stderr), hung: result.signal === 'SIGKILL'}
}

const article = readFileSync(clean, 'utf8')
const stackTrace = /\n\s+at .+:\d+:\d+\)?\n/

describe('1. the cache replaces only a regular file', slow, () => {
  it.skipIf(!isRoot)('leaves a character device at --cache-location a device, and lints as without a cache', () => {
    const dir = folder({'a.md': article})
    expect(spawnSync('mknod', [join(dir, 'device'), 'c', '1', '3']).status).toBe(0)
    const plain = run(['--format', 'json', 'a.md'], dir)
    const cached = run(['--format', 'json', '--cache', '--cache-location', 'device', 'a.md'], dir)
    expect(cached.hung).toBe(false)
    expect(statSync(join(dir, 'device')).isCharacterDevice()).toBe(true)
    expect(cached.stdout).toBe(plain.stdout)
    expect(cached.code).toBe(plain.code)
    expect(cached.stderr).toMatch(/^copydesk: cache not used: .*device is not a regular file\n$/)
  })

  it('does not read or replace a FIFO at --cache-location', () => {
    const dir = folder({'a.md': article})
    expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0)
    const plain = run(['--format', 'json', 'a.md'], dir)
    const cached = run(['--format', 'json', '--cache', '--cache-location', 'fifo', 'a.md'], dir)
    expect(cached.hung).toBe(false)
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true)
    expect(cached.stdout).toBe(plain.stdout)
    expect(cached.stderr).toMatch(/cache not used: .*fifo is not a regular file/)
  })
})

describe('2. no hang on links, FIFOs and devices', slow, () => {
  const paths = (stdout: string) => (JSON.parse(stdout) as Array<{path: string}>).map((file) => file.path)

  it('follows each folder once however links loop: two cycles, one report per file', () => {
    const dir = folder()
    mkdirSync(join(dir, 'd'))
    writeFileSync(join(dir, 'd', 'a.md'), article)
    symlinkSync('..', join(dir, 'd', 'up'))
    symlinkSync('.', join(dir, 'd', 'here'))
    for (const input of ['d', '.']) {
      const result = run(['--format', 'json', input], dir)
      expect(result.hung, input).toBe(false)
      expect(paths(result.stdout), input).toEqual(['d/a.md'])
    }
  })

  it('skips a FIFO with a Markdown name in a folder', () => {
    const dir = folder({'a.md': article})
    expect(spawnSync('mkfifo', [join(dir, 'y.md')]).status).toBe(0)
    const result = run(['--format', 'json', '.'], dir)
    expect(result.hung).toBe(false)
    expect(paths(result.stdout)).toEqual(['a.md'])
  })

  for (const flags of [[], ['--jobs', '1'], ['--cache'], ['--fix']]) {
    it(`gives a FIFO named on the command line one error and lints the rest (${flags.join(' ') || 'no flags'})`, () => {
      const dir = folder({'a.md': article})
      expect(spawnSync('mkfifo', [join(dir, 'y.md')]).status).toBe(0)
      const result = run(['--format', 'json', ...flags, 'y.md', 'a.md'], dir)
      expect(result.hung).toBe(false)
      expect(result.code).toBe(1)
      const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{fatal: boolean; reason: string}>}>
      expect(report.map((file) => file.path)).toEqual(['a.md', 'y.md'])
      expect(report[1].messages.map((m) => [m.fatal, m.reason])).toEqual([[true, 'Cannot lint file: it is a FIFO, not a regular file']])
      expect(report[0].messages.filter((m) => m.fatal)).toEqual([])
    })
  }
})

describe('3. time linear in the size of the input', slow, () => {
  it('lints 4× as many headings in well under 6× the CPU time (least of 3)', async () => {
    // Each line was tested against every heading and list entry: 10,000, 20,000 and 40,000 such
    // lines took 15, 35 and 175 s. CPU time in this process, not wall time (vitest.config.ts, "Test rules").
    const headings = (count: number) => Array.from({length: count}, (_, n) => `## The world's best ${n + 1}\n`).join('\n')
    const lint = async (count: number) => {
      const file = await lintText(headings(count))
      expect(file.messages.filter((m) => m.fatal)).toEqual([])
    }
    const small = await leastCpuSeconds(3, () => lint(1_500))
    const large = await leastCpuSeconds(3, () => lint(6_000))
    expect(large / small).toBeLessThan(6)
  })
})

describe('4. one failure costs one file or one step, never the report', slow, () => {
  const reportOf = (stdout: string) => JSON.parse(stdout) as Array<{path: string; messages: Array<{fatal: boolean; reason: string}>}>

  it('reports every file and warns when the cache cannot be saved', () => {
    const dir = folder({'a.md': article, 'b.md': 'Critics say it failed.\n', 'in-the-way': 'a file, not a folder\n'})
    const plain = run(['--format', 'json', 'a.md', 'b.md'], dir)
    const cached = run(['--format', 'json', '--cache', '--cache-location', 'in-the-way/cache.json', 'a.md', 'b.md'], dir)
    expect(cached.stdout).toBe(plain.stdout)
    expect(reportOf(cached.stdout)).toHaveLength(2)
    expect(cached.code).toBe(plain.code)
    expect(cached.stderr).toMatch(/^copydesk: cache not saved: /)
    expect(cached.stderr).not.toContain('unexpected error')
  })

  it.skipIf(availableParallelism() < 2)('gives the file a worker died on one fatal message and lints the others', () => {
    // Each file a chunk of its own (over 4,000 characters): the first three go to the worker.
    const long = article + article
    const plugin = "() => (_tree, file) => { if (file.basename === '0-exit.md') process.exit(3) }"
    const dir = folder({'.remarkrc.mjs': `import copydesk from '${preset}'\nexport default {plugins: [copydesk, ${plugin}]}\n`, '0-exit.md': long, 'b.md': long, 'c.md': long, 'd.md': long})
    const result = run(['--format', 'json', '--jobs', '2', '.'], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const report = reportOf(result.stdout)
    expect(report.map((file) => file.path)).toEqual(['0-exit.md', 'b.md', 'c.md', 'd.md'])
    expect(report[0].messages.map((m) => [m.fatal, m.reason])).toEqual([[true, 'Cannot lint file: the lint worker stopped (exit code 3)']])
    for (const file of report.slice(1)) {
      expect(file.messages.filter((m) => m.fatal), file.path).toEqual([])
      expect(file.messages.length, file.path).toBeGreaterThan(0)
    }
  })

  it('starts threads after finding the files: at most one per file and per core', () => {
    const dir = folder({'1.md': article, '2.md': article, '3.md': article, '4.md': article, 'count.mjs': "import {appendFileSync} from 'node:fs'\nappendFileSync(process.env.COUNT_FILE, 'thread\\n')\n"})
    const count = join(dir, 'threads.log')
    const result = run(['--format', 'json', '--jobs', '16', '.'], dir, {env: {COUNT_FILE: count, NODE_OPTIONS: `--import ${join(dir, 'count.mjs')}`}})
    expect(reportOf(result.stdout)).toHaveLength(4)
    expect(readFileSync(count, 'utf8').split('\n').filter(Boolean).length).toBe(Math.min(4, availableParallelism()))
  })

  it('reports every file when one disappears during --fix, and names it', () => {
    // A plugin that proposes a fix and removes the file, as a concurrent `git checkout` might.
    const plugin = "() => (_tree, file) => { if (file.basename === 'gone.md') { file.message('Planted', {ruleId: 'planted'}).fix = {start: 0, end: 1, text: 'X'}; unlinkSync(resolve(file.cwd, file.path)) } }"
    const dir = folder({
      '.remarkrc.mjs': `import {unlinkSync} from 'node:fs'\nimport {resolve} from 'node:path'\nimport copydesk from '${preset}'\nexport default {plugins: [copydesk, ${plugin}]}\n`,
      'a.md': article,
      'gone.md': article
    })
    const result = run(['--format', 'json', '--jobs', '1', '--fix', 'a.md', 'gone.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^copydesk: gone\.md: not fixed: ENOENT/)
    expect(result.stderr).not.toContain('unexpected error')
    expect(reportOf(result.stdout).map((file) => file.path)).toEqual(['a.md', 'gone.md'])
  })
})

describe('6. cache entries are checked like any input', slow, () => {
  /** Fill the cache, let `tamper` edit every entry, and lint again with it. */
  function withTamperedCache(tamper: (entry: {key: string; messages: unknown}) => void, args: string[] = []) {
    const dir = folder({'a.md': article})
    const fresh = run(['--format', 'json', '--cache', 'a.md'], dir)
    const path = join(dir, '.copydeskcache')
    const data = JSON.parse(readFileSync(path, 'utf8'))
    for (const entry of Object.values(data.files)) tamper(entry as {key: string; messages: unknown})
    writeFileSync(path, JSON.stringify(data))
    return {dir, fresh, again: run(['--format', 'json', '--cache', ...args, 'a.md'], dir)}
  }

  const planted = (fields: unknown) => (entry: {messages: unknown}) => {
    entry.messages = [...(entry.messages as unknown[]), {fields}]
  }
  const cases: Record<string, (entry: {key: string; messages: unknown}) => void> = {
    'messages that are no array': (entry) => (entry.messages = 'garbage'),
    'a message with no fields': (entry) => (entry.messages = [null]),
    'a reason that is no string': planted({reason: 5, ruleId: 'x', fatal: false}),
    'a place that is no place': planted({reason: 'Planted', ruleId: 'x', fatal: false, place: 'here'}),
    'a fix beyond the text': planted({reason: 'Planted', ruleId: 'x', fatal: false, fix: {start: 0, end: 10_000_000, text: 'PWNED'}}),
    'a field that would change the prototype': planted(JSON.parse('{"__proto__": {"fatal": true}, "reason": "Planted", "ruleId": "x", "fatal": false}'))
  }
  // Every case tampers the entry of a file of its own, in one folder: one run fills the cache and
  // one lints again with it (two processes, not two per case). A control file's entry gets a
  // well-formed planted finding, which the second run must report: entries are judged one by one,
  // so a bad entry beside it does not turn the whole cache into a miss that would hide the others.
  const control = 'control.md'
  const caseFiles = Object.keys(cases).map((_, index) => `case-${index}.md`)
  let shared: {fresh: Record<string, unknown>; again: Record<string, unknown>; freshCode: number | null; againCode: number | null; stderr: string} | undefined
  function tamperedCaches() {
    if (shared) return shared
    const dir = folder(Object.fromEntries([control, ...caseFiles].map((name) => [name, article])))
    const files = [control, ...caseFiles]
    const fresh = run(['--format', 'json', '--cache', ...files], dir)
    const path = join(dir, '.copydeskcache')
    const data = JSON.parse(readFileSync(path, 'utf8'))
    const tampers = [planted({reason: 'Planted', ruleId: 'planted', fatal: false}), ...Object.values(cases)]
    const entryOf = (name: string) => data.files[Object.keys(data.files).find((key) => basename(key) === name)!]
    files.forEach((name, index) => tampers[index](entryOf(name)))
    writeFileSync(path, JSON.stringify(data))
    const again = run(['--format', 'json', '--cache', ...files], dir)
    const byPath = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as Array<{path: string}>).map((file) => [file.path, file]))
    shared = {fresh: byPath(fresh.stdout), again: byPath(again.stdout), freshCode: fresh.code, againCode: again.code, stderr: again.stderr}
    return shared
  }

  it('reads each cache entry on its own: a well-formed planted finding is reported as stored', () => {
    const {fresh, again} = tamperedCaches()
    const messages = (again[control] as {messages: Array<{reason: string; ruleId: string}>}).messages
    const stored = (fresh[control] as {messages: unknown[]}).messages
    expect(messages.filter((m) => m.ruleId === 'planted')).toEqual([expect.objectContaining({reason: 'Planted'})])
    expect(messages.filter((m) => m.ruleId !== 'planted')).toEqual(stored)
  })

  Object.keys(cases).forEach((name, index) => {
    it(`treats an entry with ${name} as a miss: the file is linted again`, () => {
      const {fresh, again, freshCode, againCode, stderr} = tamperedCaches()
      expect(stderr).toBe('')
      expect(again[caseFiles[index]]).toEqual(fresh[caseFiles[index]])
      expect(fresh[caseFiles[index]]).toBeDefined()
      expect(againCode).toBe(freshCode)
    })
  })

  it('never writes a fix planted in the cache into the article', () => {
    const {dir} = withTamperedCache(planted({reason: 'Planted', ruleId: 'off-topic-insert', fatal: false, fix: {start: 0, end: 1, text: 'PWNED'}}), ['--fix'])
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).not.toContain('PWNED')
  })
})

describe('7. smaller wrong answers', slow, () => {
  it('checks the UTF-8 of --stdin input, never the file --stdin-filename names', () => {
    const dir = folder({'valid.md': article})
    const invalid = run(['--format', 'json', '--stdin', '--stdin-filename', 'valid.md'], dir, {input: Buffer.from('caf\xe9\n', 'latin1')})
    expect(JSON.parse(invalid.stdout)[0].messages.map((m: {ruleId: string; fatal: boolean}) => [m.ruleId, m.fatal])).toEqual([['invalid-utf8', true]])
    expect(invalid.code).toBe(1)
    // A literal U+FFFD is valid UTF-8: nothing to look up, and the file named (here a FIFO) is not opened.
    expect(spawnSync('mkfifo', [join(dir, 'fifo.md')]).status).toBe(0)
    const literal = run(['--format', 'json', '--stdin', '--stdin-filename', 'fifo.md'], dir, {input: 'The sign read \uFFFD.\n'})
    expect(literal.hung).toBe(false)
    expect(JSON.parse(literal.stdout)[0].messages.filter((m: {fatal: boolean}) => m.fatal)).toEqual([])
  })

  it('reports a path given twice once', () => {
    const dir = folder({'a.md': 'Critics say it failed.\n'})
    const result = run(['--format', 'json', 'a.md', 'a.md', './a.md', '.'], dir)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: unknown[]}>
    expect(report.map((file) => file.path)).toEqual(['a.md'])
    expect(report[0].messages).toHaveLength(1)
  })

  it('leaves no temporary file when interrupted while --fix writes', () => {
    // The interrupt arrives between writing a temporary file and renaming it over the article.
    const dir = folder({'a.md': readFileSync(seed, 'utf8'), 'interrupt.mjs': "import fs from 'node:fs'\nconst rename = fs.renameSync\nfs.renameSync = (from, to) => { if (String(from).endsWith('.copydesk-tmp')) process.kill(process.pid, 'SIGINT'); return rename(from, to) }\n"})
    const result = run(['--fix', '--jobs', '1', 'a.md'], dir, {env: {NODE_OPTIONS: `--import ${join(dir, 'interrupt.mjs')}`}})
    expect(readdirSync(dir).filter((name) => name.endsWith('.copydesk-tmp'))).toEqual([])
    expect(result.code).toBe(130)
  })

  it('says in one line that the report could not be written to a full disk', () => {
    const dir = folder({'a.md': article})
    const full = openSync('/dev/full', 'w')
    const result = spawnSync(process.execPath, [bin, '--format', 'json', 'a.md'], {cwd: dir, encoding: 'utf8', timeout: hang, stdio: ['ignore', full, 'pipe']})
    closeSync(full)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^copydesk: cannot write the report: ENOSPC: no space left on device, write\n$/)
    expect(result.stderr).not.toMatch(stackTrace)
  })

  it('shows control characters from file names and article text as visible escapes in the pretty report', () => {
    const name = 'a\u001B[31m.md'
    const dir = folder({[name]: 'Critics say \u001B]0;pwned\u0007 it failed.\n'})
    for (const color of ['--no-color', '--color']) {
      const result = run([color, name], dir)
      expect(result.stderr).toContain('a\\x1B[31m.md')
      expect(result.stderr).not.toMatch(/\u001B(?!\[(?:\d+)m)|\u001B\[31m|\u0007/)
    }
  })
})

