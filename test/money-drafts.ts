// Generated money-heavy drafts for the fix-safety property (fast-check): business-story sentences
// with amounts in several currencies and notations.
import fc from 'fast-check'

// How a currency is written, by notation: the forms newsrooms use and the ones the rule rewrites.
export const forms: Record<string, {symbol: string; qualified: string; code: string; word: string}> = {
  USD: {symbol: '$', qualified: 'US$', code: 'USD', word: 'dollars'},
  CAD: {symbol: '$', qualified: 'C$', code: 'CAD', word: 'Canadian dollars'},
  EUR: {symbol: '€', qualified: '€', code: 'EUR', word: 'euros'},
  GBP: {symbol: '£', qualified: '£', code: 'GBP', word: 'pounds'},
  JPY: {symbol: '¥', qualified: 'JP¥', code: 'JPY', word: 'yen'},
  CNY: {symbol: '¥', qualified: 'CN¥', code: 'CNY', word: 'yuan'}
}
const notations = ['symbol', 'qualified', 'code-before', 'code-after', 'word'] as const

/** An amount in one of `currencies`, in any notation. */
export function amountIn(currencies: string[]): fc.Arbitrary<string> {
  return fc
    .record({
      currency: fc.constantFrom(...currencies),
      notation: fc.constantFrom(...notations),
      number: fc.constantFrom('5', '12', '300', '3,200', '1.5', '48'),
      scale: fc.constantFrom('', ' million', ' billion')
    })
    .map(({currency, notation, number, scale}) => {
      const f = forms[currency]
      const figure = number + scale
      if (notation === 'symbol') return f.symbol + figure
      if (notation === 'qualified') return f.qualified + figure
      if (notation === 'code-before') return `${f.code} ${figure}`
      if (notation === 'code-after') return `${figure} ${f.code}`
      return `${figure} ${f.word}`
    })
}

/** Paragraphs of a business story: sentences sourced and not, with and without a conversion. */
export function paragraphOf(amount: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const sentence = fc.oneof(
    amount.map((a) => `The company will invest ${a} in a new plant, it said.`),
    amount.map((a) => `Revenue reached ${a} last year.`),
    fc.tuple(amount, amount).map(([a, b]) => `The ministry spent ${a} on roads and ${b} on schools, according to the budget.`),
    fc.tuple(amount, amount).map(([a, b]) => `The deal is worth ${a} (about ${b}).`),
    amount.map((a) => `Each module sells for ${a}.`),
    fc.constant('Analysts say the market is the largest in the region.')
  )
  return fc.array(sentence, {minLength: 1, maxLength: 4}).map((s) => s.join(' '))
}

const draftOf = (amount: fc.Arbitrary<string>) => fc.array(paragraphOf(amount), {minLength: 2, maxLength: 6}).map((ps) => `# Markets\n\n${ps.join('\n\n')}\n`)

/** A money paragraph in any of the six currencies. */
export const paragraph = paragraphOf(amountIn(Object.keys(forms)))
/** A draft with amounts in any of the six currencies. */
export const draft = draftOf(amountIn(Object.keys(forms)))

/**
 * A draft in the two currencies one symbol stands for (`¥`: yuan and yen; `$`: US and Canadian
 * dollars), each written every way, sometimes beside a third. There a bare `¥` or `$` is read from
 * the mentions around it, so a fix that rewrites one mention can change how another reads: six
 * currencies at random put two such mentions in one draft too rarely to find it.
 */
export const confusableDraft = fc
  .record({pair: fc.constantFrom(['CNY', 'JPY'], ['USD', 'CAD']), third: fc.constantFrom([], ['EUR'])})
  .chain(({pair, third}) => draftOf(amountIn([...pair, ...third])))
