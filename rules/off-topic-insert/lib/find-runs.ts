import type {Analysis} from '../../../src/text/analysis.js'
import {hardWrapped} from '../../../src/text/wrap.js'
import {data, lexicons} from './model.js'
import {blockLines, type Line} from './segments.js'
import {pageBlocks} from './page-blocks.js'
import {read, type Insert} from './reading.js'
import {foreignRuns} from './script-runs.js'
import {junkRuns} from './junk-runs.js'
import {beforeLabels, shortLines, wordSplits} from './layout-runs.js'
import {pastedSentences} from './pasted-sentences.js'

/**
 * Text pasted into an article that is not part of it: spam, contact handles, boilerplate, text in
 * another script, sentences of another story. Found once per document (off-topic-insert reports
 * the runs; its exclusion step leaves them out of the other rules' analysis). What counts as such
 * a run is off-topic-insert's definition: its data.yml and trained model (model.ts).
 */

export type {Insert}

/** The runs inserted into a document, in source order. */
export function findInserts(doc: Analysis): Insert[] {
  const lines = blockLines(doc.source, doc.paragraphs, (p) => hardWrapped(doc.source.slice(p.start, p.end)))
  const scripts = foreignRuns(doc, lines)
  const found = misfits(doc, lines, scripts)
  const placed = found.filter((r) => r.inWord)
  const runs = [...scripts.filter((r) => !r.exempt && !placed.some((p) => p.start < r.end && r.start < p.end)), ...found]
  // A block of page boilerplate is one run: the runs found inside it go with it.
  const blocks: Insert[] = pageBlocks(doc, data().page, lexicons(), data().chrome.share).map((b) => ({...b, line: {...b, text: doc.source.slice(b.start, b.end)}}))
  return [...blocks, ...runs.filter((r) => !blocks.some((b) => b.start <= r.start && r.end <= b.end))].sort((a, b) => a.start - b.start)
}

/** Runs in the article's own script that the model finds off-topic: spam, boilerplate, pasted sentences. */
function misfits(doc: Analysis, lines: Line[], scripts: Array<Insert & {exempt: boolean}>): Insert[] {
  const reading = read(doc, lines, scripts)
  junkRuns(reading)
  beforeLabels(reading)
  shortLines(reading)
  wordSplits(reading)
  pastedSentences(reading)
  return reading.runs
}
