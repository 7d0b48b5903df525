import {LOWER, NUMBER, SPACE, UPPER, charClass, isLetterClass} from '../../../src/text/chars.js'
import {fnv1a as hash, fnvPrime as PRIME} from '../../../src/text/hash.js'
import {textWords} from '../../../src/text/regexp.js'
import {nonzeroBits} from './model-file.js'

/**
 * Text categorisation for off-topic runs, shared by the rule and its training script
 * (scripts/train-off-topic.mjs): hashed character and word features of a run, topical fit
 * of a run to the rest of its article (TF-IDF cosine), and a logistic model over both.
 */

/** Document frequencies of words in a news corpus: the "normal vocabulary" and IDF weights. */
export interface Vocabulary {
  docs: number
  df: Map<string, number>
  /** Latent topic vectors of frequent words (LSA over the news corpus), unit length, 8-bit. */
  vectors: Map<string, Int8Array>
}

/**
 * A list's phrases as a global pattern; the same without word boundaries (a phrase anywhere, even
 * inside a word); and `patternFor`, the pattern of only the phrases whose words a text holds, which
 * spares compiling the whole list's (see `phraseCandidates`).
 */
export interface Phrases {
  readonly pattern: RegExp
  readonly anywhere: RegExp
  /** The pattern of the phrases a text of these `textWords` could hold, none if none; its matches are the pattern's. */
  patternFor: (words: ReadonlySet<string>) => RegExp | undefined
}

/** Lexicons and contact patterns, as data. */
export interface Lexicons {
  contact: RegExp[]
  lists: Array<{name: string} & Phrases>
  /** The page-chrome and call-to-action phrases, as `lists` gives each list: see `chromeShare`. */
  chrome: Phrases
  /** The same with the words of a page's own chrome (share rows, comment sections, menus): see `pageBlocks`. */
  page: Phrases
  /** Chrome that opens a comment section. */
  comments: Phrases
  /** What opens a line of the document's own furniture ("FOR IMMEDIATE RELEASE", "Posted in …"), after any emphasis mark. */
  furniture: RegExp
}

/** Two logistic models whose log-odds add up: one reads the run's style, one its fit to the article. */
export interface Model {
  bits: number
  bias: number
  weights: Float32Array
  /** A bit per weight, set where it is not 0 (model-file.ts `nonzeroBits`); made on first use when absent. */
  nonzero?: Uint32Array
  /**
   * The weights as trained, int8, and their scale: `weights[i]` is `Math.fround(quantised[i] * scale)`.
   * A quarter of the bytes, so the few hundred weights a run reads at random stay in the processor's cache.
   */
  quantised?: Int8Array
  scale?: number
  topic: {bias: number; weights: Record<string, number>}
}

/** Lower-case word tokens, digits masked, so "call 0800 123" and "call 0900 456" look alike. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/**
 * Word counts of a text, content words only (letters, two or more). The same text's counts are
 * the same map (read-only to every caller): a sentence is counted as a piece, a run, a candidate
 * and a neighbour, and each count lowered and matched it again.
 */
export function termCounts(text: string): Map<string, number> {
  // (A whole article is counted once; a long text is not kept.)
  if (text.length > 2000) return countTerms(text)
  let counts = countsOfText.get(text)
  if (!counts) {
    if (countsOfText.size >= 1024) countsOfText.clear()
    countsOfText.set(text, (counts = countTerms(text)))
  }
  return counts
}

const countsOfText = new Map<string, Map<string, number>>()

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words(text)) if (lettersAt(w, 2)) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/**
 * Does the word open with `n` letters (`/^\p{L}{n}/u`), or, `n` omitted, is it letters only and two
 * or more (`/^\p{L}{2,}$/u`)? Read by code point, without a regex call for every word of every run.
 */
function lettersAt(word: string, n = Infinity): boolean {
  let count = 0
  for (let i = 0; i < word.length && count < n; count++) {
    const codePoint = word.codePointAt(i)!
    if (!isLetterClass(charClass(codePoint))) return false
    i += codePoint > 0xffff ? 2 : 1
  }
  return count >= Math.min(n, 2)
}

export function idf(vocabulary: Vocabulary, word: string): number {
  return Math.log((vocabulary.docs + 1) / ((vocabulary.df.get(word) ?? 0) + 1))
}

/** An article's word counts, prepared once for the fit of its many candidate runs. */
export interface ArticleWords {
  counts: Map<string, number>
  vocabulary: Vocabulary
  /** The counts in their order, with IDF weight and latent topic vector (when the word has one). */
  entries: Array<{word: string; n: number; idf: number; vector?: Int8Array}>
  /**
   * Sums over the whole article, so the rest of it around a run is the whole less the run's words:
   * a run costs its own words, not the article's (every sentence of a long interview is a run).
   */
  whole?: {norm: number; words: number; length: number; topic: Float64Array; topicWords: number}
}

