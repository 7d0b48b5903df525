#!/usr/bin/env node
// `npm run bench`: the paths users take, each measured side by side in one run against a baseline
// and printed as ratios with the speed issue's targets: the whole corpus (wall against parse-only,
// CPU against the stock unified pipeline), one article cold inside a project whose `.remarkrc.mjs`
// imports the package, the pre-commit hook, the language server after an edit, peak memory, and
// what a rule set to 'off' still costs. It also checks that findings are identical with --jobs 1,
// --jobs 2 and the cache.
// Peak memory is GNU time's maximum resident set size: copydesk's workers are threads of the one
// process, so it counts them all. BENCH_REPEAT runs per figure (median); BENCH_CORPUS another folder.
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = resolve(root, process.env.BENCH_CORPUS ?? '../shared/corpus/news')
const repeat = Number(process.env.BENCH_REPEAT ?? 3)
const tmp = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
const copydesk = join(root, 'bin/copydesk.js')
const remark = join(root, 'node_modules/remark-cli/cli.js')
const stockConfig = join(root, 'bench/stock.remarkrc.mjs')
const parseOnly = join(root, 'bench/parse-only.mjs')

if (!existsSync('/usr/bin/time')) throw new Error('bench: needs GNU time (/usr/bin/time) to measure peak memory')
const articles = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort()
const words = articles.reduce((sum, name) => sum + body(readFileSync(join(corpus, name), 'utf8')).split(/\s+/).filter(Boolean).length, 0)
// A typical article for the cold start: the one of median size.
const one = join(corpus, [...articles].sort((a, b) => readFileSync(join(corpus, a)).length - readFileSync(join(corpus, b)).length)[articles.length >> 1])

// A project as a user has it: the article, a .remarkrc.mjs importing the package, the package installed.
const project = join(tmp, 'project')
mkdirSync(join(project, 'node_modules'), {recursive: true})
symlinkSync(root, join(project, 'node_modules', 'copydesk'), 'dir')
copyFileSync(one, join(project, 'article.md'))
writeFileSync(join(project, '.remarkrc.mjs'), "import copydesk from 'copydesk'\nexport default {plugins: [copydesk]}\n")
const bare = join(tmp, 'bare')
mkdirSync(bare)
copyFileSync(one, join(bare, 'article.md'))
// Every copydesk rule off, readability on: what the stock pipeline does, so the two should cost the same.
const rulesOff = join(tmp, 'rules-off.mjs')
const offSettings = Object.fromEntries(['unsupported-superlative', 'unattributed-statistic', 'currency-consistency', 'off-topic-insert', 'vague-attribution'].map((id) => [id, 'off']))
writeFileSync(rulesOff, `import copydesk from ${JSON.stringify(pathToFileURL(join(root, 'dist/bundle/preset.js')).href)}\nexport default {plugins: [[copydesk, {rules: ${JSON.stringify(offSettings)}}]]}\n`)

/** Run one process; wall time from here, CPU and peak RSS from GNU time. */
function measure(args, {stdout, cwd = root, command = process.execPath} = {}) {
  const memory = join(tmp, 'time.txt')
  const start = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', memory, command, ...args], {cwd, encoding: 'utf8', maxBuffer: 1 << 30})
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status !== 0 && result.status !== 1) throw new Error(`bench: \`${command} ${args.join(' ')}\` exited ${result.status}: ${result.stderr.slice(-2000)}${result.stdout.slice(-2000)}`)
  const [kib, user, system] = readFileSync(memory, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return {seconds, cpu: user + system, mib: kib / 1024, stdout: stdout ? result.stdout : undefined}
}

const middle = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]

/**
 * Several commands, their runs interleaved so a load that comes and goes hits them alike; for each
 * the median wall and CPU time and the largest peak memory.
 */
function sideBySide(commands) {
  const runs = commands.map(() => [])
  for (let i = 0; i < repeat; i++) commands.forEach(([args, options], k) => runs[k].push(measure(args, options)))
  return runs.map((list) => ({seconds: middle(list.map((r) => r.seconds)), cpu: middle(list.map((r) => r.cpu)), mib: Math.max(...list.map((r) => r.mib)), stdout: list[0].stdout}))
}

function body(text) {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '')
}

const rows = []
const row = (name, r) => {
  rows.push({name, ...r})
  return r
}

