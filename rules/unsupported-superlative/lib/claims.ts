import {lazily, list, object, phraseRegExp, string} from '../../../src/plugin/data.js'
import {startsUpper} from '../../../src/text/chars.js'
import {numberWords} from '../../../src/text/number-words.js'
import {approx} from '../../../src/text/numbers.js'
import {finiteTag, possessives, tokenize, type Token} from '../../../src/text/tokens.js'
import type {Span} from '../../../src/text/types.js'
import {allMatches, phraseWordsTest, textWords} from '../../../src/text/regexp.js'

/** The words that make a claim of rank, record or uniqueness; a rule's data file supplies them. */
export interface ClaimVocabulary {
  /** Absolute rank and uniqueness: "world-leading", "unprecedented", "first-ever". */
  absolute: string[]
  /** Puffery: "crown jewel", "remarkable", "cutting-edge". */
  puffery: string[]
  /** Literal senses of puffery words: "revolutionary struggle" is not a boast. */
  literal: string[]
  /** Quantifier, time and idiom uses of superlatives: "at least", "the latest", "worst hit". */
  notClaims: string[]
  /** What turns "the first …"/"the only …" into a record claim: "to", "ever", "in history". */
  recordScopes: string[]
  /** A period a record is counted over, after "the first …", "the third time" or a superlative: "since 1990", "in almost four decades". */
  recordSpans: string[]
  /** Steps of a formal scale: "the second lowest grade" places a thing, it does not praise it. */
  scaleSteps: string[]
  /** Measured quantities: "the lowest rates" describes data, not a thing's rank. */
  measureNouns: string[]
  /** Ways of doing something: "the fastest way to reproduce it" is advice, not a rank. */
  methodNouns: string[]
  /** Puffery only as an adjective before a noun: "a leading expert", not "leading to". */
  epithets: string[]
  /** Puffery only of an event, law or investment: "a historic agreement", not "the historic centre". */
  eventEpithets: string[]
  /** The nouns an event epithet praises. */
  eventNouns: string[]
  /** After "a first": "for", "among" ("a first for a South African container terminal"). */
  firstFor: string[]
  /** Persons and their circle, for whom a first is narrative: "a first for her". */
  firstForPersons: string[]
  /** Steps of a sequence: "the first day", "the first round" number them, they claim no record. */
  sequenceNouns: string[]
  /** Offices held one holder after another: "the first president of the federation" numbers its holders. */
  offices: string[]
  /** Sets of measurements a comparison can be restricted to: "the fastest in our tests, at 2.9 GB/s". */
  testSets: string[]
  /** Verbs that give their object to the subject as its own: "has the largest fleet" claims a rank for the subject. */
  possessionVerbs: string[]
  /** Quantifiers that pick members out of a superlative's set: "several of our biggest merchants". */
  partitives: string[]
  /** Words after a superlative's noun that scope it beyond the story's own set: "in the region", "ever". */
  rankScopes: string[]
  /** Superlatives of a measurable dimension ("largest", "hottest", "most expensive"), not of quality ("best", "most important"). */
  measuredSuperlatives: string[]
  /** Verbs (base forms) whose object carries the source's own words for a thing: "ranked it first", "called it historic". */
  namingVerbs: string[]
  /** Verbs of saying (every form) whose complement is always what the source says, never a thing it reports: "says the new trains offer …". */
  sayingVerbs: string[]
  /** Nouns of a published ranking after a name: "on Amazon.com's Top Sellers list", "in the Fortune 500 ranking". */
  rankingLists: string[]
  /** Words of rank that are no superlative by form, a hedged rank after "one of the", "among the": "one of the tops in Texas". */
  rankWords: string[]
  /** A whole class of products or brands a thing is ranked in: "in its class", "in the category". */
  classScopes: string[]
  /** Nouns of reputation before the field they rule: "the judicial giant of", "a jazz great of". */
  reputationNouns: string[]
}

const strings = list(string)
export const claimVocabularyShape = object<ClaimVocabulary>({absolute: strings, puffery: strings, literal: strings, notClaims: strings, recordScopes: strings, recordSpans: strings, scaleSteps: strings, measureNouns: strings, methodNouns: strings, epithets: strings, eventEpithets: strings, eventNouns: strings, firstFor: strings, firstForPersons: strings, sequenceNouns: strings, offices: strings, testSets: strings, possessionVerbs: strings, partitives: strings, rankScopes: strings, measuredSuperlatives: strings, namingVerbs: strings, sayingVerbs: strings, rankingLists: strings, rankWords: strings, classScopes: strings, reputationNouns: strings})

export interface Claim extends Span {
  text: string
  kind: 'superlative' | 'record' | 'absolute' | 'puffery'
}

// A copula says what a thing is: "was the first", "became the only".
const copulas = /^(?:is|are|was|were|be|been|being|became|become|becomes|remains|remained)$/
const ordinals = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'single', 'very'])
interface Compiled {rankScope: RegExp; ownScope: RegExp; absolute: RegExp; puffery: RegExp; gapped: RegExp; gappedKey: RegExp; literal: RegExp; literalCan: (words: ReadonlySet<string>) => boolean; notClaims: RegExp; scope: RegExp; span: RegExp; spanAfter: RegExp; tested: RegExp; naming: RegExp; rankedBy: RegExp; classScope: RegExp; words: Record<keyof ClaimVocabulary, ReadonlySet<string>>}
const compiled = new WeakMap<ClaimVocabulary, Compiled>()

function compile(vocabulary: ClaimVocabulary) {
  let c = compiled.get(vocabulary)
  if (!c) {
    // Each built on first use (src/plugin/data.ts lazily): a one-article run reads few of them.
    c = lazily<Compiled>({
      // A scope straight after a superlative's noun phrase: "the largest city in the region", "the best film ever".
      rankScope: () => new RegExp(String.raw`^\s*(?:${patterns(vocabulary.rankScopes)}|${patterns(vocabulary.recordScopes)}|${patterns(vocabulary.recordSpans)})\b`, 'iu'),
      // After "our"/"your" the set is already the writer's or reader's own; only a record scope widens it ("our best year ever").
      ownScope: () => new RegExp(String.raw`^\s*(?:${patterns(vocabulary.recordScopes)}|${patterns(vocabulary.recordSpans)}|yet)\b`, 'iu'),
      absolute: () => phraseRegExp(vocabulary.absolute),
      puffery: () => phraseRegExp(vocabulary.puffery.filter((p) => !p.includes('…'))),
      // "sets … apart": the … stands for one to three words.
      gapped: () => gappedRegExp(vocabulary.puffery.filter((p) => p.includes('…')), '{1,3}'),
      // Scanning every sentence for "sets … apart" cost as much as all other claim phrases; "apart" is rare.
      gappedKey: () => keyWordRegExp(vocabulary.puffery.filter((p) => p.includes('…')), -1),
      literal: () => gappedRegExp(vocabulary.literal, '{0,2}'),
      // \p{L} in each gap, closed over case (the i and u flags), makes `literal` the costliest
      // expression to compile (~60 ms, a tenth of a one-article run); few sentences hold every word
      // of one of its phrases, so it is compiled for those only.
      literalCan: () => phraseWordsTest(vocabulary.literal),
      notClaims: () => phraseRegExp(vocabulary.notClaims),
      scope: () => new RegExp(String.raw`^\s*(?:${patterns(vocabulary.recordScopes)}|${patterns(vocabulary.recordSpans)})\b`, 'iu'),
      span: () => new RegExp(String.raw`^\s*(?:${patterns(vocabulary.recordSpans)})\b`, 'iu'),
      // A span later in the superlative's clause: "the highest level for the party since 1980".
      // (The words before the span are the first group.)
      spanAfter: () => new RegExp(String.raw`^([^,;:.!?()]{0,60}?)\s(?:${patterns(vocabulary.recordSpans)})\b`, 'iu'),
      // A set of measurements a comparison is restricted to: "in our tests", "across all three benchmarks".
      tested: () => new RegExp(String.raw`\b(?:in|across|among|from|of)\s+(?:the|our|this|these|those|my|its|their|all|both|each|every)\s+(?:[\p{L}\d-]+\s+){0,2}?(?:${patterns(vocabulary.testSets)})\b`, 'iu'),
      naming: () => new RegExp(String.raw`^(?:${vocabulary.namingVerbs.join('|')})(?:s|ed|d|ing)?$`),
      // A named ranking: "number one on Amazon.com's Top Sellers list", "first in the Fortune 500 ranking".
      // A whole class of products or brands the thing is ranked in: "the tightest in its class".
      classScope: () => new RegExp(String.raw`^[^,;:.!?()]{0,40}?\b(?:${patterns(vocabulary.classScopes)})\b`, 'iu'),
      rankedBy: () => new RegExp(String.raw`^[^,;]{0,20}?\b(?:on|in)\s+(?:the\s+)?\p{Lu}[^,;]{0,100}?\b(?:${patterns(vocabulary.rankingLists)})\b`, 'u'),
      // Each word list as a set, for the token loops that ask of one word at a time.
      words: () => Object.fromEntries(Object.entries(vocabulary).map(([key, list]) => [key, new Set(list)])) as unknown as Record<keyof ClaimVocabulary, ReadonlySet<string>>
    })
    compiled.set(vocabulary, c)
  }
  return c
}

