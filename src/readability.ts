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
import {eachSentence} from './text/sentences.js'

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
 * retext-readability 8.0.0, faster: word lists in Sets, syllables counted once per distinct word
 * and only where the other formulas leave a sentence able to reach the threshold. Same formulas
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
    familiarWords ??= new Set(spache)
    easyWords ??= new Set(daleChall)
    const values: string[] = []
    const familiar = new Set<string>()
    const easy = new Set<string>()
    let letters = 0
    eachWord(sentence, (word) => {
      const value = wordText(word)
      const caseless = value.toLowerCase()
      values.push(value)
      letters += value.length
      if (familiarWords?.has(caseless)) familiar.add(caseless)
      if (easyWords?.has(caseless)) easy.add(caseless)
    })
    const wordCount = values.length
    if (wordCount < minWords) return

    const counts = {
      character: letters,
      complexPolysillabicWord: 0,
      difficultWord: wordCount - easy.size,
      letter: letters,
      polysillabicWord: 0,
      sentence: 1,
      syllable: 0,
      unfamiliarWord: wordCount - familiar.size,
      word: wordCount
    }
    const scores = [
      gradeToAge(automatedReadability(counts)),
      gradeToAge(colemanLiau(counts)),
      gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
      gradeToAge(spacheFormula(counts))
    ]
    // The three syllable formulas cannot lift a sentence over the threshold: no need to count.
    // SMOG's age grows with the polysyllabic words, at most every word: for the ages in use it
    // stays below them unless a sentence has thousands of words, and then it cannot count.
    const smogCeiling = smogToAge(smogFormula({...counts, polysillabicWord: wordCount}))
    if ((scores.filter((score) => score > age).length + 2 + (smogCeiling > age ? 1 : 0)) / formulas < threshold) return

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
      `Unexpected hard to read sentence, according to ${nok < formulas ? nok + ' out of ' : 'all '}${formulas} algorithms`,
      {ancestors: parent ? [parent, sentence] : [sentence], place: sentence.position, ruleId: 'readability', source: 'retext-readability'}
    )
    message.actual = toString(sentence)
    message.expected = []
    message.url = 'https://github.com/retextjs/retext-readability#readme'
  }

  return (tree: Root, file: VFile) => {
    eachSentence(tree, (sentence, parent) => judge(sentence, parent, file))
  }
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
