import {charClass, isLetterClass, isWordChar, startsUpper} from './chars.js'
import {allMatches} from './regexp.js'
import type {Quotation, Span} from './types.js'

// Opening and closing marks of direct quotations; straight marks are decided by their neighbours.
const openDouble = new Set(['“', '„', '«', '"', '「', '『'])
const closeDouble = new Set(['”', '“', '»', '"', '」', '』'])
// Only the marks matter: the scan jumps from one to the next instead of visiting every character.
const marks = new RegExp(`[${[...new Set([...openDouble, ...closeDouble])].join('')}]`, 'g')
const reportingNearby = /\b(?:said|says|say|told|tells|added|asked|explained|wrote|writes|stated|according|noted|recalled|insisted|argued|claimed|replied|spoke|speaking|called|calling)\b/i

/**
 * Find direct quotations in one block of source text. `offset` is the block's start in the file.
 * Straight `"` opens after whitespace/start/opening punctuation and closes otherwise; `'` is never
 * taken as a quote mark, because in English prose it is far more often an apostrophe.
 */
export function findQuotations(text: string, offset: number, continued = false): {quotes: Quotation[]; open: boolean} {
  const quotes: Quotation[] = []
  let openAt = continued ? 0 : -1
  let openInner = continued ? 0 : -1
  for (const mark of allMatches(marks, text)) {
    const i = mark.index
    const ch = text[i]
    if (openAt < 0) {
      if ((openDouble.has(ch) && (ch !== '"' || opensHere(text, i))) || opensMistyped(text, i)) {
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

/**
 * A mark mistyped at the opening of a quotation, found only outside one: a closing mark or a
 * straight mark after a colon (`Hitzfeld: ”We played well.“`, `Germany coach:"We were
 * magnificent"`), or a straight mark stuck to the word before it with a capital after it
 * (`Germany coach"We kept it tight"`). A closing mark elsewhere, or a straight mark after a
 * digit (5'11"), closes or measures.
 */
function opensMistyped(text: string, i: number): boolean {
  const ch = text[i]
  if (ch !== '”' && ch !== '"') return false
  const after = text[i + 1]
  if (after === undefined || /\s/.test(after)) return false
  let back = i - 1
  while (back >= 0 && (text[back] === ' ' || text[back] === '\t')) back--
  if (text[back] === ':') return true
  return ch === '"' && back === i - 1 && back >= 0 && isLetterClass(charClass(text.codePointAt(back)!)) && startsUpper(after)
}

function closesHere(text: string, i: number): boolean {
  const after = text[i + 1]
  return after === undefined || !isWordChar(after)
}

function makeQuote(text: string, offset: number, start: number, innerStart: number, innerEnd: number, end: number): Quotation {
  const inner = text.slice(innerStart, innerEnd)
  const words = inner.trim().split(/\s+/).filter(Boolean).length
  const around = text.slice(Math.max(0, start - 60), start) + ' ' + text.slice(end, end + 40)
  // Introduced by a colon? Look back over whitespace only: scanning all text before each quote is
  // quadratic on a run of quotes.
  let back = start - 1
  while (back >= 0 && /\s/.test(text[back])) back--
  // A short quoted term the writer uses ("City Brain") is writer's voice, not a speaker's words.
  const scare = words <= 4 && !/[.!?]/.test(inner.replace(/[,;]\s*$/, '')) && !reportingNearby.test(around) && text[back] !== ':'
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

/** Is `span` within a direct quotation, its marks included ("“We won.”" as a whole sentence)? */
export function withinQuotation(quotes: readonly Quotation[], span: Span): boolean {
  return quotes.some((q) => !q.scare && q.start <= span.start && span.end <= q.end)
}

// A speaker label opening a transcript paragraph: "Jack Herrick:", "((WN))", "MS" (initials).
const speakerLabel = /^(?:\*\*)?(?:\(\(([^()\n]{1,20})\)\)|\(([^()\n]{1,20})\)|([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})(?:\*\*)?\s*:|([A-Z]{2,3})(?=\s+[A-Z“"]))(?:\*\*)?\s+/u

interface Turn {
  paragraph: Span & {heading?: boolean}
  speaker: string | undefined
  /** The label as written ("Wikinews:", "((WN))"), for a name before a colon or in double parentheses. */
  label: string | undefined
  /** Where the words after the label start. */
  textStart: number
}

export interface Transcript {
  /** The interviewee's turns, their words as if quoted. */
  answers: Quotation[]
  /**
   * The speaker labels that open paragraphs, as written ("Wikinews:", "((WN))", "Jack Herrick:"):
   * a name before a colon, or in double parentheses (not initials or a single parenthesis, which
   * also open other paragraphs). A transcript has two speakers with such turns, three turns or
   * more between them (a short interview gives its interviewer one question), or one speaker with
   * three turns or more (an interview that labels only its interviewer's questions, "((WSS)) : …",
   * and leaves the answers unlabelled); some speaker has two turns at least (labels that open one
   * paragraph each, "Image: …", "Update: …", make no transcript).
   */
  labels: string[]
}

/**
 * Interview transcripts: paragraphs that open with a speaker label, used by two or more speakers.
 * The interviewer (the speaker who mostly asks, or the publication) speaks in the writer's voice;
 * everyone else's turns, and the unlabelled paragraphs that continue them, are their own words.
 * Each paragraph's label is read once, for both answers.
 */
export function readTranscript(source: string, paragraphs: ReadonlyArray<Span & {heading?: boolean}>): Transcript {
  const turns: Turn[] = []
  for (const p of paragraphs) {
    const m = p.heading ? null : speakerLabel.exec(source.slice(p.start, p.end))
    const speaker = m ? (m[1] ?? m[2] ?? m[3] ?? m[4]).trim() : undefined
    const label = m && (m[1] !== undefined || m[3] !== undefined) ? m[0].replace(/\*\*/g, '').trim() : undefined
    turns.push({paragraph: p, speaker, label, textStart: p.start + (m ? m[0].length : 0)})
  }
  return {answers: interviewAnswers(source, turns), labels: transcriptLabels(turns)}
}

/** The interviewee's turns of a transcript (readTranscript). */
export function findInterviewAnswers(source: string, paragraphs: ReadonlyArray<Span & {heading?: boolean}>): Quotation[] {
  return readTranscript(source, paragraphs).answers
}

function transcriptLabels(turns: readonly Turn[]): string[] {
  const counts = new Map<string, number>()
  for (const {label} of turns) if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1)
  // (Some speaker has two turns: labels that open a paragraph once each, "Update:", "Note:", make no transcript.)
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
  return total >= 3 && [...counts.values()].some((n) => n >= 2) ? [...counts.keys()] : []
}

function interviewAnswers(source: string, turns: readonly Turn[]): Quotation[] {
  const stats = new Map<string, {turns: number; questions: number}>()
  for (const t of turns) {
    if (!t.speaker) continue
    const s = stats.get(t.speaker) ?? {turns: 0, questions: 0}
    s.turns++
    if (source.slice(t.textStart, t.paragraph.end).includes('?')) s.questions++
    stats.set(t.speaker, s)
  }
  const speakers = [...stats].filter(([, s]) => s.turns >= 2)
  if (speakers.length < 2) return []
  // A speaker named as the interviewer ("Wikinews", "WN") is the only one: an interviewee may ask
  // as many questions, rhetorical ones ("Well, what is the problem?"). Otherwise, whoever asks in
  // half their turns or more.
  const named = speakers.filter(([name]) => /wikinews|^wn$|interviewer/i.test(name))
  const interviewers = new Set((named.length ? named : speakers.filter(([, s]) => s.questions / s.turns >= 0.5)).map(([name]) => name))
  if (interviewers.size === 0) return []
  const answers: Quotation[] = []
  let current: string | undefined
  for (const t of turns) {
    if (t.paragraph.heading) {
      current = undefined
      continue
    }
    if (t.speaker) current = t.speaker
    if (!current || interviewers.has(current)) continue
    const span = {start: t.textStart, end: t.paragraph.end}
    answers.push({...span, inner: span, scare: false, block: true, speaker: current})
  }
  return answers
}
