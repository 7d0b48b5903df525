import type {Span} from './types.js'

/** An amount with a currency, as written. */
export interface MoneyMention extends Span {
  text: string
  /** ISO 4217 code when the text makes it certain, else undefined (e.g. `¥`, bare `$`). */
  currency: string | undefined
  /** What the mention could mean when it is ambiguous (`¥` → CNY or JPY). */
  candidates: string[]
  /** How it is written: a symbol, an ISO code or a currency word. */
  notation: 'symbol' | 'qualified-symbol' | 'code' | 'word'
  /** The currency marker as written (`¥`, `US$`, `yuan`, `USD`). */
  marker: string
}

// First versions of the tables; the currency issue replaces them with ISO 4217 data.
const symbols: Record<string, string[]> = {
  'US$': ['USD'], 'HK$': ['HKD'], 'A$': ['AUD'], 'C$': ['CAD'], 'NZ$': ['NZD'], 'S$': ['SGD'], 'NT$': ['TWD'], 'R$': ['BRL'],
  'CN¥': ['CNY'], 'JP¥': ['JPY'], '€': ['EUR'], '£': ['GBP'], '₹': ['INR'], '₩': ['KRW'], '₽': ['RUB'], '₺': ['TRY'], '₪': ['ILS'],
  '¥': ['CNY', 'JPY'], '$': ['USD', 'CAD', 'AUD', 'HKD', 'NZD', 'SGD', 'TWD', 'MXN']
}
const words: Record<string, string> = {
  yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP',
  rupee: 'INR', rupees: 'INR', won: 'KRW', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  'us dollars': 'USD', 'u.s. dollars': 'USD', 'american dollars': 'USD', 'canadian dollars': 'CAD', 'australian dollars': 'AUD',
  'hong kong dollars': 'HKD', dollars: 'USD', dollar: 'USD'
}
const codes = ['USD', 'EUR', 'GBP', 'CNY', 'RMB', 'JPY', 'INR', 'KRW', 'RUB', 'HKD', 'AUD', 'CAD', 'CHF', 'SEK', 'NOK', 'DKK']

const amount = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const scale = String.raw`(?:\s*(?:thousand|million|billion|trillion|bn|mn|m|k|lakh|crore)\b)?`
const symbolRe = Object.keys(symbols).sort((a, b) => b.length - a.length).map((s) => s.replace(/[$]/g, '\\$')).join('|')
const wordRe = Object.keys(words).sort((a, b) => b.length - a.length).join('|')
const codeRe = codes.join('|')
const pattern = new RegExp(
  String.raw`(?<sym>${symbolRe})\s?(?:${amount})${scale}` +
    String.raw`|(?<code1>\b(?:${codeRe}))\s?(?:${amount})${scale}` +
    String.raw`|(?<![\p{L}\p{N}])(?:${amount})${scale}\s?(?:(?<code2>(?:${codeRe})\b)|(?<word>(?:${wordRe})\b))`,
  'giu'
)

/** Every money mention in `text` (offsets shifted by `offset`). */
export function findMoney(text: string, offset = 0): MoneyMention[] {
  const found: MoneyMention[] = []
  for (const m of text.matchAll(pattern)) {
    const g = m.groups ?? {}
    const start = offset + (m.index ?? 0)
    const mention = {start, end: start + m[0].length, text: m[0]}
    if (g.sym) {
      const candidates = symbols[g.sym.toUpperCase()] ?? symbols[g.sym]
      found.push({...mention, marker: g.sym, candidates, currency: candidates.length === 1 ? candidates[0] : undefined,
        notation: g.sym.length > 1 ? 'qualified-symbol' : 'symbol'})
    } else if (g.code1 || g.code2) {
      const code = (g.code1 ?? g.code2).toUpperCase()
      const currency = code === 'RMB' ? 'CNY' : code
      found.push({...mention, marker: code, candidates: [currency], currency, notation: 'code'})
    } else if (g.word) {
      const currency = words[g.word.toLowerCase()]
      found.push({...mention, marker: g.word, candidates: [currency], currency, notation: 'word'})
    }
  }
  return found
}