console.log(`corpus: ${corpus} (${articles.length} articles, ${words} words); one article: ${one}; median of ${repeat} interleaved runs`)
const stockArgs = [remark, '--rc-path', stockConfig, '--quiet', '--no-stdout', '--silent']
const [stock, parse, cd, off] = sideBySide([[[...stockArgs, corpus]], [[parseOnly, corpus]], [[copydesk, '--format', 'json', corpus], {stdout: true}], [[copydesk, '--format', 'json', '--rc-path', rulesOff, corpus]]])
row('stock pipeline (remark-cli + remark-retext + retext-english + retext-readability)', stock)
row('parse-only (remark-parse + retext-english)', parse)
row('copydesk (default --jobs)', cd)
row("copydesk, every copydesk rule 'off' (readability on)", off)
const [jobs1, jobs2] = sideBySide([[[copydesk, '--format', 'json', '--jobs', '1', corpus], {stdout: true}], [[copydesk, '--format', 'json', '--jobs', '2', corpus], {stdout: true}]])
row('copydesk --jobs 1', jobs1)
row('copydesk --jobs 2', jobs2)
const cacheLocation = join(tmp, 'cache')
const cacheCold = row('copydesk --cache (empty cache)', measure([copydesk, '--format', 'json', '--cache', '--cache-location', cacheLocation, corpus], {stdout: true}))
const [cached] = sideBySide([[[copydesk, '--format', 'json', '--cache', '--cache-location', cacheLocation, corpus], {stdout: true}]])
row('copydesk --cache (unchanged corpus)', cached)
const [stockOne, configOne, bareOne] = sideBySide([[[...stockArgs, 'article.md'], {cwd: bare}], [[copydesk, 'article.md'], {cwd: project}], [[copydesk, 'article.md'], {cwd: bare}]])
row('stock pipeline, one article cold', stockOne)
row("copydesk, one article cold, .remarkrc.mjs imports 'copydesk'", configOne)
row('copydesk, one article cold, no config', bareOne)
const preCommit = preCommitRun()
if (preCommit) row('pre-commit run --files article.md (environment installed)', preCommit)
const server = await languageServerAfterEdits(20)

console.log('')
console.log(`${'run'.padEnd(84)} ${'seconds'.padStart(8)} ${'cpu s'.padStart(7)} ${'words/s'.padStart(9)} ${'peak MiB'.padStart(9)}`)
for (const r of rows) {
  const perSecond = r.name.includes('one article') || r.name.includes('pre-commit') ? '' : Math.round(words / r.seconds)
  console.log(`${r.name.padEnd(84)} ${r.seconds.toFixed(2).padStart(8)} ${r.cpu.toFixed(2).padStart(7)} ${String(perSecond).padStart(9)} ${r.mib.toFixed(0).padStart(9)}`)
}
console.log(`language server, ${server.edits} edits of a ${server.words}-word article: median ${server.median.toFixed(0)} ms from the edit to its diagnostics (slowest ${server.slowest.toFixed(0)} ms)`)

const checks = [
  ['whole corpus wall: copydesk / parse-only', cd.seconds / parse.seconds, '<=', 2],
  ['whole corpus CPU: copydesk / stock', cd.cpu / stock.cpu, '<=', 1],
  ["one article cold with a config: copydesk / stock", configOne.seconds / stockOne.seconds, '<=', 0.5],
  ['one article cold, no config: copydesk / stock', bareOne.seconds / stockOne.seconds, '', undefined],
  ["copydesk rules 'off' CPU: copydesk / stock (same work)", off.cpu / stock.cpu, '<=', 1.1],
  ['peak memory of copydesk (MiB)', Math.max(cd.mib, jobs2.mib, cacheCold.mib, configOne.mib), '<=', 400],
  ['language server: ms from an edit to diagnostics', server.median, '<=', 100],
  ['cached re-run / uncached run', cached.seconds / cd.seconds, '<=', 0.15],
  ['--jobs 1 / --jobs 2 speed-up', jobs1.seconds / jobs2.seconds, '>=', 1]
]
if (preCommit) checks.push(['pre-commit, one article / stock one article cold', preCommit.seconds / stockOne.seconds, '', undefined])
console.log('\n(seconds: wall time; cpu s: user + system time of the process and its threads, which shows how busy the machine was)')
console.log('')
let failed = false
for (const [name, value, op, target] of checks) {
  const ok = target === undefined || (op === '>=' ? value >= target : value <= target)
  failed ||= !ok
  console.log(`${target === undefined ? 'info' : ok ? 'ok  ' : 'FAIL'} ${name.padEnd(56)} ${value.toFixed(2).padStart(8)}  ${target === undefined ? '' : `(target ${op} ${target})`}`)
}
const same = [jobs2, cd, cacheCold, cached].every((r) => r.stdout === jobs1.stdout)
failed ||= !same
console.log(`${same ? 'ok  ' : 'FAIL'} findings identical with --jobs 1, --jobs 2, default, empty and warm cache (${JSON.parse(jobs1.stdout).reduce((n, f) => n + f.messages.length, 0)} findings)`)
if (!preCommit) console.log('skip pre-commit: the framework is not installed (apt-get install pre-commit), or BENCH_PRE_COMMIT=0')
rmSync(tmp, {recursive: true, force: true})
process.exitCode = failed ? 1 : 0

