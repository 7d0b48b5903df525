// A reproducible random sample of one report's findings per rule, for a precision audit by hand:
// findings are put in a fixed order (path, offset), shuffled with the seeded PRNG and the first N
// of each rule are printed with their paragraph, the finding's words marked [[...]].
// usage: node scripts/audit-sample.mjs REPORT.json [--seed 16] [--n 50] [--rules a,b,c] [--json]
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {rng} from './random.mjs'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(name)
  return i === -1 ? dflt : args[i + 1]
}
const report = JSON.parse(readFileSync(args[0], 'utf8'))
const seed = Number(opt('--seed', 16))
const n = Number(opt('--n', 50))
const rules = opt('--rules', 'unsupported-superlative,unattributed-statistic,vague-attribution').split(',')
const asJson = args.includes('--json')

const corpusPath = (file) => resolve('/work/shared/corpus', file.path.replace(/^.*?corpus\//, ''))
const out = []
for (const rule of rules) {
  const all = []
  for (const file of report)
    for (const m of file.messages)
      if (m.ruleId === rule) all.push({file: corpusPath(file), start: m.place.start.offset, end: m.place.end.offset, actual: m.actual, reason: m.reason})
  all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start))
  const random = rng(seed)
  // Fisher-Yates over the fixed order: the same seed gives the same sample on every machine.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  all.slice(0, n).forEach((f, k) => {
    const text = readFileSync(f.file, 'utf8')
    const ps = text.lastIndexOf('\n\n', f.start) + 2
    let pe = text.indexOf('\n\n', f.end)
    if (pe === -1) pe = text.length
    const para = text.slice(ps, f.start) + '[[' + text.slice(f.start, f.end) + ']]' + text.slice(f.end, pe)
    out.push({rule, k: k + 1, article: f.file.replace(/^.*\//, ''), start: f.start, actual: f.actual, reason: f.reason, para})
  })
}
if (asJson) console.log(JSON.stringify(out, null, 1))
else for (const o of out) console.log(`### ${o.rule} #${o.k} ${o.article}@${o.start} \`${o.actual}\`\n${o.para}\n`)