export function articleWords(counts: Map<string, number>, vocabulary: Vocabulary): ArticleWords {
  const entries = [...counts].map(([word, n]) => ({word, n, idf: idf(vocabulary, word), vector: vocabulary.vectors.get(word)}))
  return {counts, vocabulary, entries}
}

/** How many words the article has (content words, as `termCounts` counts them). */
export const articleLength = (article: ArticleWords) => whole(article).length

function whole(article: ArticleWords): NonNullable<ArticleWords['whole']> {
  if (article.whole) return article.whole
  const topic = new Float64Array(dimensions(article.vocabulary))
  let norm = 0
  let length = 0
  let topicWords = 0
  for (const {n, idf, vector} of article.entries) {
    norm += (n * idf) ** 2
    length += n
    if (vector) {
      addVector(topic, (1 + Math.log(n)) * idf, vector)
      topicWords++
    }
  }
  return (article.whole = {norm, words: article.entries.length, length, topic, topicWords})
}

/**
 * TF-IDF cosine between a run and the rest of its article (`article` counts include the run,
 * which is taken out). Words unseen in the news corpus count as rare words, like names.
 */
export function topicalFit(run: Map<string, number>, article: ArticleWords): number {
  let dot = 0
  let runNorm = 0
  const all = whole(article)
  let restNorm = all.norm
  let restWords = all.words
  for (const [word, n] of run) {
    const weight = idf(article.vocabulary, word) ** 2
    const total = article.counts.get(word) ?? 0
    const rest = total - n
    runNorm += n * n * weight
    if (total > 0) restNorm -= total * total * weight
    if (rest > 0) {
      dot += n * rest * weight
      restNorm += rest * rest * weight
    } else if (total > 0) restWords--
  }
  return dot && runNorm && restWords > 0 && restNorm > 0 ? dot / Math.sqrt(runNorm * restNorm) : 0
}

/** What the model knows about a run besides its characters. */
export interface RunContext {
  /** TF-IDF cosine of the run to the rest of the article. */
  fit: number
  /** Cosine of the run's latent topic vector to the rest of the article's. */
  topic: number
  /** Capitalised words of the run (names) that occur nowhere else in the article. */
  newNames: number
  /** Capitalised words of the run that the article uses elsewhere. */
  sharedNames: number
}

const bin = (value: number, edges: readonly number[]) => edges.findIndex((e) => value < e)

/**
 * The run's style features (characters, words, shape, lexicons), each passed to `add` as a hashed
 * index and a value, in a fixed order. Hashes are computed from the characters in place: no
 * feature name is built as a string (this runs for every sentence of every article).
 */
function eachStyleFeature(text: string, vocabulary: Vocabulary, lexicons: Lexicons, bits: number, add: (index: number, value: number) => void): void {
  // Digits masked before matching words: "0" is a digit too, so the words are those of `words(text)`, masked.
  const masked = text.toLowerCase().replace(/\p{N}/gu, '0')
  const lower = ` ${masked.replace(/\s+/g, ' ')} `
  const tokens = masked.match(WORD) ?? []
  const {count: shapeCount, letters, upper} = wordShapes(text)
  let count = 2 * tokens.length + 2 * shapeCount + (shapeCount ? 1 : 0)
  for (let n = 2; n <= 4; n++) count += Math.max(0, lower.length - n + 1)
  const scale = 1 / Math.sqrt(count || 1)
  const mask = (1 << bits) - 1
  // Character 2-4-grams "c…", words "w…", word pairs "b… …", shapes "s…", shape pairs "t… …", last shape "e…".
  // An n-gram's hash continues its (n-1)-gram's, so each n reuses the last n's hashes, in the same order.
  const grams = ngramBuffer(lower.length)
  for (let i = 0; i + 2 <= lower.length; i++) {
    const h = Math.imul(Math.imul(C ^ lower.charCodeAt(i), PRIME) ^ lower.charCodeAt(i + 1), PRIME)
    grams[i] = h
    add(h & mask, scale)
  }
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= lower.length; i++) {
      const h = Math.imul(grams[i] ^ lower.charCodeAt(i + n - 1), PRIME)
      grams[i] = h
      add(h & mask, scale)
    }
  }
  // A word pair's hash continues "b", the word before (none for the first) and a space: each word's part is hashed once.
  let pair = hash(' ', hash('', B))
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]
    add(hash(w, W) & mask, scale)
    add(hash(w, pair) & mask, scale)
    pair = hash(' ', hash(w, B))
  }
  for (let k = 0; k < shapeCount; k++) {
    add(shapeHash(k, S) & mask, scale)
    add(shapeHash(k, hash(' ', k ? shapeHash(k - 1, T) : T)) & mask, scale)
  }
  if (shapeCount) add(shapeHash(shapeCount - 1, E) & mask, scale)
  for (const name of shapeFeatures(text, tokens, letters, upper, vocabulary, lexicons)) add(namedHash(name) & mask, 1)
}


