import {describe, expect, it} from 'vitest'
import {lexicons, loadModel} from '../rules/off-topic-insert/lib/model.js'
import {styleFeatures, styleLogOdds, styleScore} from '../rules/off-topic-insert/lib/classifiers.js'

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

  it('scores a run longer than the summing table first holds the same (a scraped page run together)', () => {
    const page = texts.slice(0, 6).join(' ').repeat(12)
    expect(styleLogOdds(model, page, vocabulary, lex)).toBe(styleScore(model, styleFeatures(page, vocabulary, lex, model.bits)))
    // And the runs after it, from a table grown and emptied.
    for (const text of texts) expect(styleLogOdds(model, text, vocabulary, lex)).toBe(styleScore(model, styleFeatures(text, vocabulary, lex, model.bits)))
  })

  it('keeps the style log-odds of real runs, to the last bit', () => {
    // Pinned from the shipped model: a change means the features changed (update only on retraining).
    expect(texts.map((text) => styleLogOdds(model, text, vocabulary, lex))).toEqual(PINNED)
  })
})

const PINNED = [-7.8113791923879, 19.41154290733487, 2.336871449723829, -0.3517831196097507, 17.277214186406717, 7.638480425852736, 1.215526376565184, 6.74112473986224]
