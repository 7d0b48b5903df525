#!/usr/bin/env node
// `npm run bench`: copydesk against the stock unified pipeline and against parse-only, each as a
// whole process, side by side in one run; prints ratios, words per second and peak memory, and
// checks that findings are identical with --jobs 1, --jobs 2 and the cache.
// Peak memory is GNU time's maximum resident set size: copydesk's workers are threads of the one
// process, so it counts them all.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

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

/** Run one process; wall time from here, peak RSS from GNU time. */
function measure(args, {stdout} = {}) {
  const memory = join(tmp, 'time.txt')
  const start = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', memory, process.execPath, ...args], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30})
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status !== 0 && result.status !== 1) throw new Error(`bench: \`node ${args.join(' ')}\` exited ${result.status}: ${result.stderr.slice(-2000)}`)
  const [kib, user, system] = readFileSync(memory, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return {seconds, cpu: user + system, mib: kib / 1024, stdout: stdout ? result.stdout : undefined}
}

/** The median of `repeat` runs by wall time (the machine may be busy with other work). */
function median(args, options) {
  const runs = Array.from({length: repeat}, () => measure(args, options))
  runs.sort((a, b) => a.seconds - b.seconds)
  return {...runs[runs.length >> 1], mib: Math.max(...runs.map((r) => r.mib))}
}

function body(text) {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '')
}

const rows = []
const row = (name, r) => {
  rows.push({name, ...r})
  return r
}

console.log(`corpus: ${corpus} (${articles.length} articles, ${words} words); one article: ${one}; median of ${repeat} runs`)
const stock = row('stock pipeline (remark-cli + remark-retext + retext-english + retext-readability)', median([remark, '--rc-path', stockConfig, '--quiet', '--no-stdout', '--silent', corpus]))
const parse = row('parse-only (remark-parse + retext-english)', median([parseOnly, corpus]))
const jobs1 = row('copydesk --jobs 1', median([copydesk, '--format', 'json', '--jobs', '1', corpus], {stdout: true}))
const cd = row('copydesk (default --jobs)', median([copydesk, '--format', 'json', corpus], {stdout: true}))
const jobs2 = row('copydesk --jobs 2', measure([copydesk, '--format', 'json', '--jobs', '2', corpus], {stdout: true}))
const cacheLocation = join(tmp, 'cache')
const cacheCold = row('copydesk --cache (empty cache)', measure([copydesk, '--format', 'json', '--cache', '--cache-location', cacheLocation, corpus], {stdout: true}))
const cached = row('copydesk --cache (unchanged corpus)', median([copydesk, '--format', 'json', '--cache', '--cache-location', cacheLocation, corpus], {stdout: true}))
const stockOne = row('stock pipeline, one article cold', median([remark, '--rc-path', stockConfig, '--quiet', '--no-stdout', '--silent', one]))
const cdOne = row('copydesk, one article cold', median([copydesk, '--format', 'json', one]))

console.log('')
console.log(`${'run'.padEnd(84)} ${'seconds'.padStart(8)} ${'cpu s'.padStart(7)} ${'words/s'.padStart(9)} ${'peak MiB'.padStart(9)}`)
for (const r of rows) {
  const perSecond = r.name.includes('one article') ? '' : Math.round(words / r.seconds)
  console.log(`${r.name.padEnd(84)} ${r.seconds.toFixed(2).padStart(8)} ${r.cpu.toFixed(2).padStart(7)} ${String(perSecond).padStart(9)} ${r.mib.toFixed(0).padStart(9)}`)
}

const checks = [
  ['whole corpus: stock / copydesk', stock.seconds / cd.seconds, '>=', 6],
  ['whole corpus: copydesk / parse-only', cd.seconds / parse.seconds, '<=', 1.3],
  ['one article cold: copydesk / stock', cdOne.seconds / stockOne.seconds, '<=', 0.35],
  ['peak memory of copydesk (MiB)', Math.max(cd.mib, jobs2.mib, cacheCold.mib, cdOne.mib), '<=', 400],
  ['cached re-run / uncached run', cached.seconds / cd.seconds, '<=', 0.15],
  ['--jobs 1 / --jobs 2 speed-up', jobs1.seconds / jobs2.seconds, '>=', 1]
]
console.log('\n(seconds: wall time, what the targets compare; cpu s: user + system time of the process and its threads, which shows how busy the machine was)')
console.log('')
let failed = false
for (const [name, value, op, target] of checks) {
  const ok = op === '>=' ? value >= target : value <= target
  failed ||= !ok
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(40)} ${value.toFixed(2).padStart(8)}  (target ${op} ${target})`)
}
const same = [jobs2, cd, cacheCold, cached].every((r) => r.stdout === jobs1.stdout)
failed ||= !same
console.log(`${same ? 'ok  ' : 'FAIL'} findings identical with --jobs 1, --jobs 2, default, empty and warm cache (${JSON.parse(jobs1.stdout).reduce((n, f) => n + f.messages.length, 0)} findings)`)
rmSync(tmp, {recursive: true, force: true})
process.exitCode = failed ? 1 : 0
