import {list, loadData, object, string} from '../plugin/data.js'
import {isSpace, isWordChar, startsUpper} from './chars.js'
import {createTagger} from './lexicon.js'
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

const tagger = createTagger()
/** The possessive determiners, a closed class the claim rules read tokens against ("its", "our"). */
export const possessives: ReadonlySet<string> = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your'])
/** Is a word in the tagger's lexicon (as written, or in lower case)? */
export const inLexicon = (word: string) => tagger.wordInLexicon(word)
/** A finite verb's tag: past, present or modal ("said", "says", "say", "will"); not a base form or participle. */
export const finiteTag = (tag: string): boolean => tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD'
/** The forms of "be": a passive's or a copula's auxiliary. */
export const beForms: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
/** The tagger's most likely tag of a word out of context (as written, else in lower case), if it knows the word. */
export const lexiconTag = (word: string): string | undefined => tagger.firstTag(word)
// Sticky: a token starts at every character that is not white space (see tag).
const tokenPattern = /[\p{L}\p{N}]+(?:(?:['’.\-–]|,(?=\d{3}))[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/uy

/**
 * Tokens of a piece of text, tagged with the `pos` tagger. A sentence's first word is tagged in
 * lower case, so "Activists say" reads as a common noun rather than a name.
 */
export function tokenize(text: string, offset = 0, names: ReadonlySet<string> = noNames): Token[] {
  // Attribution, the claims, the numbers and off-topic's seams read the same sentences and words:
  // each text is tagged once per file, whichever asks first (see forgetTokens).
  let forNames = memo.get(names)
  if (!forNames) memo.set(names, (forNames = new Map()))
  const known = forNames.get(text)
  if (!known) {
    const tokens = tag(text, offset, names)
    forNames.set(text, {offset, tokens})
    return tokens
  }
  if (known.offset === offset) return known.tokens
  // The same text elsewhere (a repeated phrase, a quotation blanked out): the tokens moved there.
  const shift = offset - known.offset
  // (Built as tag builds a token: a token of another shape deoptimises every function that reads tokens.)
  return known.tokens.map((t) => ({start: t.start + shift, end: t.end + shift, text: t.text, lower: t.lower, tag: t.tag, word: t.word, name: t.name}))
}

/**
 * Forget the tokens tagged so far: the memo holds one file's texts. analyse calls it as it reads
 * a new file. (A text is keyed with its names, so a memo kept across files would still be right,
 * only unbounded.)
 */
export function forgetTokens(): void {
  memo.clear()
}

const noNames: ReadonlySet<string> = new Set()
const memo = new Map<ReadonlySet<string>, Map<string, {offset: number; tokens: Token[]}>>()

function tag(text: string, offset: number, names: ReadonlySet<string>): Token[] {
  const tokens: Token[] = []
  // The pattern's second branch takes any one character but white space, so the tokens are what
  // matchAll would find, read without a match array for each (the sentence's biggest garbage).
  for (let i = 0; i < text.length; ) {
    if (isSpace(text, i)) {
      i++
      continue
    }
    tokenPattern.lastIndex = i
    if (!tokenPattern.test(text)) {
      // Not reached (the second branch takes any other character); matchAll would look further on.
      i++
      continue
    }
    const end = tokenPattern.lastIndex
    const value = text.slice(i, end)
    // A token is a run of letters and digits or a single other character: its first tells which.
    tokens.push({start: offset + i, end: offset + end, text: value, lower: value.toLowerCase(), tag: '', word: isWordChar(value), name: false})
    i = end
  }
  const firstWord = tokens.findIndex((t) => t.word)
  tokens.forEach((t, i) => {
    t.name = startsUpper(t.text) && (i !== firstWord || !inLexicon(t.lower) || names.has(t.lower))
  })
  const words = tokens.map((t, i) => (i === firstWord && !t.name ? t.lower : t.text))
  const tags = tagger.tags(words)
  for (let i = 0; i < tokens.length; i++) tokens[i].tag = tags[i]
  verbsAfterTo(tokens)
  unlistedSuperlatives(tokens)
  unlistedPlurals(tokens)
  pastOrParticiple(tokens)
  return tokens
}

export const taggingShape = object({
  prepositionalTo: list(string),
  nounsAfterTo: list(string),
  notSuperlatives: list(string),
  subjectPronouns: list(string),
  perfect: list(string),
  auxiliaries: list(string),
  participlesBeforeObjects: list(string),
  clauseOpeners: list(string),
  timeWords: list(string)
})
type Tagging = Record<'prepositionalTo' | 'nounsAfterTo' | 'notSuperlatives' | 'subjectPronouns' | 'perfect' | 'auxiliaries' | 'participlesBeforeObjects' | 'clauseOpeners' | 'timeWords', Set<string>>
let tagging: Tagging | undefined
const taggingData = (): Tagging =>
  (tagging ??= (() => {
    const d = loadData('src/text/tagging.yml', taggingShape)
    return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, new Set(v as string[])])) as Tagging
  })())

