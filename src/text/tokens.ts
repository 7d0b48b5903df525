import pos from 'pos'
import type {Span} from './types.js'

/** A word or punctuation mark with its Penn Treebank part-of-speech tag. */
export interface Token extends Span {
  text: string
  lower: string
  tag: string
  /** A word (letters or digits), as opposed to punctuation. */
  word: boolean
  /** Written like a name: capitalised inside the sentence, or a sentence's first word that the
   * lexicon does not know or that the document capitalises elsewhere ("Gates said"). */
  name: boolean
}

const tagger = new pos.Tagger()
/** Is a word in the tagger's lexicon (as written, or in lower case)? */
export const inLexicon = (word: string) => tagger.wordInLexicon(word)
const tokenPattern = /[\p{L}\p{N}]+(?:(?:['’.\-–]|,(?=\d{3}))[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu

/**
 * Tokens of a piece of text, tagged with the `pos` tagger. A sentence's first word is tagged in
 * lower case, so "Activists say" reads as a common noun rather than a name.
 */
export function tokenize(text: string, offset = 0, names: ReadonlySet<string> = noNames): Token[] {
  // Attribution and claims read the same sentence: tag it once.
  const key = `${offset}\u0000${text}`
  const cached = recent.get(names)?.get(key)
  if (cached) return cached
  const tokens = tag(text, offset, names)
  const forNames = recent.get(names) ?? new Map<string, Token[]>()
  if (forNames.size > 256) forNames.clear()
  forNames.set(key, tokens)
  recent.set(names, forNames)
  return tokens
}

const noNames: ReadonlySet<string> = new Set()
const recent = new WeakMap<ReadonlySet<string>, Map<string, Token[]>>()

function tag(text: string, offset: number, names: ReadonlySet<string>): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(tokenPattern)) {
    const start = offset + (m.index ?? 0)
    tokens.push({start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase(), tag: '', word: /[\p{L}\p{N}]/u.test(m[0]), name: false})
  }
  const firstWord = tokens.findIndex((t) => t.word)
  tokens.forEach((t, i) => {
    t.name = /^\p{Lu}/u.test(t.text) && (i !== firstWord || !inLexicon(t.lower) || names.has(t.lower))
  })
  const words = tokens.map((t, i) => (i === firstWord && !t.name ? t.lower : t.text))
  tagger.tag(words).forEach(([, tag], i) => (tokens[i].tag = tag))
  return tokens
}

/** Words a document writes capitalised inside sentences more often than not: its names. */
export function documentNames(text: string): Set<string> {
  const capitalised = new Map<string, number>()
  const lower = new Map<string, number>()
  for (const m of text.matchAll(/(?<=[\p{L},;]\s+)(\p{Lu}\p{Ll}+)\b|\b(\p{Ll}+)\b/gu)) {
    if (m[1]) capitalised.set(m[1].toLowerCase(), (capitalised.get(m[1].toLowerCase()) ?? 0) + 1)
    else lower.set(m[2], (lower.get(m[2]) ?? 0) + 1)
  }
  return new Set([...capitalised].filter(([w, n]) => n > (lower.get(w) ?? 0)).map(([w]) => w))
}

