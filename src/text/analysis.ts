import type {Root as NlcstRoot, Sentence as SentenceNode} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {isAbbreviation} from './abbreviations.js'
import {closingScope, continuesPrevious, findAttribution, mentionsEvidence, namesGroup, pointsBackToSource, speaksAsWe, type Attribution} from './attribution.js'
import type {MarkdownFacts} from './markdown.js'
import {documentNames, forgetTokens} from './tokens.js'
import {findCurrencyNames, findMoney, type CurrencyName, type MoneyMention} from './money.js'
import {findNumbers, type NumberMention} from './numbers.js'
import {findQuotations, isQuoted, readTranscript} from './quotes.js'
import {firstEndingAfter} from './spans.js'
import {eachSentence} from './sentences.js'
import {hardWrapped} from './wrap.js'
import type {Citation, Paragraph, Quotation, Sentence, Span} from './types.js'

/** Everything the rules ask about a document, computed once per file and shared by every rule. */
export interface Analysis {
  source: string
  paragraphs: Paragraph[]
  sentences: Sentence[]
  /** Quotations marked in the text, and blockquotes. */
  quotations: Quotation[]
  /**
   * Interview answers: the interviewee's turns in a transcript, their words as if quoted (writerText
   * and isQuoted count them), kept apart because they are not marked as quotations in the text.
   */
  answers: Quotation[]
  /** A transcript's speaker labels as written ("Wikinews:"), read with the answers; none if not a transcript. */
  transcriptLabels: string[]
  citations: Citation[]
  frontmatter: Record<string, unknown>
  /** Convert an offset to a vfile point (1-based line and column). */
  point(offset: number): {line: number; column: number; offset: number}
  /** The sentence's text with quoted words and excluded text blanked out, offsets preserved: the writer's own words. */
  writerText(sentence: Sentence): string
  /** Is the span inside a direct quotation (not a scare quote)? */
  isQuoted(span: Span): boolean
  attribution(sentence: Sentence): Attribution
  cited(sentence: Sentence): boolean
  /**
   * Does the sentence tell the reader where its facts come from? A named source or a citation
   * in the sentence, or the source of the previous sentence in the same paragraph carried by a
   * continuation ("Of these, …", "For example, …"), or an anaphoric source in the next one
   * ("These figures come from the census").
   */
  sourced(sentence: Sentence): {sourced: boolean; how: 'named' | 'cited' | 'previous' | 'next' | 'none'}
  /**
   * Does a named source in the sentence reach this span? A source reaches what follows it and
   * what precedes it in the same clause ("Exports rose 12%, the office said"), but not a clause
   * joined by "and", "but", "while", ";" or ":" ("The cost is €2.5 billion, and the EU considers
   * it a priority" leaves the cost unsourced).
   */
  reaches(sentence: Sentence, span: Span): boolean
  /** A question asserts nothing: "Why did you create wikiHow?". */
  isQuestion(sentence: Sentence): boolean
  /**
   * Does the sentence speak in the first person singular outside quotation marks ("the hardest
   * thing … is the relationship my wife has")? News is written impersonally: these are a
   * speaker's words that lost their marks, not claims in the writer's voice.
   */
  isFirstPerson(sentence: Sentence): boolean
  /** Words the document capitalises inside sentences: its names ("Gates", "Black"). */
  names: ReadonlySet<string>
  numbers(sentence: Sentence): NumberMention[]
  /** Currencies named in the writer's words of a sentence ("the yuan weakened", "RMB"). */
  currencyNames(sentence: Sentence): CurrencyName[]
  /** Every money mention, quoted or not; `quoted` tells which. Amounts in excluded text are not the article's. */
  money(): Array<MoneyMention & {quoted: boolean; sentence: number}>
  /**
   * Leave text that another rule claims (off-topic-insert's runs: spam, boilerplate, another
   * story) out of every answer about the writer's words: its claims, cues, figures and amounts are
   * that rule's finding. Called by the preset's exclusion step, before any rule asks a question.
   */
  exclude(spans: readonly Span[]): void
}

const cache = new WeakMap<VFile, Analysis>()

