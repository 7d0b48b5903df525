// Unit tests for money mentions: every form the currency rule and the claim rules rely on.
import iso from 'currency-codes'
import {describe, expect, it} from 'vitest'
import {findInterviewAnswers} from '../src/text/quotes.js'
import {loadData} from '../src/plugin/data.js'
import {currencyCode} from '../src/plugin/options.js'
import {findCurrencyNames, findMoney, findUnitWords, linkConversions, markerFor, moneyShape, restyle, type MoneyMention} from '../src/text/money.js'

const one = (text: string): MoneyMention => {
  const found = findMoney(text)
  expect(found).toHaveLength(1)
  return found[0]
}
const texts = (text: string) => findMoney(text).map((m) => m.text)

describe('findMoney: symbols', () => {
  it('reads a bare symbol as ambiguous and a qualified one as certain', () => {
    expect(one('It cost ¥300 billion.')).toMatchObject({text: '¥300 billion', currency: undefined, candidates: ['CNY', 'JPY'], notation: 'symbol', amount: 300e9})
    expect(one('It cost $8 billion.')).toMatchObject({currency: undefined, candidates: expect.arrayContaining(['USD', 'CAD']), unit: 'dollar'})
    for (const [text, code] of [['US$390 million', 'USD'], ['A$5m', 'AUD'], ['AU$5m', 'AUD'], ['C$3bn', 'CAD'], ['CA$3bn', 'CAD'], ['CDN$3bn', 'CAD'],
      ['HK$1.2 billion', 'HKD'], ['NT$40', 'TWD'], ['NZ$173,000', 'NZD'], ['S$9', 'SGD'], ['R$12', 'BRL'], ['CN¥5', 'CNY'], ['JP¥5', 'JPY'], ['US $5', 'USD']]) {
      expect(one(`paid ${text} in all`)).toMatchObject({text, currency: code, notation: 'qualified-symbol'})
    }
  })

  it('reads single-currency symbols', () => {
    for (const [text, code] of [['€5m', 'EUR'], ['£30 million', 'GBP'], ['₹3 crore', 'INR'], ['₩500', 'KRW'], ['₽70', 'RUB'], ['₺9', 'TRY'], ['₪20', 'ILS'], ['Fr. 500', 'CHF']]) {
      expect(one(`paid ${text} in all`)).toMatchObject({text, currency: code})
    }
  })

  it('applies scale words and abbreviations', () => {
    expect(one('£3bn').amount).toBe(3e9)
    expect(one('€5m').amount).toBe(5e6)
    expect(one('$10k').amount).toBe(1e4)
    expect(one('₹5 lakh').amount).toBe(5e5)
    expect(one('₹3 crore').amount).toBe(3e7)
    expect(one('$2.5 mn').amount).toBe(2.5e6)
  })

  it('allows a space after the symbol', () => {
    expect(one('won the championship and $ 50,000.')).toMatchObject({text: '$ 50,000', amount: 50000})
  })
})

describe('findMoney: ISO codes', () => {
  it('reads codes before and after the amount, glued or spaced', () => {
    expect(one('fined USD 5 for it')).toMatchObject({text: 'USD 5', currency: 'USD', notation: 'code', position: 'before'})
    expect(one('fined 5 USD for it')).toMatchObject({text: '5 USD', currency: 'USD', position: 'after'})
    expect(one('raised RMB 3bn')).toMatchObject({currency: 'CNY', amount: 3e9})
    expect(one('they paid 60,000INR for it')).toMatchObject({text: '60,000INR', currency: 'INR'})
    expect(one('cost 300 billion CNY')).toMatchObject({currency: 'CNY', amount: 300e9})
  })

  it('takes codes from ISO 4217, not words that look like codes', () => {
    expect(findMoney('The TOP 10 songs and AMD 5 chips.')).toEqual([])
    expect(findMoney('the usd 5 note')).toEqual([])
    expect(one('a fee of SEK 400')).toMatchObject({currency: 'SEK'})
  })

  it('keeps a code that leads the next amount out of the previous figure', () => {
    expect(texts('In 2010 USD 5 million was spent.')).toEqual(['USD 5 million'])
    expect(texts('In 2010 $5 million was spent.')).toEqual(['$5 million'])
  })
})

