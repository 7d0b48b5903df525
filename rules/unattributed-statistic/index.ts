import {list, loadData, object, string} from '../../src/plugin/data.js'
import {report} from '../../src/plugin/report.js'
import {positiveInteger} from '../../src/plugin/options.js'
import {copydeskRule} from '../../src/plugin/rule.js'
import type {NumberMention} from '../../src/text/index.js'

interface Data {
  scaleNouns: string[]
}

interface Options {
  /** A small count needs at least this value to be read as a measure of scale. */
  minScaleCount: number
}
export const dataShape = object<Data>({scaleNouns: list(string)})

let data: (Data & {nouns: Set<string>}) | undefined
const load = () => (data ??= (() => {
  const d = loadData('rules/unattributed-statistic/data.yml', dataShape)
  return {...d, nouns: new Set(d.scaleNouns)}
})())

export default copydeskRule<'unattributed-statistic', Options>({
  id: 'unattributed-statistic',
  description: 'Figure or statistic with no source',
  severity: 'warn',
  defaultOptions: {minScaleCount: 10},
  options: {minScaleCount: positiveInteger},
  legend: {letter: 'N', background: '#b9dcff', line: '2px dashed #0b4f8a'}
}, (doc, file, {minScaleCount}) => {
  const {nouns} = load()
  for (const sentence of doc.sentences) {
    if (doc.isQuestion(sentence) || doc.isFirstPerson(sentence)) continue
    // A small count presented as a measure of scale: "24 national labs", "54 nations have signed".
    const isScale = (n: NumberMention) => {
      if (n.kind !== 'small-count' || Number(n.text.replace(/,/g, '')) < minScaleCount) return false
      // "in all 50 states": every member of a set everyone knows, not a measure of scale; "The 13
      // schools were burned": the things the report has counted already.
      if (/\b(?:all|the|these|those)\s+$/i.test(doc.source.slice(Math.max(0, n.start - 6), n.start))) return false
      const next = doc.source.slice(n.end, n.end + 40).match(/^[\s-]*(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)/u)
      return next ? nouns.has(next[1].toLowerCase()) : false
    }
    const sourced = doc.sourced(sentence)
    // The sentence's own source reaches the figures in its clause; a carried one covers them all.
    const stats = doc.numbers(sentence).filter((n) => (n.statistic || isScale(n)) && !(sourced.how === 'previous' || sourced.how === 'next' || doc.reaches(sentence, n)))
    if (stats.length === 0) continue
    const first = stats[0]
    const vague = doc.attribution(sentence).vague[0]
    const all = stats.map((s) => `\`${s.text}\``).join(', ')
    // One finding per sentence names every figure; its place stays on the first, exactly.
    const these = stats.length > 1 ? 'these figures; say who measured them' : 'this figure; say who measured it'
    report(file, doc, {
      reason: `${all}: no source for ${these}`,
      span: first,
      actual: first.text,
      note: vague
        ? `\`${vague.text}\` names no one, so nothing tells the reader where ${stats.length > 1 ? 'they come' : 'it comes'} from.`
        : `No source in this sentence or the one before: name who measured ${stats.length > 1 ? 'them' : 'it'}, or link the data.`
    })
  }
})
