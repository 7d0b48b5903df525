import {currencyCode, oneOf, type OptionSchema} from '../../src/plugin/options.js'

export interface CurrencyConsistencyOptions {
  /** The currency other amounts should be converted to (default `USD`). */
  referenceCurrency?: string
  /** What `¥` and a bare `$` mean in this publication, when the article does not say. */
  currency?: string
  /** The house notation for amounts; `auto` follows the article's first mention (default). */
  notation?: 'auto' | 'symbol' | 'code' | 'word'
}

export const options: OptionSchema = {
  referenceCurrency: currencyCode,
  currency: currencyCode,
  notation: oneOf('auto', 'symbol', 'code', 'word')
}
