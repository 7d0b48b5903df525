// `pos` ships no types: the Brill-style tagger and its lexicon (the tagger retext-pos wraps).
declare module 'pos' {
  export class Tagger {
    /** Word → tags, first the most likely; read as `lexicon[word]`, then `lexicon[word.toLowerCase()]`. */
    lexicon: Record<string, string[]>
    tag(words: string[]): Array<[string, string]>
    wordInLexicon(word: string): boolean
  }
  const pos: {Tagger: typeof Tagger}
  export default pos
}