/**
 * Whether a gappedRegExp of `phrases` can match at all: one word of each phrase (`at`: 0 the
 * first, -1 the last), written as gappedRegExp writes it and with its flags, so every match of
 * the phrases contains a match of this.
 */
function keyWordRegExp(phrases: string[], at: number): RegExp {
  return new RegExp([...new Set(phrases.map((p) => p.trim().split(/[\s…]+/).at(at)))].join('|') || '(?!)', 'iu')
}

/** Phrases with `…` standing for a few words ("sets … apart", "revolutionary … government"). */
function gappedRegExp(phrases: string[], gap: string): RegExp {
  const body = phrases
    .map((p) => p.split('…').map((w) => w.trim().replace(/\s+/g, String.raw`\s+`)).join(String.raw`\s+(?:[\p{L}'’-]+\s+)${gap}`))
    .map((p) => String.raw`\b${p}\b`)
    .join('|')
  return new RegExp(body || '(?!)', 'giu')
}

/** Is this word a superlative? Tagged JJS/RBS, or a hyphen compound with one ("second-largest"). */
function superlativeWord(t: Token): boolean {
  if (t.lower === 'most' || t.lower === 'least') return false
  // (The shared tagging reads an unknown "-est" word on a known adjective as JJS: "quietest".)
  if (t.tag === 'JJS' || t.tag === 'RBS') return true
  if (!t.text.includes('-')) return false
  return t.text.split('-').some((part) => /est$/i.test(part) && tokenize(part.toLowerCase())[0]?.tag === 'JJS')
}

/**
 * Claims of rank, record or uniqueness in writer's-voice text (quotations blanked out).
 * A superlative is a claim when it ranks a definite thing: "the largest", "Asia's most
 * comprehensive", "one of the fastest-growing"; quantifiers and idioms are not ("most of",
 * "at least", "the latest"), nor are capitalised names ("Best Picture").
 */
