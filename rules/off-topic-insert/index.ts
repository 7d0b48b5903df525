import {report} from '../../src/plugin/report.js'
import {copydeskRule, exclusionStep} from '../../src/plugin/rule.js'
import type {Analysis} from '../../src/text/analysis.js'
import type {Span} from '../../src/text/types.js'
import {findInserts, type Insert} from './lib/find-runs.js'

// The runs are found once per document: the exclusion step and the report share them.
const found = new WeakMap<Analysis, Insert[]>()
function inserts(doc: Analysis): Insert[] {
  let runs = found.get(doc)
  if (!runs) {
    runs = findInserts(doc)
    found.set(doc, runs)
  }
  return runs
}

/** The other rules leave the runs alone: their claims, cues and figures are this rule's finding. */
export const exclusion = exclusionStep(inserts)

// Each finding's `expected` copies its paragraph: in a paragraph longer than this (a scraped page
// run together, thousands of runs in it) the copies would grow with runs × length, to gigabytes,
// so there the finding gives only its `fix`.
const maxParagraphCopy = 10_000

export default copydeskRule({
  id: 'off-topic-insert',
  description: 'Text that is not part of the article (spam, contact handles, boilerplate, pasted text)',
  severity: 'warn',
  options: {},
  legend: {letter: 'O', background: '#ffc4c4', line: '3px solid #a11212'}
}, (doc, file) => {
  for (const run of inserts(doc)) {
    const text = doc.source.slice(run.start, run.end)
    // A block of page boilerplate or a wrapped run spans lines: the message names it on one.
    const named = text.replace(/\s*\n[\s>]*/g, ' ')
    const block = doc.paragraphs.find((p) => p.block.start <= run.start && run.end <= p.block.end)?.block ?? run.line
    const fix = removal(doc.source, run, block)
    const kept = () => doc.source.slice(block.start, Math.max(block.start, fix.start)) + doc.source.slice(Math.min(block.end, fix.end), block.end)
    report(file, doc, {
      reason: `\`${named.length > 60 ? `${named.slice(0, 57)}…` : named}\`: ${run.pasted ? 'reads as pasted from another story; cut it unless it belongs here' : 'not part of the article; cut it'}`,
      span: run,
      actual: text,
      // Junk goes without a second thought; a sentence that may be the article's own waits for the editor.
      ...(run.pasted ? {} : {expected: block.end - block.start <= maxParagraphCopy ? [kept().trim()] : undefined, fix}),
      note: run.why
    })
  }
})

/** The edit that removes a run with its separating space, or its whole line or paragraph. */
function removal(source: string, run: Span, block: Span) {
  const lineStart = source.lastIndexOf('\n', run.start - 1) + 1
  const lineEndAt = source.indexOf('\n', run.end)
  const lineEnd = lineEndAt < 0 ? source.length : lineEndAt
  const wholeLine = !source.slice(lineStart, run.start).trim() && !source.slice(run.end, lineEnd).trim()
  if (wholeLine) {
    const alone = block.start >= lineStart && block.end <= lineEnd
    // A paragraph of its own goes with the blank line after it; a line goes with its newline.
    if (lineEndAt >= 0) {
      let end = lineEnd + 1
      if (alone) while (source[end] === '\n') end++
      return {start: lineStart, end, text: ''}
    }
    let start = lineStart
    while (start > 0 && source[start - 1] === '\n') start--
    return {start, end: source.length, text: ''}
  }
  if (/[ \t]/.test(source[run.end] ?? '')) return {start: run.start, end: run.end + 1, text: ''}
  if (/[ \t]/.test(source[run.start - 1] ?? '')) return {start: run.start - 1, end: run.end, text: ''}
  return {start: run.start, end: run.end, text: ''}
}
