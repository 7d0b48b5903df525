// `--diff`'s changed lines read from git's own patch (src/cli/git-diff.ts), in a scratch repository.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {changedLines} from '../src/cli/git-diff.js'

function repository(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'copydesk-git-diff-')))
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {cwd: dir, stdio: 'ignore'})
  git('init', '-q')
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  git('add', '.')
  git('commit', '-q', '-m', 'base')
  return dir
}

describe('changedLines', () => {
  it('counts added and rewritten lines, not the old last line that only gained a newline', () => {
    const dir = repository({'a.md': 'one\ntwo'})
    writeFileSync(join(dir, 'a.md'), 'one\ntwo\nthree\n')
    expect(changedLines('HEAD', dir).get(join(dir, 'a.md'))).toEqual(new Set([3]))
    writeFileSync(join(dir, 'a.md'), 'one\nTWO\nthree\n')
    expect(changedLines('HEAD', dir).get(join(dir, 'a.md'))).toEqual(new Set([2, 3]))
    rmSync(dir, {recursive: true, force: true})
  })

  it('finds files whose names git quotes or ends with a tab, leaves out deleted ones, and takes untracked files whole', () => {
    const dir = repository({'with space.md': 'a\n', 'tab\there.md': 'a\n', 'gone.md': 'a\n'})
    writeFileSync(join(dir, 'with space.md'), 'a\nb\n')
    writeFileSync(join(dir, 'tab\there.md'), 'b\n')
    rmSync(join(dir, 'gone.md'))
    writeFileSync(join(dir, 'new.md'), 'a\n')
    const changed = changedLines('HEAD', dir)
    expect(changed.get(join(dir, 'with space.md'))).toEqual(new Set([2]))
    expect(changed.get(join(dir, 'tab\there.md'))).toEqual(new Set([1]))
    expect(changed.has(join(dir, 'gone.md'))).toBe(false)
    expect(changed.get(join(dir, 'new.md'))).toBe('all')
    rmSync(dir, {recursive: true, force: true})
  })
})