// The word shapes of the last `wordShapes` call: their code units, and where each shape ends.
let shapeUnits = new Uint16Array(256)
let shapeEnds = new Int32Array(256)

/**
 * Word shapes ("URGENT" → "A", "2day" → "0a", "(8SimUgQ)" → "(0AaAaA)") of the text's
 * whitespace-separated tokens, into reused buffers: what replacing `\p{Lu}`, `\p{Ll}`, `\p{N}` (by
 * code point) and collapsing `(.)\1+` (by code unit) give, without strings. Also counts the
 * text's letters and capitals.
 */
function wordShapes(text: string): {count: number; letters: number; upper: number} {
  // A shape is never longer than its token, and tokens are separated by whitespace.
  if (shapeUnits.length < text.length) shapeUnits = new Uint16Array(text.length)
  if (shapeEnds.length < text.length) shapeEnds = new Int32Array(text.length)
  let units = 0
  let count = 0
  let letters = 0
  let upper = 0
  let last = -1
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    const pair = codePoint >= 0xd800 && codePoint <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
    if (pair) codePoint = (codePoint - 0xd800) * 0x400 + next - 0xdc00 + 0x10000
    const cls = charClass(codePoint)
    if (cls === SPACE) {
      if (last !== -1) shapeEnds[count++] = units
      last = -1
      continue
    }
    if (isLetterClass(cls)) letters++
    if (cls === UPPER) upper++
    const masked = cls === UPPER ? 0x41 : cls === LOWER ? 0x61 : cls === NUMBER ? 0x30 : -1
    if (masked !== -1) {
      if (masked !== last) shapeUnits[units++] = last = masked
    } else {
      const unit = text.charCodeAt(i)
      if (unit !== last) shapeUnits[units++] = last = unit
      if (pair && next !== last) shapeUnits[units++] = last = next
    }
    if (pair) i++
  }
  if (last !== -1) shapeEnds[count++] = units
  return {count, letters, upper}
}


/** FNV-1a of shape `k` of the last `wordShapes` call, continuing `h`. */
function shapeHash(k: number, h: number): number {
  for (let i = k ? shapeEnds[k - 1] : 0; i < shapeEnds[k]; i++) h = Math.imul(h ^ shapeUnits[i], PRIME)
  return h >>> 0
}

let grams = new Int32Array(256)

/** A reused buffer for the character n-gram hashes of a text of `length` code units. */
function ngramBuffer(length: number): Int32Array {
  if (grams.length < length) grams = new Int32Array(length)
  return grams
}

const namedHashes = new Map<string, number>()

/** The hash of a named feature ("#caps2"), computed once per name. */
function namedHash(name: string): number {
  let h = namedHashes.get(name)
  if (h === undefined) namedHashes.set(name, (h = hash(`#${name}`)))
  return h
}

/** The run's style features as a sparse vector: hashed index → value (the training script's input). */
export function styleFeatures(text: string, vocabulary: Vocabulary, lexicons: Lexicons, bits: number): Map<number, number> {
  const sparse = new Map<number, number>()
  eachStyleFeature(text, vocabulary, lexicons, bits, (h, v) => sparse.set(h, (sparse.get(h) ?? 0) + v))
  return sparse
}

/** Does the text give a web address ("https://…", "www.…", "cheap-deals.biz")? */
export const hasWebAddress = (text: string) => /\b(?:https?:\/\/|www\.)|\b[\w-]+\.(?:com|net|org|biz|info|co\.uk|tv)\b/i.test(text)

/** The share of the text's letters and digits inside page-chrome phrases ("Printable version", "Back to top"). */
export function chromeShare(text: string, phrases: Phrases): number {
  const pattern = phrases.patternFor(textWords(text))
  if (!pattern) return 0
  let inside = 0
  for (const m of text.matchAll(pattern)) inside += wordChars(text, m.index, m.index + m[0].length)
  // The text's letters are counted only for a share above 0: more texts hold the words of a phrase
  // ("more" and "from") than the phrase. (Every phrase has letters, so a text with none has no match.)
  return inside === 0 ? 0 : inside / wordChars(text, 0, text.length)
}

