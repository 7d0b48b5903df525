import {ConfigError} from './config.js'
import {moneyCurrencies} from '../text/money.js'

/** One option of a rule: what it accepts (said in errors and docs) and the check. */
export interface OptionSpec {
  expected: string
  check: (value: unknown) => boolean
}

/** A rule's options, by name; a rule with no options has an empty schema (any option is an error). */
export type OptionSchema = Record<string, OptionSpec>

export const oneOf = (...values: string[]): OptionSpec => ({
  expected: `one of ${values.map((v) => `'${v}'`).join(', ')}`,
  check: (value) => typeof value === 'string' && values.includes(value)
})

// The money parser's list: a currency config names is one the parser reads.
export const currencyCode: OptionSpec = {
  expected: "an ISO 4217 currency code such as 'USD' or 'CNY'",
  check: (value) => typeof value === 'string' && moneyCurrencies().has(value)
}

export const positiveNumber: OptionSpec = {
  expected: 'a positive number',
  check: (value) => typeof value === 'number' && Number.isFinite(value) && value > 0
}

export const positiveInteger: OptionSpec = {
  expected: 'a positive whole number',
  check: (value) => Number.isInteger(value) && (value as number) > 0
}

export const fraction: OptionSpec = {
  expected: 'a number above 0 and at most 1',
  check: (value) => typeof value === 'number' && value > 0 && value <= 1
}

const show = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value))

/** Check `options` against `schema`; `where` names them in the error, e.g. `rules['currency-consistency']`. */
export function validateAgainst(where: string, schema: OptionSchema, options: unknown): void {
  if (options === undefined || options === null) return
  if (typeof options !== 'object' || Array.isArray(options)) throw new ConfigError(`options of \`${where}\` must be an object, got ${show(options)}`)
  for (const [key, value] of Object.entries(options)) {
    const spec = schema[key]
    if (!spec) {
      const known = Object.keys(schema)
      throw new ConfigError(`unknown option \`${key}\` in \`${where}\` (${known.length ? `known: ${known.join(', ')}` : 'it takes no options'})`)
    }
    if (!spec.check(value)) throw new ConfigError(`bad value ${show(value)} for option \`${key}\` in \`${where}\`: expected ${spec.expected}`)
  }
}
