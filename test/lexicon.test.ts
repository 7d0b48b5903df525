// The tagger reads the pos lexicon from a word table (src/text/lexicon.ts, src/text/string-table.ts): it must tag exactly as
// the package's own Tagger with its object literal does, word for word.
import {createRequire} from 'node:module'
import pos from 'pos'
import {describe, expect, it} from 'vitest'
import {createTagger} from '../src/text/lexicon.js'

const packageLexicon: Record<string, string[]> = createRequire(import.meta.url)('pos/lexicon.js')
const stock = new pos.Tagger()
const ours = createTagger()

describe('the pos lexicon read from its word table', () => {
  const words = Object.keys(packageLexicon)
  // Every lexicon word, its lower and upper case, words it lacks, and Object.prototype's names.
  const probes = [...words, ...words.map((w) => w.toLowerCase()), ...words.map((w) => w.toUpperCase()), 'Zyzzogeton', 'qwxz', 'a', 'Ünïcode', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']

  it('knows the same words', () => {
    const differ = probes.filter((w) => ours.wordInLexicon(w) !== stock.wordInLexicon(w))
    expect(differ).toEqual([])
  })

  it('gives every word the same tag, alone and in sentences', () => {
    // '' (tagged [] in the package) has no tag, and the tokenizer gives no empty tokens.
    const differ = probes.filter((w) => w !== '' && ours.tag([w])[0][1] !== stock.tag([w])[0][1])
    expect(differ).toEqual([])
    const sentences = [
      ['The', 'council', 'said', 'the', 'most', 'expensive', 'bridge', 'cost', '$', '4.5', 'million', '.'],
      ['Gates', 'founded', 'the', 'constructor', 'of', 'toString', 'in', '2019', ',', 'reports', 'show', '.']
    ]
    for (const sentence of sentences) expect(ours.tag(sentence)).toEqual(stock.tag(sentence))
  })

  it('keeps a base-form verb reading, also one listed after the first tag, for the tagging after "to" (tokens.ts)', () => {
    const differ = words.filter((w) => ours.hasReading(w, 'VB') !== packageLexicon[w].includes('VB'))
    expect(differ).toEqual([])
    expect(ours.hasReading('cost', 'VB')).toBe(true)
    expect(ours.hasReading('prank', 'VB')).toBe(false)
    // (Its first tag is still the one the package's tagger reads.)
    expect(ours.firstTag('cost')).toBe('NN')
  })

  it("keeps a participle's past reading and a past's participle reading, as the lexicon lists them", () => {
    const differ = words.filter((w) => {
      const [first] = packageLexicon[w]
      return (first === 'VBN' && ours.hasReading(w, 'VBD') !== packageLexicon[w].includes('VBD')) || (first === 'VBD' && ours.hasReading(w, 'VBN') !== packageLexicon[w].includes('VBN'))
    })
    expect(differ).toEqual([])
    expect(ours.hasReading('made', 'VBD')).toBe(true)
    expect(ours.hasReading('closed', 'VBN')).toBe(true)
    expect(ours.hasReading('taken', 'VBD')).toBe(false)
    expect(ours.firstTag('made')).toBe('VBN')
  })
})
