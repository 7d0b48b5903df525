// src/text/chars.ts answers per code point what the Unicode property regexes answer, without them.
import {expect, it} from 'vitest'
import {eachLetterWord, isSpace, isWordChar, longestWord, startsUpper} from '../src/text/chars.js'

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

it('reads the words /\\p{L}+(?:[\'’]\\p{L}+)?/gu finds, span for span, and stops when asked', () => {
  const texts = [
    "I'm sure we’ll go; rock'n'roll, l’Azé's, 'quoted' words' end'",
    'İstanbul ΣΟΦΙΑ straße 𝐁𝐨𝐥𝐝 😀x \ud83d lone 张江 (Zhangjiang) 3rd 2day',
    sample.join(''),
    "a'", "'", '', 'x’y’z'
  ]
  for (const text of texts) {
    const spans: Array<[number, number]> = []
    eachLetterWord(text, (start, end) => void spans.push([start, end]))
    expect(spans).toEqual([...text.matchAll(/\p{L}+(?:['’]\p{L}+)?/gu)].map((m) => [m.index, m.index + m[0].length]))
  }
  const first: number[] = []
  eachLetterWord('one two three', (start) => (first.push(start), true))
  expect(first).toEqual([0])
  expect(longestWord(['we', "you're", 'I'])).toBe(6)
})