/**
 * "is thought to cost £40m", "are believed to flag the issue": the tagger reads a bare verb after
 * "to" as the noun the lexicon lists first. Read it as the verb the lexicon also has (tagging.yml
 * says when "to" is a preposition instead).
 */
function verbsAfterTo(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]
    if (tokens[i - 1].lower !== 'to' || (t.tag !== 'NN' && t.tag !== 'NNS') || t.name) continue
    const data = taggingData()
    // (The tagger's own NN, or its NNS for a noun ending in "s": "to focus", "to harass".)
    if (tagger.firstTag(t.text) !== 'NN' || !tagger.hasReading(t.text, 'VB')) continue
    if (data.nounsAfterTo.has(t.lower) || (i > 1 && data.prepositionalTo.has(tokens[i - 2].lower))) continue
    t.tag = 'VB'
  }
}

/**
 * "the quietest headphones", "the driest summer": the lexicon lacks some regular superlatives and
 * the tagger reads them as nouns. A word it does not know, ending in "-est" on an adjective it
 * does ("quiet", "dry" from "driest", "hot" from "hottest"), is that adjective's superlative
 * (unless tagging.yml lists it as a noun).
 */
function unlistedSuperlatives(tokens: Token[]): void {
  for (const t of tokens) {
    // (The tagger's NN is what it gives a word its lexicon lacks.)
    if (t.tag !== 'NN' || !/^\p{Ll}{3,}est$/u.test(t.lower) || inLexicon(t.lower) || taggingData().notSuperlatives.has(t.lower)) continue
    const stem = t.lower.slice(0, -3)
    const stems = [stem, t.lower.slice(0, -2), stem.replace(/i$/, 'y'), /(\p{Ll})\1$/u.test(stem) ? stem.slice(0, -1) : '']
    if (stems.some((s) => s.length > 1 && tagger.firstTag(s) === 'JJ')) t.tag = 'JJS'
  }
}

/**
 * Is a word the lexicon lacks the regular plural of a noun it has ("clinicians" of "clinician",
 * "meteorologists")? The tagger reads such a word as a singular noun (its plural rule looks for
 * the first "s" of the word) or, first in a sentence, as a name; a bare plural of a role noun is an
 * unnamed group (spec §5: "critics say").
 */
export function unlistedPlural(word: string): boolean {
  return /\p{Ll}[^s']s$/u.test(word) && !inLexicon(word) && tagger.firstTag(word.slice(0, -1)) === 'NN'
}

/** Unlisted plurals (see unlistedPlural), tagged NN, read as plural nouns; a name stays a name. */
function unlistedPlurals(tokens: Token[]): void {
  for (const t of tokens) if (t.tag === 'NN' && !t.name && unlistedPlural(t.lower)) t.tag = 'NNS'
}

/**
 * The tagger reads a regular past by its lexicon's first tag alone: "he juxtaposed the figures",
 * "Sanders secured a plurality", "Day made 29 albums" come out as participles, and "have been
 * temporarily closed" as a past. A participle right after a subject pronoun or a name, with an
 * object after it (a determiner, a figure or a noun) and no auxiliary before
 * the subject, is the clause's past tense; a past right after a form of "have" or after "been"
 * (over adverbs), or between a possessive or figure and its noun ("1,124 pledged delegates"), is the
 * participle. Either only when the word has both readings (alsoPast; a past the lexicon also
 * lists as a participle, "closed"). Not a name ("Manchester United manager").
 * tagging.yml has the words.
 */
function pastOrParticiple(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.tag === 'VBD' && tagger.hasReading(t.text, 'VBN')) {
      const k = overAdverbs(tokens, i)
      if (taggingData().perfect.has(tokens[k].lower) || modifiesNoun(tokens, i) || reducedWithAgent(tokens, i)) t.tag = 'VBN'
    } else if (t.tag === 'VBN' && !t.name && alsoPast(t.text) && (pastAfterSubject(tokens, i) || pastAfterNounPhrase(tokens, i))) t.tag = 'VBD'
  }
}

