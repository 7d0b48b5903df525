import type {Analysis} from '../../../src/text/analysis.js'
import type {Data} from './model.js'
import {eachLetterWord, longestWord} from '../../../src/text/chars.js'
import type {Span} from '../../../src/text/types.js'

/**
 * Who a sentence speaks as and to: the writer's first person, the reader addressed, a request or an
 * imperative, and where in the document the writer speaks so outside quotations and interview answers.
 */

// A word list of the data as a set, made once per list: the speaker's voice and the imperatives
// (addressed() is asked per sentence), the first person (asked per document).
const wordSets = new WeakMap<readonly string[], Set<string>>()
function setOf(words: readonly string[]): Set<string> {
  let set = wordSets.get(words)
  if (!set) wordSets.set(words, set = new Set(words))
  return set
}
export const voiceOf = (settings: Data) => setOf(settings.pasted.voice)
const imperativesOf = (settings: Data) => setOf(settings.imperatives)
const firstPersonOf = (settings: Data) => setOf(settings.pasted.firstPerson)
// The longest word of each such set, found once: longer words need no string to be told apart.
const longestWords = new WeakMap<ReadonlySet<string>, number>()
function longestOf(words: ReadonlySet<string>): number {
  let longest = longestWords.get(words)
  if (longest === undefined) longestWords.set(words, (longest = longestWord(words)))
  return longest
}

/**
 * Does the text speak to the reader or as a sender (`pasted.voice`: "you", "your", "we", "I")?
 * Spam and calls to action do ("Are your loved ones provided for?", "If you wish to be removed…");
 * a report's own sentence of prose mostly does not.
 */
export function addressed(text: string, settings: Data): boolean {
  const voice = voiceOf(settings)
  if (opensImperative(text, settings)) return true
  const longest = longestOf(voice)
  let found = false
  eachLetterWord(text, (start, end) => {
    if (end - start > longest) return false
    const word = text.slice(start, end)
    return (found = voice.has(word.toLowerCase().replace('’', "'")) && !(word === 'I' && romanOne(text, start)))
  })
  return found
}

/** Does the text speak to the reader: a word of `pasted.voice` that is not of `pasted.firstPerson` ("you", "your")? */
export function secondPerson(text: string, settings: Data): boolean {
  const voice = voiceOf(settings)
  const first = firstPersonOf(settings)
  let found = false
  eachLetterWord(text, (start, end) => {
    const word = text.slice(start, end).toLowerCase().replace('’', "'")
    return (found = voice.has(word) && !first.has(word))
  })
  return found
}

/** Does the sentence ask something of the reader anywhere in it (`requests`: "…please reply with…")? */
export function requests(text: string, settings: Data): boolean {
  const asked = setOf(settings.requests)
  let found = false
  eachLetterWord(text, (start, end) => (found = asked.has(text.slice(start, end).toLowerCase())))
  return found
}

/** Does the sentence open in the imperative, speaking to the reader ("Note that…", "Please reply…")? */
export function opensImperative(text: string, settings: Data): boolean {
  const first = /^["'“‘(\[]*(\p{L}[\p{L}-]*)/u.exec(text)?.[1]
  return first !== undefined && /^\p{Lu}?\p{Ll}*(?:-\p{Ll}+)?$/u.test(first) && imperativesOf(settings).has(first.toLowerCase())
}

/**
 * Is the "I" at `at` a numeral, after a name and before a mark ("World War I.", "Prescription Drug
 * Benefit (Title I)", "Pech-de-l’Azé I,"), not the pronoun?
 */
function romanOne(text: string, at: number): boolean {
  return /\p{Lu}[\p{L}’'-]*\s$/u.test(text.slice(Math.max(0, at - 40), at)) && /^[^\s\p{L}]/u.test(text.slice(at + 1, at + 2))
}

/** Where the writer speaks in the first person, and the sentences it does so in. */
export function writerVoice(doc: Analysis, settings: Data, voice = firstPersonOf(settings)): {at: number[]; sentences: Array<{start: number; end: number}>} {
  const at = voiceAt(doc, voice)
  return {at, sentences: doc.sentences.filter((s) => at.some((k) => s.start <= k && k < s.end))}
}

/** How many of the sentences the writer speaks so in lie outside start–end (the sentence judged). */
export function othersOf(writer: {sentences: readonly Span[]}, start: number, end: number): number {
  return writer.sentences.filter((s) => s.end <= start || end <= s.start).length
}

/**
 * Where the writer speaks to the reader or as a sender (`pasted.voice`), and the sentences it does
 * so in, with those it asks as a question outside quotations and interview answers.
 */
export function writerAddress(doc: Analysis, settings: Data, asks: (text: string) => boolean): {at: number[]; sentences: Array<{start: number; end: number}>} {
  const {at, sentences} = writerVoice(doc, settings, voiceOf(settings))
  const spoken = [...doc.quotations, ...doc.answers].filter((q) => !q.scare)
  const questions = doc.sentences.filter((s) => !sentences.includes(s) && asks(doc.source.slice(s.start, s.end)) && !spoken.some((q) => q.start <= s.start && s.end <= q.end))
  return {at, sentences: [...sentences, ...questions]}
}

/**
 * Where the writer speaks to the reader: the offsets of the words of `pasted.voice` that are not of
 * `pasted.firstPerson` ("you", "your") outside quotations and interview answers.
 */
export function readerAt(doc: Analysis, settings: Data): number[] {
  const first = firstPersonOf(settings)
  return voiceAt(doc, voiceOf(settings)).filter((at) => !first.has(/^[\p{L}'’]+/u.exec(doc.source.slice(at, at + 12))![0].toLowerCase().replace('’', "'")))
}

/** Where the writer speaks in the first person: the offsets of `voice` words outside quotations and interview answers. */
function voiceAt(doc: Analysis, voice: ReadonlySet<string>): number[] {
  const spoken = [...doc.quotations, ...doc.answers].filter((q) => !q.scare).sort((a, b) => a.start - b.start)
  const found: number[] = []
  let k = 0
  let reach = -Infinity
  const longest = longestOf(voice)
  eachLetterWord(doc.source, (at, end) => {
    while (k < spoken.length && spoken[k].start <= at) reach = Math.max(reach, spoken[k++].end)
    // Only a word of the voice outside speech is read further: most words of a document are neither
    // (and a word longer than the voice's longest is none of it, with no string made for it).
    if (at < reach || end - at > longest) return
    const word = doc.source.slice(at, end)
    if (!voice.has(word.toLowerCase().replace('’', "'"))) return
    // A word in capitals is no pronoun ("US$ 20,000", "the US"), nor is one capitalised inside a
    // sentence other than "I" ("Our Lady of Lourdes", "My Chemical Romance"): those are names.
    const opening = at === 0 || /(?:[.!?:"“”'‘’(\n#*>-]|\)\))\s*$/u.test(doc.source.slice(Math.max(0, at - 4), at))
    // Nor is "I" after a name and before a mark a pronoun: it is a numeral ("Pech-de-l’Azé I,", "World War I.").
    const numeral = word === 'I' && romanOne(doc.source, at)
    const name = /^\p{Lu}{2}/u.test(word) || numeral || (/^\p{Lu}/u.test(word) && !/^I(?:['’]|$)/u.test(word) && !opening)
    if (!name) found.push(at)
  })
  return found
}