describe('findMoney: currency words', () => {
  it('reads words with or without a country adjective', () => {
    expect(one('300 billion yuan')).toMatchObject({currency: 'CNY', notation: 'word', marker: 'yuan'})
    expect(one('300 billion renminbi')).toMatchObject({currency: 'CNY'})
    expect(one('a prize of 10 million Swedish kronor')).toMatchObject({currency: 'SEK', marker: 'Swedish kronor'})
    expect(one('5 million Georgian lari')).toMatchObject({currency: 'GEL'})
    expect(one('20 Swiss francs')).toMatchObject({currency: 'CHF'})
    expect(one('5 Hong Kong dollars')).toMatchObject({currency: 'HKD'})
    expect(one('5 US dollars')).toMatchObject({currency: 'USD'})
    expect(one('900 million złotys')).toMatchObject({currency: 'PLN'})
    expect(one('1.7 billion dollars')).toMatchObject({currency: undefined, unit: 'dollar', candidates: expect.arrayContaining(['USD'])})
  })

  it('reads number words and vague amounts', () => {
    expect(one('It costs one dollar.')).toMatchObject({amount: 1, parts: [{number: '1', scale: undefined}]})
    expect(one('a million dollars')).toMatchObject({amount: 1e6})
    expect(one('six billion euros')).toMatchObject({amount: 6e9, currency: 'EUR'})
    expect(one('millions of dollars')).toMatchObject({vague: true, amount: undefined})
    expect(one('hundreds of millions of dollars')).toMatchObject({vague: true})
  })

  it('does not read everyday words as currencies', () => {
    expect(findMoney('She weighed over 300 pounds.')).toEqual([])
    expect(findMoney('He seized 2 million pounds of cocaine.')).toEqual([])
    expect(findMoney('the winnings of 36,000 for every million won')).toEqual([])
    expect(findMoney('the team passed the 1,000 mark')).toEqual([])
    expect(findMoney('The yuan weakened against the dollar.')).toEqual([])
    expect(findMoney('it cost $400 million in 1999 dollars')).toHaveLength(1)
    expect(one('a 24 million pounds operating loss')).toMatchObject({currency: undefined, candidates: expect.arrayContaining(['GBP'])})
    expect(one('he was paid 500 pounds')).toMatchObject({amount: 500})
  })
})

describe('findMoney: ranges, sub-units, denominations, doubled markers', () => {
  it('reads ranges as one mention', () => {
    expect(one('$5–7 million')).toMatchObject({amount: 5e6, amountHigh: 7e6, separator: '–'})
    expect(one('about 15–25 million dollars')).toMatchObject({amount: 15e6, amountHigh: 25e6, notation: 'word'})
    expect(one('between US$100 and $300')).toMatchObject({text: 'US$100 and $300', amount: 100, amountHigh: 300})
    expect(one('It cost around Rs.30-Rs.40.')).toMatchObject({text: 'Rs.30-Rs.40', amountHigh: 40})
    expect(one('gross US$50 million to US$80 million')).toMatchObject({amount: 50e6, amountHigh: 80e6})
    expect(one('20 thousand to 50 thousand rupees')).toMatchObject({amount: 2e4, amountHigh: 5e4})
    expect(one('in the range of five to six million US dollars')).toMatchObject({amount: 5e6, amountHigh: 6e6, currency: 'USD'})
  })

  it('marks cents and pence as sub-units', () => {
    expect(one('50 cents an hour')).toMatchObject({subunit: true, unit: 'dollar'})
    expect(one('20 pence')).toMatchObject({subunit: true})
    expect(one('a bag of crisps 50p.')).toMatchObject({subunit: true})
    expect(findMoney('streamed in 1080p and 720p')).toEqual([])
  })

  it('marks coins and notes named as objects', () => {
    expect(one('the new €2 coin')).toMatchObject({denomination: true})
    expect(one('a $20 bill')).toMatchObject({denomination: true})
    expect(one('the $4.5 million bill')).toMatchObject({denomination: false})
  })

  it('records a currency said twice', () => {
    expect(one('with $100 dollars')).toMatchObject({extraMarker: {text: 'dollars'}})
    expect(one('a USD $1000 fine')).toMatchObject({extraMarker: {text: '$'}, currency: 'USD'})
  })
})

describe('conversions', () => {
  it('links a conversion in parentheses to the amount it converts', () => {
    const [base, conversion] = findMoney('£30 million (about US$49 million)')
    expect(conversion.conversionOf).toEqual({start: base.start, end: base.end})
  })

  it('links every conversion of a list to the same amount', () => {
    const [base, ...rest] = findMoney('US$2,000 (£1,223, C$1,964, €1,412) from his mother')
    expect(rest.map((m) => m.conversionOf?.start)).toEqual([base.start, base.start, base.start])
  })

  it('links across a sentence break and an editor\'s note', () => {
    const text = 'is 5,100 Swiss francs (approx. 5,500 USD) and 108,000 SEK [Ed. : approx. 14,700 USD or 11,600 EUR]'
    const mentions = findMoney(text)
    linkConversions(text, mentions)
    expect(mentions.filter((m) => m.conversionOf).map((m) => m.text)).toEqual(['5,500 USD', '14,700 USD', '11,600 EUR'])
  })

  it('reads an exchange rate as a conversion', () => {
    const [, rate] = findMoney('at US$1.89 to £1')
    expect(rate.conversionOf).toBeDefined()
  })

  it('links a restatement in the same currency, so it is not read as a second style', () => {
    const [, restated] = findMoney('a fine not exceeding ten thousand dollars ($10,000), or prison')
    expect(restated.conversionOf).toBeDefined()
  })

  it('does not link amounts of the same currency or unrelated ones', () => {
    expect(findMoney('$5 million (up from $3 million)').every((m) => !m.conversionOf)).toBe(true)
    expect(findMoney('worth up to $3,000 and the Netherlands offers €6,000').every((m) => !m.conversionOf)).toBe(true)
  })
})

