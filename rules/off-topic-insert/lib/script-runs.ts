import type {Analysis} from '../../../src/text/analysis.js'
import {data, loadModel} from './model.js'
import {dominantScript, scriptRuns, type Line, type ScriptRun} from './segments.js'
import type {Insert} from './reading.js'
import type {Span} from '../../../src/text/types.js'

/**
 * Runs in another script than the article's; `exempt` when they are a gloss of a name, a
 * quotation, or a quotation's original words after a language label or the translated quotation.
 */
export function foreignRuns(doc: Analysis, lines: Line[]): Array<Insert & {exempt: boolean}> {
  const settings = data()
  const {vocabulary} = loadModel()
  const main = dominantScript(lines.map((l) => l.text).join('\n'))
  const isWord = (token: string) => token.length > 1 && vocabulary.df.has(token.toLowerCase())
  const labels = new RegExp(`(?:${[...settings.originalLabels, ...settings.languageNames].join('|')})[^\\p{L}]*[:：](?:[^\\p{L}]*[\\p{L}-]+){0,3}[^\\p{L}]*$|\\(\\([a-z]{2,3}\\)\\)\\s*$`, 'iu')
  const runs: Array<Insert & {exempt: boolean}> = []
  for (const line of lines) {
    let previous: (ScriptRun & {exempt: boolean}) | undefined
    for (const run of scriptRuns(line.text, main, isWord)) {
      if (run.letters < settings.minScriptLetters) continue
      // Words of the article's language mixed into an original quotation (code-switching) do not end it.
      const gap = previous?.exempt ? line.text.slice(previous.end, run.start) : undefined
      const continues = gap !== undefined && (countWords(gap, isWord) < settings.maxMixedWords || !/[.!?]["”’)]?\s+\p{Lu}/u.test(gap))
      const exempt = continues || belongs(doc, line, run, labels, settings.maxGlossLetters)
      previous = {...run, exempt}
      runs.push({start: line.start + run.start, end: line.start + run.end, line, exempt, why: `A run in ${run.script} script in an article written in ${main} script, neither a quotation nor a gloss of a name: usually spam or pasted text.`})
    }
  }
  return runs
}

const countWords = (text: string, isWord: (token: string) => boolean) => text.split(/[^\p{L}'’-]+/u).filter((t) => t.length > 1 && isWord(t)).length

/** How far before a run in another script its label or gloss parenthesis is looked for, in characters. */
const lookBehind = 300

/** A gloss "Zhangjiang (张江)", a quotation in its own words, or the original after a label or quotation. */
function belongs(doc: Analysis, line: Line, run: ScriptRun, labels: RegExp, maxGloss: number): boolean {
  // Only the text just before the run counts (a label or an open parenthesis stands near it): a
  // regex anchored at the end of all the line before it is tried from every start, for every run.
  const before = line.text.slice(Math.max(0, run.core.start - lookBehind), run.core.start)
  const after = line.text.slice(run.core.end)
  // In parentheses beside the article's own words, or glossed by them: 张江 (Zhangjiang).
  const inParens = /[(（][^()（）]*$/.test(before) && /^[^()（）]*[)）]/.test(after)
  if (run.letters <= maxGloss && (inParens || /^\s*[(（]\s*\p{Script=Latin}/u.test(after))) return true
  const start = line.start + run.core.start
  const end = line.start + run.core.end
  // The original words after a language label or a credit label.
  if (labels.test(before)) return true
  // A quotation in the other language, with its translation beside it.
  const letters = (span: Span) => doc.source.slice(span.start, span.end).match(/\p{L}/gu)?.length ?? 0
  return doc.quotations.some((q) => {
    if (!(q.start <= start && end <= q.end) || run.letters * 2 < letters(q.inner)) return false
    // Wholly in the other language (a title, a slogan), or half of it with the translation beside it.
    if (run.letters >= 0.75 * letters(q.inner)) return true
    const next = doc.source.slice(q.end, q.end + 4)
    const previous = doc.source.slice(Math.max(0, q.start - 4), q.start)
    return /^[\s,:]*[(（"“‘'\[]\s*\p{Script=Latin}/u.test(next) || /\p{Script=Latin}[.,!?]?["”’')）\]][\s,:(（]*$/u.test(previous)
  })
}
