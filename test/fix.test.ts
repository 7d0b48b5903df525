// --fix and --fix-dry-run on real files in temporary folders.
import {chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyFixes, fix} from '../src/cli/fix.js'
import type {Fix} from '../src/plugin/report.js'
import {folder, run, seed} from './bin.js'

const source = readFileSync(seed, 'utf8')
const han = /\p{Script=Han}/u

function seedFolder() {
  const dir = folder()
  copyFileSync(seed, join(dir, 'shanghai-tech.md'))
  return dir
}

/** The fixes the linter proposes for a file, from its JSON report. */
function proposedFixes(dir: string, name: string): Fix[] {
  const report = JSON.parse(run(['--format', 'json', name], dir).stdout)
  return report[0].messages.filter((m: {fix?: Fix}) => m.fix).map((m: {fix: Fix}) => m.fix)
}

describe('applyFixes', () => {
  it('replaces only the spans, in source order', () => {
    expect(applyFixes('abcdef', [{start: 4, end: 5, text: 'E'}, {start: 0, end: 1, text: ''}])).toEqual({text: 'bcdEf', applied: 2, skipped: 0})
  })

  it('skips a fix overlapping one already taken, and one outside the text', () => {
    const result = applyFixes('abcdef', [{start: 1, end: 3, text: 'X'}, {start: 2, end: 4, text: 'Y'}, {start: 5, end: 9, text: 'Z'}])
    expect(result).toEqual({text: 'aXdef', applied: 1, skipped: 2})
  })

  it('takes two identical edits from two rules once', () => {
    expect(applyFixes('a b', [{start: 1, end: 2, text: ''}, {start: 1, end: 2, text: ''}]).text).toBe('ab')
  })
})

describe('--fix on the seed article', () => {
  it('removes the three inserted runs and changes no byte outside the fixed spans', () => {
    const dir = seedFolder()
    const path = join(dir, 'shanghai-tech.md')
    chmodSync(path, 0o640)
    const fixes = proposedFixes(dir, 'shanghai-tech.md')
    expect(fixes.length).toBeGreaterThanOrEqual(3)

    const result = run(['--fix', 'shanghai-tech.md'], dir)
    expect(result.code).toBe(0)
    const fixed = readFileSync(path, 'utf8')
    // Every byte outside the proposed spans is kept, in order: rebuild the file from them.
    const spans = [...fixes].sort((a, b) => a.start - b.start)
    let rebuilt = ''
    let at = 0
    for (const f of spans) {
      rebuilt += source.slice(at, f.start) + f.text
      at = f.end
    }
    expect(fixed).toBe(rebuilt + source.slice(at))
    for (const run of ['新夜上海论坛', '上海龙凤419体验', '上海喝茶群vx']) expect(fixed).not.toContain(run)
    expect(fixed).not.toMatch(han)
    expect(fixed).toContain('\nSemiconductor independence has become')
    expect(fixed).toContain('\nYet challenges remain.')
    expect(fixed.split('\n')).toHaveLength(source.split('\n').length - 1)
    // Mode kept, no temporary file left, and the report is of the fixed text.
    expect(statSync(path).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['shanghai-tech.md'])
    expect(result.stderr).not.toContain('off-topic-insert')
    expect(result.stderr).toContain('unsupported-superlative')
  })

  it('is idempotent: a second --fix changes nothing and does not rewrite the file', () => {
    const dir = seedFolder()
    const path = join(dir, 'shanghai-tech.md')
    run(['--fix', 'shanghai-tech.md'], dir)
    const once = readFileSync(path)
    const stat = statSync(path)
    expect(run(['--fix', 'shanghai-tech.md'], dir).code).toBe(0)
    expect(readFileSync(path).equals(once)).toBe(true)
    expect(statSync(path).mtimeMs).toBe(stat.mtimeMs)
    expect(statSync(path).ino).toBe(stat.ino)
    expect(proposedFixes(dir, 'shanghai-tech.md')).toEqual([])
  })

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = seedFolder()
    const result = run(['--fix-dry-run', 'shanghai-tech.md'], dir)
    expect(result.code).toBe(0)
    expect(readFileSync(join(dir, 'shanghai-tech.md'), 'utf8')).toBe(source)
    expect(result.stdout).toMatch(/^--- a\/shanghai-tech.md\n\+\+\+ b\/shanghai-tech.md\n@@ -\d+,\d+ \+\d+,\d+ @@\n/)
    expect(result.stdout).toContain('\n-新夜上海论坛 Semiconductor independence')
    expect(result.stdout).toContain('\n+Semiconductor independence')
    expect(result.stdout).toContain('\n-上海龙凤419体验\n')
    expect(result.stdout).toContain('\n+Yet challenges remain.')
    expect(readdirSync(dir)).toEqual(['shanghai-tech.md'])
  })
})

describe('--fix on a file with a BOM and CRLF line endings', () => {
  const bom = '\uFEFF'
  const body = (lines: string[]) => bom + lines.join('\r\n') + '\r\n'

  it('keeps the BOM and every CRLF, and removes only the runs', () => {
    // The run opening line 2 is removed with the space after it: offsets one off (counting the BOM)
    // would take the LF before it instead and leave a lone CR joining two lines.
    const dir = folder({'a.md': body(['The council approved the budget on Tuesday.', '新夜上海论坛 Semiconductor independence has become a goal.', '', '上海龙凤419体验', 'Yet challenges remain.'])})
    const result = run(['--fix', 'a.md'], dir)
    expect(result.code).toBe(0)
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(body(['The council approved the budget on Tuesday.', 'Semiconductor independence has become a goal.', '', 'Yet challenges remain.']))
  })

  it('--fix-dry-run shows the same edit', () => {
    const dir = folder({'a.md': body(['Intro.', '新夜上海论坛 Semiconductor independence has become a goal.'])})
    const result = run(['--fix-dry-run', 'a.md'], dir)
    expect(result.stdout).toContain(`\n-新夜上海论坛 Semiconductor independence has become a goal.\r\n+Semiconductor independence has become a goal.\r\n`)
  })
})