/**
 * Where the common-noun phrase that ends right before `i` starts: a determiner or possessive
 * ("the", "its", "the council's", "Acme's"), then adjectives and nouns, then the noun at `i - 1`,
 * the phrase opening its clause (the sentence's start, after a comma or other mark, or after a
 * subordinator: clauseOpeners). -1 when there is no such phrase.
 */
function nounPhraseStart(tokens: Token[], i: number): number {
  const head = tokens[i - 1]
  // (Or a gerund's noun, which the tagger reads as an adjective: "The 2024 ranking assessed …"; its
  // phrase must then start with a determiner, below.)
  const gerund = /ing$/.test(head?.lower ?? '') && /^(?:JJ|VBG)$/.test(head?.tag ?? '')
  if (!head?.word || head.name || !(/^NNS?$/.test(head.tag) || gerund)) return -1
  // (An auxiliary the tagger read as a noun after a determiner is none: "This had/NN made", "My brother hasn't/NN completed".)
  if (taggingData().auxiliaries.has(head.lower) || /n['’]t$/.test(head.lower)) return -1
  let k = i - 1
  // (Up to four words of modifiers: "the state health ministry", "its new annual survey".)
  while (k > 0 && k > i - 6) {
    const t = tokens[k - 1]
    if (!t.word) break
    if (t.tag === 'DT' || t.tag === 'PRP$') {
      k--
      break
    }
    if (!/^(?:JJ|JJR|JJS|NN|NNS|NNP|NNPS|CD|VBG)$/.test(t.tag)) break
    k--
  }
  const first = tokens[k]
  // (The head is no possessive itself: "the council's" wants its noun.)
  if (k === i - 1 || /['’]s$/.test(head.text)) return -1
  if (first.tag !== 'DT' && first.tag !== 'PRP$' && (gerund || !/\p{L}['’]s$/u.test(first.text))) return -1
  const before = tokens[k - 1]
  if (before && before.word && !taggingData().clauseOpeners.has(before.lower)) return -1
  return k
}

/** A time the clause is dated by, not an object: "released this week", "published yesterday". */
function timeAt(tokens: Token[], j: number): boolean {
  const time = taggingData().timeWords
  const t = tokens[j]
  return !!t && (time.has(t.lower) || (t.tag === 'DT' || /^(?:last|next|earlier)$/.test(t.lower)) && time.has(tokens[j + 1]?.lower ?? ''))
}

/** Is there a finite verb after `i` in its clause (up to a mark or a subordinator)? */
function finiteLater(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]
    if (!t.word || taggingData().clauseOpeners.has(t.lower)) return false
    if (finiteTag(t.tag)) return true
  }
  return false
}

/**
 * Is the participle at `i` the past of the common-noun phrase before it ("The ministry
 * announced 300 new posts", "The study tracked 20,000 nurses", "Its survey tracked 300 firms")?
 * The phrase opens its clause (nounPhraseStart), and an object follows: a determiner, a
 * possessive, a figure (maybe hedged: "more than 1,500", "nearly 300") or "that" and its
 * clause. Not a reduced relative: its complement is a time ("the figures released this week
 * show"), a preposition ("a report published in May showed") or no object at all, and the
 * clause's own verb comes later ("the figures tracked these firms show …" has one).
 */
function pastAfterNounPhrase(tokens: Token[], i: number): boolean {
  if (taggingData().participlesBeforeObjects.has(tokens[i].lower) || nounPhraseStart(tokens, i) < 0) return false
  const after = tokens[i + 1]
  if (!after?.word || timeAt(tokens, i + 1)) return false
  const object = /^(?:DT|PDT|CD|PRP\$)$/.test(after.tag) || after.lower === 'that' ||
    // ("more than 1,500", "nearly 300": a hedged figure.)
    (/^(?:JJR|RBR)$/.test(after.tag) && tokens[i + 2]?.lower === 'than') || (after.tag === 'RB' && tokens[i + 2]?.tag === 'CD')
  // ("that" opens its own clause, whose verb is no sign of a relative.)
  return object && (after.lower === 'that' || !finiteLater(tokens, i))
}

/**
 * Is the past at `i` a reduced relative's participle with its agent: "the budget approved by the
 * council said …"? After a noun (or a comma), "by" and an agent that is no figure ("increased by
 * 20%" is a past), with the clause's own verb still to come.
 */
function reducedWithAgent(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]
  if (tokens[i + 1]?.lower !== 'by' || !(/^NNS?$/.test(before.tag) && !before.name || before.text === ',')) return false
  const agent = tokens[i + 2]
  if (!agent?.word || !(/^(?:DT|PRP\$|NNP|NNPS)$/.test(agent.tag) || agent.name)) return false
  return before.text === ',' || finiteLater(tokens, i + 1)
}

/**
 * Is the participle also a past tense: a regular "-ed" verb the lexicon lists as a participle or
 * lacks (its first readings of "juxtaposed", "mutilated" are participles only; the tagger reads an
 * unknown "-ed" word as one), or one it lists both ways ("made", "held")? Not a noun the tagger
 * read as a participle by its ending ("need", "hundred").
 */
function alsoPast(word: string): boolean {
  const first = tagger.firstTag(word)
  return (first === undefined && !inLexicon(word)) || first === 'VBN' ? /ed$/i.test(word) || tagger.hasReading(word, 'VBD') : false
}

/**
 * Does the past at `i` stand between a possessive or a figure and its noun, a participle that
 * modifies it ("their loved ones", "1,124 pledged delegates", "33 recovered cases")? (After a
 * figure only before a plural: "Flight 253 departed Schiphol", "711chan regained control".)
 */
function modifiesNoun(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1].tag
  const after = tokens[i + 1]?.tag ?? ''
  return (before === 'PRP$' && /^NNS?$/.test(after)) || (before === 'CD' && after === 'NNS')
}

/** Is the participle at `i` its subject's past tense ("he juxtaposed the figures")? See pastOrParticiple. */
function pastAfterSubject(tokens: Token[], i: number): boolean {
  const data = taggingData()
  const subject = tokens[i - 1]
  const after = tokens[i + 1]
  if (!after?.word || data.participlesBeforeObjects.has(tokens[i].lower)) return false
  const pronoun = subject.tag === 'PRP' && data.subjectPronouns.has(subject.lower)
  if (!pronoun && !/^NNPS?$/.test(subject.tag)) return false
  if (!/^(?:DT|PDT|CD|PRP\$|NNS?)$/.test(after.tag)) return false
  // (Not inverted after an auxiliary: "Had he received the letter", "Is Acme owned …".)
  let k = i - 2
  while (k >= 0 && (/^NNPS?$/.test(tokens[k].tag) || tokens[k].tag === 'DT')) k--
  return k < 0 || !data.auxiliaries.has(tokens[k].lower)
}

/**
 * The auxiliary of the participle at `i`: the form of "have" or "be" before it (over adverbs),
 * "have collected", "was ranked", "were set ablaze"; -1 for a participle with none or another
 * word. The numbers read such a participle as its clause's event, attribution's subject search
 * stops at a passive's.
 */
export function auxiliaryOf(tokens: readonly Token[], i: number): number {
  const k = overAdverbs(tokens, i)
  return tokens[i]?.tag === 'VBN' && /^(?:has|have|had|is|are|was|were|be|been)$/.test(tokens[k]?.lower ?? '') ? k : -1
}

/** The index of the word before the token at `i`, over adverbs: its auxiliary, where it has one. */
export function overAdverbs(tokens: readonly Token[], i: number): number {
  let k = i - 1
  while (k > 0 && tokens[k].tag === 'RB') k--
  return k
}

/** Words a document writes capitalised inside sentences more often than not: its names. */
export function documentNames(text: string): Set<string> {
  const capitalised = new Map<string, number>()
  const lower = new Map<string, number>()
  // (Within a paragraph: a word after a blank line, as after a heading with no full stop, opens one.)
  for (const m of text.matchAll(/(?<=[\p{L},;](?:[^\S\n]+|[^\S\n]*\n[^\S\n]*))(\p{Lu}\p{Ll}+)\b|\b(\p{Ll}+)\b/gu)) {
    if (m[1]) {
      const word = m[1].toLowerCase()
      capitalised.set(word, (capitalised.get(word) ?? 0) + 1)
    } else lower.set(m[2], (lower.get(m[2]) ?? 0) + 1)
  }
  return new Set([...capitalised].filter(([w, n]) => n > (lower.get(w) ?? 0)).map(([w]) => w))
}

