// The news corpus (../shared/corpus/news) as the training scripts read it: an article's body as
// the rule reads it, and the fixed split for the pasted-sentence model: scripts/train-pasted.mjs
// trains on one half, chosen by a hash of the article id, and scripts/eval-off-topic.mjs --half
// even draws its articles and donor sentences from the other. Dev articles (splits.json `dev`)
// are in neither half.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fnv1a} from '../dist/src/text/hash.js'
import {findQuotations, withinQuotation} from '../dist/src/text/quotes.js'
import {sentenceSpans} from '../dist/rules/off-topic-insert/lib/segments.js'
import {termCounts} from '../dist/rules/off-topic-insert/lib/classifiers.js'

/**
 * A news article's body lines (front matter and heading marks left out), its sentences and word
 * counts, and its `judged` sentences: those the rule scores, not wholly inside a direct quotation.
 */
export function readArticle(path) {
  const source = readFileSync(path, 'utf8')
  const body = source.startsWith('---') ? source.slice(source.indexOf('\n---', 3) + 4) : source
  const lines = body.split('\n').map((l) => l.replace(/^#+\s+/, '').trim()).filter(Boolean)
  const sentences = []
  const judged = []
  for (const line of lines) {
    const {quotes} = findQuotations(line, 0)
    for (const s of sentenceSpans(line)) {
      const text = line.slice(s.start, s.end)
      sentences.push(text)
      if (!withinQuotation(quotes, s)) judged.push(text)
    }
  }
  return {id: path.replace(/^.*\//, '').replace(/\.md$/, ''), lines, sentences, judged, counts: termCounts(lines.join('\n'))}
}

/** The article ids of the dev set, which no training or held-out evaluation may use. */
export const devIds = (corpus) => new Set(JSON.parse(readFileSync(join(corpus, 'splits.json'), 'utf8')).dev)

/** Is this news article in the training half? (Dev articles must be left out separately.) */
// FNV-1a of the article id: the same split on every machine and run.
export const inTrainingHalf = (id) => fnv1a(id) % 2 === 0