/**
 * How many letters and digits (`[\p{L}\p{N}]` under /u) text holds from `start` to `end`, counted
 * in place: matching them made a string for each letter of every paragraph (pageBlocks asks this
 * of each one).
 */
function wordChars(text: string, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) {
    let codePoint = text.charCodeAt(i)
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + next - 0xdc00 + 0x10000
        i++
      }
    }
    const cls = charClass(codePoint)
    if (isLetterClass(cls) || cls === NUMBER) n++
  }
  return n
}

/** Does the text give an e-mail address? Anchored at a token start: unanchored, a long run of word characters is retried from every position. */
export const hasEmail = (text: string) => text.includes('@') && /(?<![\w.+-])[\w.+-]+@[\w-]+\.\w/.test(text)

/** A phone number: seven digits or more, maybe spaced or dashed. */
export const hasPhone = (text: string) => /(?:\p{N}[\s.-]?){7,}/u.test(text)

/** Shape, contact and lexicon features, named so they can be read in the training script. */
function shapeFeatures(text: string, tokens: string[], letters: number, upper: number, vocabulary: Vocabulary, lexicons: Lexicons): string[] {
  const out: string[] = []
  if (letters >= 8) out.push(binName('caps', bin(upper / letters, [0.1, 0.3, 0.6, 2])))
  out.push(binName('len', bin(tokens.length, [3, 6, 10, 20, 40, Infinity])))
  if (/(\p{L})\1{3,}/u.test(text)) out.push('repeat')
  if (text.includes('!')) out.push('bang')
  if (hasWebAddress(text)) out.push('url')
  if (hasEmail(text)) out.push('email')
  if (hasPhone(text)) out.push('phone')
  for (const pattern of lexicons.contact) if (pattern.test(text)) out.push('contact')
  const words = textWords(text)
  for (const list of lexicons.lists) {
    const pattern = list.patternFor(words)
    const hits = pattern ? (text.match(pattern)?.length ?? 0) : 0
    if (hits) out.push(binName(`lex:${list.name}`, Math.min(hits, 3)))
  }
  let alpha = 0
  for (const w of tokens) if (lettersAt(w)) alpha++
  if (alpha >= 3) {
    let unknown = 0
    for (const w of tokens) if (lettersAt(w) && !vocabulary.df.has(w)) unknown++
    out.push(binName('oov', bin(unknown / alpha, [0.05, 0.15, 0.3, 0.5, 2])))
    // Keyword stuffing: the same words over and over.
    if (alpha >= 8 && new Set(tokens.filter((w) => lettersAt(w))).size / alpha < 0.5) out.push('stuffing')
  }
  return out
}

const binNames = new Map<string, string[]>()

/** "caps2", "lex:spam1": a named feature's bin, the same string object each time (no string built and hashed per run). */
function binName(kind: string, bin: number): string {
  let names = binNames.get(kind)
  if (!names) binNames.set(kind, (names = []))
  return (names[bin + 1] ??= `${kind}${bin}`)
}

/** How a run fits its article, as named features with values (the topic model's input). */
export function topicFeatures(text: string, context: RunContext): Record<string, number> {
  const out: Record<string, number> = {}
  const long = text.split(/\s+/).length >= 6 ? 'long' : 'short'
  out[`fit${bin(context.fit, [0.001, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 2])}${long}`] = 1
  out[`topic${bin(context.topic, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 2])}${long}`] = 1
  out[`names${Math.min(context.newNames, 4)}${context.sharedNames ? 'shared' : ''}`] = 1
  return out
}

// The hashes of the feature kinds' one-letter prefixes, where each feature's hash starts.
const [C, W, B, S, T, E] = ['c', 'w', 'b', 's', 't', 'e'].map((prefix) => hash(prefix))

/** The style model's log-odds for a sparse vector of style features. */
export function styleScore(model: Model, sparse: Map<number, number>): number {
  let z = model.bias
  for (const [i, v] of sparse) z += model.weights[i] * v
  return z
}

// The features of the run being scored, summed per hashed index in a small open-addressing table
// (index + 1 in `slotKeys`, 0 when free) instead of a dense buffer of the model's size: a run has a
// few hundred features, and writing them into 2 MB at random missed the cache on nearly every one.
let slotKeys = new Int32Array(2048)
let slotValues = new Float64Array(2048)
// The slots in the order their index was first seen: the sum runs in that order, as `styleScore`'s map does.
let slotOrder = new Int32Array(1024)
let slotCount = 0

