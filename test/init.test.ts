// `copydesk init`: a config and a pre-commit hook for the current folder, that work as written.
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, symlinkSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {folder, run, seed} from './bin.js'

describe('copydesk init', () => {
  it('writes .remarkrc.mjs and .pre-commit-config.yaml, says how to install, and refuses to overwrite without --force', () => {
    const dir = folder()
    const first = run(['init'], dir)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('wrote .remarkrc.mjs\nwrote .pre-commit-config.yaml\n')
    expect(first.stdout).toContain(`npm install --save-dev file:${resolve('.')}`)
    expect(readFileSync(join(dir, '.remarkrc.mjs'), 'utf8')).toContain("import copydesk from 'copydesk'")
    const [hook] = parse(readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8')).repos[0].hooks
    expect(hook).toMatchObject({id: 'copydesk', language: 'system', types: ['markdown']})
    const again = run(['init'], dir)
    expect(again.code).toBe(2)
    expect(again.stderr).toBe('copydesk: .remarkrc.mjs and .pre-commit-config.yaml already exist here: `copydesk init --force` replaces them\n')
    expect(run(['init', '--force'], dir).code).toBe(0)
    expect(run(['init', 'extra'], dir).code).toBe(2)
  })

  it('gives a config that lints with the installed package as the defaults do', () => {
    const dir = folder()
    run(['init'], dir)
    // What `npm install --save-dev file:<checkout>` makes: a link to the package.
    mkdirSync(join(dir, 'node_modules', '.bin'), {recursive: true})
    symlinkSync(resolve('.'), join(dir, 'node_modules', 'copydesk'), 'dir')
    symlinkSync(resolve('bin/copydesk.js'), join(dir, 'node_modules', '.bin', 'copydesk'))
    copyFileSync(seed, join(dir, 'article.md'))
    const configured = run(['--format', 'json', 'article.md'], dir)
    const plain = run(['--format', 'json', '--rc-path', resolve('.remarkrc.mjs'), 'article.md'], dir)
    expect(configured.stderr).toBe('')
    const ids = (stdout: string) => JSON.parse(stdout)[0].messages.map((m: {ruleId: string; line: number; column: number}) => `${m.line}:${m.column} ${m.ruleId}`)
    expect(ids(configured.stdout).length).toBeGreaterThan(10)
    expect(ids(configured.stdout)).toEqual(ids(plain.stdout))

    // The hook as pre-commit runs it (Debian's pre-commit, installed by .ci/run).
    if (spawnSync('pre-commit', ['--version']).status !== 0) return
    execFileSync('git', ['init', '-q'], {cwd: dir})
    execFileSync('git', ['add', 'article.md', '.remarkrc.mjs', '.pre-commit-config.yaml'], {cwd: dir})
    const hooked = spawnSync('pre-commit', ['run', '--files', 'article.md'], {cwd: dir, encoding: 'utf8', env: {...process.env, PRE_COMMIT_HOME: join(dir, '.pre-commit-home'), NO_COLOR: '1'}})
    expect(hooked.status, hooked.stdout + hooked.stderr).toBe(1)
    expect(hooked.stdout).toMatch(/copydesk\.+Failed/)
    expect(hooked.stdout).toContain('unsupported-superlative')
  })
})
