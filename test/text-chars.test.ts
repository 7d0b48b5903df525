// src/text/chars.ts answers per code point what the Unicode property regexes answer, without them.
import {expect, it} from 'vitest'
import {isSpace, isWordChar, startsUpper} from '../src/text/chars.js'

// Every BMP code unit below U+3100 (Latin, Greek, Cyrillic, CJK punctuation, kana), some letters
// and digits beyond, astral letters and symbols, and lone surrogates.
const sample = [
  ...Array.from({length: 0x3100}, (_, c) => String.fromCharCode(c)),
  '张', '한', 'ก', '٣', '१', '𝐁', '𝟐', '😀', '\ud83d', '\ude00', '\u2003', '\u3000', '\ufeff'
]

it('tells letters, digits, capitals and white space as \\p{L}, \\p{N}, \\p{Lu} and \\s do', () => {
  for (const ch of sample) {
    const label = `U+${ch.codePointAt(0)!.toString(16)}`
    expect(isWordChar(ch), label).toBe(/^[\p{L}\p{N}]/u.test(ch))
    expect(startsUpper(`${ch}x`), label).toBe(/^\p{Lu}/u.test(`${ch}x`))
    expect(isSpace(`a${ch}`, 1), label).toBe(/\s/.test(ch.length === 1 ? ch : ch[0]))
  }
  expect([isWordChar(''), isWordChar(undefined), startsUpper(''), isSpace('ab', 5), isSpace('ab', -1)]).toEqual([false, false, false, false, false])
})