export function findClaims(text: string, offset: number, vocabulary: ClaimVocabulary, names?: ReadonlySet<string>): Claim[] {
  const c = compile(vocabulary)
  const tokens = tokenize(text, offset, names)
  const claims: Claim[] = []
  // Quantifier and idiom uses, found only when there is a claim for them to exclude.
  let excluded: Span[] | undefined
  // (`timeWord`: the claim starts with a time word the exclusions name, "the last time … was in 1931".)
  const add = (start: number, end: number, kind: Claim['kind'], timeWord = false) => {
    excluded ??= allMatches(c.notClaims, text).map((m) => ({start: offset + m.index!, end: offset + m.index! + m[0].length}))
    if (!timeWord && excluded.some((e) => e.start < end && start < e.end)) return
    // A denied rank claims nothing: "This is not the first lawsuit", "These weren't the only studies".
    if (/(?:\bnot|n['’]t|\bnever)\s+(?:even\s+)?$/i.test(text.slice(Math.max(0, start - offset - 12), start - offset))) return
    if (claims.some((x) => x.start < end && start < x.end)) return
    claims.push({start, end, kind, text: text.slice(start - offset, end - offset)})
  }
  const firstWord = tokens.findIndex((t) => t.word)
  // The literal senses in the sentence, found once and only if a phrase matches.
  let literals: RegExpMatchArray[] | undefined
  const literalAt = (start: number) => {
    literals ??= c.literalCan(textWords(text)) ? allMatches(c.literal, text) : []
    return literals.some((l) => offset + l.index! <= start && start < offset + l.index! + l[0].length)
  }
  const reading: ClaimReading = {text, offset, tokens, vocabulary, c, firstWord, claims, add, literalAt}
  rankedSuperlatives(reading)
  hedgedRanks(reading)
  comparisonsWithAll(reading)
  firstsAndOnlies(reading)
  firstsForAClass(reading)
  lastTimes(reading)
  epithets(reading)
  reputationNouns(reading)
  lexiconPhrases(reading)
  return claims.sort((a, b) => a.start - b.start)
}

/** What each kind of claim is read from: the sentence and its tokens, the compiled vocabulary, the claims so far, and `add`, which keeps a claim only where none is yet. */
interface ClaimReading {
  text: string
  offset: number
  tokens: Token[]
  vocabulary: ClaimVocabulary
  c: ReturnType<typeof compile>
  firstWord: number
  claims: Claim[]
  add: (start: number, end: number, kind: Claim['kind'], timeWord?: boolean) => void
  /** Is the word at `start` inside a literal sense (vocabulary `literal`)? */
  literalAt: (start: number) => boolean
}

// The kinds of claim, each read in its own pass over the tokens, in this order (a claim found
// first keeps its span). Functions of their own, not one: V8 compiles each apart, so a rare
// branch taken late recompiles its pass, not all of them (as one function, its ten kilobytes of
// bytecode were recompiled a dozen times over the news corpus).

/** Superlatives that rank a definite thing: "the largest", "Asia's most comprehensive". */
function rankedSuperlatives({text, offset, tokens, c, firstWord, claims, add}: ClaimReading): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    let end = i
    // (Also a participle the lexicon lists as a verb first: "the most intimidating grounds", "one of the most empowering things".)
    if ((t.lower === 'most' || t.lower === 'least') && /^(?:JJ|VBN|VBD|VBG|RB)$/.test(tokens[i + 1]?.tag ?? '') && tokens[i + 1].lower !== 'of') end = i + 1
    // An adjective the lexicon lacks is tagged a noun: "the most recognisable/NN names" (British
    // spellings). After "the most", a noun before the head noun can only be such an adjective or a
    // counted compound ("the most home runs"); either ranks.
    else if ((t.lower === 'most' || t.lower === 'least') && tokens[i - 1]?.lower === 'the' && tokens[i + 1]?.tag === 'NN' && !tokens[i + 1].name && /^NNS?$/.test(tokens[i + 2]?.tag ?? '') && tokens[i + 2].word) end = i + 1
    // "had the most deaths", "won the most votes": a rank by count ("most people" is a quantifier).
    else if (/^(?:most|fewest)$/.test(t.lower) && tokens[i - 1]?.lower === 'the' && tokens[i + 1]?.tag === 'NNS') end = i + 1
    else if (!superlativeWord(t)) continue
    // A capitalised superlative inside the sentence is part of a name ("Best Picture").
    if (i !== firstWord && startsUpper(t.text)) continue
    // Walk back over ordinals and intensifiers to the determiner: "the world's eighth largest".
    let j = i - 1
    while (j >= 0 && (ordinals.has(tokens[j].lower) || /^\d+(?:st|nd|rd|th)$/.test(tokens[j].lower))) j--
    const before = tokens[j]
    // "the longest-running and most expensive": a superlative coordinated with a ranked one.
    const coordinated = before && /^(?:and|or|,)$/.test(before.lower) && claims.some((x) => x.end === tokens[j - 1]?.end)
    const ranked = before && (coordinated || before.lower === 'the' || possessives.has(before.lower) || /^['’]s?$/.test(before.text) || /['’]s$/.test(before.text))
    if (!ranked) continue
    // Counted over a period, any superlative is a record: "the highest percentage for the party
    // since 1971", "the lowest level in 50 years", "the steepest decline since the financial crisis".
    const after = text.slice(tokens[end].end - offset)
    const spanned = c.spanAfter.exec(after)
    const record = recordWords.test(after) || (!!spanned && !eventTime(tokens, end, tokens[end].end + spanned[1].length)) || sinceAfter.test(after)
    // "the highest level of government", "the second lowest grade": a step on a formal scale.
    if (!record && /(?:^|-)(?:highest|lowest|top|bottom)$/.test(t.lower) && c.words.scaleSteps.has(tokens[end + 1]?.lower ?? '')) continue
    // Also in one compound: "the lowest-level API", "the highest-priority alerts".
    if (/^(?:highest|lowest|top|bottom)-/.test(t.lower) && c.words.scaleSteps.has(t.lower.split('-').at(-1) ?? '')) continue
    // "the fastest way to reproduce it", "the easiest ways of fixing it": advice on a method, not a
    // thing ranked (as "the best way", "the only way" in notClaims).
    // (Past superlatives coordinated with this one: "the cheapest and quickest method to".)
    let head = end + 1
    while (head + 1 < tokens.length && (/^(?:and|or|,)$/.test(tokens[head].lower) || superlativeWord(tokens[head]))) head++
    if (c.words.methodNouns.has(tokens[head]?.lower ?? '') && /^(?:to|of)$/.test(tokens[head + 1]?.lower ?? '')) continue
    // "the lowest concentrations", "the highest youth suicide rates": the extremes of measured
    // data, a statistic's business, not a rank claimed for a thing.
    // Unless the sentence makes it a record (above): "the greatest number of women … in the country's history".
    if (!record && [1, 2, 3].some((k) => c.words.measureNouns.has(tokens[end + k]?.lower ?? '') && tokens.slice(end + 1, end + k).every((x) => x.word && /^(?:NN|JJ)/.test(x.tag)))) continue
    // "the mother of the youngest miner", "on our slowest test device", "The biggest table has 4
    // billion rows": a superlative that only picks out a member of the set the story is about, as
    // the subject or object of what the sentence says, ranks nothing in the writer's voice (spec
    // section 1, a measured quantity the sentence reports as data). Said of a thing ("is the
    // largest", "has the largest fleet", "one of the largest") or scoped ("in the region", "ever"), it does.
    if (!record && j === i - 1 && referential(tokens, j, end, firstWord, c, text, offset)) continue
    if (!record && j === i - 1 && framing(tokens, j, end)) continue
    let start = coordinated ? j + 1 : j
    // Include the possessive owner: "Asia's most comprehensive", "the deal's most vocal".
    if (/^['’]s?$/.test(before.text) && j > 0) start = j - 1
    if (start > 0 && tokens[start - 1].lower === 'the') start--
    add(tokens[start].start, tokens[end].end, 'superlative')
  }
}

/**
 * "one of the tops in Texas", "among the region's top hospitals": a hedged rank (spec section 1)
 * made with a word of rank that is no superlative by form ("top" alone is a title or a place:
 * "the top court", "top leaders", "at the top of the page").
 */
function hedgedRanks({tokens, c, add}: ClaimReading): void {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]
    if (!c.words.rankWords.has(t.lower.split('-')[0]) || startsUpper(t.text)) continue
    // Back over the owner to the determiner: "the region's", "Texas'", "its".
    let j = i - 1
    if (/^['’]s?$/.test(tokens[j].text) && tokens[j - 1]?.word) j--
    if (/['’]s?$/.test(tokens[j].text) && j > 0 && tokens[j - 1].lower === 'the') j--
    const det = tokens[j]
    if (!(det.lower === 'the' || possessives.has(det.lower) || (j < i - 1 && det.word))) continue
    const hedge = tokens[j - 1]?.lower === 'among' ? j - 1 : tokens[j - 1]?.lower === 'of' && tokens[j - 2]?.lower === 'one' ? j - 2 : -1
    if (hedge >= 0) add(det.start, t.end, 'superlative')
  }
}

// A comparison with all the rest is a rank: "fought with greater zeal than any of the other
// combatants", "served in Congress longer than any other African American".
// So is one with everything else: "faster than anything else available", "than anyone else".
function comparisonsWithAll({tokens, add}: ClaimReading): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    // (Not the subject of a clause: "harder than anyone else expected".)
    const everything = /^any(?:one|body|thing)$/.test(tokens[i + 1].lower) && tokens[i + 2].lower === 'else' && !/^(?:VB|MD)/.test(tokens[i + 3]?.tag ?? '')
    if (tokens[i].lower !== 'than' || (tokens[i + 1].lower !== 'any' && !everything)) continue
    const other = everything ? i + 2 : tokens[i + 2].lower === 'other' ? i + 2 : tokens[i + 2].lower === 'of' && tokens[i + 3]?.lower === 'the' && tokens[i + 4]?.lower === 'other' ? i + 4 : -1
    if (other < 0) continue
    let k = i - 1
    while (k >= Math.max(0, i - 4) && !(/^(?:JJR|RBR)$/.test(tokens[k].tag) || /^(?:more|less|better|worse)$/.test(tokens[k].lower))) k--
    // A bare "more than anything else" is how much something is done ("blamed the tests more than
    // anything else"), not a quality ranked: only a comparative adjective or adverb ranks.
    if (everything && k === i - 1 && /^(?:more|less)$/.test(tokens[k].lower)) continue
    if (k >= Math.max(0, i - 4)) add(tokens[k].start, tokens[other].end, 'superlative')
  }
}

// "the first … to hold", "the only … in the world", "the first time since": a record claim.
// Also after a named owner: "Sweden's first victory … since 1958" (after a pronoun it tells a
// story: "his first speech since the diagnosis").
function firstsAndOnlies({text, offset, tokens, c, add}: ClaimReading): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    // "only the third time in almost four decades", "the second time since the Second World War":
    // a count over a period is a record claim (the third time in a narrative is not: "the third time she called").
    if (tokens[i].lower === 'the' && /^(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$/.test(tokens[i + 1].lower) && tokens[i + 2]?.lower === 'time') {
      const rest = text.slice(tokens[i + 2].end - offset)
      if (c.span.test(rest) || /^\s*since\b/i.test(rest)) add(tokens[i].start, tokens[i + 2].end, 'record')
      continue
    }
    // After a pronoun only a period makes "first" a record: "their first win in three years" (not
    // "his first speech since the diagnosis", which tells a story). ("win": a noun the tagger missed.)
    if (possessives.has(tokens[i].lower) && tokens[i + 1].lower === 'first') {
      for (let k = i + 2; k < Math.min(tokens.length, i + 6) && tokens[k].word && (/^(?:JJ|NN|VBG)/.test(tokens[k].tag) || (k === i + 2 && /^VBP?$/.test(tokens[k].tag))); k++) {
        if (c.span.test(text.slice(tokens[k].end - offset))) {
          add(tokens[i].start, tokens[k].end, 'record')
          break
        }
      }
      continue
    }
    const owner = tokens[i].lower === 'the' || /^['’]s?$/.test(tokens[i].text) || /['’]s$/.test(tokens[i].text)
    if (!owner || !/^(?:first|only|sole)$/.test(tokens[i + 1].lower)) continue
    // "the first of its kind", "the first ever": a scope straight after the word ("the first to"
    // alone is narrative: "the first to arrive").
    // "the first time an AU base has been overwhelmed since June": a record over a period.
    if (tokens[i + 1].lower === 'first' && tokens[i + 2]?.lower === 'time') {
      const until = tokens.findIndex((t, k) => k > i + 2 && !t.word && t.text !== '-')
      if (tokens.slice(i + 3, until < 0 ? undefined : until).some((t) => t.lower === 'since')) {
        add(tokens[i].start, tokens[i + 2].end, 'record')
        continue
      }
    }
    const straight = text.slice(tokens[i + 1].end - offset)
    if (inScope(c.scope, straight) && !/^\s*to\b/i.test(straight)) {
      add(tokens[i].start, tokens[i + 1].end, 'record')
      continue
    }
    // A step of a sequence counted from an event is no record: "the first quarter since the merger"
    // (from a year it is: "the first day since 1990 …").
    let headNoun = i + 2
    while (headNoun + 1 < tokens.length && tokens[headNoun + 1].word && /^(?:JJ|NN)/.test(tokens[headNoun + 1].tag)) headNoun++
    const step = c.words.sequenceNouns.has(tokens[headNoun]?.lower ?? '')
    for (let k = i + 2; k < Math.min(tokens.length, i + 13); k++) {
      // The scope must follow the noun phrase: "the first team from Sumatra was arriving … to" is
      // narrative. The noun phrase may hold a prepositional phrase: "the only member of the delegation to".
      // (A base-form verb after a determiner or a modifier is a noun the tagger missed: "the opening match".)
      const inPhrase = /^(?:JJ|JJS|NN|NNS|NNP|NNPS|CD|CC|VBG|VBN)$/.test(tokens[k].tag) || tokens[k].name || /^(?:of|first|in|at|on|among)$/.test(tokens[k].lower) ||
        (/^(?:the|a|an)$/.test(tokens[k].lower) && /^(?:of|in|at|on|among)$/.test(tokens[k - 1].lower)) ||
        (/^VBP?$/.test(tokens[k].tag) && /^(?:DT|JJ|VBG)$/.test(tokens[k - 1].tag))
      if (!tokens[k].word || !inPhrase) break
      const rest = text.slice(tokens[k].end - offset)
      if (step && /^\s*since\b/i.test(rest) && !c.span.test(rest)) break
      if (inScope(c.scope, rest)) {
        add(tokens[i].start, tokens[k].end, 'record')
        break
      }
    }
    // "since" closes the noun phrase however long it is: "the first launch of a crewed spacecraft
    // from the United States since NASA's final Space Shuttle mission". A verb or a conjunction
    // ends the phrase first: "the first time and have been increasing ever since".
    for (let k = i + 3; k < Math.min(tokens.length, i + 18) && !step; k++) {
      const t = tokens[k]
      if (t.word ? /^(?:VBD|VBZ|VBP|MD|WDT|WP|WRB)$/.test(t.tag) || /^(?:and|or|but|that|as|while|because|if|when)$/.test(t.lower) : !/^(?:-|['’]s?)$/.test(t.text)) break
      if (t.lower === 'since') {
        add(tokens[i].start, tokens[k - 1].end, 'record')
        break
      }
    }
    // Said of something as what it is, "the first …" claims a record even without a scope: "he
    // became the first black football player at the college", "…, the first hockey team in the
    // state". Not a step of a sequence: "Tuesday was the first day of the trial".
    const head = tokens[i + 2]
    // (An aside between dashes is an apposition too: "220 Boeing 777-200s - the only type using the engine -".)
    const identity = tokens[i].lower === 'the' && i > 0 && (copulas.test(tokens[i - 1].lower) || /^[,;–—-]$/.test(tokens[i - 1].text) || (tokens[i - 1].lower === 'and' && tokens.slice(Math.max(0, i - 12), i - 1).some((t) => copulas.test(t.lower))))
    // ("The First Lady" is a title.)
    if (identity && head?.word && !startsUpper(tokens[i + 1].text) && !/^(?:of|to|in)$/.test(head.lower) && /^(?:JJ|NN|VBG)/.test(head.tag)) {
      let last = i + 2
      while (last + 1 < tokens.length && tokens[last + 1].word && (/^(?:JJ|NN|VBG)/.test(tokens[last + 1].tag) || tokens[last + 1].name)) last++
      // (After "the only", read as an adverb, the tagger takes the noun for an adjective: "the only
      // hospital/JJ in the province"; the phrase's last word is its head.)
      const noun = tokens.slice(i + 2, last + 1).filter((t) => /^NN/.test(t.tag) || t.name).at(-1) ?? (tokens[i + 1].lower === 'only' && tokens[last].tag === 'JJ' ? tokens[last] : undefined)
      // A phrase its clause goes on to make the subject of a verb is narrative: "and the first team from Sumatra was arriving".
      const clauseEnd = tokens.findIndex((t, k) => k > last && !t.word)
      const subject = tokens.slice(last + 1, clauseEnd < 0 ? undefined : clauseEnd).some((t) => finiteTag(t.tag))
      // An office right after "the first" numbers its holders, as "the 44th president" does: "Yeltsin
      // was the first President of the Russian Federation", "Peter, the first pope" (spec §1,
      // ordinals). A class before it makes the record: "the first female president".
      const firstHolder = last === i + 2 && tokens[i + 1].lower === 'first' && c.words.offices.has(noun?.lower ?? '')
      if (noun && !subject && !firstHolder && !c.words.sequenceNouns.has(noun.lower)) add(tokens[i].start, tokens[last].end, 'record')
    }
  }
}

// "a first for a South African container terminal", "a first among insects": what has not
// happened before for a whole class is a record; "a first for her" tells her story.
function firstsForAClass({tokens, c, add}: ClaimReading): void {
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (!/^an?$/.test(tokens[i].lower) || tokens[i + 1].lower !== 'first' || !c.words.firstFor.has(tokens[i + 2].lower)) continue
    const whom = tokens[i + 3]
    if (whom.word && !c.words.firstForPersons.has(whom.lower)) add(tokens[i].start, tokens[i + 2].end, 'record')
  }
}

// When a thing last happened, it claims a record, that it has not happened since: "The last
// time that an iceberg had been seen from the Mainland was in 1931", "… was during the martial
// law". "The last time I saw him, he was …" and "the last time she played" tell a story.
function lastTimes({text, offset, tokens, add}: ClaimReading): void {
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i].lower !== 'the' || tokens[i + 1].lower !== 'last' || tokens[i + 2].lower !== 'time') continue
    for (let k = i + 4; k < tokens.length && (tokens[k].word || /^(?:-|['’]s?)$/.test(tokens[k].text)); k++) {
      if (/^(?:was|were)$/.test(tokens[k].lower) && lastWhen.test(text.slice(tokens[k].end - offset))) {
        add(tokens[i].start, tokens[i + 2].end, 'record', true)
        break
      }
    }
  }
}

// Epithets before the noun they praise: "a leading expert", "Kenya's leading insurers", "a
// historic agreement"; "record" before a noun or figure is a record claim: "record profits", "a record 25 goals".
function epithets({tokens, c, add, literalAt}: ClaimReading): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]
    // Only an epithet or "record" can be one: the word first, the phrase around it only then.
    const epithet = c.words.epithets.has(t.lower)
    if (!epithet && t.lower !== 'record' && !c.words.eventEpithets.has(t.lower)) continue
    const next = tokens[i + 1]
    const noun = (x?: Token) => !!x && x.word && !x.name && /^NNS?$/.test(x.tag)
    // Starting a noun phrase: after a determiner or possessive, or bare after a preposition or
    // conjunction ("including notable Anglican musicians"), not after a subject ("he noted").
    const determined = i > 0 && (/^(?:a|an|the)$/.test(tokens[i - 1].lower) || possessives.has(tokens[i - 1].lower) || /['’]s?$/.test(tokens[i - 1].text) ||
      // (Bare after a preposition, an -ing word is a gerund: "after leading protests".)
      (/^(?:IN|CC|VBG)$/.test(tokens[i - 1].tag) && !/^(?:that|than|as)$/.test(tokens[i - 1].lower) && !(tokens[i - 1].tag === 'IN' && /ing$/.test(t.lower))))
    let kind: Claim['kind'] | undefined
    // The praised noun may follow a modifier or a name: "a notable New Zealand teacher".
    // Also a hyphen compound or a participle among the modifiers: "a leading AI-assisted diagnostic
    // imaging company", "the UK's leading research-intensive universities" (a participle only
    // after the first word, so "a leading selling" stays a verb's object).
    const modifier = (x: Token, k: number) => x.word && (x.name || /^JJ/.test(x.tag) || (x.text.includes('-') && /^(?:JJ|NN|VBN|VBG)/.test(x.tag)) || (k > i + 1 && /^VB[NG]$/.test(x.tag)))
    // (Four words ahead only past such a compound or participle: "the leading Green Party presidential
    // candidate" is the one ahead in a count.)
    const compound = (x: Token) => x.text.includes('-') || /^VB[NG]$/.test(x.tag)
    const nounAhead = () => [1, 2, 3, 4].some((k) => noun(tokens[i + k]) && tokens.slice(i + 1, i + k).every((x, n) => modifier(x, i + 1 + n)) && (k < 4 || tokens.slice(i + 1, i + k).some(compound)))
    if (epithet && determined && nounAhead()) kind = 'puffery'
    else if (c.words.eventEpithets.has(t.lower) && [1, 2, 3].some((k) => c.words.eventNouns.has(tokens[i + k]?.lower ?? '') && tokens.slice(i + 1, i + k).every((x) => x.word && /^(?:NN|JJ)/.test(x.tag)))) kind = 'puffery'
    // Not "a criminal record", "his voting record", "for the record": "record" must start its noun phrase.
    // (The noun may follow one modifier: "record quarterly profits", "a record annual harvest".)
    else if (t.lower === 'record' && (i === 0 || /^(?:a|an|new|another)$/.test(tokens[i - 1].lower) || /^(?:VB|IN)/.test(tokens[i - 1].tag)) && (noun(next) || /^\d/.test(next.text) || ((/^JJ/.test(next.tag) || /ly$/.test(next.lower)) && noun(tokens[i + 2])))) kind = 'record'
    if (kind && !startsUpper(t.text) && !literalAt(t.start)) add(t.start, t.end, kind)
  }
}

/**
 * A noun of reputation heading its phrase before the field it rules: "the judicial giant of
 * Caribbean jurisprudence", "the nearly forgotten jazz great of the early days" (spec section 1,
 * reputation without a measure, as "a pioneer of"); not the adjective ("a giant sprite", "a great loss").
 */
function reputationNouns({tokens, c, add, literalAt}: ClaimReading): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]
    if (!c.words.reputationNouns.has(t.lower) || startsUpper(t.text) || tokens[i + 1].lower !== 'of') continue
    let j = i - 1
    while (j > 0 && tokens[j].word && !/^(?:a|an|the)$/.test(tokens[j].lower) && (/^(?:JJ|NN|RB|VBN)/.test(tokens[j].tag) || tokens[j].name)) j--
    if (/^(?:a|an|the)$/.test(tokens[j].lower) && !literalAt(t.start)) add(t.start, t.end, 'puffery')
  }
}