/** The slot of hashed index `h`, taken if new; the table doubles before it is half full. */
function slotOf(h: number): number {
  if (2 * slotCount >= slotKeys.length) growSlots()
  const mask = slotKeys.length - 1
  let slot = h & mask
  while (slotKeys[slot] !== 0 && slotKeys[slot] !== h + 1) slot = (slot + 1) & mask
  if (slotKeys[slot] === 0) {
    slotKeys[slot] = h + 1
    slotOrder[slotCount++] = slot
  }
  return slot
}

function growSlots(): void {
  const keys = slotKeys
  const values = slotValues
  const order = slotOrder
  slotKeys = new Int32Array(2 * keys.length)
  slotValues = new Float64Array(2 * keys.length)
  slotOrder = new Int32Array(keys.length)
  const count = slotCount
  slotCount = 0
  for (let k = 0; k < count; k++) {
    const slot = slotOf(keys[order[k]] - 1)
    slotValues[slot] = values[order[k]]
  }
}

/** A bit per weight of the style model, set where the weight is not 0 (32 KB, where the weights are 1 MB; the model file has it). */
const nonzeroWeights = (model: Model): Uint32Array => (model.nonzero ??= nonzeroBits(model.weights))

/**
 * The style model's log-odds that a run is spam or boilerplate: `styleScore` of its features,
 * summed in the same order (each index's values added as they come, the indices in the order first
 * seen), without a map per run.
 */
export function styleLogOdds(model: Model, text: string, vocabulary: Vocabulary, lexicons: Lexicons): number {
  const weighted = nonzeroWeights(model)
  eachStyleFeature(text, vocabulary, lexicons, model.bits, (h, v) => {
    // A feature whose weight is 0 adds exactly 0 whatever its value: it takes no slot (about four
    // in five of a run's features, the model being sparse).
    if ((weighted[h >>> 5] & (1 << (h & 31))) === 0) return
    // The slot first: taking it may grow the table, and with it replace `slotValues`.
    const slot = slotOf(h)
    slotValues[slot] += v
  })
  let z = model.bias
  const {quantised, scale} = model
  if (quantised && scale !== undefined) {
    // The same float32 weight as `weights` holds (a Float32Array stores a number rounded as fround does).
    for (let k = 0; k < slotCount; k++) {
      const slot = slotOrder[k]
      z += Math.fround(quantised[slotKeys[slot] - 1] * scale) * slotValues[slot]
      slotKeys[slot] = 0
      slotValues[slot] = 0
    }
  } else {
    for (let k = 0; k < slotCount; k++) {
      const slot = slotOrder[k]
      z += model.weights[slotKeys[slot] - 1] * slotValues[slot]
      slotKeys[slot] = 0
      slotValues[slot] = 0
    }
  }
  slotCount = 0
  return z
}

/** The topic model's log-odds that a run was pasted from another article. */
export function topicScore(model: Model, dense: Record<string, number>): number {
  let z = model.topic.bias
  for (const [name, v] of Object.entries(dense)) z += (model.topic.weights[name] ?? 0) * v
  return z
}

/**
 * The highest log-odds the topic model can give any run: its bias plus the largest weight of each
 * kind of feature (fit, topic, names; a bin without a weight counts 0). A run whose style score
 * cannot reach a bar even with it needs no topical features.
 */
export function topicCeiling(model: Model): number {
  const best = new Map<string, number>()
  for (const [name, w] of Object.entries(model.topic.weights)) {
    const kind = /^\p{L}+/u.exec(name)?.[0] ?? name
    best.set(kind, Math.max(best.get(kind) ?? 0, w))
  }
  return model.topic.bias + [...best.values()].reduce((sum, w) => sum + w, 0)
}

/**
 * The topic model's log-odds for a run in its article (`topicScore` of `topicFeatures` of
 * `runContext`). Below `floor` a score decides nothing: when the run's fit and names keep it
 * below whatever its topic cosine, that upper bound is returned without the topic vectors (a sum
 * of word vectors for the run and the rest of its article), the costly part.
 */
export function topicLogOdds(model: Model, run: string, article: ArticleWords, floor: number): number {
  const counts = termCounts(run)
  const fit = topicalFit(counts, article)
  const names = nameOverlap(run, article.counts, counts)
  const long = run.split(/\s+/).length >= 6 ? 'long' : 'short'
  const cheap = topicFeatures(run, {fit, topic: 0, ...names})
  let ceiling = model.topic.bias
  for (const [name, v] of Object.entries(cheap)) if (!name.startsWith('topic')) ceiling += (model.topic.weights[name] ?? 0) * v
  ceiling += highestTopicWeight(model, long)
  // (The margin keeps a bound summed in another order from settling a tie.)
  if (ceiling < floor - 1e-9) return ceiling
  return topicScore(model, topicFeatures(run, {fit, topic: cosine(topicVector(counts, article.vocabulary), restVector(counts, article)), ...names}))
}

