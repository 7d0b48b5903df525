import {describe, expect, it} from 'vitest'
import {readdirSync, readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {phraseAlternation, phraseRegExp} from '../src/plugin/data.js'
import {allMatches, PhraseRegExp, phraseCandidates, phraseWordsTest, textWords} from '../src/text/regexp.js'
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

describe('PhraseRegExp', () => {
  // What phraseRegExp compiled before: the whole class of letters and digits for boundaries.
  const exact = (phrases: readonly string[], flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${phraseAlternation(phrases)})(?![\\p{L}\\p{N}])`, flags)
  // Every list of strings in the data files.
  const lists: string[][] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) lists.push(value)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  for (const folder of ['src', 'rules']) {
    for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'})) if (name.endsWith('.yml') && !name.includes('fixtures')) collect(parse(readFileSync(`${folder}/${name}`, 'utf8')))
  }
  // Neighbours beyond ASCII the compiled boundaries do not decide: letters, digits, a mark that
  // folds to a letter (U+0345), an astral letter and its halves, ſ and K, and what is neither.
  const sides = ['', ' ', 'é', '\u0345', '\u{1d400}', '\ud835', '\udc00', '\u0663', '\u2160', '\u017f', '\u212a', '’', '_', 'x', '7', '\u00a0']
  const found = (re: RegExp, text: string) => (re.global ? allMatches(re, text) : [re.exec(text)]).map((m) => m && `${m.index}:${m[0]}`)

  it('matches where and what the expression with the whole class matches (every data list)', () => {
    let checked = 0
    lists.forEach((phrases, n) => {
      // (The other flags phraseRegExp is given on some lists: compiling the whole class is the test's time.)
      for (const flags of n % 8 === 0 ? ['giu', 'gu', 'iu'] : ['giu']) {
        const [mine, theirs] = [new PhraseRegExp(phraseAlternation(phrases), flags), exact(phrases, flags)]
        // (Some 300 phrases of each list: the longest lists are vocabularies of thousands.)
        const stride = Math.ceil(phrases.length / 300)
        phrases.forEach((phrase, i) => {
          if (i % stride !== 0) return
          // Each phrase between two neighbours, glued to a longer word and to the next phrase.
          const before = sides[i % sides.length]
          const after = sides[(i * 7 + 3) % sides.length]
          for (const text of [`${before}${phrase}${after}`, `${before}${phrase.toUpperCase()}${after}s ${phrase}`, `${phrase}${after}${phrases[i + 1] ?? ''}${before}`]) {
            checked++
            expect(found(mine, text), `${flags} ${text}`).toEqual(found(theirs, text))
            expect(mine.test(text)).toBe(theirs.test(text))
          }
        })
      }
    })
    expect(checked).toBeGreaterThan(10_000)
  })

  it('takes a shorter phrase where a longer one runs into a letter beyond ASCII, and skips a phrase after one', () => {
    const re = new PhraseRegExp(phraseAlternation(['best', 'best in class']), 'giu')
    expect(found(re, 'best in classé; the best')).toEqual(['0:best', '20:best'])
    expect(found(re, 'ébest, \u{1d400}best, \u0345best, \u{1d400}\u0345 best')).toEqual(['26:best'])
  })

  it('keeps lastIndex as a regular expression does, and works with match, matchAll and replace', () => {
    const global = phraseRegExp(['top'])
    expect(global.test('a top b top')).toBe(true)
    expect(global.lastIndex).toBe(5)
    expect(global.test('x')).toBe(false)
    expect(global.lastIndex).toBe(0)
    const once = phraseRegExp(['top'], 'iu')
    once.lastIndex = 3
    expect(once.exec('top top')?.index).toBe(0)
    expect(once.lastIndex).toBe(3)
    expect('Top, tops, TOP'.match(global)).toEqual(['Top', 'TOP'])
    expect([...'Top, tops, TOP'.matchAll(global)].map((m) => m.index)).toEqual([0, 11])
    expect('Top, tops, TOP'.replace(global, '_')).toBe('_, tops, _')
  })
})