// What separates clauses, so that a source after it does not reach a claim before it.
const clauseJoin = /[;:]|,\s*(?:and|but|while|whereas|although|though)\b|\s(?:while|whereas)\s|\s[—–]\s/i
// The unit of a rate ("per 100,000 people", "per cubic meter"): a sentence that gives a rate in the
// unit of the sourced sentence before it goes on with the same data ("The highest rate the team
// noted was in Alaska, 15 per 100,000. New Jersey had the lowest, three per 100,000.").
const rateUnit = /\bper\s+(?:[\d,]+|(?:cubic|square)\s+\p{L}+|\p{L}+)/giu
const rateUnits = (text: string) => new Set([...text.matchAll(rateUnit)].map((m) => m[0].toLowerCase().replace(/\s+/g, ' ')))

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
  // A new file: the token memo holds only the file being read (bounded by one file's text).
  forgetTokens()
  const source = String(file)
  const facts: MarkdownFacts = file.data.copydeskMarkdown ?? {blocks: [], blockquotes: [], citations: [], frontmatter: {}}
  const place = location(file)
  const paragraphs = softParagraphs(source, facts)
  const sentences = cutSentences(tree, source, paragraphs)
  const quotations = findAllQuotations(source, facts)
  // Interview answers are the interviewee's words, as if quoted.
  const {answers, labels: transcriptLabels} = readTranscript(source, paragraphs.map((p) => ({start: p.start, end: p.end, heading: p.kind === 'heading'})))
  const spoken = [...quotations, ...answers].sort((a, b) => a.start - b.start)
  const citations: Citation[] = [...facts.citations]
  for (const m of source.matchAll(/\[\d{1,3}\]/g)) {
    const start = m.index ?? 0
    if (!facts.citations.some((c) => c.start <= start && start < c.end)) citations.push({start, end: start + m[0].length, kind: 'bracketNumber'})
  }

  // One slot per sentence; no fact is undefined or null (objects, arrays, strings, booleans).
  const memo = <T>(fn: (s: Sentence) => T) => {
    const values: Array<T | undefined> = new Array(sentences.length)
    return (s: Sentence): T => (values[s.index] ??= fn(s)) as T
  }
  const quoted = (span: Span) => isQuoted(spoken, span)
  // Text another rule claims; fixed before the first answer, which every later answer builds on.
  const excluded: Span[] = []
  let answered = false
  const inExcluded = (span: Span) => excluded.some((r) => r.start < span.end && span.start < r.end)
  // Not the writer's words: quotations, and text another rule claims.
  const writerText = memo((s: Sentence) => {
    answered = true
    let text = s.text
    const blank = (start: number, end: number) => {
      const from = Math.max(start, s.start) - s.start
      const to = Math.min(end, s.end) - s.start
      if (from < to) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to)
    }
    for (const q of spoken) if (!q.scare && q.inner.end > s.start && q.inner.start < s.end) blank(q.start, q.end)
    for (const r of excluded) blank(r.start, r.end)
    return text
  })
  let moneyList: ReturnType<Analysis['money']> | undefined
  const moneyIn = memo((s: Sentence) => findMoney(s.text, s.start))
  // A mention that writerText blanks, wholly or in part.
  const blanked = (m: Span) => spoken.some((q) => !q.scare && q.start < m.end && m.start < q.end) || inExcluded(m)
  const names = documentNames(source)
  // A footnote mark right after the full stop cites the sentence it closes ("… in the country.[^1]",
  // spec §1/§2); the splitter leaves it at the start of the next one.
  const closes = (c: Citation, s: Sentence) => c.kind === 'footnoteReference' && c.start >= s.end && /^[\s"”’)]*$/.test(source.slice(s.end, c.start)) && !/\n\s*\n/.test(source.slice(s.end, c.start))
  const cited = memo((s: Sentence) => citations.some((c) => (c.start >= s.start && c.start < s.end) || closes(c, s)))
  // "the report" points back only when the article has given it something to point back to
  // before: a named or cited source ("Save the Children says …" … "The report says"), or evidence
  // ("a study published in Nature" … "the study found"). The first such sentence, found by
  // reading the sentences in order, each once.
  let antecedent = -1
  let read = 0
  const sourcedBefore = (s: Sentence) => () => {
    while (antecedent < 0 && read < s.index) {
      const other = sentences[read++]
      // (Evidence the sentence itself leaves to no one, "Studies show …", gives "the data" nothing
      // named to point back to; a vague cue about something else does not: "… concluded they were
      // more sophisticated than previously thought".)
      if ((mentionsEvidence(writerText(other)) && !attribution(other).vague.some((v) => mentionsEvidence(v.text))) || cited(other) || attribution(other).named.length > 0) antecedent = other.index
    }
    return antecedent >= 0 && antecedent < s.index
  }
  // Does the writer speak as "we" ("our app", "We replaced …") outside quotations? Asked once, of a
  // group that may be the writer's own people.
  let asWe: boolean | undefined
  const writesAsWe = () => (asWe ??= sentences.some((s) => speaksAsWe(writerText(s))))
  // "the critics" is named when an earlier sentence said who they are ("critics from the Green
  // party"): the first sentence that does, found once per group.
  const groupNamedAt = new Map<string, number>()
  const groupNamedBefore = (s: Sentence) => (noun: string) => {
    let at = groupNamedAt.get(noun)
    if (at === undefined) {
      const found = sentences.findIndex((other) => namesGroup(writerText(other), noun, names, other.start))
      groupNamedAt.set(noun, (at = found < 0 ? sentences.length : found))
    }
    return at < s.index
  }
  const attribution = memo((s: Sentence): Attribution => findAttribution(writerText(s), s.start, names, sourcedBefore(s), writesAsWe, groupNamedBefore(s)))
  const neighbour = (s: Sentence, step: number) => {
    const other = sentences[s.index + step]
    return other && other.paragraph === s.paragraph ? other : undefined
  }
  // The sentence before in the paragraph, whose provision a pronoun may continue (findNumbers).
  const previousText = (s: Sentence) => {
    const other = neighbour(s, -1)
    return other && writerText(other)
  }
  const ownSource = (s: Sentence) => (attribution(s).named.length > 0 ? 'named' : cited(s) ? 'cited' : 'none')
  const reaches: Analysis['reaches'] = (s, span) => {
    if (cited(s)) return true
    const text = writerText(s)
    return attribution(s).named.some((cue) => {
      // A billing ("billed as the tallest", "bills itself as the oldest") names what follows it,
      // up to the end of its phrase; it does not source the rest of the sentence ("The firm,
      // which bills itself as a studio, raised $40 million" leaves the amount unsourced).
      if (!cue.frame) return span.start >= cue.end && !/[,;:()—–]|\b(?:and|but|or|which|who|that|while|whereas)\b/i.test(text.slice(cue.end - s.start, span.start - s.start))
      if (cue.start <= span.start) return true
      // A closing frame ("…, but investors stay away, he noted.") reports the whole sentence.
      // (Also before an appositive on the figures: "…, Greenpeace reports, an energy demand …".)
      // ("according to" is only the cue: its source's name follows, "…, according to the statistics agency IBGE.")
      const closing = /,\s*(?!(?:and|but|or|while|whereas)\b)(?:[\p{L}.'’-]+\s+){0,6}$/u.test(text.slice(0, cue.start - s.start)) && (/^according to/i.test(cue.text) ? closingScope(text, cue.end - s.start) : /^\s*(?:[\p{L}\p{N}.'’-]+\s*){0,3}(?:[.!?"”’)]*\s*$|,\s+(?:an?|the)\s)/u.test(text.slice(cue.end - s.start)))
      // Nor does a source in a relative clause after the figure: "…, which they say will erode …".
      return closing || !clauseJoin.test(text.slice(span.end - s.start, cue.start - s.start)) && !/,\s*(?:which|who|whom|whose)\b/i.test(text.slice(span.end - s.start, cue.start - s.start))
    })
  }
  // The sentence ending in a colon that a list item stands under, over the items before it.
  const listItem = (s: Sentence) => s.index > 0 && paragraphs[s.paragraph].sentences[0] === s.index && /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+$/.test(source.slice(source.lastIndexOf('\n', paragraphs[s.paragraph].start - 1) + 1, paragraphs[s.paragraph].start))
  const listLeadIn = (s: Sentence): Sentence | undefined => {
    for (let k = s.index - 1; k >= 0 && listItem(s); k--) {
      const other = sentences[k]
      if (/:\s*$/.test(other.text)) return other
      if (!listItem(sentences[paragraphs[other.paragraph].sentences[0]])) return undefined
    }
    return undefined
  }
  const sameRate = (text: string, before: string) => {
    if (!/\bper\s/i.test(text) || !/\bper\s/i.test(before)) return false
    const units = rateUnits(before)
    return [...rateUnits(text)].some((unit) => units.has(unit))
  }
  const sourced: Analysis['sourced'] = memo((s: Sentence) => {
    const own = ownSource(s)
    if (own !== 'none') return {sourced: true, how: own}
    const text = writerText(s)
    const previous = neighbour(s, -1)
    if (previous && (continuesPrevious(text) || sameRate(text, writerText(previous))) && sourced(previous).sourced) return {sourced: true, how: 'previous'}
    // A list under a sourced lead-in ("The survey found:") reports what the lead-in's source found.
    const leadIn = listLeadIn(s)
    if (leadIn && sourced(leadIn).sourced) return {sourced: true, how: 'previous'}
    // (A credit line may stand on its own line of the same block: "…\nSource: Environment Agency".)
    const after = sentences[s.index + 1]
    const next = neighbour(s, 1) ?? (after && paragraphs[after.paragraph].block === paragraphs[s.paragraph].block ? after : undefined)
    if (next && pointsBackToSource(writerText(next)) && ownSource(next) !== 'none') return {sourced: true, how: 'next'}
    return {sourced: false, how: 'none'}
  })

  const analysis: Analysis = {
    source,
    paragraphs,
    sentences,
    quotations,
    answers,
    transcriptLabels,
    citations,
    frontmatter: facts.frontmatter,
    point(offset) {
      const p = place.toPoint(offset)
      return {line: p?.line ?? 1, column: p?.column ?? 1, offset}
    },
    writerText,
    isQuoted: quoted,
    attribution,
    cited,
    sourced,
    reaches,
    // "World War I", "Elizabeth I" and "I." initials are not the first person. A capital "My" or
    // "Me" only opens the sentence ("My response was that …"); inside it, it is a title's word
    // ("Love Me or Leave Me", "Let Me Off Uptown").
    // Asked by both claim rules of every sentence.
    // ("mine" is the pronoun after a form of "be", "of", "than", "like" or a clause's start: "the
    // choice was mine", "a friend of mine"; "the Santa Rosa mine", "a copper mine" dig.)
    isFirstPerson: memo((s) => /(?<!\p{Lu}[\p{L}.]*\s)\b(?:I|I['’](?:m|ve|d|ll))(?![.\p{L}])|\b(?:my|me|myself)\b|^[^\p{L}\p{N}]*(?:My|Me|Myself)\b|(?:^|[,;:—]\s*|\b(?:is|was|are|were|be|been|of|than|like|and|or)\s+)mine\b/u.test(writerText(s).replace(/\bI\s+(?=[A-Z])/g, ''))),
    isQuestion: (s) => /\?["”’')\]]*$/.test(s.text.trim()),
    names,
    // Numbers beside letters of another script belong to that text (off-topic-insert's business).
    // Money is parsed once per sentence: the numbers take the mentions the writer's words hold.
    numbers: memo((s) =>
      findNumbers(writerText(s), s.start, moneyIn(s).filter((m) => !blanked(m)), previousText(s)).filter((n) => n.text.trim().length > 0 && !foreignNearby(source, n))
    ),
    currencyNames: memo((s) => findCurrencyNames(writerText(s), s.start)),
    money() {
      answered = true
      moneyList ??= sentences.flatMap((s) => moneyIn(s).filter((m) => !inExcluded(m)).map((m) => ({...m, quoted: quoted(m), sentence: s.index})))
      return moneyList
    },
    exclude(spans) {
      if (answered) throw new Error('text was excluded from the analysis after a rule had asked about it')
      excluded.push(...spans)
    }
  }
  return analysis
}

const foreignNearby = (source: string, span: Span) =>
  /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(source.slice(Math.max(0, span.start - 6), span.end + 6))

/**
 * Markdown blocks, cut again at single newlines that end a paragraph in drafts exported
 * with one newline between paragraphs. A newline inside a hard-wrapped sentence is kept, and so
 * is every newline of a block whose lines are filled to a width (see `hardWrapped`): findings
 * are the same on a paragraph and on its copy wrapped at 72 or 100 columns.
 */
function softParagraphs(source: string, facts: MarkdownFacts): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const blocks = [...facts.blocks].sort((a, b) => a.start - b.start)
  for (const block of blocks) {
    let start = block.start
    const text = source.slice(block.start, block.end)
    const wrapped = hardWrapped(text)
    for (const m of text.matchAll(/\n/g)) {
      const at = block.start + (m.index ?? 0)
      const before = source.slice(start, at).trimEnd()
      const after = source.slice(at + 1, block.end).replace(/^[\s>]+/, '')
      if (wrapped || /^[a-z(]/.test(after) || /[,;:(\-–—]$/.test(before)) continue
      paragraphs.push({index: paragraphs.length, kind: block.kind, block, start, end: at, sentences: []})
      start = at + 1
    }
    paragraphs.push({index: paragraphs.length, kind: block.kind, block, start, end: block.end, sentences: []})
  }
  return paragraphs
}

/**
 * A sentence's source text with its line breaks (and a block quote's marks after them) read as
 * spaces, offsets kept: a rule reads "six billion euros" the same whether a hard wrap falls
 * inside it or not.
 */
const unwrapped = (source: string, start: number, end: number) => source.slice(start, end).replace(/\n[ \t>]*/g, (gap) => ' '.repeat(gap.length))

/** Does the text end in an abbreviation's full stop ("… since its release Dec.")? */
const endsInAbbreviation = (text: string) => isAbbreviation(/(?:^|[\s(])([^\s(]+)\.$/.exec(text)?.[1] ?? '')

/**
 * The rules' sentences: retext's, within paragraphs, mended where it ends one at an abbreviation.
 * The other splitters serve other ends: off-topic's sentenceSpans cuts pasted text, the
 * fingerprint's must stay stable across versions, the claim's measure looks at one clause.
 */
function cutSentences(tree: NlcstRoot, source: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = []
  eachSentence(tree, (node: SentenceNode) => {
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
      const previous = sentences.at(-1)
      // retext ends a sentence at an abbreviation ("since its release Dec. | 22, according to …").
      if (previous && previous.paragraph === paragraph.index && (endsInAbbreviation(previous.text) || /^[a-z]/.test(source[from]))) {
        previous.end = to
        previous.text = unwrapped(source, previous.start, to)
      } else {
        const sentence: Sentence = {index: sentences.length, start: from, end: to, text: unwrapped(source, from, to), paragraph: paragraph.index, node}
        paragraph.sentences.push(sentence.index)
        sentences.push(sentence)
      }
      cutAfterNumbers(sentences, paragraph, source)
    }
  })
  return sentences
}

/**
 * retext (parse-latin) reads a full stop after a number of one to three digits as an ordinal's
 * ("5. Mai") and ends no sentence there: "The module sells for €5. Analysts say …" would be one
 * sentence, and an attribution in the second would cover the figure of the first. In English the
 * full stop ends the sentence when a capital follows, unless the number is a marker: at the start
 * of the sentence (a list item, "1. Mix the flour"), or after a full stop, colon, semicolon or end
 * mark, which covers enumerations ("Steps: 1. Mix …") and numbers named by an abbreviation
 * ("No. 5.", "Dec. 5."). Cuts the last sentence there, offsets kept.
 */
function cutAfterNumbers(sentences: Sentence[], paragraph: Paragraph, source: string) {
  for (let sentence = sentences.at(-1); sentence; ) {
    const cut = numberEnd(sentence.text, sentence.start, source)
    if (!cut) return
    const end = sentence.end
    sentence.end = sentence.start + cut.end
    sentence.text = unwrapped(source, sentence.start, sentence.end)
    const start = sentence.start + cut.next
    sentence = {index: sentences.length, start, end, text: unwrapped(source, start, end), paragraph: paragraph.index, node: sentence.node}
    paragraph.sentences.push(sentence.index)
    sentences.push(sentence)
  }
}

/** The first place in `text` (at `offset` in `source`) where a number's full stop ends a sentence: the end of the stop, the start of the next sentence. */
function numberEnd(text: string, offset: number, source: string): {end: number; next: number} | undefined {
  for (const m of text.matchAll(/\d\.(\s+)["“‘'(]*\p{Lu}/gu)) {
    const stop = (m.index ?? 0) + 1
    // The whole number ("€5", "1,234", "3.5"): the digits of one to three are parse-latin's.
    let at = stop
    while (at > 0 && /[\d.,]/.test(text[at - 1])) at--
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) continue
    const before = text.slice(0, at).trimEnd()
    if (before === '' || /[.:;!?]$/.test(before)) continue
    // A list marker at a line start after a comma, parenthesis or dash (a line starting with a digit
    // after any other line is a paragraph of its own; a hard wrap is read as a space).
    if (/[,(\-–—]$/.test(before) && /\n[ \t>]*$/.test(source.slice(offset + before.length, offset + at))) continue
    return {end: stop + 1, next: stop + 1 + m[1].length}
  }
  return undefined
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
