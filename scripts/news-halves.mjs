// The fixed split of the news corpus (../shared/corpus/news) for the pasted-sentence model:
// scripts/train-pasted.mjs trains on one half, chosen by a hash of the article id, and
// scripts/eval-off-topic.mjs --half even draws its articles and donor sentences from the other.
// Dev articles (splits.json `dev`) are in neither half.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

/** FNV-1a of the article id: the same split on every machine and run. */
const fnv = (text) => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** The article ids of the dev set, which no training or held-out evaluation may use. */
export const devIds = (corpus) => new Set(JSON.parse(readFileSync(join(corpus, 'splits.json'), 'utf8')).dev)

/** Is this news article in the training half? (Dev articles must be left out separately.) */
export const inTrainingHalf = (id) => fnv(id) % 2 === 0