describe('currency names and restyling', () => {
  it('finds currencies named without an amount', () => {
    expect(findCurrencyNames('The yuan weakened against the US dollar; RMB fell.').map((n) => n.codes)).toEqual([['CNY'], ['USD'], ['CNY']])
    expect(findCurrencyNames('the dollar and the team won the mark')).toEqual([])
  })

  it('finds a unit named by its word alone, which country\'s unsaid', () => {
    expect(findUnitWords('the yen weakened past 158 per dollar').map((n) => n.unit)).toEqual(['yen', 'dollar'])
    // A country's dollar is a currency name; "pounds" and "won" are also everyday words.
    expect(findUnitWords('the US dollar, 300 pounds, and the team won')).toEqual([])
  })

  it('writes an amount with another marker', () => {
    expect(restyle(one('4 million dollars'), '$', 'before')).toBe('$4 million')
    expect(restyle(one('€5m'), 'euros', 'after')).toBe('5 million euros')
    expect(restyle(one('15–25 million dollars'), '$', 'before')).toBe('$15–25 million')
    expect(restyle(one('six billion euros'), '€', 'before')).toBe('€6 billion')
    expect(restyle(one('$2 million'), 'USD', 'before')).toBe('USD 2 million')
    expect(restyle(one('¥300 billion'), 'CN¥', 'before')).toBe('CN¥300 billion')
  })

  it('keeps a range a range in another notation', () => {
    expect(restyle(one('in the range of five to six million US dollars'), '$', 'before')).toBe('$5 to $6 million')
    expect(restyle(one('between US$100 and $300'), 'dollars', 'after')).toBe('100 and 300 dollars')
    expect(restyle(one('gross US$50 million to US$80 million'), 'USD', 'before')).toBe('USD 50 million to USD 80 million')
    expect(restyle(one('It cost around Rs.30-Rs.40.'), '₹', 'before')).toBe('₹30-40')
  })

  it('knows the usual marker of a currency in each notation', () => {
    expect(markerFor('EUR', 'symbol')).toBe('€')
    expect(markerFor('EUR', 'word')).toBe('euros')
    expect(markerFor('USD', 'word')).toBe('dollars')
    expect(markerFor('CNY', 'symbol')).toBe('CN¥')
    expect(markerFor('GBP', 'code')).toBe('GBP')
  })
})

describe('findInterviewAnswers', () => {
  const blocks = (text: string) => {
    const spans = []
    let start = 0
    for (const part of text.split('\n\n')) {
      spans.push({start, end: start + part.length})
      start += part.length + 2
    }
    return spans
  }

  it('takes the interviewee\'s paragraphs and their continuations, not the questions', () => {
    const text = '((WN)) What did it cost?\n\n((Akram)) About Rs.30.\n\nAnd more later.\n\n((WN)) Why?\n\n((Akram)) Because.'
    const answers = findInterviewAnswers(text, blocks(text)).map((a) => text.slice(a.start, a.end))
    expect(answers).toEqual(['About Rs.30.', 'And more later.', 'Because.'])
  })

  it('finds nothing in an ordinary article', () => {
    const text = 'Update: the vote was delayed.\n\nThe council met on Monday.'
    expect(findInterviewAnswers(text, blocks(text))).toEqual([])
  })
})

describe('one ISO 4217 list for config and the parser', () => {
  const codesThatAreWords = new Set(loadData('src/text/money.yml', moneyShape).codesThatAreWords)

  it('refuses in config what the parser does not read as money, withdrawn, new or not money at all', () => {
    for (const code of ['HRK', 'SLL', 'XCG', 'ZWL', 'XAU', 'XXX']) {
      expect(currencyCode.check(code), code).toBe(false)
      expect(findMoney(`paid ${code} 500 in all`), code).toEqual([])
    }
  })

  it('accepts in config exactly the currencies it reads by code (ICU and currency-codes both offered)', () => {
    const offered = new Set([...Intl.supportedValuesOf('currency'), ...iso.codes()])
    for (const code of [...offered].filter((c) => !codesThatAreWords.has(c))) {
      const read = findMoney(`paid ${code} 500 in all`).some((m) => m.currency === code && m.notation === 'code')
      expect(currencyCode.check(code), code).toBe(read)
    }
    expect(currencyCode.check('USD') && currencyCode.check('CNY')).toBe(true)
  })
})
