/**
 * Every match of a global regexp in `text`: `[...text.matchAll(re)]` without the copy of the
 * regexp that matchAll makes on every call, which cost a third of scanning a sentence for a
 * phrase list (the analysis scans each sentence for some twenty). It starts at 0 and leaves
 * `re.lastIndex` at 0, also when the scan throws.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regexp, got ${re}`)
  const found: RegExpExecArray[] = []
  re.lastIndex = 0
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push(m)
      // An empty match moves on by a character (a code point under /u), as matchAll does.
      if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1
    }
  } finally {
    re.lastIndex = 0
  }
  return found
}

/**
 * An alternation of phrases with no letter or digit (`[\p{L}\p{N}]`) just before or after a
 * match (phraseRegExp), flags `u` and any of `g` and `i`. What it compiles has ASCII boundaries
 * (`[A-Za-z0-9]`): the class of every letter and digit cost about a millisecond to compile in each
 * expression (under i, with its case variants), half of what a one-article run spent compiling
 * phrase lists. `exec`, which `test`, `match`, `matchAll` and allMatches call, looks at a
 * neighbour beyond ASCII itself, and where one is a letter or digit asks the expression with the
 * whole class, compiled then: the matches are the same.
 */
export class PhraseRegExp extends RegExp {
  /** The phrases' alternation, as phraseAlternation makes it. */
  readonly alternation: string
  /** What is run, global whatever the flags (to go on after a rejected match): never `this` itself. */
  readonly #scan: RegExp
  #exact: RegExp | undefined

  // (`matchAll` constructs a copy from the expression and its flags.)
  constructor(alternation: string | PhraseRegExp, flags: string) {
    const phrases = typeof alternation === 'string' ? alternation : alternation.alternation
    if (!/^(?=.*u)[giu]*$/.test(flags)) throw new TypeError(`PhraseRegExp takes the flags u, g and i, not \`${flags}\``)
    const source = `(?<![A-Za-z0-9])(?:${phrases})(?![A-Za-z0-9])`
    super(source, flags)
    this.alternation = phrases
    this.#scan = new RegExp(source, flags.includes('g') ? flags : flags + 'g')
  }

  override exec(text: string): RegExpExecArray | null {
    const scan = this.#scan
    scan.lastIndex = this.global ? this.lastIndex : 0
    for (let m = scan.exec(text); m; m = scan.exec(text)) {
      const start = m.index
      const found = this.#letterOrDigitBeside(text, start, true) ? null : this.#letterOrDigitBeside(text, start + m[0].length, false) ? this.#exactAt(text, start) : m
      if (found) {
        if (this.global) this.lastIndex = found.index + found[0].length
        return found
      }
      scan.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1)
    }
    if (this.global) this.lastIndex = 0
    return null
  }

  /**
   * Is the code point just before `at` (or the one at it) a letter or digit beyond ASCII, as the
   * flags read `[\p{L}\p{N}]` (under i, with what folds to one)? An ASCII one the compiled
   * boundaries have ruled out.
   */
  #letterOrDigitBeside(text: string, at: number, before: boolean): boolean {
    // (NaN beyond either end of the text.)
    if (!(text.charCodeAt(before ? at - 1 : at) >= 0x80)) return false
    const pairBefore = before && at >= 2 && isSurrogate(text.charCodeAt(at - 1), 0xdc00) && isSurrogate(text.charCodeAt(at - 2), 0xd800)
    const char = before ? text.slice(pairBefore ? at - 2 : at - 1, at) : String.fromCodePoint(text.codePointAt(at)!)
    return (this.ignoreCase ? /[\p{L}\p{N}]/iu : /[\p{L}\p{N}]/u).test(char)
  }

  /** The match at `start` with the whole class for boundaries: a shorter phrase may end before a letter where a longer one ran into it. */
  #exactAt(text: string, start: number): RegExpExecArray | null {
    this.#exact ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${this.alternation})(?![\\p{L}\\p{N}])`, this.flags.replace('g', '') + 'y')
    this.#exact.lastIndex = start
    return this.#exact.exec(text)
  }
}

/** A high (0xd800) or low (0xdc00) surrogate. */
const isSurrogate = (code: number, half: number) => code >= half && code < half + 0x400

let lastText: string | undefined
let lastWords: ReadonlySet<string> = new Set()

/**
 * The words of a text as `phraseWordsTest` reads them: each run of ASCII letters and digits, with
 * ſ and the Kelvin sign K (the only other characters that match an ASCII letter under the i and u
 * flags), lower-cased with ſ as s. The text is lower-cased whole, which makes no other character
 * one of these but İ (i and a combining dot), read run by run. The last text's words are kept: a
 * rule often asks twice of the same text.
 */
export function textWords(text: string): ReadonlySet<string> {
  if (text === lastText) return lastWords
  let words: Set<string>
  if (text.includes('\u0130')) {
    words = new Set()
    for (const run of text.match(/[A-Za-z0-9\u017f\u212a]+/g) ?? []) words.add(run.toLowerCase().replaceAll('\u017f', 's'))
  } else {
    let lower = text.toLowerCase()
    if (lower.includes('\u017f')) lower = lower.replaceAll('\u017f', 's')
    words = new Set(lower.match(/[a-z0-9]+/g))
  }
  lastText = text
  lastWords = words
  return words
}

/**
 * Whether an expression of `phrases` (phraseRegExp's, or the superlative rule's gapped phrases)
 * can match in a text, without compiling it: every word of one of the phrases is one of the text's
 * `textWords`. Exact, so a no means the expression has no match: a phrase word is a run of ASCII
 * letters and digits between characters that are neither word characters, letters nor digits, or
 * the phrase's edges, where the expression asks for the same (`\b`, or no letter or digit beside
 * it); under the i and u flags it matches text of its letters in either case or ſ and K, which
 * `textWords` reads back as the same run. A phrase of other characters (an underscore, a letter
 * beyond ASCII) could match otherwise, so it always may.
 */
export function phraseWordsTest(phrases: readonly string[]): (words: ReadonlySet<string>) => boolean {
  const candidates = phraseCandidates(phrases)
  return (words) => candidates(words).length > 0
}

/**
 * The phrases (in their order) that an expression of them could match in a text of these
 * `textWords`, by the test of `phraseWordsTest`: an alternation of these alone matches the text
 * where one of all of them does, and in the same way, as the others match nowhere in it.
 */
export function phraseCandidates(phrases: readonly string[]): (words: ReadonlySet<string>) => readonly string[] {
  // Each phrase's words, filed under its longest (the rarest, most often), checked only when the
  // text holds that one.
  const byKey = new Map<string, Array<{words: string[]; at: number}>>()
  const always: number[] = []
  phrases.forEach((phrase, at) => {
    const words = /^(?:[a-z0-9\s'’…-]|[!-/:-@[-^`{-~])+$/i.test(phrase) ? phrase.toLowerCase().match(/[a-z0-9]+/g) : null
    if (!words) return void always.push(at)
    const key = words.reduce((a, b) => (b.length > a.length ? b : a))
    const filed = byKey.get(key)
    if (filed) filed.push({words, at})
    else byKey.set(key, [{words, at}])
  })
  return (words) => {
    const found = always.length ? [...always] : []
    for (const word of words) {
      // (Most words file no phrase: no empty list made for each.)
      const filed = byKey.get(word)
      if (filed) for (const phrase of filed) if (phrase.words.every((w) => words.has(w))) found.push(phrase.at)
    }
    return found.length === 0 ? [] : found.sort((a, b) => a - b).map((at) => phrases[at])
  }
}