const highestTopic = new WeakMap<Model, Record<string, number>>()

/** The largest weight of a `topic…` bin of a long or short run; 0 when one has none (a bin without a weight counts 0). */
function highestTopicWeight(model: Model, long: string): number {
  let best = highestTopic.get(model)
  if (!best) {
    best = {long: 0, short: 0}
    for (const [name, w] of Object.entries(model.topic.weights)) {
      const m = /^topic-?\d+(long|short)$/.exec(name)
      if (m) best[m[1]] = Math.max(best[m[1]], w)
    }
    highestTopic.set(model, best)
  }
  return best[long]
}

/** Distinct words of a run rarer in news than `minIdf` (names, terms) that the rest of the article also uses. */
export function sharedRareWords(run: Map<string, number>, article: ArticleWords, minIdf: number): number {
  let shared = 0
  for (const [word, n] of run) if ((article.counts.get(word) ?? 0) > n && idf(article.vocabulary, word) > minIdf) shared++
  return shared
}

/** Names in a run (capitalised words not at its start) that the rest of the article shares or lacks. */
export function nameOverlap(run: string, article: Map<string, number>, runCounts: Map<string, number>): {newNames: number; sharedNames: number} {
  let newNames = 0
  let sharedNames = 0
  const seen = new Set<string>()
  for (const m of run.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{Ll}\p{Lu}'’-]+/gu)) {
    const word = m[0].toLowerCase().replace(/['’]s$/, '')
    if (seen.has(word)) continue
    seen.add(word)
    if ((article.get(word) ?? 0) > (runCounts.get(word) ?? 0)) sharedNames++
    else newNames++
  }
  return {newNames, sharedNames}
}

/** The run's fit to its article, whose words (run included) are prepared by `articleWords`. */
export function runContext(run: string, article: ArticleWords): RunContext {
  const counts = termCounts(run)
  return {fit: topicalFit(counts, article), topic: cosine(topicVector(counts, article.vocabulary), restVector(counts, article)), ...nameOverlap(run, article.counts, counts)}
}

/** The IDF-weighted sum of the words' latent topic vectors. */
export function topicVector(counts: Map<string, number>, vocabulary: Vocabulary): Float64Array {
  const sum = new Float64Array(dimensions(vocabulary))
  for (const [word, n] of counts) {
    const vector = vocabulary.vectors.get(word)
    if (vector) addVector(sum, (1 + Math.log(n)) * idf(vocabulary, word), vector)
  }
  return sum
}

/** `topicVector` of the article without the run, from the prepared words (no per-run map of the rest). */
function restVector(run: Map<string, number>, article: ArticleWords): Float64Array {
  const all = whole(article)
  const sum = Float64Array.from(all.topic)
  let restWords = all.topicWords
  for (const [word, k] of run) {
    const n = article.counts.get(word) ?? 0
    const vector = n > 0 ? article.vocabulary.vectors.get(word) : undefined
    if (!vector) continue
    const weight = idf(article.vocabulary, word)
    addVector(sum, -(1 + Math.log(n)) * weight, vector)
    if (n > k) addVector(sum, (1 + Math.log(n - k)) * weight, vector)
    else restWords--
  }
  // Nothing of the article left around the run: no topic, not a rounding residue.
  if (restWords === 0) sum.fill(0)
  return sum
}

const dimensions = (vocabulary: Vocabulary) => vocabulary.vectors.values().next().value?.length ?? 0

function addVector(sum: Float64Array, weight: number, vector: Int8Array) {
  for (let k = 0; k < sum.length; k++) sum[k] += weight * vector[k]
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let k = 0; k < a.length; k++) {
    dot += a[k] * b[k]
    na += a[k] * a[k]
    nb += b[k] * b[k]
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

/**
 * The pasted-sentence model (pasted-model.yml, written by scripts/train-pasted.mjs): a logistic
 * model over how a sentence relates to the rest of its article, with the log-odds above which the
 * sentence reads as pasted from another story.
 */
export interface PastedModel {
  bias: number
  threshold: number
  weights: Record<string, number>
  /** The topic features' range in training: a value outside it is clamped (and bounds the cheap test). */
  ranges: Record<string, [number, number]>
  /** The mean direction of news articles' topic vectors, taken out of the centred topic cosines. */
  common: number[]
}

/** A sentence in its article, as the pasted-sentence features read it. */
export interface SentenceInArticle {
  text: string
  counts: Map<string, number>
  /** The article's words, the sentence's included. */
  article: ArticleWords
  /** The word counts of the sentences before and after it. */
  neighbours: Array<Map<string, number>>
  /** Is it the article's first or last sentence? */
  first: boolean
  last: boolean
  /** Words of a speaker's own voice (first and second person: data.yml `pasted.voice`), lower case. */
  voice: ReadonlySet<string>
}

// An interview's speaker label opening a turn: "((Naomi Martisius)) So…", "Rebecca: Be careful."
const SPEAKER = /^\(\(([^()]{1,40})\)\)|^(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}):\s/u

// Bands of IDF for the words a sentence shares with the rest of its article: sharing "said" says
// nothing, sharing "council" something, sharing "Pelosi" nearly everything.
const SHARED_BANDS = [1.5, 2.5, 3, 4, Infinity]
// Their features' names, made once (not a string built per band of every sentence).
const SHARED_NAMES = SHARED_BANDS.map((_, k) => `shared${k}`)
// Words at least this rare count when shared with a neighbouring sentence.
const NEIGHBOUR_IDF = 1.5

/**
 * Can a sentence be judged as pasted from another story? It needs enough words to have a topic,
 * no quotation marks (quoted speech may digress), and to be in the language of news: a sentence
 * most of whose words news never uses (an original quotation in Spanish) is no news prose to judge.
 */
export function pastedCandidate(text: string, counts: Map<string, number>, vocabulary: Vocabulary, settings: {minWords: number; maxUnknownShare: number}): boolean {
  if (text.split(/\s+/).length < settings.minWords || /["“”«»„]/.test(text)) return false
  let unknown = 0
  for (const word of counts.keys()) if (!vocabulary.df.has(word)) unknown++
  return counts.size > 0 && unknown <= settings.maxUnknownShare * counts.size
}

/**
 * The cheap features of a sentence in its article (word and name overlap, length, position): the
 * first part of the pasted-sentence model, computed for every candidate sentence.
 */
export function pastedWordFeatures(s: SentenceInArticle): Record<string, number> {
  const {vocabulary, counts: all} = s.article
  const bands = [0, 0, 0, 0, 0]
  let maxShared = 0
  let newRare = 0
  let sharedIdf = 0
  let totalIdf = 0
  let shared = 0
  for (const [word, n] of s.counts) {
    const weight = idf(vocabulary, word)
    totalIdf += weight
    if ((all.get(word) ?? 0) > n) {
      bands[SHARED_BANDS.findIndex((edge) => weight < edge)]++
      maxShared = Math.max(maxShared, weight)
      sharedIdf += weight
      shared++
    } else if (weight >= 3) newRare++
  }
  let neighbourShared = 0
  let neighbourIdf = 0
  for (const neighbour of s.neighbours) {
    for (const word of s.counts.keys()) {
      if (!neighbour.has(word)) continue
      const weight = idf(vocabulary, word)
      if (weight >= NEIGHBOUR_IDF) neighbourShared++
      neighbourIdf = Math.max(neighbourIdf, weight)
    }
  }
  const names = nameOverlap(s.text, all, s.counts)
  const terms = Math.max(1, s.counts.size)
  const out: Record<string, number> = {}
  bands.forEach((n, k) => (out[SHARED_NAMES[k]] = Math.log1p(n)))
  out.maxSharedIdf = maxShared
  out.newRare = newRare / terms
  out.sharedIdfShare = totalIdf ? sharedIdf / totalIdf : 0
  out.sharedShare = shared / terms
  out.newNames = Math.log1p(names.newNames)
  out.sharedNames = Math.log1p(names.sharedNames)
  out.words = Math.log(s.text.split(/\s+/).length)
  out.articleLength = Math.log(Math.max(1, articleLength(s.article)))
  out.neighbourShared = Math.log1p(neighbourShared)
  out.neighbourIdf = neighbourIdf
  out.first = s.first ? 1 : 0
  out.last = s.last ? 1 : 0
  // A sentence in a speaker's own voice ("Recently I've been following…", "Do you remember…") in
  // an article that is told in the third person, or a turn of a speaker the article never names:
  // an interview's sentence pasted into a report.
  let voice = 0
  for (const w of words(s.text)) if (s.voice.has(w.replace('’', "'"))) voice++
  let voiceElsewhere = 0
  if (voice) for (const w of s.voice) voiceElsewhere += Math.max(0, (all.get(w) ?? 0) - (s.counts.get(w) ?? 0))
  out.voice = voice ? 1 : 0
  out.voiceElsewhere = voice ? Math.log1p(voiceElsewhere) : 0
  const speaker = SPEAKER.exec(s.text)
  const label = speaker ? termCounts(speaker[1] ?? speaker[2]) : undefined
  out.newSpeaker = label && label.size > 0 && [...label.keys()].every((w) => (all.get(w) ?? 0) <= (s.counts.get(w) ?? 0)) ? 1 : 0
  return out
}

/**
 * The costly features (the second part, only when the first leaves the sentence a chance): TF-IDF
 * fit to the rest of the article, topic cosines to the rest and to the neighbours, both raw and
 * with the common direction of news text taken out (raw cosines of any two news texts run high).
 */
export function pastedTopicFeatures(s: SentenceInArticle, common: readonly number[], rest = pastedRestFeatures(s, common)): Record<string, number> {
  const own = sentenceVector(s.counts, s.article.vocabulary)
  const near = s.neighbours.map((n) => sentenceVector(n, s.article.vocabulary))
  const raw = near.map((v) => cosine(own, v))
  const centred = near.map((v) => centredCosine(own, v, common))
  return {
    fit: rest.fit,
    topic: rest.topic,
    near: Math.max(0, ...raw),
    far: raw.length ? Math.min(...raw) : 0,
    topicCentred: rest.topicCentred,
    nearCentred: Math.max(-1, ...centred),
    farCentred: centred.length ? Math.min(...centred) : 0
  }
}

/** The costly features that read only the sentence and the rest of its article, not its neighbours. */
function pastedRestFeatures(s: SentenceInArticle, common: readonly number[]): Record<string, number> {
  const own = sentenceVector(s.counts, s.article.vocabulary)
  const rest = restVector(s.counts, s.article)
  return {fit: Math.sqrt(topicalFit(s.counts, s.article)), topic: cosine(own, rest), topicCentred: centredCosine(own, rest, common)}
}

/**
 * The pasted-sentence model's log-odds for a sentence. Below `floor` a score decides nothing: when
 * the cheap features cannot reach it whatever the topic features (within their trained ranges),
 * that upper bound is returned without computing them.
 */
export function pastedLogOdds(model: PastedModel, s: SentenceInArticle, floor: number): number {
  let z = model.bias
  for (const [name, value] of Object.entries(pastedWordFeatures(s))) z += (model.weights[name] ?? 0) * value
  const term = (name: string, value: number) => model.weights[name] * Math.min(model.ranges[name][1], Math.max(model.ranges[name][0], value))
  const highest = (name: string) => Math.max(model.weights[name] * model.ranges[name][0], model.weights[name] * model.ranges[name][1])
  let ceiling = z
  for (const name of Object.keys(model.ranges)) ceiling += highest(name)
  if (ceiling < floor) return ceiling
  // The fit to the rest of the article comes first: with it known, most sentences cannot reach
  // `floor` whatever their neighbours, whose vectors and cosines are then never computed. (The
  // margin keeps a bound that rounds differently from the sum below from settling a tie.)
  const own = pastedRestFeatures(s, model.common)
  ceiling = z
  for (const name of Object.keys(model.ranges)) ceiling += name in own ? term(name, own[name]) : highest(name)
  if (ceiling < floor - 1e-9) return ceiling
  for (const [name, value] of Object.entries(pastedTopicFeatures(s, model.common, own))) {
    const [low, high] = model.ranges[name]
    z += model.weights[name] * Math.min(high, Math.max(low, value))
  }
  return z
}

// A sentence is judged as itself and as the neighbour of the sentences before and after it, with the
// same word counts each time: its topic vector is computed once.
const sentenceVectors = new WeakMap<Map<string, number>, {vocabulary: Vocabulary; vector: Float64Array}>()

function sentenceVector(counts: Map<string, number>, vocabulary: Vocabulary): Float64Array {
  const known = sentenceVectors.get(counts)
  if (known?.vocabulary === vocabulary) return known.vector
  const vector = topicVector(counts, vocabulary)
  sentenceVectors.set(counts, {vocabulary, vector})
  return vector
}

/** Cosine of two topic vectors once the common direction is taken out of both. */
function centredCosine(a: Float64Array, b: Float64Array, common: readonly number[]): number {
  let da = 0
  let db = 0
  for (let k = 0; k < a.length; k++) {
    da += a[k] * common[k]
    db += b[k] * common[k]
  }
  // `cosine` of the two centred vectors, each element computed where it is used: no arrays built per pair.
  let dot = 0
  let na = 0
  let nb = 0
  for (let k = 0; k < a.length; k++) {
    const x = a[k] - da * common[k]
    const y = b[k] - db * common[k]
    dot += x * y
    na += x * x
    nb += y * y
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}