/**
 * The hook as a commit runs it, once pre-commit has installed the hook's environment (the first,
 * untimed run): this checkout's HEAD, committed work only.
 */
function preCommitRun() {
  if (process.env.BENCH_PRE_COMMIT === '0' || spawnSync('pre-commit', ['--version']).status !== 0) return undefined
  const repo = join(tmp, 'hooked')
  mkdirSync(repo)
  copyFileSync(one, join(repo, 'article.md'))
  const rev = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim()
  writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${root}\n    rev: ${rev}\n    hooks:\n      - id: copydesk\n        args: []\n`)
  execFileSync('git', ['init', '-q'], {cwd: repo})
  execFileSync('git', ['add', '.'], {cwd: repo})
  const env = {...process.env, PRE_COMMIT_HOME: join(tmp, 'pre-commit-home')}
  const install = spawnSync('pre-commit', ['run', '--files', 'article.md'], {cwd: repo, env, encoding: 'utf8'})
  if (install.status !== 0 && install.status !== 1) throw new Error(`bench: pre-commit could not install the hook: ${install.stdout}${install.stderr}`)
  const runs = Array.from({length: repeat}, () => {
    const start = process.hrtime.bigint()
    spawnSync('pre-commit', ['run', '--files', 'article.md'], {cwd: repo, env})
    return Number(process.hrtime.bigint() - start) / 1e9
  })
  return {seconds: middle(runs), cpu: Number.NaN, mib: Number.NaN}
}

/** The editor's path: open a 1,000-word article, then edit it `count` times, timing each edit to its diagnostics. */
async function languageServerAfterEdits(count) {
  const paragraphs = articles.map((name) => body(readFileSync(join(corpus, name), 'utf8')).split(/\n\s*\n/)).flat().filter((p) => p.trim() && !p.startsWith('#'))
  let text = ''
  while (text.split(/\s+/).length < 1000) text += paragraphs[text.length % paragraphs.length] + '\n\n'
  const folder = join(tmp, 'editor')
  mkdirSync(folder)
  const uri = pathToFileURL(join(folder, 'draft.md')).href
  const server = spawn(process.execPath, [join(root, 'bin/copydesk-language-server.js'), '--stdio'], {cwd: folder})
  let buffer = Buffer.alloc(0)
  const waiting = []
  server.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk])
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1])
      if (buffer.length < headerEnd + 4 + length) return
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString())
      buffer = buffer.subarray(headerEnd + 4 + length)
      for (const w of waiting.splice(0)) if (!w(message)) waiting.push(w)
    }
  })
  const send = (message) => {
    const json = JSON.stringify({jsonrpc: '2.0', ...message})
    server.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`)
  }
  const next = (test) => new Promise((resolve) => waiting.push((m) => test(m) && (resolve(m), true)))
  const diagnostics = (version) => next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (m.params.version === undefined || m.params.version === version))
  send({id: 1, method: 'initialize', params: {processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null}})
  await next((m) => m.id === 1)
  send({method: 'initialized', params: {}})
  let opened = diagnostics(1)
  send({method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text}}})
  await opened
  const times = []
  for (let version = 2; version < count + 2; version++) {
    text += `Edit ${version} adds a sentence at the end.\n`
    opened = diagnostics(version)
    const start = process.hrtime.bigint()
    send({method: 'textDocument/didChange', params: {textDocument: {uri, version}, contentChanges: [{text}]}})
    await opened
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  server.kill()
  return {edits: count, words: text.split(/\s+/).length, median: middle(times), slowest: Math.max(...times)}
}
