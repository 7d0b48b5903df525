import {loadData} from '../../src/data.js'
import {report} from '../../src/report.js'
import {copydeskRule} from '../../src/rule.js'

interface Options {
  referenceCurrency?: string
}

interface Data {
  currencyNames: Record<string, string[]>
}

export default copydeskRule<Options>('currency-consistency', (doc, file, options) => {
  const names = loadData<Data>('rules/currency-consistency/data.yml').currencyNames
  const reference = String(doc.frontmatter.referenceCurrency ?? options.referenceCurrency ?? 'USD')
  const mentions = doc.money().filter((m) => !m.quoted)
  if (mentions.length === 0) return
  // "US$390 million … $2 million": a qualified first mention sets what bare `$` means.
  const qualifiedDollar = mentions.find((m) => m.notation === 'qualified-symbol' && m.marker.endsWith('$'))
  if (qualifiedDollar) for (const m of mentions) if (m.marker === '$') Object.assign(m, {currency: qualifiedDollar.currency, candidates: [qualifiedDollar.currency]})
  const lower = doc.source.toLowerCase()
  // Once per currency, not per mention: each check scans the whole article.
  const namedCache = new Map<string, boolean>()
  const named = (code: string) => {
    if (!namedCache.has(code)) namedCache.set(code, (names[code] ?? [code.toLowerCase()]).some((n) => lower.includes(n)))
    return namedCache.get(code) as boolean
  }
  const otherCurrency = mentions.some((m) => m.currency && m.currency !== 'USD') || mentions.some((m) => m.marker === '¥')

  // Ambiguous symbol: ¥, or bare $ beside another currency, with the currency never named.
  const reported = new Set<number>()
  for (const m of mentions) {
    const ambiguous = m.marker === '¥' || (m.marker === '$' && otherCurrency)
    if (!ambiguous || m.candidates.some(named)) continue
    reported.add(m.start)
    report(file, doc, {
      reason: `Unexpected ambiguous currency \`${m.text}\`: \`${m.marker}\` could be ${m.candidates.slice(0, 3).join(' or ')}, expected the currency named`,
      span: m,
      note: 'The article never names the currency, so readers cannot tell which one is meant.'
    })
  }

  // Mixed currencies without conversion to the reference currency.
  const currencies = new Map<string, (typeof mentions)[number]>()
  for (const m of mentions) {
    const key = m.currency ?? m.marker
    if (!currencies.has(key)) currencies.set(key, m)
  }
  if (currencies.size < 2) return
  for (const [key, first] of currencies) {
    if (key === reference || reported.has(first.start)) continue
    const after = doc.source.slice(first.end, first.end + 60)
    if (/^\s*\((?:about|around|approximately|roughly|some|nearly|almost|≈|~)?\s*(?:US\$|\$|USD|€|£)/i.test(after)) continue
    const other = [...currencies.keys()].find((k) => k !== key)
    report(file, doc, {
      reason: `Unexpected amount \`${first.text}\` in a second currency without a conversion, expected e.g. \`${first.text} (about ${reference} …)\``,
      span: first,
      note: `The article gives amounts in ${[...currencies.keys()].join(' and ')} and never converts them to ${reference}; readers cannot compare them.`,
      cause: other ? {span: currencies.get(other)!, reason: `Other currency first mentioned here`} : undefined
    })
  }
})
