// Character classes asked at every position of every sentence: ASCII is answered from the
// character code, the rest by the Unicode property regex once per code point (same answers,
// without a regex call for nearly every character of an English article).

// A code point's class as the regexes `\s`, `\p{Lu}`, `\p{Ll}`, `\p{L}` and `\p{N}` see it, tested in that order.
export const OTHER = 0
export const SPACE = 1
export const UPPER = 2
export const LOWER = 3
export const LETTER = 4
export const NUMBER = 5
const UNKNOWN = 255

function classify(codePoint: number): number {
  const c = String.fromCodePoint(codePoint)
  if (/\s/.test(c)) return SPACE
  if (/\p{Lu}/u.test(c)) return UPPER
  if (/\p{Ll}/u.test(c)) return LOWER
  if (/\p{L}/u.test(c)) return LETTER
  return /\p{N}/u.test(c) ? NUMBER : OTHER
}

const asciiClasses = Uint8Array.from({length: 128}, (_, c) => classify(c))
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN)
const astralClasses = new Map<number, number>()

/** The class of a code point (a lone surrogate is OTHER), looked up once per code point. */
export function charClass(codePoint: number): number {
  if (codePoint < 128) return asciiClasses[codePoint]
  if (codePoint < 0x10000) {
    let cls = bmpClasses[codePoint]
    if (cls === UNKNOWN) bmpClasses[codePoint] = cls = classify(codePoint)
    return cls
  }
  let cls = astralClasses.get(codePoint)
  if (cls === undefined) astralClasses.set(codePoint, (cls = classify(codePoint)))
  return cls
}

/** Is the class a letter's (`\p{L}`)? */
export const isLetterClass = (cls: number) => cls === UPPER || cls === LOWER || cls === LETTER

/** Is the first character a letter or a digit (`\p{L}` or `\p{N}`)? */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false
  const cls = charClass(ch.codePointAt(0)!)
  return isLetterClass(cls) || cls === NUMBER
}

/** Does `text` start with a capital letter (`\p{Lu}`)? */
export function startsUpper(text: string): boolean {
  return text !== '' && charClass(text.codePointAt(0)!) === UPPER
}

/** Is the character at `i` white space as a regexp's `\s` has it? */
export function isSpace(text: string, i: number): boolean {
  return i >= 0 && i < text.length && charClass(text.charCodeAt(i)) === SPACE
}

/**
 * The words `/\p{L}+(?:['’]\p{L}+)?/gu` finds in `text`, in order, as the span each would match
 * (letters, with one apostrophe inside), read by code point: no match array or string per word.
 * `each` returning true stops the reading.
 */
export function eachLetterWord(text: string, each: (start: number, end: number) => boolean | void): void {
  for (let i = 0; i < text.length; ) {
    const end = lettersFrom(text, i)
    if (end === i) {
      // Not a letter: the regex moves on by a code point.
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
      continue
    }
    const apostrophe = text.charCodeAt(end)
    const after = apostrophe === 0x27 || apostrophe === 0x2019 ? lettersFrom(text, end + 1) : end + 1
    const wordEnd = after > end + 1 ? after : end
    if (each(i, wordEnd) === true) return
    i = wordEnd
  }
}

/** Where the run of letters (`\p{L}*`) from `i` ends. */
function lettersFrom(text: string, i: number): number {
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!
    if (!isLetterClass(charClass(codePoint))) break
    i += codePoint > 0xffff ? 2 : 1
  }
  return i
}

/**
 * The longest word of a list, in UTF-16 code units: a longer word, lower-cased, is none of the
 * list's (lower-casing never shortens a string).
 */
export const longestWord = (words: Iterable<string>) => {
  let longest = 0
  for (const word of words) longest = Math.max(longest, word.length)
  return longest
}
