#!/usr/bin/env node
// Cross-validate the claim rules by article over the three labelled sets (dev/, dev-claims/,
// promo/labels-dev.jsonl): the articles are split into folds by a stable hash of their id
// (claimFold below), each fold is scored on its own with ../shared/eval/score.mjs, and the folds'
// counts are pooled per set and over all sets. Without --train the CLI runs once over every
// article (the folds then show how stable the figures are). With --train CMD a trained component
// is scored on articles it never saw: for each fold k, `CMD --holdout k` trains on the other folds
// (writing its model where the rule reads it), the CLI lints fold k, and `CMD` is run once more at
// the end to leave the model trained on everything.
//   npm run build && node scripts/cv-claims.mjs [--corpus ../shared/corpus] [--train CMD] [--json OUT]
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {pathToFileURL} from 'node:url'
import {fnv1a} from '../dist/src/text/hash.js'

export const CLAIM_RULES = ['unsupported-superlative', 'unattributed-statistic', 'vague-attribution']
export const FOLDS = 5

/** The labelled sets: where their articles are and their labels file, relative to the corpus. */
export const SETS = [
  {name: 'dev', docs: 'dev', labels: 'dev/labels.jsonl'},
  {name: 'dev-claims', docs: 'dev-claims', labels: 'dev-claims/labels.jsonl'},
  {name: 'promo-dev', docs: 'promo/docs', labels: 'promo/labels-dev.jsonl'}
]

/** The fold (0 … FOLDS-1) an article belongs to: FNV-1a of its id, so every machine and run splits the same way. */
export const claimFold = (id) => fnv1a(`claims:${id}`) % FOLDS

/** A set's label units (one per sentence), read from the corpus. */
export const readUnits = (corpus, set) =>
  readFileSync(join(corpus, set.labels), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))

const root = join(import.meta.dirname, '..')

function main() {
  const {values} = parseArgs({options: {
    corpus: {type: 'string', default: join(root, '..', 'shared', 'corpus')},
    train: {type: 'string'},
    json: {type: 'string'}
  }})
  const corpus = values.corpus
  const scorer = join(corpus, '..', 'eval', 'score.mjs')
  const work = mkdtempSync(join(tmpdir(), 'cv-claims-'))

  const sets = SETS.map((set) => {
    const units = readUnits(corpus, set)
    const ids = [...new Set(units.map((u) => u.article))].sort()
    return {...set, units, ids}
  })

  const lint = (paths) => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'copydesk.js'), '--format', 'json', ...paths],
      {cwd: root, maxBuffer: 1 << 30, encoding: 'utf8'})
    if (run.status !== 0 && run.status !== 1) throw new Error(`copydesk failed (${run.status}): ${run.stderr}`)
    const out = join(work, `report-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(out, run.stdout)
    return out
  }
  const train = (args) => {
    const run = spawnSync(values.train + args, {cwd: root, shell: true, stdio: ['ignore', 'ignore', 'inherit']})
    if (run.status !== 0) throw new Error(`training failed: ${values.train}${args}`)
  }
  const paths = (set, fold) => set.ids.filter((id) => fold === undefined || claimFold(id) === fold)
    .map((id) => join(corpus, set.docs, `${id}.md`))

  // counts[set][fold][rule] = {tp, fp, fn}
  const counts = {}
  const score = (set, fold, report) => {
    const labels = join(work, `${set.name}-${fold}.jsonl`)
    writeFileSync(labels, set.units.filter((u) => claimFold(u.article) === fold).map((u) => JSON.stringify(u)).join('\n') + '\n')
    const run = spawnSync(process.execPath, [scorer, '--labels', labels, '--report', report, '--json',
      ...CLAIM_RULES.flatMap((r) => ['--rule', r])], {encoding: 'utf8', maxBuffer: 1 << 28})
    if (run.status !== 0) throw new Error(`score.mjs failed: ${run.stderr}`)
    const rows = JSON.parse(run.stdout).rules
    ;((counts[set.name] ??= {})[fold] = {})
    for (const r of rows) counts[set.name][fold][r.rule] = {tp: r.tp, fp: r.fp, fn: r.fn}
  }

  try {
    if (values.train) {
      for (let fold = 0; fold < FOLDS; fold++) {
        train(` --holdout ${fold}`)
        const report = lint(sets.flatMap((s) => paths(s, fold)))
        for (const set of sets) score(set, fold, report)
      }
      train('')
    } else {
      const report = lint(sets.flatMap((s) => paths(s)))
      for (const set of sets) for (let fold = 0; fold < FOLDS; fold++) score(set, fold, report)
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }

  const add = (a, b) => ({tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn})
  const zero = {tp: 0, fp: 0, fn: 0}
  const pct = (n, d) => (d ? (100 * n / d).toFixed(1) : '-').padStart(6)
  const cell = (c) => `${pct(c.tp, c.tp + c.fp)} ${pct(c.tp, c.tp + c.fn)}`
  const result = {mode: values.train ? 'trained per fold' : 'one run', folds: FOLDS, rules: {}}
  const lines = [`claim rules, ${FOLDS} folds by article (${result.mode}); cells: precision recall (%)`]
  for (const rule of CLAIM_RULES) {
    lines.push('', `${rule}`, 'set'.padEnd(12) + Array.from({length: FOLDS}, (_, k) => `fold ${k}`.padStart(13)).join('') +
      '       pooled       TP   FP   FN')
    const pooledAll = Array.from({length: FOLDS}, () => zero)
    const perRule = (result.rules[rule] = {sets: {}})
    for (const set of sets) {
      const folds = Array.from({length: FOLDS}, (_, k) => counts[set.name][k][rule])
      folds.forEach((c, k) => (pooledAll[k] = add(pooledAll[k], c)))
      const pooled = folds.reduce(add, zero)
      perRule.sets[set.name] = {folds, pooled}
      lines.push(set.name.padEnd(12) + folds.map((c) => ' ' + cell(c)).join('') + '  ' + cell(pooled) +
        [pooled.tp, pooled.fp, pooled.fn].map((n) => String(n).padStart(5)).join(''))
    }
    const pooled = pooledAll.reduce(add, zero)
    perRule.all = {folds: pooledAll, pooled}
    lines.push('all'.padEnd(12) + pooledAll.map((c) => ' ' + cell(c)).join('') + '  ' + cell(pooled) +
      [pooled.tp, pooled.fp, pooled.fn].map((n) => String(n).padStart(5)).join(''))
  }
  console.log(lines.join('\n'))
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n')
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main()
