// Black-box tests of the real binary, Vale/unified-args style: exit code and output, exactly.
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {flags} from '../src/cli/options.js'
import {bin, clean, config, folder, run, seed} from './bin.js'

describe('exit codes', () => {
  it('exits 0 on a clean article', () => {
    const result = run([clean])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('no issues found')
  })

  it('exits 0 on warnings alone, 1 with --frail', () => {
    expect(run([seed]).code).toBe(0)
    const frail = run(['--frail', seed])
    expect(frail.code).toBe(1)
    expect(frail.stderr).toContain('unsupported-superlative')
  })

  it('exits 1 when a finding has error severity', () => {
    const dir = folder({'.remarkrc.mjs': config(`{rules: {'off-topic-insert': 'error'}}`)})
    copyFileSync(seed, join(dir, 'seed.md'))
    const result = run(['seed.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/error\s+off-topic-insert\s+copydesk\n\s+`[^`]+`: not part of the article; cut it/)
  })

  it('exits 2 with one line naming a missing path', () => {
    const result = run(['no-such-article.md'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: no such file or folder: no-such-article.md\n')
  })

  it('names a missing path and still lints the others, then exits 2', () => {
    const dir = folder({'a.md': 'Critics say it failed.\n', 'b.md': 'The mayor opened the bridge on Monday.\n'})
    const result = run(['--format', 'json', 'a.md', 'no-such-article.md', 'b.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: no such file or folder: no-such-article.md\n')
    const report = JSON.parse(result.stdout) as {path: string; messages: {ruleId: string}[]}[]
    expect(report.map((f) => f.path)).toEqual(['a.md', 'b.md'])
    expect(report[0].messages.map((m) => m.ruleId)).toContain('vague-attribution')
  })

  it('exits 2 on an unknown option', () => {
    const result = run(['--no-such-flag', seed])
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1)
  })

  it('exits 2 naming a config file that does not parse', () => {
    const dir = folder({'.remarkrc.mjs': 'export default {plugins: [\n', 'a.md': 'Hello.\n'})
    const result = run(['a.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: broken config `.remarkrc.mjs`: /)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('names a broken config in one folder and still reports the files under another, then exits 2', () => {
    const dir = folder({'a.md': 'Critics say it failed.\n', 'drafts/b.md': 'Hello.\n', 'drafts/.remarkrc.mjs': 'export default {plugins: [\n'})
    const result = run(['--format', 'json', 'a.md', 'drafts/b.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: broken config `drafts\/.remarkrc.mjs`: [^\n]+\n$/)
    const report = JSON.parse(result.stdout) as {path: string; messages: {ruleId: string}[]}[]
    expect(report.map((f) => f.path)).toEqual(['a.md'])
    expect(report[0].messages.map((m) => m.ruleId)).toContain('vague-attribution')
  })

  it('exits 2 naming an unknown rule in the config', () => {
    const dir = folder({'.remarkrc.mjs': config(`{rules: {'no-such-rule': 'warn'}}`), 'a.md': 'Hello.\n'})
    const result = run(['a.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('.remarkrc.mjs')
    expect(result.stderr).toContain('no-such-rule')
  })
})

describe('--help', () => {
  it('lists every flag, its text set apart from it in one column', () => {
    const result = run(['--help'])
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    for (const [name, flag] of Object.entries(flags)) {
      const at = lines.findIndex((line) => new RegExp(`^  (?:-\\w, |    )--${name}(?: |$)`).test(line))
      expect(at, name).toBeGreaterThan(-1)
      const text = flag.type === 'string' ? flag.help.split(/\s{2,}/)[1] : flag.help
      // On the flag's line after two spaces or more, or alone on the next line: in column 31.
      const shown = lines[at].indexOf(text) > 0 ? lines[at] : lines[at + 1]
      expect(shown.indexOf(text), name).toBe(30)
    }
  })
})

describe('--format json', () => {
  it('writes only a JSON array in vfile-reporter-json shape to stdout', () => {
    const result = run(['--format', 'json', seed])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(Array.isArray(report)).toBe(true)
    expect(report[0].path).toContain('shanghai-tech.md')
    const ids = new Set(report[0].messages.map((m: {ruleId: string}) => m.ruleId))
    for (const id of ['unsupported-superlative', 'unattributed-statistic', 'currency-consistency', 'off-topic-insert', 'vague-attribution']) expect(ids).toContain(id)
    for (const m of report[0].messages) {
      for (const key of ['ruleId', 'source', 'reason', 'line', 'column', 'place', 'actual', 'expected', 'url', 'fatal']) expect(m).toHaveProperty(key)
      expect(m.place.start.line).toBeGreaterThan(0)
      expect(m.place.end.line).toBeGreaterThan(0)
    }
  })

  it('ends quietly when the reader closes the pipe early (`| head`), with the run\'s exit code', () => {
    // More output than a pipe holds (a finding per paragraph), so the write outlives the reader.
    const dir = folder({'a.md': 'Sales rose by 32% last year.\n\n'.repeat(2000)})
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" --format json a.md | head -c 10`], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    expect(result.stdout).toBe('[{"path":"')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})

describe('files', () => {
  it('lints a folder and honours .remarkignore', () => {
    const dir = folder({'.remarkignore': 'skip.md\n', 'keep.md': 'Critics say it failed.\n', 'skip.md': 'Critics say it failed.\n'})
    const result = run(['--format', 'json', '.'], dir)
    const paths = JSON.parse(result.stdout).map((f: {path: string}) => f.path)
    expect(paths).toEqual(['keep.md'])
  })

  it('names a glob that matches no file and exits 2, unless --no-error-on-unmatched-pattern', () => {
    const dir = folder({'a.md': 'Critics say it failed.\n'})
    const typo = run(['--format', 'json', 'articels/*.md', '*.md'], dir)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toBe('copydesk: no files match `articels/*.md` (--no-error-on-unmatched-pattern lets it pass)\n')
    expect(JSON.parse(typo.stdout).map((f: {path: string}) => f.path)).toEqual(['a.md'])
    const allowed = run(['--format', 'json', '--no-error-on-unmatched-pattern', 'articels/*.md', '*.md'], dir)
    expect(allowed.code).toBe(0)
    expect(JSON.parse(allowed.stdout).map((f: {path: string}) => f.path)).toEqual(['a.md'])
  })

  it('lints standard input with --stdin, under the name and config of --stdin-filename', () => {
    const dir = folder({'a.md': ''})
    mkdirSync(join(dir, 'quiet'))
    writeFileSync(join(dir, 'quiet', '.remarkrc.mjs'), config(`{rules: {'vague-attribution': 'off'}}`))
    const text = 'Critics say sales rose 32% last year.\n'
    const plain = run(['--format', 'json', '--stdin'], dir, {}, text)
    expect(plain.code).toBe(0)
    const [file] = JSON.parse(plain.stdout)
    expect(file.path).toBe('stdin.md')
    expect(file.messages.map((m: {ruleId: string}) => m.ruleId).sort()).toEqual(['unattributed-statistic', 'vague-attribution'])
    const named = JSON.parse(run(['--format', 'json', '--stdin', '--stdin-filename', 'quiet/draft.md'], dir, {}, text).stdout)
    expect(named.map((f: {path: string; messages: Array<{ruleId: string}>}) => [f.path, f.messages.map((m) => m.ruleId)])).toEqual([['quiet/draft.md', ['unattributed-statistic']]])
    for (const args of [['--stdin', 'a.md'], ['--stdin', '--fix'], ['--stdin', '--diff'], ['--stdin-filename', 'x.md', 'a.md']]) {
      const refused = run(args, dir, {}, text)
      expect(refused.code, args.join(' ')).toBe(2)
      expect(refused.stderr, args.join(' ')).toMatch(/^copydesk: --stdin/)
    }
  })

  it('uses the built-in preset when no config is found', () => {
    const dir = folder({'a.md': 'Critics say the plan will fail.\n'})
    const result = run(['--format', 'json', 'a.md'], dir)
    expect(JSON.parse(result.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['vague-attribution'])
  })
})

describe('ignored files', () => {
  it('skips a file named on the command line that .remarkignore lists, and lints the rest', () => {
    const dir = folder({'.remarkignore': 'skip.md\n', 'keep.md': 'Critics say it failed.\n', 'skip.md': 'Critics say it failed.\n'})
    const result = run(['--format', 'json', 'keep.md', 'skip.md'], dir)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).map((f: {path: string}) => f.path)).toEqual(['keep.md'])
  })
})
