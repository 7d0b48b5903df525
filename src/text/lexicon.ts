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
export function createTagger(): Tagger {
  const tagger = Object.create(pos.Tagger.prototype) as Tagger
  tagger.lexicon = lexiconObject(new LazyLexicon())
  return tagger
}

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
  private readonly found = new Map<string, string[] | undefined>()

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
    if (this.found.has(word)) return this.found.get(word)
    const entry = (this.table ?? this.load()).find(word)
    const tag = entry < 0 ? undefined : this.tagOf![entry]
    const tags = tag === undefined ? undefined : tag === 0 ? [] : [this.tags[tag - 1]]
    // Bounded: an archive's vocabulary keeps growing, the words a document repeats do not.
    if (this.found.size >= 1 << 17) this.found.clear()
    this.found.set(word, tags)
    return tags
  }
}

/**
 * What the tagger indexes as `this.lexicon[word]`: a plain object's answers, so a word the lexicon
 * lacks reads through to Object.prototype as in the package ("constructor" is "in" the lexicon).
 */
function lexiconObject(lexicon: LazyLexicon): Record<string, string[]> {
  return new Proxy({}, {get: (target, key) => (typeof key === 'string' && lexicon.get(key)) || Reflect.get(target, key)})
}
