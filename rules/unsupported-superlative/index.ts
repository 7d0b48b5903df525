import {loadData, phraseRegExp} from '../../src/data.js'
import {report} from '../../src/report.js'
import {copydeskRule} from '../../src/rule.js'
import type {Span} from '../../src/text/index.js'

interface Data {
  rankScopes: string[]
  absolute: string[]
  puffery: string[]
  setsApart: string
  notSuperlative: string[]
  notClaims: string[]
}

let patterns: {claims: RegExp[]; notClaims: RegExp; notSuperlative: Set<string>} | undefined

function compile() {
  if (!patterns) {
    const data = loadData<Data>('rules/unsupported-superlative/data.yml')
    const scope = data.rankScopes.map((s) => s.replace(/'s$/, '')).join('|')
    patterns = {
      claims: [
        // "the world's most advanced", "Asia's largest"
        new RegExp(String.raw`\b(?:the\s+)?(?:${scope})['’]s\s+(?:(?:most|least)\s+[\p{L}-]+|[\p{L}-]+est)\b`, 'giu'),
        // "the most advanced", "the fastest-growing", "the largest"
        new RegExp(String.raw`\bthe\s+(?:(?:single|very|second|third)\s+)?(?:(?:most|least)\s+[\p{L}-]+|[\p{L}]+est(?:-[\p{L}]+)?|best|worst)\b`, 'giu'),
        phraseRegExp(data.absolute),
        phraseRegExp(data.puffery),
        new RegExp(data.setsApart, 'giu')
      ],
      notClaims: phraseRegExp(data.notClaims),
      notSuperlative: new Set(data.notSuperlative)
    }
  }
  return patterns
}

export default copydeskRule('unsupported-superlative', (doc, file) => {
  const {claims, notClaims, notSuperlative} = compile()
  for (const sentence of doc.sentences) {
    const text = doc.writerText(sentence)
    const excluded: Span[] = [...text.matchAll(notClaims)].map((m) => ({start: m.index!, end: m.index! + m[0].length}))
    const found: Span[] = []
    for (const re of claims) {
      for (const m of text.matchAll(re)) {
        const span = {start: m.index!, end: m.index! + m[0].length}
        const last = m[0].toLowerCase().split(/[\s-]+/).find((w) => w.endsWith('est'))
        if (last && notSuperlative.has(last.replace(/[^a-z]/g, ''))) continue
        if (excluded.some((e) => e.start <= span.start && span.start < e.end)) continue
        if (found.some((f) => f.start < span.end && span.start < f.end)) continue
        found.push(span)
      }
    }
    if (found.length === 0) continue
    // Support: a source or a citation in the same sentence.
    if (doc.attribution(sentence).named.length > 0 || doc.cited(sentence)) continue
    for (const local of found.sort((a, b) => a.start - b.start)) {
      const span = {start: sentence.start + local.start, end: sentence.start + local.end}
      const words = doc.source.slice(span.start, span.end)
      report(file, doc, {
        reason: `Unexpected unsupported claim \`${words}\`, expected a source such as \`according to …\` or a citation`,
        span,
        note: 'A claim of rank, record or uniqueness stated as fact needs a source, a citation or a measure in the same sentence.'
      })
    }
  }
})
