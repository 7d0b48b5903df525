// The package's entry (package.json `exports`, what a `.remarkrc.mjs` imports as 'copydesk') is the
// preset's bundle run from the code cache, or the very preset the run has already loaded.
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, symlinkSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {folder, run, seed} from './bin.js'

const exported = JSON.parse(readFileSync('package.json', 'utf8')).exports as Record<string, string>
const entry = pathToFileURL(resolve(exported['.'])).href

describe('the package entry', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})))

  it('exports the preset, its option check and the rule ids, from the bundle', async () => {
    expect(exported['.']).toBe('./dist/bundle/preset.js')
    expect(exported['./preset']).toBe(exported['.'])
    const child = await import(`${entry}?fresh`)
    expect(typeof child.default).toBe('function')
    expect(child.ruleIds).toContain('unsupported-superlative')
    expect(() => child.validateOptions({rules: {'no-such-rule': 'warn'}})).toThrow(/unknown rule `no-such-rule`/)
  })

  it('hands a config the preset this package already loaded, not a second copy', () => {
    // A fresh process: the preset a run loads first (here tsc's, as the CLI loads its bundle's), then the entry.
    const loaded = pathToFileURL(resolve('dist/src/plugin/preset.js')).href
    const script = `const a = await import(${JSON.stringify(loaded)}); const b = await import(${JSON.stringify(entry)}); console.log(a.default === b.default)`
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('true')
  })

  it('runs the CLI from the code cache the build made: the V8 flags the CLI sets match it', () => {
    // A rejected cache is written again as the run exits (src/run/code-cache.ts).
    const cache = resolve('dist/bundle/cli.cjs.cache')
    const before = readFileSync(cache)
    const dir = folder({'a.md': readFileSync(seed, 'utf8')})
    dirs.push(dir)
    expect(run(['--format', 'json', 'a.md'], dir).stderr).toBe('')
    expect(readFileSync(cache).equals(before)).toBe(true)
  })

  it('gives the same findings through a config that imports the package as with no config', () => {
    const plain = folder({'a.md': readFileSync(seed, 'utf8')})
    const project = folder({'a.md': readFileSync(seed, 'utf8'), '.remarkrc.mjs': "import copydesk from 'copydesk'\nexport default {plugins: [copydesk]}\n"})
    dirs.push(plain, project)
    mkdirSync(join(project, 'node_modules'))
    symlinkSync(resolve('.'), join(project, 'node_modules', 'copydesk'), 'dir')
    const without = run(['--format', 'json', 'a.md'], plain)
    const withConfig = run(['--format', 'json', 'a.md'], project)
    expect(withConfig.stderr).toBe('')
    const messages = (stdout: string) => JSON.parse(stdout)[0].messages.map((m: {ruleId: string; line: number; column: number; reason: string}) => [m.ruleId, m.line, m.column, m.reason])
    expect(messages(without.stdout).length).toBeGreaterThan(10)
    expect(messages(withConfig.stdout)).toEqual(messages(without.stdout))
  })
})
