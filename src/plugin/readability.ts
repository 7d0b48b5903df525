import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import type {Node as NlcstNode, Parent as NlcstParent, Root, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import type {VFile} from 'vfile'
import {eachSentence} from '../text/sentences.js'
import type {RuleMeta} from './rule.js'

const url = 'https://github.com/retextjs/retext-readability#readme'

/**
 * Readability is retext-readability's check run by the preset, not a rule of copydesk's, but
 * config, comments and reports name it beside the rules: its entry in the list (rules/index.ts).
 * Its options are set under `readability`, not `rules` (src/plugin/preset.ts).
 */
export const readabilityMeta: RuleMeta<'readability'> = {
  id: 'readability',
  description: 'Sentence that most readability formulas find hard to read',
  severity: 'warn',
  options: {},
  legend: {letter: 'R', background: '#ececec', line: '1px solid #444'},
  url
}

export interface ReadabilityOptions {
  age?: number
  minWords?: number
  threshold?: number
}

// retext-readability looks words up with Array#includes in lists of ~1,000 and ~3,000 words for
// every word of every sentence: the profile's top entry. Sets give the same answer in O(1).
let familiarWords: Set<string> | undefined
let easyWords: Set<string> | undefined
// Syllables per word, per process (unified-engine attaches plugins anew for every file): counting
// is the costly part, and only sentences that might be hard need it. The list look-ups are
// cheaper to redo than to memoise (measured).
const syllableCounts = new Map<string, number>()

function syllablesOf(value: string): number {
  let count = syllableCounts.get(value)
  if (count === undefined) {
    count = syllable(value)
    syllableCounts.set(value, count)
  }
  return count
}

/**
 * retext-readability 8.0.0, faster: word lists in Sets and looked up only where the formulas'
 * ceilings leave a sentence able to reach the threshold, syllables counted once per distinct
 * word and only where the other formulas leave it able to. Same formulas
 * (its own dependencies), word lists, options and defaults, and the same messages (reason,
 * place, ruleId, source, actual, expected, url): test/speed.test.ts holds it to the stock plugin
 * on corpus articles.
 */
export default function readability(options?: ReadabilityOptions | null) {
  const settings = options ?? {}
  const age = settings.age || 16
  const threshold = settings.threshold || 4 / 7
  const minWords = typeof settings.minWords === 'number' ? settings.minWords : 5
  const formulas = 7

  const judge = (sentence: Sentence, parent: NlcstParent | undefined, file: VFile) => {
    const values: string[] = []
    let letters = 0
    eachWord(sentence, (word) => {
      const value = wordText(word)
      values.push(value)
      letters += value.length
    })
    const wordCount = values.length
    if (wordCount < minWords) return

    // Every formula's age grows with the hard words it counts. First each at its ceiling (every
    // word unfamiliar, difficult, polysyllabic): most sentences cannot reach the threshold even
    // so, and need neither the word-list look-ups nor the syllables.
    const counts = {
      character: letters,
      complexPolysillabicWord: 0,
      difficultWord: wordCount,
      letter: letters,
      polysillabicWord: wordCount,
      sentence: 1,
      syllable: 0,
      unfamiliarWord: wordCount,
      word: wordCount
    }
    const over = (scores: number[]) => scores.filter((score) => score > age).length
    const letterScores = [gradeToAge(automatedReadability(counts)), gradeToAge(colemanLiau(counts))]
    const smogCeiling = smogToAge(smogFormula(counts))
    const ceilings = [gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]), gradeToAge(spacheFormula(counts)), smogCeiling]
    // Flesch and Gunning fog have no ceiling short of counting syllables: they are taken to pass.
    if ((over(letterScores) + over(ceilings) + 2) / formulas < threshold) return

    familiarWords ??= new Set(spache)
    easyWords ??= new Set(daleChall)
    const familiar = new Set<string>()
    const easy = new Set<string>()
    for (const value of values) {
      const caseless = value.toLowerCase()
      if (familiarWords.has(caseless)) familiar.add(caseless)
      if (easyWords.has(caseless)) easy.add(caseless)
    }
    counts.difficultWord = wordCount - easy.size
    counts.unfamiliarWord = wordCount - familiar.size
    counts.polysillabicWord = 0
    const scores = [...letterScores, gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]), gradeToAge(spacheFormula(counts))]
    // The three syllable formulas cannot lift a sentence over the threshold: no need to count.
    if ((over(scores) + 2 + (smogCeiling > age ? 1 : 0)) / formulas < threshold) return

    for (const value of values) {
      const syllables = syllablesOf(value)
      counts.syllable += syllables
      if (syllables >= 3) {
        counts.polysillabicWord++
        // Gunning fog's complex words: not capitalised, as retext-readability checks it.
        if (value.charCodeAt(0) === value.toLowerCase().charCodeAt(0)) counts.complexPolysillabicWord++
      }
    }
    scores.push(fleschToAge(flesch(counts)), gradeToAge(gunningFog(counts)), smogToAge(smogFormula(counts)))
    const nok = scores.filter((score) => score > age).length
    if (nok / formulas < threshold) return

    const message = file.message(
      hardToRead(values, nok, formulas, age),
      {ancestors: parent ? [parent, sentence] : [sentence], place: sentence.position, ruleId: 'readability', source: 'retext-readability'}
    )
    message.actual = toString(sentence)
    message.expected = []
    message.url = url
  }

  return (tree: Root, file: VFile) => {
    eachSentence(tree, (sentence, parent) => judge(sentence, parent, file))
  }
}

/**
 * The finding in an editor's words: the sentence by its opening words, how many of the formulas
 * rate it above the target age, and what to do. `nok` and `formulas` are retext-readability's count.
 */
export function hardToRead(words: string[], nok: number, formulas: number, age: number): string {
  const opening = words.slice(0, 4).join(' ') + (words.length > 4 ? ' …' : '')
  return `\`${opening}\`: hard to read, ${nok < formulas ? `${nok} of ${formulas}` : `all ${formulas}`} readability formulas put it above age ${age}; split the sentence or use shorter words`
}

/** toString(word), without building a new string for the usual one-text-node word. */
function wordText(word: Word): string {
  const only = word.children.length === 1 ? word.children[0] : undefined
  return only?.type === 'TextNode' ? only.value : toString(word)
}

function eachWord(node: NlcstNode, fn: (word: Word) => void) {
  if (node.type === 'WordNode') return fn(node as Word)
  const children = (node as NlcstParent).children
  if (children) for (const child of children) eachWord(child, fn)
}

/** The typical (higher) starting age of a US school grade. */
const gradeToAge = (grade: number) => Math.round(grade + 5)
const fleschToAge = (value: number) => 20 - Math.floor(value / 10)
const smogToAge = (value: number) => Math.ceil(Math.sqrt(value) + 2.5)