describe('--fix leaves a file with a fatal message alone', () => {
  it('does not fix a file the input checks refuse', () => {
    const text = `${'>'.repeat(150)} deep\n\n上海龙凤419体验 The vote was close.\n`
    const dir = folder({'deep.md': text})
    const result = run(['--fix', 'deep.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('nesting-too-deep')
    expect(readFileSync(join(dir, 'deep.md'), 'utf8')).toBe(text)
  })

  it('does not apply the fixes of the rules that ran when another rule failed', async () => {
    const text = 'The council approved the budget on Tuesday. 上海龙凤419体验 The vote was close.\n'
    const dir = folder({'a.md': text})
    const linted = new VFile({path: 'a.md', cwd: dir, value: text})
    Object.assign(linted.message('off-topic', {place: {line: 1, column: 45}}), {fix: {start: 44, end: 54, text: ''}})
    const crash = linted.message('Cannot lint file: rule `broken-rule` failed: kaput', {ruleId: 'broken-rule'})
    crash.fatal = true
    const result = await fix([linted], {dryRun: false, roots: ['.'], cwd: dir, relint: async () => []})
    expect(result.problems).toEqual([])
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(text)
  })
})

describe('--fix writes only what it may', () => {
  const spam = 'The council approved the budget on Tuesday. 上海龙凤419体验 The vote was close.\n'

  it('touches only the files it was given', () => {
    const dir = folder({'a.md': spam, 'b.md': spam})
    const before = statSync(join(dir, 'b.md')).mtimeMs
    run(['--fix', 'a.md'], dir)
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('The council approved the budget on Tuesday. The vote was close.\n')
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(spam)
    expect(statSync(join(dir, 'b.md')).mtimeMs).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
  })

  it('leaves a finding silenced by an inline comment unfixed', () => {
    const text = `<!-- copydesk ignore off-topic-insert -->\n${spam}\n${spam}`
    const dir = folder({'a.md': text})
    run(['--fix', 'a.md'], dir)
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`<!-- copydesk ignore off-topic-insert -->\n${spam}\nThe council approved the budget on Tuesday. The vote was close.\n`)
  })

  it('does not follow a symbolic link out of the tree', () => {
    const outside = folder({'target.md': spam})
    const dir = folder()
    symlinkSync(join(outside, 'target.md'), join(dir, 'link.md'))
    mkdirSync(join(dir, 'sub'))
    symlinkSync(outside, join(dir, 'sub', 'linked-folder'))
    const result = run(['--fix', '.'], dir)
    expect(readFileSync(join(outside, 'target.md'), 'utf8')).toBe(spam)
    expect(result.stderr).toContain('link.md: not fixed: it is a symbolic link')
    expect(result.code).toBe(1)
  })

  it('does not overwrite a file that changed on disk during the run', async () => {
    const dir = folder({'a.md': spam})
    // The linted text had the run at 44..55; the file now holds an editor's newer text.
    const linted = new VFile({path: 'a.md', cwd: dir, value: spam})
    Object.assign(linted.message('off-topic', {place: {line: 1, column: 45}}), {fix: {start: 44, end: 55, text: ''}})
    writeFileSync(join(dir, 'a.md'), 'Edited meanwhile. ' + spam)
    const result = await fix([linted], {dryRun: false, roots: ['.'], cwd: dir, relint: async () => []})
    expect(result.problems).toEqual(['a.md: not fixed: it changed on disk during the run'])
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Edited meanwhile. ' + spam)
  })

  it('takes a fix skipped for overlapping in a further pass, after linting the written text again', async () => {
    const dir = folder({'a.md': 'one two three\n'})
    // A linter proposing two overlapping fixes: drop a leading "one " and upper-case a lower-case first word.
    const lintNow = (value: string) => {
      const file = new VFile({path: 'a.md', cwd: dir, value})
      const propose = (fix: Fix) => Object.assign(file.message('x', {place: {line: 1, column: fix.start + 1}}), {fix})
      if (/^one /i.test(value)) propose({start: 0, end: 4, text: ''})
      const word = /^[a-z]+/.exec(value)
      if (word) propose({start: 0, end: word[0].length, text: word[0].toUpperCase()})
      return file
    }
    const passes: string[] = []
    const relint = async (paths: string[]) => {
      const text = readFileSync(join(dir, paths[0]), 'utf8')
      passes.push(text)
      return [lintNow(text)]
    }
    const result = await fix([lintNow('one two three\n')], {dryRun: false, roots: ['.'], cwd: dir, relint})
    expect(result.problems).toEqual([])
    // Pass 1 takes the shorter edit and skips the overlapping one; later passes take what is left.
    expect(passes).toEqual(['ONE two three\n', 'two three\n', 'TWO three\n'])
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('TWO three\n')
  })

  it('refuses --fix-dry-run with a format that also writes to stdout', () => {
    const result = run(['--fix-dry-run', '--format', 'json', seed])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--fix-dry-run prints a diff on stdout')
  })
})
