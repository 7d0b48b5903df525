import {describe, expect, it} from 'vitest'
import {phraseRegExp} from '../src/plugin/data.js'
import {phraseCandidates, phraseWordsTest, textWords} from '../src/text/regexp.js'
import {data, lexicons} from '../rules/off-topic-insert/lib/model.js'

// phraseWordsTest spares compiling a phrase list's expression when it cannot match; it must never
// say no where the expression matches, whatever the case, the characters the i and u flags fold
// to ASCII letters (ſ, the Kelvin sign) or what stands beside the phrase.
const may = (phrases: string[], text: string) => phraseWordsTest(phrases)(textWords(text))

/** A text around `phrase` in many spellings: cases, ſ and K, other spacing, odd neighbours. */
function spellings(phrase: string): string[] {
  const forms = [phrase, phrase.toUpperCase(), phrase.replace(/\b\w/g, (c) => c.toUpperCase()), phrase.replaceAll('s', '\u017f').replaceAll('k', '\u212a'), phrase.replace(/ /g, '\u00a0\n ')]
  const sides = [['', ''], ['Then ', '.'], ['_', '_'], ['é', 'ß'], ['(', ')'], ['«', '»'], ['1', ''], ['x-', '-y'], ['“', '”']]
  return forms.flatMap((form) => sides.map(([before, after]) => `${before}${form}${after}`))
}

describe('phraseWordsTest', () => {
  it('never says no where a phrase list of the off-topic rule matches', () => {
    const lists = [...Object.values(data().lists), data().page.chrome, data().page.comments]
    let checked = 0
    for (const phrases of lists) {
      const pattern = phraseRegExp(phrases)
      for (const phrase of phrases) {
        for (const text of spellings(phrase)) {
          if (text.match(pattern)) {
            checked++
            expect(may(phrases, text), text).toBe(true)
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it.each([
    ['BACK TO TOP', 'back to top'],
    ['bac\u212a to top', 'back to top'],
    ['Sub\u017fcribe_now', 'subscribe'],
    ['e-mail this', 'e-mail'],
    ['24/7 support', '24/7 support'],
    ["don't miss", "don't miss"],
    ['wait … and see', 'wait … and see'],
    ['İ BACK TO TOP', 'back to top']
  ])('says yes for %j against %j', (text, phrase) => {
    expect(text.match(phraseRegExp([phrase]))).not.toBeNull()
    expect(may([phrase], text)).toBe(true)
  })

  it('says no when a word of each phrase is missing', () => {
    expect(may(['back to top', 'subscribe'], 'Back to the start of the page, then scroll')).toBe(false)
    expect(may(['sign up'], 'They signed up.')).toBe(false)
    expect(may(['newsletter'], '')).toBe(false)
  })

  it('reads a word beside İ as it stands (İ lower-cases to an i and a combining dot; `\\b` falls between them)', () => {
    expect([...textWords('TOPİ sİgn-up')]).toEqual(['top', 's', 'gn', 'up'])
  })

  it('always may for a phrase beyond ASCII words', () => {
    expect(may(['café'], 'nothing here')).toBe(true)
    expect(may(['snake_case'], 'nothing here')).toBe(true)
  })
})

describe('phraseCandidates', () => {
  const matches = (re: RegExp | undefined, text: string) => (re ? [...text.matchAll(re)].map((m) => [m.index, m[0]]) : [])

  it("gives a pattern that matches where the whole list's does, and the same text (the off-topic lists)", () => {
    const lex = lexicons()
    for (const phrases of [lex.chrome, lex.page, lex.comments, ...lex.lists]) {
      const all = [...Object.values(data().lists), data().page.chrome, data().page.comments].flat()
      // Phrases side by side and overlapping ("back to top" inside "scroll back to top"), in many spellings.
      for (let i = 0; i < all.length; i += 3) {
        for (const text of spellings(`${all[i]} ${all[i + 1] ?? ''}, ${all[i + 2] ?? ''} and the news`)) {
          expect(matches(phrases.patternFor(textWords(text)), text), text).toEqual(matches(phrases.pattern, text))
        }
      }
    }
  })

  it('keeps the phrases in their order, the ones that may match only', () => {
    const candidates = phraseCandidates(['share', 'back to top', 'café', 'top'])
    expect(candidates(textWords('Back to the top, then share'))).toEqual(['share', 'back to top', 'café', 'top'])
    expect(candidates(textWords('Share it'))).toEqual(['share', 'café'])
  })
})