/** The vocabulary's absolute and puffery phrases, as epithets: not a verb ("they celebrated"), nor inside a name. */
function lexiconPhrases({text, offset, tokens, c, firstWord, add, literalAt}: ClaimReading): void {
  const firstWordStart = (tokens[firstWord]?.start ?? offset) - offset
  const gapped = c.gappedKey.test(text) ? c.gapped : undefined
  for (const [re, kind] of [[c.absolute, 'absolute'], [c.puffery, 'puffery'], [gapped, 'puffery']] as const) {
    for (const m of re ? allMatches(re, text) : []) {
      const start = offset + m.index!
      const end = start + m[0].length
      const literal = literalAt(start)
      // Capitalised inside the sentence, it is part of a name: "Academy Award-winning", "the Most Brilliant Order".
      if (start > offset + firstWordStart && startsUpper(m[0])) continue
      // "They celebrated the renovation": a verb, not an epithet.
      const at = tokens.findIndex((t) => t.start === start && t.end === end)
      let subject = at - 1
      while (subject >= 0 && tokens[subject].tag === 'RB') subject--
      // Also after an aside that ends the subject: "Senator Britt (R-Ala.), a member of …, celebrated a $34 million …".
      // An adjective never stands before a determiner: "… and celebrated the bridge's anniversary" is a verb whatever its subject.
      const verb = at >= 0 && /^VB/.test(tokens[at].tag) && (/^(?:DT|PRP\$)$/.test(tokens[at + 1]?.tag ?? '') && !/^(?:a|an)$/.test(tokens[at - 1]?.lower ?? '') || subject >= 0 && (/^(?:PRP|NN|NNS|NNP|NNPS)$/.test(tokens[subject].tag) || tokens[subject].name || (tokens[subject].text === ',' && /^(?:DT|CD|PRP\$|\$)$/.test(tokens[at + 1]?.tag ?? ''))))
      if (!literal && !verb) add(start, end, kind)
    }
  }
}

