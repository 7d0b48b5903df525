#!/usr/bin/env node
// Score off-topic-insert on runs injected into news articles outside the dev set, so tuning on dev
// can be checked on text it never saw. Uses the corpus' own injector and scorer (../shared/eval).
// Usage: npm run build && node scripts/eval-off-topic.mjs [--half odd|even] [--seed S] [--articles N]
//          [--corrected] [--show fp,fn] [--keep DIR]
// --half picks the spam pool lines (odd: development, even: held out) and the articles: even draws
// its articles and the donor sentences it pastes in only from the news half that
// scripts/train-pasted.mjs never reads (scripts/news-halves.mjs), so the pasted-sentence model is
// scored on text it has not seen; odd draws on half of the non-dev articles (by the seed), the
// training half included. --corrected also scores with the labels of mid-line runs repaired: the
// injector puts such a run one letter into the following sentence ("H<run> e requested") and
// leaves that sentence's unit over the run, so a finding placed exactly on the run counts as a
// false positive and a miss.
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {devIds, inTrainingHalf} from './news-halves.mjs'

const {values} = parseArgs({options: {
  half: {type: 'string', default: 'even'}, seed: {type: 'string', default: '1'}, articles: {type: 'string', default: '80'},
  corrected: {type: 'boolean', default: false}, show: {type: 'string', default: ''}, keep: {type: 'string'}
}})
const root = join(import.meta.dirname, '..')
// A worktree has no ../shared beside it: COPYDESK_SHARED names the folder then.
const shared = process.env.COPYDESK_SHARED ?? join(root, '..', 'shared')
const corpus = join(shared, 'corpus')
const evalDir = join(shared, 'eval')
const {segmentArticle} = await import(join(evalDir, 'segment.mjs'))

const idHash = (text) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 17)
const dev = devIds(corpus)
const news = readdirSync(join(corpus, 'news')).filter((n) => n.endsWith('.md')).sort()
  .map((name) => ({id: name.slice(0, -3), path: join(corpus, 'news', name), source: readFileSync(join(corpus, 'news', name), 'utf8')}))
  .filter((a) => !dev.has(a.id) && (values.half !== 'even' || !inTrainingHalf(a.id)))
  .map((a) => ({...a, words: Number(/^words: (\d+)/m.exec(a.source)?.[1] ?? 0), key: idHash(`${values.seed}:${a.id}`)}))
  .sort((x, y) => x.key - y.key)
// Articles like dev's (300-1,200 words); odd draws on half of the articles (by the seed), even on
// all of the held-out half.
const sample = values.half === 'odd' ? news.filter((a) => a.key % 2 === 0) : news
const chosen = sample.filter((a) => a.words >= 300 && a.words <= 1200).slice(0, Number(values.articles))
// Sentences of other articles (neither dev nor chosen) to paste as unrelated text.
const donors = sample.filter((a) => !chosen.includes(a)).slice(0, 40)

const work = values.keep ?? mkdtempSync(join(tmpdir(), 'copydesk-off-topic-'))
const clean = join(work, 'clean')
const out = join(work, 'injected')
mkdirSync(clean, {recursive: true})
const units = []
for (const a of chosen) {
  copyFileSync(a.path, join(clean, `${a.id}.md`))
  units.push(...segmentArticle(a.id, a.source).map((u) => ({...u, labels: []})))
}
writeFileSync(join(clean, 'labels.jsonl'), units.map((u) => JSON.stringify(u)).join('\n') + '\n')
const pools = ['en', 'zh', 'boilerplate'].flatMap((k) => ['--pool', `${join(corpus, 'spam', `pool-${k}.txt`)}:${values.half}`])
execFileSync('node', [join(evalDir, 'inject.mjs'), '--labels', join(clean, 'labels.jsonl'), '--articles', clean, '--out', out,
  '--seed', values.seed, ...pools, ...donors.flatMap((d) => ['--unrelated', d.path])], {stdio: 'inherit'})

const files = chosen.map((a) => join(out, `${a.id}.md`))
const report = join(work, 'report.json')
let json
try {
  json = execFileSync('node', [join(root, 'bin', 'copydesk.js'), '--format', 'json', ...files], {maxBuffer: 1 << 28}).toString()
} catch (error) {
  json = error.stdout.toString() // findings make the exit code non-zero
}
writeFileSync(report, json)
const score = (labels) => execFileSync('node', [join(evalDir, 'score.mjs'), '--labels', labels, '--report', report,
  '--rule', 'off-topic-insert', '--show', values.show, '--limit', '40'], {stdio: 'inherit'})
console.log(`\n== ${values.half} pool lines, ${chosen.length} articles (seed ${values.seed}) ==`)
score(join(out, 'labels.jsonl'))

if (values.corrected) {
  const injected = readFileSync(join(out, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  for (const run of injected.filter((u) => u.insert?.placement === 'mid-line')) {
    // The sentence the run was put into: it starts one letter before the run and still spans it.
    const host = injected.find((u) => !u.insert && u.article === run.article && u.line === run.line && u.start === run.start - 1)
    if (host) { host.start = run.end + 1; host.end += run.end - run.start + 1 }
  }
  injected.sort((a, b) => a.article.localeCompare(b.article) || a.line - b.line || a.start - b.start)
  writeFileSync(join(work, 'labels-corrected.jsonl'), injected.map((u) => JSON.stringify(u)).join('\n') + '\n')
  console.log('\n== the same, mid-line labels corrected ==')
  score(join(work, 'labels-corrected.jsonl'))
}
console.log(`\nfiles in ${work}`)
