import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import pos, {type Tagger} from 'pos'
import {packageRoot} from '../plugin/data.js'

/**
 * The `pos` tagger with its lexicon read from sorted `word<TAB>tag` lines (built into dist/data by
 * scripts/bundle.mjs) and searched by bisection. The package's lexicon is a 1.7 MB object literal
 * of 92,662 words: compiling and building it cost a one-article run a quarter of its time, and
 * every thread of the pool held its own copy. The lines keep each word's first tag, the only one
 * the tagger reads.
 */
export function createTagger(): Tagger {
  const tagger = Object.create(pos.Tagger.prototype) as Tagger
  tagger.lexicon = lexiconObject(new SortedLexicon(readLines()))
  return tagger
}

/** The lexicon as lines, sorted by code unit; `''` (tagged `[]` in the package) has no tag. */
export function encodeLexicon(lexicon: Record<string, string[]>): string {
  const words = Object.keys(lexicon).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const word of words) if (/[\t\n]/.test(word)) throw new Error(`copydesk: the pos lexicon has a word with a tab or newline: ${JSON.stringify(word)}`)
  return words.map((word) => `${word}\t${lexicon[word][0] ?? ''}`).join('\n')
}

export const lexiconPath = join(packageRoot, 'dist', 'data', 'pos-lexicon.tsv')

/** The built lines; unbuilt (tests on a fresh checkout), the package's own lexicon encoded here. */
function readLines(): string {
  try {
    return readFileSync(lexiconPath, 'utf8')
  } catch {
    return encodeLexicon(createRequire(import.meta.url)('pos/lexicon.js'))
  }
}

class SortedLexicon {
  private readonly starts: Uint32Array
  private readonly found = new Map<string, string[] | undefined>()

  constructor(private readonly text: string) {
    let count = 1
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
    this.starts = new Uint32Array(count)
    for (let i = 1, at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts[i++] = at + 1
  }

  /** The word's tags (its first one), or undefined when the lexicon does not have it. */
  get(word: string): string[] | undefined {
    if (this.found.has(word)) return this.found.get(word)
    let low = 0
    let high = this.starts.length - 1
    let tags: string[] | undefined
    while (low <= high) {
      const middle = (low + high) >>> 1
      const start = this.starts[middle]
      const tab = this.text.indexOf('\t', start)
      const key = this.text.slice(start, tab)
      if (key === word) {
        const end = middle + 1 < this.starts.length ? this.starts[middle + 1] - 1 : this.text.length
        tags = end > tab + 1 ? [this.text.slice(tab + 1, end)] : []
        break
      }
      if (key < word) low = middle + 1
      else high = middle - 1
    }
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
function lexiconObject(lexicon: SortedLexicon): Record<string, string[]> {
  return new Proxy({}, {get: (target, key) => (typeof key === 'string' && lexicon.get(key)) || Reflect.get(target, key)})
}
