import {inLexicon} from '../../../src/text/tokens.js'
import {withinQuotation} from '../../../src/text/quotes.js'
import type {Span} from '../../../src/text/types.js'
import {termCounts} from './classifiers.js'
import {splitRuns, type WordSense} from './segments.js'
import type {Insert, Reading} from './reading.js'
import {maxCutLength} from './cut.js'

/** Runs placed by the line's layout: before a speaker's label, a short line of its own, inside a word. */

let creditLabel: RegExp | undefined

/**
 * Runs pasted at the start of a transcript's turn, before its speaker label ("Hit the Hotspots
 * Wikinews: How do you feel…", "PLEASE, ASSIST. Jane Roe: We've seen…"): the label, which opens
 * other paragraphs of the document, shows where the line's own text starts, as a seam does, so
 * the text before it needs `seamMargin` (a few words, fewer than `minWords`, the bar itself).
 */
export function beforeLabels({doc, lines, settings, judge, threshold, scripts, runs}: Reading): void {
  // (Not a credit's label, "Image:", "Photo:", after a caption; built once, as `credit` is.)
  creditLabel ??= new RegExp(`^(?:${settings.originalLabels.join('|')})\\s*:$`, 'iu')
  const labels = doc.transcriptLabels.filter((label) => !creditLabel!.test(label))
  if (labels.length === 0) return
  for (const line of lines) {
    // Not a turn's own words before another speaker's label on its line.
    if (labels.some((label) => line.text.startsWith(label)) || runs.some((r) => r.line === line && r.start === line.start)) continue
    const at = Math.min(...labels.map((label) => {
      const k = line.text.indexOf(` ${label} `)
      return k < 0 || k + 1 > maxCutLength ? Infinity : k + 1
    }))
    if (at === Infinity) continue
    const head = line.text.slice(0, at).trimEnd()
    const words = head.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
    const bar = threshold + (words >= settings.minWords ? settings.seamMargin : 0)
    const span = {start: line.start, end: line.start + head.length}
    // (A head in another script is that script's run already: flagged once, there.)
    const taken = (r: Insert) => r.line === line && r.start < span.end
    if (words === 0 || withinQuotation(doc.quotations, span) || runs.some(taken) || scripts.some(taken) || judge(head, bar) < bar) continue
    runs.push({...span, line, why: 'Reads as spam or boilerplate, pasted before the speaker label that opens the line.'})
  }
}

/** Short lines of their own, and short fragments after a line's last sentence, that read as junk. */
export function shortLines({lines, settings, article, pieces, threshold, runs}: Reading): void {
  // A line too short to judge alone ("Membership Renewal") is a run when it is a whole line that
  // reads as junk well above the article's bar and shares no word with the rest of the article.
  // Short lines next to each other are the article's own list or headings ("Rocket Raccoon").
  // So is a fragment that ends a line after its last full sentence ("…on the Court. Debt Consolidation").
  const short = (n: number) => pieces[n]?.length === 1 && pieces[n][0].words < settings.minWords
  lines.forEach((line, n) => {
    const piece = pieces[n].at(-1)
    const whole = pieces[n].length === 1 && piece?.start === 0
    const after = pieces[n].at(-2)
    const tail = !whole && after !== undefined && after.score > -Infinity && after.words >= settings.minWords && /[.!?]["'”’)]*$/u.test(line.text.slice(after.start, after.end))
    if (!piece || !(whole || tail) || piece.seed || piece.item || piece.words === 0 || piece.end < line.text.length || (whole && (short(n - 1) || short(n + 1))) ||
        piece.score < threshold + settings.shortLineMargin || runs.some((r) => r.line === line && r.end > line.start + piece.start)) return
    const text = line.text.slice(piece.start, piece.end)
    if ([...termCounts(text)].some(([word, k]) => (article.counts.get(word) ?? 0) > k)) return
    runs.push({start: line.start + piece.start, end: line.end, line, why: whole ? 'A short line that reads as spam or boilerplate and shares no word with the rest of the article.' : 'A fragment after the last sentence of a line that reads as spam or boilerplate and shares no word with the rest of the article.'})
  })
}

/** Runs pasted at a cursor inside a sentence's first word. */
export function wordSplits({doc, lines, settings, vocabulary, article, judge, threshold, runs}: Reading): void {
  // Runs pasted at a cursor inside a sentence's first word. A torn-off rest ("ther") places the
  // run for certain and proves it pasted; a rest that is a word of its own ("he") only joins by
  // chance, so that run must read like junk as surely as a run cut inside a sentence, and gives
  // way to a run found otherwise that reaches beyond it.
  const sense: WordSense = {
    known: (word) => inLexicon(word) || vocabulary.df.has(word.toLowerCase()) || (article.counts.get(word.toLowerCase()) ?? 0) > 1,
    common: (word) => vocabulary.df.has(word.toLowerCase()) || (article.counts.get(word.toLowerCase()) ?? 0) > 1
  }
  lines.forEach((line) => {
    for (const split of splitRuns(line.text, sense, settings.splitLength)) {
      const start = line.start + split.start
      const end = line.start + split.end
      const overlaps = (r: Span) => r.start < end && start < r.end
      // A run that ends a sentence before the rest needs to read like junk only as surely as a sentence.
      const margin = split.closed ? 0 : settings.cutMargin
      // A torn-off rest proves the run pasted even inside a quotation; a chance join does not.
      if (!split.fragment && (withinQuotation(doc.quotations, {start, end}) || runs.some((r) => overlaps(r) && (r.start < start || r.end > end)) || judge(line.text.slice(split.start, split.end), threshold + margin) < threshold + margin)) continue
      for (let k = runs.length - 1; k >= 0; k--) if (overlaps(runs[k])) runs.splice(k, 1)
      runs.push({start, end, line, inWord: true, why: 'Pasted inside a word of the article: its first letters stand before the run and its rest after it.'})
    }
  })
}
