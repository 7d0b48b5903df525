#!/usr/bin/env node
// Train off-topic-insert's pasted-sentence model: a logistic regression over how a sentence relates
// to the rest of its article (shared words by rarity, names, topic cosines to the article and to the
// sentences beside it; rules/off-topic-insert/lib/classifiers.ts pastedWordFeatures and pastedTopicFeatures), written
// to rules/off-topic-insert/pasted-model.yml with the log-odds threshold the rule applies.
// Positives: a sentence of another news article pasted at a random place of an article; negatives:
// every sentence of real articles, in its own article. Only news text of the training half
// (scripts/news-halves.mjs; never a dev article) is read; the other half is kept for
// scripts/eval-off-topic.mjs --half even. The threshold is set for false positives, not recall:
// no sentence of a training article (of those the rule judges) scores above it.
// Offline and reproducible byte for byte. Needs the news vocabulary of model.json:
//   npm run build && node scripts/train-pasted.mjs [../shared/corpus]
import {readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {stringify} from 'yaml'
import {data, loadModel} from '../dist/rules/off-topic-insert/lib/model.js'
import {articleWords, pastedCandidate, pastedLogOdds, pastedTopicFeatures, pastedWordFeatures, termCounts, topicVector} from '../dist/rules/off-topic-insert/lib/classifiers.js'
import {devIds, inTrainingHalf, readArticle} from './news-halves.mjs'
import {rng} from './random.mjs'

const corpus = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus')
const out = join(import.meta.dirname, '..', 'rules', 'off-topic-insert', 'pasted-model.yml')
const settings = data().pasted
const voice = new Set(settings.voice)
const {vocabulary} = loadModel()

// Seeded, so every run writes the same model.
const rand = rng(20261130)
const pick = (list) => list[Math.floor(rand() * list.length)]
const round = (x) => Number(x.toPrecision(6))

// ---- news articles, as the rule reads them: body lines, their sentences in reading order ----
const dev = devIds(corpus)
const newsDir = join(corpus, 'news')
const read = (name) => {
  const {id, sentences, counts} = readArticle(join(newsDir, name))
  let length = 0
  for (const n of counts.values()) length += n
  return {id, sentences, sentenceCounts: sentences.map(termCounts), counts, length}
}
const names = readdirSync(newsDir).filter((n) => n.endsWith('.md')).sort()
const train = names.filter((n) => !dev.has(n.slice(0, -3)) && inTrainingHalf(n.slice(0, -3))).map(read)
const judged = train.filter((a) => a.length >= settings.minArticleWords)
console.error(`training half: ${train.length} articles (${judged.length} long enough to judge)`)

// The common direction of news text in the topic space: the mean of the articles' unit topic vectors.
const unit = (v) => {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1
  return Array.from(v, (x) => x / norm)
}
const sum = new Array(topicVector(train[0].counts, vocabulary).length).fill(0)
for (const a of train) unit(topicVector(a.counts, vocabulary)).forEach((x, k) => (sum[k] += x))
const common = unit(sum).map(round)

// ---- examples -------------------------------------------------------------------------------
const sentenceIn = (a, text, counts, k, sentenceCounts, articleCounts) => ({
  text, counts, article: articleWords(articleCounts, vocabulary),
  neighbours: [sentenceCounts[k - 1], sentenceCounts[k + 1]].filter((n) => n !== undefined),
  first: k === 0, last: k === sentenceCounts.length - 1, voice
})
const examples = []
const add = (s, y) => examples.push({s, y, x: {...pastedWordFeatures(s), ...pastedTopicFeatures(s, common)}})
for (const a of judged) {
  a.sentences.forEach((text, k) => {
    if (pastedCandidate(text, a.sentenceCounts[k], vocabulary, settings)) add(sentenceIn(a, text, a.sentenceCounts[k], k, a.sentenceCounts, a.counts), 0)
  })
}
// Donor sentences as a paste would bring them: one sentence of 8 to 40 words, no quotation marks.
const donors = train.map((a) => a.sentences.map((text, k) => ({text, counts: a.sentenceCounts[k]}))
  .filter(({text, counts}) => text.split(/\s+/).length <= 40 && pastedCandidate(text, counts, vocabulary, settings)))
for (let n = 0; n < 8000; n++) {
  const into = pick(judged)
  const from = Math.floor(rand() * train.length)
  if (train[from] === into || donors[from].length === 0) continue
  const {text, counts} = pick(donors[from])
  const k = Math.floor(rand() * (into.sentences.length + 1))
  const sentenceCounts = [...into.sentenceCounts.slice(0, k), counts, ...into.sentenceCounts.slice(k)]
  const articleCounts = new Map(into.counts)
  for (const [w, c] of counts) articleCounts.set(w, (articleCounts.get(w) ?? 0) + c)
  add(sentenceIn(into, text, counts, k, sentenceCounts, articleCounts), 1)
}
const negatives = examples.filter((e) => !e.y)
console.error(`examples: ${examples.length - negatives.length} pasted sentences, ${negatives.length} sentences in their own article`)

// ---- logistic regression: standardised features, full-batch gradient descent with momentum,
// L2, classes balanced; deterministic (fixed order and step count) ---------------------------
const features = Object.keys(examples[0].x)
const topicFeatures = Object.keys(pastedTopicFeatures(examples[0].s, common))
const X = examples.map((e) => features.map((f) => e.x[f]))
const mean = features.map((_, j) => X.reduce((s, x) => s + x[j], 0) / X.length)
const sd = features.map((_, j) => Math.sqrt(X.reduce((s, x) => s + (x[j] - mean[j]) ** 2, 0) / X.length) || 1)
const Z = X.map((x) => x.map((v, j) => (v - mean[j]) / sd[j]))
const weightOf = (y) => 0.5 / (y ? examples.length - negatives.length : negatives.length)
const w = new Array(features.length).fill(0)
const velocity = new Array(features.length + 1).fill(0)
let b = 0
for (let step = 0; step < 2000; step++) {
  const gradient = new Array(features.length + 1).fill(0)
  Z.forEach((x, i) => {
    let z = b
    for (let j = 0; j < x.length; j++) z += w[j] * x[j]
    const error = (1 / (1 + Math.exp(-z)) - examples[i].y) * weightOf(examples[i].y)
    for (let j = 0; j < x.length; j++) gradient[j] += error * x[j]
    gradient[x.length] += error
  })
  for (let j = 0; j <= features.length; j++) {
    velocity[j] = 0.9 * velocity[j] + gradient[j] + (j < features.length ? 1e-3 * w[j] : 0)
    if (j < features.length) w[j] -= velocity[j]
    else b -= velocity[j]
  }
}
// Back to raw feature values: the rule computes no standardisation.
const weights = Object.fromEntries(features.map((f, j) => [f, round(w[j] / sd[j])]))
const bias = round(b - features.reduce((s, f, j) => s + (w[j] * mean[j]) / sd[j], 0))
const ranges = Object.fromEntries(topicFeatures.map((f) => {
  const values = examples.map((e) => e.x[f])
  return [f, [round(Math.min(...values)), round(Math.max(...values))]]
}))
const model = {bias, threshold: 0, weights, ranges, common}

// The threshold: just above the highest score of a training sentence in its own article, scored
// as the rule scores it (rounded weights, clamped topic features).
const score = (e) => pastedLogOdds(model, e.s, -Infinity)
const negativeScores = negatives.map(score).sort((x, y) => y - x)
model.threshold = round(negativeScores[0] + 0.01)
const positives = examples.filter((e) => e.y)
const found = positives.filter((e) => score(e) > model.threshold).length
console.error(`weights ${JSON.stringify(weights)} bias ${bias}`)
console.error(`top training negatives ${negativeScores.slice(0, 5).map((s) => s.toFixed(2)).join(' ')}; threshold ${model.threshold}`)
console.error(`training pasted sentences above the threshold: ${found}/${positives.length} (${((100 * found) / positives.length).toFixed(1)}%)`)

writeFileSync(out, `# Written by scripts/train-pasted.mjs; do not edit (retrain after changing its features or data.yml's pasted settings).
# A logistic model over a sentence and the rest of its article (rules/off-topic-insert/lib/classifiers.ts pastedWordFeatures and
# pastedTopicFeatures): log-odds = bias + sum of weight x feature, topic features clamped to their trained
# ranges; a sentence is pasted from another story when its log-odds exceed the threshold.
${stringify(model, {flowLevel: 2})}`)
console.error(`wrote ${out}`)