/**
 * A name that calls the thing what the claim says, with "to be" or "as" in the verb's complement:
 * "Day personally considered her best film performance to be …" (news/wn-2019-actor-doris-day),
 * "Americans for the Arts considers the Act to be the most comprehensive arts education bill"
 * (promo/cpr-2021-bonamici-…), "Guinness World Records has recognised Gangnam Style as being the
 * most liked" (news/wnts-train-150). The rank is the named source's: an attribution that covers
 * the claim (spec section 1, "ranked first by Fortune", "named the best by"). Without "to be" or
 * "as" the verb may not name at all ("Smith named the largest ship after his wife").
 */
export function namedNaming(text: string, offset: number, claim: Span, vocabulary: ClaimVocabulary, names?: ReadonlySet<string>): boolean {
  const tokens = tokenize(text, offset, names)
  const c = compile(vocabulary)
  const clauseEnd = tokens.findIndex((t) => t.start >= claim.end && !t.word && /[,;:()]/.test(t.text))
  for (let v = 1; v < tokens.length && tokens[v].end <= claim.start; v++) {
    const verb = tokens[v]
    if (!/^VB/.test(verb.tag) || !c.naming.test(verb.lower)) continue
    // The subject: a name right before the verb, past adverbs and the perfect's auxiliary. (After
    // "is", "was" or "been" the verb is passive and the name is the thing named, no source: "Van
    // Halen was regarded as the most influential" voices no one.)
    let k = v - 1
    while (k >= 0 && tokens[k].word && (/^RB/.test(tokens[k].tag) || /^(?:has|have|had)$/.test(tokens[k].lower))) k--
    if (k < 0 || !tokens[k].word || !tokens[k].name) continue
    // Between the verb and the claim, only the verb's object: no clause break, no finite verb.
    const between = tokens.slice(v + 1).filter((t) => t.end <= claim.start)
    if (between.some((t) => (!t.word && /[,;:()]/.test(t.text)) || finiteTag(t.tag))) continue
    const clause = tokens.slice(v + 1, clauseEnd < 0 ? undefined : clauseEnd)
    if (clause.some((t, j) => t.lower === 'as' || (t.lower === 'to' && clause[j + 1]?.lower === 'be'))) return true
  }
  return false
}

