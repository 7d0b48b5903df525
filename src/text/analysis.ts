import type {Root as NlcstRoot, Sentence as SentenceNode} from 'nlcst'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {findAttribution, type Attribution} from './attribution.js'
import type {MarkdownFacts} from './markdown.js'
import {findMoney, type MoneyMention} from './money.js'
import {findNumbers, type NumberMention} from './numbers.js'
import {findQuotations, isQuoted} from './quotes.js'
import type {Citation, Paragraph, Quotation, Sentence, Span} from './types.js'

/** Everything the rules ask about a document, computed once per file and shared by every rule. */
export interface Analysis {
  source: string
  paragraphs: Paragraph[]
  sentences: Sentence[]
  quotations: Quotation[]
  citations: Citation[]
  frontmatter: Record<string, unknown>
  /** Convert an offset to a vfile point (1-based line and column). */
  point(offset: number): {line: number; column: number; offset: number}
  /** The sentence's text with quoted words blanked out, offsets preserved. */
  writerText(sentence: Sentence): string
  /** Is the span inside a direct quotation (not a scare quote)? */
  isQuoted(span: Span): boolean
  attribution(sentence: Sentence): Attribution
  cited(sentence: Sentence): boolean
  numbers(sentence: Sentence): NumberMention[]
  /** Every money mention, quoted or not; `quoted` tells which. */
  money(): Array<MoneyMention & {quoted: boolean; sentence: number}>
}

const cache = new WeakMap<VFile, Analysis>()

/** The document's analysis, built on first use by any rule and reused by the rest. */
export function analyse(tree: NlcstRoot, file: VFile): Analysis {
  let analysis = cache.get(file)
  if (!analysis) {
    analysis = build(tree, file)
    cache.set(file, analysis)
  }
  return analysis
}

function build(tree: NlcstRoot, file: VFile): Analysis {
  const source = String(file)
  const facts: MarkdownFacts = file.data.copydeskMarkdown ?? {blocks: [], blockquotes: [], citations: [], frontmatter: {}}
  const place = location(file)
  const paragraphs = softParagraphs(source, facts)
  const sentences = cutSentences(tree, source, paragraphs)
  const quotations = findAllQuotations(source, facts)
  const citations: Citation[] = [...facts.citations]
  for (const m of source.matchAll(/\[\d{1,3}\]/g)) {
    const start = m.index ?? 0
    if (!facts.citations.some((c) => c.start <= start && start < c.end)) citations.push({start, end: start + m[0].length, kind: 'bracketNumber'})
  }

  const memo = <T>(fn: (s: Sentence) => T) => {
    const values = new Map<number, T>()
    return (s: Sentence) => {
      if (!values.has(s.index)) values.set(s.index, fn(s))
      return values.get(s.index) as T
    }
  }
  const quoted = (span: Span) => isQuoted(quotations, span)
  const writerText = memo((s: Sentence) => {
    let text = s.text
    for (const q of quotations) {
      if (q.scare || q.inner.end <= s.start || q.inner.start >= s.end) continue
      const from = Math.max(q.start, s.start) - s.start
      const to = Math.min(q.end, s.end) - s.start
      text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to)
    }
    return text
  })
  let moneyList: ReturnType<Analysis['money']> | undefined

  return {
    source,
    paragraphs,
    sentences,
    quotations,
    citations,
    frontmatter: facts.frontmatter,
    point(offset) {
      const p = place.toPoint(offset)
      return {line: p?.line ?? 1, column: p?.column ?? 1, offset}
    },
    writerText,
    isQuoted: quoted,
    attribution: memo((s) => findAttribution(writerText(s), s.start)),
    cited: memo((s) => citations.some((c) => c.start >= s.start && c.start < s.end)),
    numbers: memo((s) => findNumbers(writerText(s), s.start).filter((n) => n.text.trim().length > 0)),
    money() {
      moneyList ??= sentences.flatMap((s) =>
        findMoney(s.text, s.start).map((m) => ({...m, quoted: quoted(m), sentence: s.index}))
      )
      return moneyList
    }
  }
}

/**
 * Markdown blocks, cut again at single newlines that end a paragraph in drafts exported
 * with one newline between paragraphs. A newline inside a hard-wrapped sentence is kept.
 */
function softParagraphs(source: string, facts: MarkdownFacts): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const blocks = [...facts.blocks].sort((a, b) => a.start - b.start)
  for (const block of blocks) {
    let start = block.start
    const text = source.slice(block.start, block.end)
    for (const m of text.matchAll(/\n/g)) {
      const at = block.start + (m.index ?? 0)
      const before = source.slice(start, at).trimEnd()
      const after = source.slice(at + 1, block.end).replace(/^[\s>]+/, '')
      if (/^[a-z(]/.test(after) || /[,;:(\-–—]$/.test(before)) continue
      paragraphs.push({index: paragraphs.length, kind: block.kind, block, start, end: at, sentences: []})
      start = at + 1
    }
    paragraphs.push({index: paragraphs.length, kind: block.kind, block, start, end: block.end, sentences: []})
  }
  return paragraphs
}

function cutSentences(tree: NlcstRoot, source: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = []
  visit(tree, 'SentenceNode', (node: SentenceNode) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    // Paragraphs are disjoint and in order: jump to the first that can overlap (a scan of all
    // paragraphs per sentence is quadratic on long articles).
    for (let i = firstEndingAfter(paragraphs, start); i < paragraphs.length && paragraphs[i].start < end; i++) {
      const paragraph = paragraphs[i]
      if (paragraph.end <= start) continue
      let from = Math.max(start, paragraph.start)
      let to = Math.min(end, paragraph.end)
      while (from < to && /\s/.test(source[from])) from++
      while (to > from && /\s/.test(source[to - 1])) to--
      if (from >= to) continue
      const sentence: Sentence = {index: sentences.length, start: from, end: to, text: source.slice(from, to), paragraph: paragraph.index, node}
      paragraph.sentences.push(sentence.index)
      sentences.push(sentence)
    }
  })
  return sentences
}

/** Index of the first span in `spans` (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let low = 0
  let high = spans.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (spans[mid].end <= offset) low = mid + 1
    else high = mid
  }
  return low
}

function findAllQuotations(source: string, facts: MarkdownFacts): Quotation[] {
  const quotations: Quotation[] = facts.blockquotes.map((b) => ({...b, inner: b, scare: false, block: true}))
  let open = false
  const blocks = [...facts.blocks].sort((a, b) => a.start - b.start)
  for (const block of blocks) {
    const text = source.slice(block.start, block.end)
    // A quotation that spans paragraphs reopens each paragraph with a quote mark.
    const continued = open && /^["“]/.test(text)
    const result = findQuotations(continued ? text.slice(1) : text, block.start + (continued ? 1 : 0), continued)
    quotations.push(...result.quotes)
    open = result.open
  }
  return quotations.sort((a, b) => a.start - b.start)
}
