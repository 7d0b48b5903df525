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
