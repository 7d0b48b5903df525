#!/usr/bin/env node
// `node bench/ab.mjs TREE_A TREE_B [passes] [set]`: two builds of copydesk (each tree's
// dist/bundle/preset.js) in one process, each file linted by both in turn (the order alternating),
// so a load that comes and goes on a shared machine hits both alike: the CPU and wall time of each
// per pass over ../shared/corpus/<set> (news by default), their ratio B/A, and whether both gave
// the same messages. Separate processes timed one after another differ by more than a speed change.
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createRequire} from 'node:module'
const [a, b] = process.argv.slice(2, 4).map((tree) => resolve(tree))
const passes = Number(process.argv[4] ?? 2)
const set = process.argv[5] ?? 'news'
const require = createRequire(join(a, 'package.json'))
const {unified} = await import(pathToFileURL(require.resolve('unified')).href)
const {default: remarkParse} = await import(pathToFileURL(require.resolve('remark-parse')).href)
const {VFile} = await import(pathToFileURL(require.resolve('vfile')).href)
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', set)
const files = readdirSync(dir).filter((n) => n.endsWith('.md')).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')])
const sides = []
for (const tree of [a, b]) {
  const {default: preset} = await import(pathToFileURL(join(tree, 'dist/bundle/preset.js')).href)
  sides.push({tree, processor: unified().use(remarkParse).use(preset), cpu: [], wall: [], out: ''})
}
for (let p = 0; p < passes; p++) {
  for (const s of sides) s.cpu[p] = s.wall[p] = 0
  for (let k = 0; k < files.length; k++) {
    const [path, value] = files[k]
    const order = (k + p) % 2 ? [sides[1], sides[0]] : sides
    for (const s of order) {
      const file = new VFile({path, value})
      const t0 = process.cpuUsage(), w0 = performance.now()
      await s.processor.run(s.processor.parse(file), file)
      const t = process.cpuUsage(t0)
      s.wall[p] += performance.now() - w0
      s.cpu[p] += (t.user + t.system) / 1000
      if (p === 0) s.out += path + JSON.stringify(file.messages.map((m) => [m.ruleId, m.place, m.reason])) + "\n"
    }
  }
}
for (const s of sides) console.log(s.tree, 'cpu', s.cpu.map(Math.round).join(' '), 'wall', s.wall.map(Math.round).join(' '))
console.log('same messages:', sides[0].out === sides[1].out, 'ratio B/A cpu per pass:', sides[1].cpu.map((c, p) => (c / sides[0].cpu[p]).toFixed(3)).join(' '), 'wall:', sides[1].wall.map((c, p) => (c / sides[0].wall[p]).toFixed(3)).join(' '))
if (sides[0].out !== sides[1].out) {
  const [x, y] = sides.map((s) => s.out.split('\n'))
  const k = x.findIndex((line, i) => line !== y[i])
  console.log(`first difference:\n${x[k]}\n${y[k]}`)
}
