import type {Quotation, Span} from './types.js'

// Opening and closing marks of direct quotations; straight marks are decided by their neighbours.
const openDouble = new Set(['“', '„', '«', '"', '「', '『'])
const closeDouble = new Set(['”', '“', '»', '"', '」', '』'])
const reportingNearby = /\b(?:said|says|say|told|tells|added|asked|explained|wrote|writes|stated|according|noted|recalled|insisted|argued|claimed|replied)\b/i

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/**
 * Find direct quotations in one block of source text. `offset` is the block's start in the file.
 * Straight `"` opens after whitespace/start/opening punctuation and closes otherwise; `'` is only
 * a quote mark when it cannot be an apostrophe (not between letters).
 */
export function findQuotations(text: string, offset: number, continued = false): {quotes: Quotation[]; open: boolean} {
  const quotes: Quotation[] = []
  let openAt = continued ? 0 : -1
  let openInner = continued ? 0 : -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (openAt < 0) {
      if (openDouble.has(ch) && (ch !== '"' || opensHere(text, i))) {
        openAt = i
        openInner = i + 1
      }
    } else if (closeDouble.has(ch) && (ch !== '"' || !opensHere(text, i) || i === text.length - 1)) {
      if (ch === '“' && i > openAt && !closesHere(text, i)) continue
      quotes.push(makeQuote(text, offset, openAt, openInner, i, i + 1))
      openAt = -1
    }
  }
  if (openAt >= 0) {
    // A quotation left open runs to the end of the block (and may continue in the next one).
    quotes.push(makeQuote(text, offset, openAt, openInner, text.length, text.length))
    return {quotes, open: true}
  }
  return {quotes, open: false}
}

function opensHere(text: string, i: number): boolean {
  const before = text[i - 1]
  const after = text[i + 1]
  return (before === undefined || /[\s([{—–-]/u.test(before)) && after !== undefined && !/\s/.test(after)
}

function closesHere(text: string, i: number): boolean {
  const after = text[i + 1]
  return after === undefined || !isWordChar(after)
}

function makeQuote(text: string, offset: number, start: number, innerStart: number, innerEnd: number, end: number): Quotation {
  const inner = text.slice(innerStart, innerEnd)
  const words = inner.trim().split(/\s+/).filter(Boolean).length
  const around = text.slice(Math.max(0, start - 40), start) + ' ' + text.slice(end, end + 40)
  // Introduced by a colon? Looks at the end only: a regex over all text before the quote is quadratic on a run of quotes.
  const scare = words <= 4 && !/[.!?]/.test(inner.replace(/[,;]\s*$/, '')) && !reportingNearby.test(around) && !text.slice(0, start).trimEnd().endsWith(':')
  return {
    start: offset + start,
    end: offset + end,
    inner: {start: offset + innerStart, end: offset + innerEnd},
    scare,
    block: false
  }
}

/** Is `span` entirely inside a direct quotation (scare quotes do not count)? */
export function isQuoted(quotes: readonly Quotation[], span: Span): boolean {
  return quotes.some((q) => !q.scare && q.inner.start <= span.start && span.end <= q.inner.end)
}
