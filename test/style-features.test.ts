import {describe, expect, it} from 'vitest'
import {data, lexicons, loadModel} from '../src/text/insert-model.js'
import {styleFeatures, styleLogOdds, styleScore} from '../src/text/textcat.js'

// Real runs of text: news prose, spam with digits, shapes and contact details, non-ASCII letters
// (accents, a Turkish dotted capital that lower-cases to two code units, Greek, Cyrillic), astral
// characters (mathematical letters and digits, an emoji), repeated characters and odd spacing.
const texts = [
  'The council extended the night bus service to the airport on Tuesday, officials said.',
  'URGENT!!! Call 0800 123 4567 now or visit www.cheap-loans.biz to claim your FREE prize (8SimUgQ)',
  'Contact us at sales@example.com — best prices, best prices, best prices, best prices guaranteed',
  'Ärzte in Zürich: „Die Behörde prüft İstanbul-Flüge“ sagte Ωmega-Chef Ёлкин am 3. März.',
  '𝐁𝐞𝐬𝐭 𝐝𝐞𝐚𝐥 𝟐𝟎𝟐𝟒 😀😀 soooo gooood!!!  \t Ⅻ ⅻ ١٢٣ aaaaBBBB 2day u',
  'AAAA bbb  ccc\u00a0ddd\u2003eee\ufefffff ’tis rock’n’roll 12,000.50 ½ x²',
  '',
  'a'
]

describe('style features', () => {
  const {model, vocabulary} = loadModel()
  const lex = lexicons()

  it('scores a run the same through the dense buffer as through the sparse vector', () => {
    for (const text of texts) {
      expect(styleLogOdds(model, text, vocabulary, lex)).toBe(styleScore(model, styleFeatures(text, vocabulary, lex, model.bits)))
    }
  })

  it('reads a mass-mail subject by its prefix and the code it ends on', () => {
    // Subjects carry "Fw:"/"Re:" and a random code to dodge filters; a sentence of news has neither.
    const score = (text: string) => styleLogOdds(model, text, vocabulary, lex)
    expect(score('Fw: Your account upgrade is waiting 48213') - score('Your account upgrade is waiting')).toBeGreaterThan(5)
    expect(score('Fw: Your account upgrade is waiting 48213')).toBeGreaterThan(data().threshold)
    expect(score('The mayor said the account upgrade was waiting for 48213 signatures.')).toBeLessThan(0)
  })

  it('keeps the style log-odds of real runs, to the last bit', () => {
    // Pinned from the shipped model: a change means the features changed (update only on retraining).
    expect(texts.map((text) => styleLogOdds(model, text, vocabulary, lex))).toEqual(PINNED)
  })
})

const PINNED = [-7.711911061595185, 24.09691428520342, 2.2511025590144387, -0.9009430433481178, 21.276436038426382, 7.609073330976958, 0.46458833337639427, 5.992253788858666]