/**
 * Is the claim only a word of the noun phrase a source's verb reports ("The company reported
 * record profits", "McClintock announced grants to demonstrate cutting-edge technologies")? The
 * source reports the thing; the descriptor is the writer's. What a source says, calls or ranks
 * is a clause or a naming ("said the plant was the largest", "called it the best"): a finite verb
 * or "that" between the verb and the end of the claim's clause, or a verb of naming or ranking.
 */
export function reportedObject(text: string, offset: number, cue: Span, claim: Span, vocabulary: ClaimVocabulary, names?: ReadonlySet<string>): boolean {
  const tokens = tokenize(text, offset, names)
  const verb = tokens.filter((t) => t.end <= cue.end).at(-1)
  const c = compile(vocabulary)
  if (!verb || !/^VB/.test(verb.tag) || c.naming.test(verb.lower) || cue.end > claim.start) return false
  // A verb of saying reports a clause, whatever the tagger made of the clause's verb ("says the
  // new trains offer superior comfort", where "trains offer" reads as two nouns).
  if (c.words.sayingVerbs.has(verb.lower)) return false
  // A gapped puffery phrase is a predicate ("sets it apart", "rose to national fame"): after the
  // source's verb it is the verb of what the source says, whatever the tagger made of it
  // ("says its focus on repairs sets it apart", where "repairs sets" reads as two nouns).
  c.gapped.lastIndex = 0
  const gapped = c.gapped.exec(text.slice(claim.start - offset, claim.end - offset))
  if (gapped && gapped.index === 0 && gapped[0].length === claim.end - claim.start) return false
  // An object and its complement: "Reuters reported Monday's attack the deadliest since …", "…
  // reported the ants a first among insects".
  const before = tokens.filter((t) => t.end <= claim.start).at(-1)
  if (before && before.end > cue.end && /^NN/.test(before.tag) && /^(?:the|an?)\b/i.test(text.slice(claim.start - offset))) return false
  // A relative clause inside the object describes the thing the source wrote or found, in the
  // writer's words: "wrote Baala Vyaakaranamu … which is his greatest gift", "found what he was
  // looking for in … visionary Osborne" (a "what" with a subject of its own is a thing, not a finding:
  // "found what is the oldest fossil" reports the finding).
  let relative = false
  const words = tokens.filter((t) => t.word && t.start >= cue.end)
  for (const t of tokens) {
    if (t.start < cue.end) continue
    if (t.start >= claim.end && (/^[.;:!?]$/.test(t.text) || /^(?:and|but|while|whereas)$/.test(t.lower))) break
    // "said, …" and quotation marks open what the source says; a comma inside the object lists its parts.
    if (t.start < claim.start && ((t.text === ',' && t === tokens.find((x) => x.start >= cue.end)) || /^["“”:]$/.test(t.text))) return false
    const k = words.indexOf(t)
    if (t.start < claim.start && ((/^(?:which|who)$/.test(t.lower) && k > 0 && (/^NN/.test(words[k - 1].tag) || words[k - 1].name)) ||
      (t.lower === 'what' && k === 0 && /^(?:PRP|DT|NN)/.test(words[1]?.tag ?? '') && !/^(?:VB|MD)/.test(words[1]?.tag ?? '')))) {
      relative = true
      continue
    }
    // Inside the relative clause, only a verb of naming says what the source calls the thing.
    if (relative && t.start < claim.start) {
      if (c.naming.test(t.lower)) return false
      continue
    }
    if (finiteTag(t.tag) || /^(?:that|as|is|are|was|were|be|been)$/.test(t.lower)) return false
  }
  return true
}
/**
 * Is the claim in an aside about the source, between its subject and its verb ("Acme, the world's
 * largest pump maker, said …", "Armas, 93, the oldest resident, is reported by survivors to …")?
 * The source says what follows its verb; the aside is the writer's description of the source.
 */
export function inSubjectAside(text: string, offset: number, cue: Span, claim: Span): boolean {
  if (claim.end > cue.start) return false
  const before = text.slice(0, cue.start - offset)
  // (From the first comma: the aside may hold an age or a second aside, "Armas, 93, the oldest …,".)
  const open = before.indexOf(',')
  const close = before.indexOf(',', claim.end - offset)
  if (open < 0 || open > claim.start - offset || close < 0) return false
  // The aside follows the subject itself ("Acme, …"), not an opening clause ("In May, …, it said").
  const subject = before.slice(0, open)
  if (/[,;:()]/.test(subject) || subject.trim().split(/\s+/).length > 6) return false
  // An aside is a noun phrase, not a clause ("The economy grew, and unemployment fell to its
  // lowest level, according to …"), and "according to" has no subject to describe.
  if (/^\s*(?:and|but|or|while|whereas)\b/i.test(before.slice(open + 1)) || /^according to/i.test(text.slice(cue.start - offset))) return false
  return asideToVerb.test(before.slice(close + 1))
}
// What may stand between the aside and the verb: a time or an auxiliary ("…, today announced", "…, is reported").
const asideToVerb = /^\s*(?:(?:today|yesterday|tonight|also|recently|earlier|later|then|on\s+\p{Lu}\p{L}+|(?:this|last)\s+\p{L}+)\s+)*(?:(?:is|are|was|were|has|have|had|will|would)\s+(?:\p{L}+ly\s+)?)?$/u

/**
 * Is the superlative noun phrase opened by `det` ("the", "our", "your") an argument that picks out
 * a member of a set, not a rank said of a thing: the subject of a verb other than a copula ("The
 * biggest table has …"), the object of a preposition ("during the hottest hours of the day") or of
 * a verb that does not give it to the subject ("recommends the cheapest stops"), with no scope
 * after its noun ("in the country", "ever")?
 */
function referential(tokens: Token[], det: number, end: number, firstWord: number, c: ReturnType<typeof compile>, text: string, offset: number): boolean {
  const own = /^(?:our|your)$/.test(tokens[det].lower)
  if (tokens[det].lower !== 'the' && !own) return false
  // Only a measurable dimension picks a member out as data; "the best miniatures", "the most
  // important festivals" praise whatever they name.
  const word = tokens[end].lower
  if (!c.words.measuredSuperlatives.has(word)) return false
  // The noun phrase: modifiers and nouns after the superlative ("the largest container vessels").
  let head = end
  // Past the other end of the same measure: "schools in the wealthiest and poorest areas" picks out two groups.
  while (/^(?:and|or)$/.test(tokens[head + 1]?.lower ?? '') && c.words.measuredSuperlatives.has(tokens[head + 2]?.lower ?? '')) head += 2
  const named = head
  // (A verb straight after the superlative is a noun the tagger missed: "the cheapest stops", "our slowest build machine".)
  while (head + 1 < tokens.length && tokens[head + 1].word && (/^(?:JJ|NN|VBG|CD)/.test(tokens[head + 1].tag) || tokens[head + 1].name || (head === named && /^VB[PZ]?$/.test(tokens[head + 1].tag)))) head++
  if (head === named) return false
  const after = text.slice(tokens[head].end - offset)
  if ((own ? c.ownScope : c.rankScope).test(after)) return false
  // "several of our biggest merchants": the quantifier's place is the phrase's place ("one of the largest" is a hedged rank).
  let open = det
  if (tokens[open - 1]?.lower === 'of' && c.words.partitives.has(tokens[open - 2]?.lower ?? '')) open -= 2
  const prev = tokens[open - 1]
  if (prev?.lower === 'of' && /^(?:one|among)$/.test(tokens[open - 2]?.lower ?? '')) return false
  // The subject of the sentence or of a clause ("Tuesday is when several of our biggest merchants run …").
  if (!prev || open === firstWord || tokens.slice(0, open).every((t) => !t.word || /^(?:CC|RB)$/.test(t.tag)) || subordinators.test(prev.lower)) {
    // Its verb says something else of it ("The longest line belongs to …", "The biggest table has
    // 4 billion rows"), not what it is ("The largest exchange is CaliforniaChoice"). (Participles
    // after the noun are part of it: "the largest vessels calling at …".)
    const at = tokens.findIndex((t, k) => k > head && /^(?:VB|VBD|VBZ|VBP|MD)$/.test(t.tag))
    if (at < 0) return false
    // Through auxiliaries to the main verb: "will be", "has been", "may have become".
    let k = at
    while (k + 1 < tokens.length && (tokens[k].tag === 'MD' || /^(?:has|have|had|does|do|did)$/.test(tokens[k].lower)) && /^(?:VB|RB)/.test(tokens[k + 1].tag)) k++
    while (k + 1 < tokens.length && tokens[k].tag === 'RB') k++
    return /^VB/.test(tokens[k].tag) && !copulas.test(tokens[k].lower)
  }
  if (!prev.word) return false
  // The object of a preposition: not "as", "than", "like", "among", "to" ("home to the largest"),
  // nor "with", which gives it to a thing ("a city with the highest rents").
  if (prev.tag === 'IN') return !/^(?:as|than|like|among|amongst|including|with|without)$/.test(prev.lower)
  // The object of a verb that is neither a copula, a verb of having, nor one of naming or ranking.
  if (/^VB/.test(prev.tag)) return !copulas.test(prev.lower) && !c.naming.test(prev.lower) && !c.words.possessionVerbs.has(prev.lower)
  return false
}

/**
 * Does the superlative, opening the sentence, only frame what follows the copula: "The hardest
 * part isn't cutting the bundle", "The most interesting finding was how badly every model did",
 * "The most visible change is the one you can no longer see"? The complement is an event or a
 * fact of the story (a clause, a gerund, "the one …"), not a thing given a rank ("The highest
 * volcano is Klyuchevskaya Sopka" is).
 */
function framing(tokens: Token[], det: number, end: number): boolean {
  if (tokens[det].lower !== 'the' || tokens.slice(0, det).some((t) => t.word && !/^(?:CC|RB)$/.test(t.tag))) return false
  const copula = /^(?:is|was|are|were)(?:n['’]t)?$/
  let k = end + 1
  // The noun: one or two words ("part", "single change").
  while (k < tokens.length && k <= end + 2 && tokens[k].word && !copula.test(tokens[k].lower) && /^(?:NN|JJ|VBG)/.test(tokens[k].tag) && !tokens[k].name) k++
  if (k === end + 1 || !copula.test(tokens[k]?.lower ?? '')) return false
  k++
  if (/^(?:not|n['’]t)$/.test(tokens[k]?.lower ?? '')) k++
  const first = tokens[k]
  const second = tokens[k + 1]
  if (!first?.word) return false
  return /^(?:WRB|WP)$/.test(first.tag) || /^(?:how|what|why|whether|that)$/.test(first.lower) || first.tag === 'VBG' ||
    (first.lower === 'to' && /^VB/.test(second?.tag ?? '')) ||
    // "the one you can no longer see", not "the one in Ohio", which names a thing.
    (first.lower === 'the' && /^ones?$/.test(second?.lower ?? '') && (tokens[k + 2]?.tag === 'PRP' || /^(?:that|which|who|where|when)$/.test(tokens[k + 2]?.lower ?? '')))
}

// Words that open a clause whose subject follows: "when several of our biggest merchants run …".
const subordinators = /^(?:that|whether|when|whenever|where|while|whereas|because|although|though|if|unless|until|once)$/

/**
 * Is a period after a superlative the time of what a verb between them says, not the span of a
 * record: "The highest level of the tower will open in three weeks", "The largest exporter
 * shipped 2 tonnes in three weeks"? A perfect or an infinitive counts the record over it: "the
 * biggest crowd the ground has seen in years", "the first storm to reach the coast in decades".
 */
function eventTime(tokens: Token[], from: number, until: number): boolean {
  for (let k = from + 1; k < tokens.length && tokens[k].end <= until; k++) {
    const t = tokens[k]
    if (!t.word || !/^(?:VB|MD)/.test(t.tag) || t.tag === 'VBN' || t.tag === 'VBG') continue
    if (/^(?:has|have|had|been|be)$/.test(t.lower)) continue
    const prev = tokens[k - 1]?.lower ?? ''
    if (/^(?:has|have|had|been)$/.test(prev) || (t.tag === 'VB' && prev === 'to')) continue
    return true
  }
  return false
}

/** Does a record scope start the text? Not a place scope that begins a name: "in the World Cup". */
function inScope(scope: RegExp, rest: string): boolean {
  const m = scope.exec(rest)
  return !!m && !(/^\s*in\b/i.test(m[0]) && /^[\s-]+\p{Lu}/u.test(rest.slice(m[0].length)))
}

/** Data entries that are patterns themselves (`recordScopes`, `recordSpans`) as one alternation, any whitespace between words. */
const patterns = (entries: readonly string[]) => entries.map((s) => s.replace(/\s+/g, String.raw`\s+`)).join('|')

/** A past time: "in 1931", "back in 1996", "during the martial law", "1996", "20 years ago". */
const lastWhen = /^\s*(?:(?:back\s+)?(?:in|during)\b|\d{4}\b|(?:[\w-]+\s+){1,2}ago\b)/i

/** Words after a superlative that make it a record: "ever", "in the country's history", "of all time". */
// "since" later in a superlative's clause counts from an event: "the steepest decline since the crisis".
const sinceAfter = /^[^,;:.!?()]{0,60}?\ssince\s/i
const recordWords = /\b(?:in\s+(?:[\p{L}\d.'’-]+\s+){0,3}history|ever|on\s+record|of\s+all\s+time)\b/iu

/**
 * A measurable comparison the sentence backs: the figure follows the claim in its clause
 * ("the largest of the three bids, at $4 million", "the lowest rate, which was three per 100,000").
 */
export function backedByMeasure(text: string, vocabulary: ClaimVocabulary, claimEnd: number, claimStart = claimEnd): boolean {
  // The claim's clause: `text` is one sentence of the analysis already, cut here at `;` too.
  const rest = text.slice(claimEnd).split(/[;!?]|\.(?=\s|$)/)[0]
  // A figure before a record claim does not back it: "US$390 million, the highest lottery jackpot
  // ever in the world", "Sales fell 18%, the steepest decline since the financial crisis".
  // Nor one before a rank in a whole class of products: "Its turning circle of 10.1 metres is the tightest in its class".
  const c = compile(vocabulary)
  const record = recordWords.test(rest) || sinceAfter.test(rest) || c.spanAfter.test(rest) || c.classScope.test(rest)
  // A figure measures a dimension ("the biggest group, with 41 members", "the largest of the three
  // bids, at $4 million"), not a quality ranked across a wider set: "one of the most heavily armed
  // frigate designs in NATO, with 32 missile cells" counts the cells, not the NATO-wide rank (spec
  // §1, a measurable restricted comparison). Without that scope the figure still backs the claim
  // ("Sri Lanka's best bowling performance came from Arnold with 2/20").
  // (Only a superlative's: "record sales of £1.26 billion" states the record's own figure, as before.)
  const words = claimWords(text.slice(claimStart, claimEnd))
  const quality = words.some((w) => /^(?:most|least)$|est$/.test(w)) && !words.some((w) => c.words.measuredSuperlatives.has(w))
  const figureAt = measure.exec(rest)
  const measurable = !quality || !figureAt || !figureAt[1].split(/(?=\s)/).some((_, k, parts) => c.rankScope.test(parts.slice(k).join('')))
  // The same figure opening the sentence: "At 42,000 square feet, the store is the largest shop outside London".
  const opened = !record && measurable && atOpener.test(text.slice(0, claimStart))
  // Backed whatever the claim: its figure after it, a ranking that names its measure, a measure in
  // brackets, a restriction the figure backs.
  if ((figureAt && (record || measurable)) || opened || c.rankedBy.test(rest) || inParentheses.test(rest) || restrictedBacked(text, rest, claimStart)) return true
  if (record) return false
  // Backed only when no record: the quantity as what the thing is, a tested or opening set with its
  // figure, the figure just before the claim (no age).
  const before = text.slice(Math.max(0, claimStart - 40), claimStart)
  return measuredAs.test(rest) || testedWithFigure(text, claimStart, rest, vocabulary) || openerRestricted(text, claimStart, rest) || (measuredBefore.test(before) && !ageBefore.test(before))
}

/**
 * A comparison restricted to a set of measurements and backed by a figure after the claim in the
 * sentence: "the fastest parser in our tests, at 2.9 GB/s against 1.1 GB/s", "In the benchmark,
 * the Go server was the fastest, serving 40,000 requests a second". The restriction ranks within
 * what was measured, the figure is the measure (spec section 1, a measurable restricted comparison).
 */
function testedWithFigure(text: string, claimStart: number, rest: string, vocabulary: ClaimVocabulary): boolean {
  if (!testedFigure.test(rest)) return false
  const within = compile(vocabulary).tested
  // The restriction stands in the claim's clause, or opens the sentence before it.
  return within.test(rest) || within.test(text.slice(0, claimStart).split(/[;!?]|\.(?=\s|$)/).at(-1) ?? '')
}
/**
 * A sentence that opens on the set it ranks within, backed by a figure after the claim: "Of the new
 * films opening this weekend, Bobby Long will have the widest release, playing in eight theatres"
 * (news/wnts-train-148), "Of the films already on the list, the most dramatic leap was by The
 * Searchers, which rose 84 places" (news/wnts-train-174). A measurable restricted comparison (spec
 * section 1), as "the largest of the three bids, at $4 million" is; "of all …" restricts nothing.
 */
function openerRestricted(text: string, claimStart: number, rest: string): boolean {
  const set = setOpener.exec(text)
  return !!set && set[0].length <= claimStart && !/[;:]/.test(text.slice(set[0].length, claimStart)) && (testedFigure.test(rest) || countWord.test(rest))
}
const setOpener = /^\s*(?:of|among)\s+(?:the|these|those|its|their|his|her)\s+[^,;:]{2,80},/iu
// A count in words, not "one" ("one of the …" is no figure).
const countWord = new RegExp(String.raw`\b(?:${Object.keys(numberWords).filter((w) => w !== 'one').join('|')}|dozen|hundred)\b`, 'i')

// A figure that measures, not a year: "2.9 GB/s", "$4", "71 percent" (not "in 2024").
const testedFigure = /(?<![\p{L}\d])(?:US)?[$€£¥]?\d(?!\d{3}\b)[\d.,]*/u

// Number words, and the counts a set is given in ("of the hundred delegates", "their dozen children").
const figure = String.raw`(?:US)?[$€£¥]?\d|(?:${[...Object.keys(numberWords), 'hundred', 'dozen'].join('|')})\b`
/** The words of a claim, hyphen compounds split: "the fastest-growing" gives "fastest", "growing". */
const claimWords = (claim: string) => claim.toLowerCase().split(/[\s-]+/)
// "At 42,000 square feet, …": a figure with its unit, then the sentence's subject.
const atOpener = new RegExp(String.raw`^\s*at\s+(?:${approx}\s+)?(?:US)?[$€£¥]?\d[\d.,]*%?(?:\s+[\p{L}-]+){0,3}\s*,[^,;:]*$`, 'iu')
// (A year is no measure: "the sharpest fall since the start of 2021" dates the record.)
const measure = new RegExp(String.raw`^([^,]{0,60}?)(?:,\s*|\s)(?:at|with|which\s+was|of|was|aged?)\s+(?:a\s+rate\s+of\s+|about\s+|around\s+|roughly\s+|nearly\s+|over\s+|more\s+than\s+|just\s+)?(?!(?:1[89]|20)\d\d\b)(?:${figure})`, 'i')
// The same quantity as what the thing is or has, or in apposition, for a claim that is no record:
// "The largest single contribution was a $90,000 grant", "The largest single gift, $2.5 million,
// came from …" (spec §1, a measured quantity the sentence reports as data).
const measuredAs = new RegExp(String.raw`^[^,]{0,60}?(?:\s(?:was|is|has|had)\s+(?:an?\s+)?(?:${approx}\s+)?(?:${figure})|,\s*(?:${approx}\s+)?(?:US)?[$€£¥]\d[\d.,]*(?:\s+(?:million|billion|trillion))?\s*,)`, 'i')
// "an innings of 149 – the highest for any batsman", "149 is the worst total", "35 endemic species,
// more than any other protected area": the figure the claim is about stands just before it, in
// apposition or as the subject.
// A year is no measure: "In 2019, the largest …".
// Nor a model's name: "the Cleanwave C7 was the best all-rounder".
const measuredBefore = /(?<![\p{L}\d.,])(?<!\b(?:in|since|by|until|from)\s)\d[\d.,]*%?(?:\s+[a-z-]+){0,3}?\s*(?:[–—-]\s*|,\s*|\s(?:is|was|are|were)\s+)$/iu
// Nor is an age in apposition to a name: "Maria Armas, 93, the oldest resident", "Petra Kessler,
// 19, is the most talented" (spec §2: ages are not statistics).
const ageBefore = /\p{Lu}[\p{L}.'’-]*,\s+\d{1,3},\s*(?:(?:is|was|are|were)\s+)?$/u
// "The strongest earthquake (7.6)": the measure in brackets after the noun.
const inParentheses = new RegExp(String.raw`^\s*(?:[\p{L}-]+\s+){0,2}\(\s*(?:${figure})`, 'iu')
// "the youngest of their thirteen children": a comparison within a counted set.
const restricted = new RegExp(String.raw`^\s*(?:[\p{L}-]+\s+)?of\s+(?:the|their|its|his|her|these|those)\s+(?:${figure})`, 'iu')
// A copula right before the claim: the comparison is said of the subject ("The offer was the largest …").
const predicate = /\b(?:is|are|was|were|be|been|being|became|become|becomes|remains|remained)\s+(?:\p{L}+ly\s+)?(?:the\s+)?$/iu

/**
 * A comparison within a counted set ("of the three bids", "of their thirteen children"). Picking a
 * member out ("all but the youngest of their thirteen children") ranks nothing; said of the
 * subject after a copula it ranks it, and the sentence backs that only with its figure ("The offer
 * was the largest of the three bids, at $4 million"; spec §1, a measurable restricted comparison).
 */
function restrictedBacked(text: string, rest: string, claimStart: number): boolean {
  const set = restricted.exec(rest)
  if (!set) return false
  const before = text.slice(0, claimStart)
  return !predicate.test(before) || testedFigure.test(before) || testedFigure.test(rest.slice(set[0].length))
}

/**
 * A title-case line in the case its body would use: every capitalised word after the first that
 * the document does not write as a name elsewhere, in lower case (offsets kept). Text that is not
 * title case (most of its longer words capitalised) is returned as it is.
 */
export function sentenceCase(text: string, names: ReadonlySet<string>): string {
  const words = [...text.matchAll(/(?<![\p{L}\p{N}'’])\p{L}[\p{L}'’-]{3,}/gu)].slice(1)
  if (words.length < 3 || words.filter((m) => /^\p{Lu}/u.test(m[0])).length < words.length * 0.8) return text
  let first = true
  return text.replace(/\p{L}[\p{L}'’]*/gu, (word) => {
    if (first) return (first = false, word)
    const lower = word.toLowerCase()
    // (Kept: capitals inside a word, "RouteIQ", "AI"; and where lower case would change the length,
    // as offsets must still point at the source.)
    return names.has(lower.replace(/['’]s$/, '')) || lower.length !== word.length || /^.\P{Lu}*\p{Lu}/u.test(word) ? word : lower
  })
}
