import {openSync, readSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import pos, {type Tagger} from 'pos'
import {packageRoot} from '../plugin/data.js'
import {fnv1a} from './hash.js'
import {u32s} from './string-table.js'

/**
 * The `pos` tagger with its lexicon read from a word file (built into dist/data by
 * scripts/bundle.mjs) and looked up in place. The package's lexicon is a 1.7 MB object literal of
 * 92,662 words: compiling and building it cost a one-article run a quarter of its time, and every
 * thread of the pool held its own copy. The file keeps each word's first tag, the only one the
 * tagger reads, in buckets by hash, and a look-up reads only its word's bucket: an article asks
 * for a few hundred words, and reading the whole 1.8 MB file took a one-article run about 4% of
 * its time (on this machine a fresh page of memory costs more than the bytes in it).
 */
export function createTagger(): CopydeskTagger {
  const lexicon = new LazyLexicon()
  const tagger = Object.create(pos.Tagger.prototype) as CopydeskTagger
  tagger.lexicon = lexiconObject(lexicon)
  // The package's tag and wordInLexicon, with the lexicon read directly: through the Proxy that
  // `lexicon[word]` needs, each look-up cost more than the tagging (every sentence is tagged).
  tagger.tags = (words) => tagWords(lexicon, words)
  tagger.tag = (words) => tagger.tags(words).map((tag, i) => [words[i], tag])
  tagger.wordInLexicon = (word) => !!entryOf(lexicon, word)
  tagger.firstTag = (word) => (entryOf(lexicon, word) as string[] | undefined)?.[0]
  tagger.hasReading = (word, tag) => !!(entryOf(lexicon, word) as string[] | undefined)?.includes?.(tag)
  return tagger
}

/** The tagger, with `tags`: the tags alone, as `tag` gives them, without a pair per word. */
export interface CopydeskTagger extends Tagger {
  tags: (words: string[]) => string[]
  /** The most likely tag of a word out of context (as written, else in lower case), if the lexicon knows it. */
  firstTag: (word: string) => string | undefined
  /**
   * Does the lexicon give the word this reading? It keeps, after the first tag, only the readings
   * tokens.ts asks for: "VB" (a base-form verb after a first NN: "cost", "flag"), and the past tense of a word read first as a participle ("made",
   * "tracked": VBN, VBD too) or the participle of one read first as a past ("closed": VBD, VBN too).
   */
  hasReading: (word: string, tag: string) => boolean
}

/** `lexicon[word]` of the package's tagger: the table's tags, or what a plain object inherits ("constructor"). */
function lookUp(lexicon: LazyLexicon, word: string): unknown {
  return lexicon.get(word) || (emptyObject as Record<string, unknown>)[word]
}
const emptyObject = {}
/** The package's look-up of a word: as written, else in lower case. */
const entryOf = (lexicon: LazyLexicon, word: string): unknown => lookUp(lexicon, word) || lookUp(lexicon, word.toLowerCase())

/**
 * pos's POSTagger.prototype.tag, tag for tag: each word's first lexicon tag (as written, else in
 * lower case; "NN" when neither is an array), then its eight Brill rules in order, word by word,
 * each reading the word before as the rules before have left it. Its `startsWith` and `endsWith`
 * are kept as written: `endsWith` asks for the suffix's first occurrence ("edged" does not end in
 * "ed" for it).
 */
function tagWords(lexicon: LazyLexicon, words: string[]): string[] {
  const tags = new Array<string>(words.length)
  for (let i = 0; i < words.length; i++) {
    const ss = entryOf(lexicon, words[i])
    tags[i] = ss && Array.isArray(ss) ? ss[0] : 'NN'
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    let tag = tags[i]
    // rule1: a verb after a determiner is a noun.
    if (i > 0 && tags[i - 1] === 'DT' && (tag === 'VBD' || tag === 'VBP' || tag === 'VB')) tag = 'NN'
    // rule2: a noun with a full stop is a URL or a number; one that parses as a number is a number.
    if (startsWith(tag, 'N')) {
      if (word.indexOf('.') > -1) tag = /[a-zA-Z]{2}/.test(word) ? 'URL' : 'CD'
      if (!isNaN(parseFloat(word))) tag = 'CD'
    }
    // rule3: a noun ending in "ed" is a past participle.
    if (startsWith(tag, 'N') && endsWith(word, 'ed')) tag = 'VBN'
    // rule4: anything ending in "ly" is an adverb.
    if (endsWith(word, 'ly')) tag = 'RB'
    // rule5: a noun ending in "al" is an adjective.
    if (startsWith(tag, 'NN') && endsWith(word, 'al')) tag = 'JJ'
    // rule6: a noun after "would" is a verb.
    if (i > 0 && startsWith(tag, 'NN') && words[i - 1].toLowerCase() === 'would') tag = 'VB'
    // rule7: a singular noun ending in "s" is plural.
    if (tag === 'NN' && endsWith(word, 's')) tag = 'NNS'
    // rule8: a noun ending in "ing" is a gerund.
    if (startsWith(tag, 'NN') && endsWith(word, 'ing')) tag = 'VBG'
    tags[i] = tag
  }
  return tags
}

const startsWith = (text: string, prefix: string) => text.indexOf(prefix) === 0
const endsWith = (text: string, suffix: string) => suffix.length <= text.length && text.indexOf(suffix) === text.length - suffix.length

/** 8,192 buckets of about 11 words, a look-up reads ~120 bytes. A power of two: the bucket is the hash's low bits. */
const bucketCount = 1 << 13

/**
 * The readings of a word the file keeps, space-separated: its first tag, and after a participle
 * its past tense or after a past its participle when the lexicon lists them (tokens.ts reads a
 * "made" after its subject as the past, a "closed" after "been" as the participle).
 */
function keptReadings(tags: string[]): string | undefined {
  const [first] = tags
  const other = first === 'VBN' ? 'VBD' : first === 'VBD' ? 'VBN' : undefined
  return other && tags.indexOf(other, 1) > 0 ? `${first} ${other}` : first
}

/**
 * The lexicon as one file. Little-endian u32s: buckets b, then the length of the tags' JSON; the
 * JSON, padded to 4 bytes; u32 offsets[b + 1] of each bucket's entries, counted from the end of
 * the offsets; the entries, bucket by bucket (fnv1a(word) mod b): u8 length of the word's UTF-8
 * bytes, the bytes, u8 tag (low 7 bits 0: none, else tags[tag - 1], the readings keptReadings
 * keeps; bit 7: the word also has a base-form verb reading after its first tag, which tokens.ts
 * reads after infinitival "to").
 */
export function encodeLexicon(lexicon: Record<string, string[]>): Buffer {
  const words = Object.keys(lexicon)
  const tags = [...new Set(words.map((word) => keptReadings(lexicon[word])).filter((tag) => tag !== undefined))]
  if (tags.length > 127) throw new Error(`copydesk: the pos lexicon has ${tags.length} first tags, more than 7 bits hold`)
  const buckets: Buffer[][] = Array.from({length: bucketCount}, () => [])
  for (const word of words) {
    const key = Buffer.from(word, 'utf8')
    if (key.toString('utf8') !== word) throw new Error(`copydesk: the pos lexicon word ${JSON.stringify(word)} is not valid UTF-16`)
    if (key.length > 255) throw new Error(`copydesk: the pos lexicon word ${JSON.stringify(word.slice(0, 40))}… is longer than a byte counts`)
    const kept = keptReadings(lexicon[word])
    const tag = (kept === undefined ? 0 : tags.indexOf(kept) + 1) | (lexicon[word].indexOf('VB', 1) > 0 ? verbBit : 0)
    buckets[fnv1a(word) & (bucketCount - 1)].push(Buffer.from([key.length]), key, Buffer.from([tag]))
  }
  const json = Buffer.from(JSON.stringify(tags))
  const head = Buffer.alloc(align(8 + json.length))
  head.writeUInt32LE(bucketCount, 0)
  head.writeUInt32LE(json.length, 4)
  json.copy(head, 8)
  const offsets = Buffer.alloc(4 * (bucketCount + 1))
  let at = 0
  buckets.forEach((parts, b) => {
    offsets.writeUInt32LE(at, 4 * b)
    at += parts.reduce((sum, part) => sum + part.length, 0)
  })
  offsets.writeUInt32LE(at, 4 * bucketCount)
  return Buffer.concat([head, offsets, ...buckets.flat()])
}

const align = (n: number) => (n + 3) & ~3
/** The tag byte's bit for "also a base-form verb". */
const verbBit = 0x80

export const lexiconPath = join(packageRoot, 'dist', 'data', 'pos-lexicon.bin')

/** Bytes of the lexicon file at a position: read from the built file, or (unbuilt) from the package's lexicon encoded here. */
type ReadAt = (position: number, length: number) => Buffer

function openLexicon(): ReadAt {
  let fd: number
  try {
    fd = openSync(lexiconPath, 'r')
  } catch {
    // Unbuilt (tests on a fresh checkout).
    const bytes = encodeLexicon(createRequire(import.meta.url)('pos/lexicon.js'))
    return (position, length) => bytes.subarray(position, position + length)
  }
  return (position, length) => {
    const bytes = Buffer.allocUnsafe(length)
    for (let done = 0; done < length; ) {
      const read = readSync(fd, bytes, done, length - done, position + done)
      if (read === 0) throw new Error(`copydesk: ${lexiconPath} ends early: rebuild (npm run build)`)
      done += read
    }
    return bytes
  }
}

class LazyLexicon {
  private readAt: ReadAt | undefined
  /** Each tag byte's readings: the first tag, and the one keptReadings keeps after it. */
  private tags: string[][] = []
  private offsets: Uint32Array | undefined
  private entriesAt = 0
  /** Each bucket's entries once read. */
  private readonly buckets: (Buffer | undefined)[] = []
  private readonly found = new Map<string, string[] | null>()
  /**
   * The few thousand words asked for last, in front of `found`: a document repeats its words, and
   * a small map stays in the processor's cache where one of 100,000 words misses it at most probes.
   */
  private recent = new Map<string, string[] | null>()

  private load(): Uint32Array {
    const readAt = (this.readAt = openLexicon())
    const prefix = readAt(0, 8)
    const count = prefix.readUInt32LE(0)
    const jsonEnd = 8 + prefix.readUInt32LE(4)
    const head = readAt(0, align(jsonEnd) + 4 * (count + 1))
    this.tags = (JSON.parse(head.toString('utf8', 8, jsonEnd)) as string[]).map((kept) => kept.split(' '))
    // A view in place (a loop of readUInt32LE took a one-article run ~10 ms, run before V8 optimises it).
    const offsets = u32s(head, align(jsonEnd), count + 1)
    this.entriesAt = head.length
    this.offsets = offsets
    return offsets
  }

  /** The word's tags (the readings keptReadings keeps, and "VB" when it also has that reading), or undefined when the lexicon does not have it. */
  get(word: string): string[] | undefined {
    // A word the table lacks is kept as null: one map look-up tells.
    let tags = this.recent.get(word)
    if (tags !== undefined) return tags ?? undefined
    tags = this.found.get(word)
    if (tags === undefined) {
      const tag = this.tagOf(word)
      // (A word with a later verb reading keeps it after its first tag, as the package's array does.)
      const first = tag === undefined ? undefined : tag & ~verbBit
      tags = tag === undefined ? null : first === 0 ? [] : tag & verbBit ? [...this.tags[first! - 1], 'VB'] : this.tags[first! - 1]
      // Bounded: an archive's vocabulary keeps growing, the words a document repeats do not.
      if (this.found.size >= 1 << 17) this.found.clear()
      this.found.set(word, tags)
    }
    if (this.recent.size >= 1 << 12) this.recent = new Map()
    this.recent.set(word, tags)
    return tags ?? undefined
  }

  /** The word's tag byte, or undefined when its bucket does not have it. */
  private tagOf(word: string): number | undefined {
    const offsets = this.offsets ?? this.load()
    const b = fnv1a(word) & (offsets.length - 2)
    const entries = (this.buckets[b] ??= this.readAt!(this.entriesAt + offsets[b], offsets[b + 1] - offsets[b]))
    for (let at = 0; at < entries.length; ) {
      const length = entries[at]
      if (equals(entries, at + 1, length, word)) return entries[at + 1 + length]
      at += length + 2
    }
    return undefined
  }
}

/** Are the `length` bytes at `start` the word's UTF-8? */
function equals(bytes: Buffer, start: number, length: number, word: string): boolean {
  // UTF-8 takes at least a byte per UTF-16 code unit.
  if (length < word.length) return false
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 0x80) return bytes.toString('utf8', start, start + length) === word
    if (bytes[start + i] !== code) return false
  }
  return length === word.length
}

/**
 * What the tagger indexes as `this.lexicon[word]`: a plain object's answers, so a word the lexicon
 * lacks reads through to Object.prototype as in the package ("constructor" is "in" the lexicon).
 */
function lexiconObject(lexicon: LazyLexicon): Record<string, string[]> {
  return new Proxy({}, {get: (target, key) => (typeof key === 'string' && lexicon.get(key)) || Reflect.get(target, key)})
}
