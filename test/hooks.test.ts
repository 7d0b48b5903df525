// The ready-made integrations, run as their hosts run them: the pre-commit framework installs
// this repository as a node hook; GitHub runs action.yml's composite steps with bash.
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {folder, run} from './bin.js'
import {validateSarif} from './sarif-schema.js'

const root = resolve('.')
const seed = resolve('articles/shanghai-tech.md')
const clean = resolve('articles/wn-2019-astronomers-find-water-vapour-in-atmosphere.md')
const identity = {GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.org'}

describe('.pre-commit-hooks.yaml', () => {
  it('defines the copydesk hook: node, Markdown files, warnings fail the commit', () => {
    const [hook] = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8'))
    expect(hook).toMatchObject({id: 'copydesk', entry: 'copydesk', language: 'node', types: ['markdown'], args: ['--frail']})
  })

  it('installs from the npm registry alone: every locked package is a registry release', () => {
    // pre-commit's node installer runs `npm install` and `npm pack` here, then installs the tarball:
    // no git, URL or file dependencies, which would need another host or a local path.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
    for (const [path, entry] of Object.entries(lock.packages as Record<string, {version?: string; resolved?: string; integrity?: string; link?: boolean}>)) {
      if (path === '' || entry.link) continue
      expect(entry.version, path).toMatch(/^\d+\.\d+\.\d+/)
      expect(entry.integrity, path).toMatch(/^sha512-/)
      if (entry.resolved) expect(entry.resolved, path).toMatch(/^https:\/\/registry\.npmjs\.org\//)
    }
  })

  const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0
  // .ci/run installs Debian's pre-commit; a developer machine without it skips, visibly.
  describe.skipIf(!hasPreCommit)('pre-commit run (skipped: the pre-commit framework is not installed; apt-get install pre-commit)', () => {
    // As users install it: a .pre-commit-config.yaml naming this repository at a commit. pre-commit
    // builds the hook's environment once per repository and commit (npm install, npm pack, each
    // running the build) and keeps it in PRE_COMMIT_HOME, so both tests share one install;
    // `pre-commit try-repo` would build it again for every run. The commit is of the working tree
    // as it is now, made in a clone (as try-repo does), so uncommitted changes are tested too.
    const home = mkdtempSync(join(tmpdir(), 'copydesk-pre-commit-home-'))
    let hookRepo: string
    let rev: string
    beforeAll(() => {
      hookRepo = join(mkdtempSync(join(tmpdir(), 'copydesk-pre-commit-repo-')), 'copydesk')
      execFileSync('git', ['clone', '-q', '--no-hardlinks', root, hookRepo])
      const changes = execFileSync('git', ['diff', 'HEAD', '--binary'], {cwd: root})
      if (changes.length > 0) execFileSync('git', ['apply', '--index'], {cwd: hookRepo, input: changes})
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'working tree'], {cwd: hookRepo, env: {...process.env, ...identity}})
      rev = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: hookRepo, encoding: 'utf8'}).trim()
    })

    // pre-commit's three npm commands install the same locked registry releases that `npm ci`
    // put in npm's cache moments before; npm would ask the registry again about each of the 320
    // packages (a network round trip apiece, minutes on a slow link) and send an audit. Taken
    // from the cache when it has them, fetched from the registry when not: the same packages,
    // the same builds, the same hook.
    const npmQuiet = {npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'}

    function runHook(article: string) {
      const dir = folder({'.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: copydesk\n`})
      copyFileSync(article, join(dir, 'article.md'))
      execFileSync('git', ['init', '-q'], {cwd: dir})
      execFileSync('git', ['add', 'article.md', '.pre-commit-config.yaml'], {cwd: dir})
      const result = spawnSync('pre-commit', ['run', 'copydesk', '--files', 'article.md'], {
        cwd: dir,
        encoding: 'utf8',
        env: {...process.env, ...identity, ...npmQuiet, PRE_COMMIT_HOME: home, NO_COLOR: '1'}
      })
      return {code: result.status, output: result.stdout + result.stderr}
    }

    it('fails on the seed article with copydesk\'s findings', () => {
      const {code, output} = runHook(seed)
      expect(code, output).toBe(1)
      expect(output).toMatch(/copydesk\.+Failed/)
      expect(output).toMatch(/^article\.md$/m)
      expect(output).toMatch(/^3:196-3:221\s+warning\s+unsupported-superlative\s+copydesk\n\s+`Asia's most comprehensive`: a claim of rank/m)
      expect(output).toContain('off-topic-insert')
    }, 600_000)

    it('passes on a clean article', () => {
      const {code, output} = runHook(clean)
      expect(code, output).toBe(0)
      expect(output).toMatch(/copydesk\.+Passed/)
    }, 600_000)
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8'))
  const step = action.runs.steps.find((s: {name?: string}) => s.name === 'Run copydesk')

  it('is a composite action whose shell steps all name their shell', () => {
    expect(action.runs.using).toBe('composite')
    for (const s of action.runs.steps) if (s.run) expect(s.shell).toBe('bash')
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'args', 'sarif-file']))
  })

  /** Run the step's script as the runner does, with `${{ inputs.NAME }}` set from `inputs` or the defaults. */
  function runStep(cwd: string, inputs: Record<string, string>) {
    const output = join(cwd, 'github-output.txt')
    writeFileSync(output, '')
    const env: Record<string, string> = {...(process.env as Record<string, string>), GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: output}
    for (const [name, value] of Object.entries(step.env as Record<string, string>)) {
      const input = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(value)![1]
      env[name] = inputs[input] ?? String(action.inputs[input].default ?? '')
    }
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {cwd, env, encoding: 'utf8'})
    return {code: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readFileSync(output, 'utf8')}
  }

  it('annotates every finding and writes valid SARIF for code scanning', () => {
    const dir = folder()
    copyFileSync(seed, join(dir, 'seed.md'))
    const findings = JSON.parse(run(['--format', 'json', 'seed.md'], dir).stdout)[0].messages.length
    const result = runStep(dir, {files: '*.md', 'sarif-file': 'copydesk.sarif'})
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.trimEnd().split('\n').filter((line) => line.startsWith('::warning file=seed.md,'))).toHaveLength(findings)
    expect(result.outputs).toBe('sarif-file=copydesk.sarif\n')
    const log = JSON.parse(readFileSync(join(dir, 'copydesk.sarif'), 'utf8'))
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true)
    expect(log.runs[0].results).toHaveLength(findings)
  })

  it('fails the step on copydesk\'s exit code, still writing SARIF, and writes none when not asked', () => {
    const dir = folder()
    copyFileSync(seed, join(dir, 'seed.md'))
    const failed = runStep(dir, {files: 'seed.md', args: '--max-warnings 0', 'sarif-file': 'out.sarif'})
    expect(failed.code).toBe(1)
    expect(existsSync(join(dir, 'out.sarif'))).toBe(true)
    const plain = runStep(dir, {files: 'seed.md'})
    expect(plain.code).toBe(0)
    expect(plain.outputs).toBe('')
  })
})
