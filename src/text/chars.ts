// Character classes asked at every position of every sentence: ASCII is answered from the
// character code, the rest by the Unicode property regex (same answers, without a regex call
// for nearly every character of an English article).

/** Is the first character a letter or a digit (`\p{L}` or `\p{N}`)? */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false
  const c = ch.charCodeAt(0)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /^[\p{L}\p{N}]/u.test(ch)
}

/** Does `text` start with a capital letter (`\p{Lu}`)? */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return /^\p{Lu}/u.test(text)
}

/** Is the character at `i` white space as a regexp's `\s` has it? */
export function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return /\s/.test(text[i])
}
