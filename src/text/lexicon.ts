import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import pos, {type Tagger} from 'pos'
import {packageRoot} from '../plugin/data.js'
import {decodeHead, encodeHead, encodeStringTable, StringTable} from './string-table.js'

/**
 * The `pos` tagger with its lexicon read from a word table (built into dist/data by
 * scripts/bundle.mjs, src/text/string-table.ts) and looked up in place. The package's lexicon is a
 * 1.7 MB object literal of 92,662 words: compiling and building it cost a one-article run a
 * quarter of its time, and every thread of the pool held its own copy. The table keeps each
 * word's first tag, the only one the tagger reads, and is read on the first look-up.
 */
export function createTagger(): CopydeskTagger {
  const lexicon = new LazyLexicon()
  const tagger = Object.create(pos.Tagger.prototype) as CopydeskTagger
  tagger.lexicon = lexiconObject(lexicon)
  // The package's tag and wordInLexicon, with the lexicon read directly: through the Proxy that
  // `lexicon[word]` needs, each look-up cost more than the tagging (every sentence is tagged).
  tagger.tags = (words) => tagWords(lexicon, words)
  tagger.tag = (words) => tagger.tags(words).map((tag, i) => [words[i], tag])
  tagger.wordInLexicon = (word) => {
    const ss = lookUp(lexicon, word)
    return ss != null || !!lookUp(lexicon, word.toLowerCase())
  }
  return tagger
}

/** The tagger, with `tags`: the tags alone, as `tag` gives them, without a pair per word. */
export interface CopydeskTagger extends Tagger {
  tags: (words: string[]) => string[]
}

/** `lexicon[word]` of the package's tagger: the table's tags, or what a plain object inherits ("constructor"). */
function lookUp(lexicon: LazyLexicon, word: string): unknown {
  return lexicon.get(word) || (emptyObject as Record<string, unknown>)[word]
}
const emptyObject = {}

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
    let ss = lookUp(lexicon, words[i])
    if (!ss) ss = lookUp(lexicon, words[i].toLowerCase())
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

/** The lexicon as one file: u32 length and JSON of the tags, then the words' table and a u8 tag per word (0: none). */
export function encodeLexicon(lexicon: Record<string, string[]>): Buffer {
  const words = Object.keys(lexicon)
  const tags = [...new Set(words.map((word) => lexicon[word][0]).filter((tag) => tag !== undefined))]
  if (tags.length > 255) throw new Error(`copydesk: the pos lexicon has ${tags.length} tags, more than a byte holds`)
  const tagOf = Uint8Array.from(words, (word) => (lexicon[word][0] === undefined ? 0 : tags.indexOf(lexicon[word][0]) + 1))
  return Buffer.concat([encodeHead(tags), encodeStringTable(words), Buffer.from(tagOf.buffer)])
}

export const lexiconPath = join(packageRoot, 'dist', 'data', 'pos-lexicon.bin')

/** The built table; unbuilt (tests on a fresh checkout), the package's own lexicon encoded here. */
function readTable(): Buffer {
  try {
    return readFileSync(lexiconPath)
  } catch {
    return encodeLexicon(createRequire(import.meta.url)('pos/lexicon.js'))
  }
}

class LazyLexicon {
  private table: StringTable | undefined
  private tagOf: Uint8Array | undefined
  private tags: string[] = []
  private readonly found = new Map<string, string[] | null>()
  /**
   * The few thousand words asked for last, in front of `found`: a document repeats its words, and
   * a small map stays in the processor's cache where one of 100,000 words misses it at most probes.
   */
  private recent = new Map<string, string[] | null>()

  private load(): StringTable {
    const bytes = readTable()
    const {head, end: at} = decodeHead<string[]>(bytes)
    this.tags = head
    const table = new StringTable(bytes, at)
    const tagsAt = at + StringTable.byteLengthAt(bytes, at)
    this.tagOf = bytes.subarray(tagsAt, tagsAt + table.size)
    this.table = table
    return table
  }

  /** The word's tags (its first one), or undefined when the lexicon does not have it. */
  get(word: string): string[] | undefined {
    // A word the table lacks is kept as null: one map look-up tells.
    let tags = this.recent.get(word)
    if (tags !== undefined) return tags ?? undefined
    tags = this.found.get(word)
    if (tags === undefined) {
      const entry = (this.table ?? this.load()).find(word)
      const tag = entry < 0 ? undefined : this.tagOf![entry]
      tags = tag === undefined ? null : tag === 0 ? [] : [this.tags[tag - 1]]
      // Bounded: an archive's vocabulary keeps growing, the words a document repeats do not.
      if (this.found.size >= 1 << 17) this.found.clear()
      this.found.set(word, tags)
    }
    if (this.recent.size >= 1 << 12) this.recent = new Map()
    this.recent.set(word, tags)
    return tags ?? undefined
  }
}

/**
 * What the tagger indexes as `this.lexicon[word]`: a plain object's answers, so a word the lexicon
 * lacks reads through to Object.prototype as in the package ("constructor" is "in" the lexicon).
 */
function lexiconObject(lexicon: LazyLexicon): Record<string, string[]> {
  return new Proxy({}, {get: (target, key) => (typeof key === 'string' && lexicon.get(key)) || Reflect.get(target, key)})
}
