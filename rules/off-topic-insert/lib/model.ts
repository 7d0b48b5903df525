import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {type Infer, list, loadData, number, object, packageRoot, phraseAlternation, phraseRegExp, readCompiled, record, string, type Shape} from '../../../src/plugin/data.js'
import {decodeModel, fromJson, type Trained} from './model-file.js'
import {phraseCandidates} from '../../../src/text/regexp.js'
import {finiteTag, lexiconTag, tokenize} from '../../../src/text/tokens.js'
import type {Lexicons, PastedModel, Phrases} from './classifiers.js'

const strings = list(string)
export const dataShape = object({
  minScriptLetters: number,
  maxGlossLetters: number,
  maxMixedWords: number,
  recurring: number,
  recurringShare: number,
  outlierMargin: number,
  originalLabels: strings,
  originalQuotation: string,
  languageNames: strings,
  threshold: number,
  longWords: number,
  longThreshold: number,
  topicWeight: number,
  topicMinWords: number,
  joinThreshold: number,
  cutMargin: number,
  insideMargin: number,
  offerMargin: number,
  notBeforeCut: strings,
  sentenceOpeners: strings,
  nameHeads: strings,
  rareIdf: number,
  termIdf: number,
  headingTerms: number,
  captionWords: number,
  galleryWords: number,
  signOffEcho: number,
  furnitureOpeners: strings,
  creditRoles: strings,
  imperatives: strings,
  requests: strings,
  seamMargin: number,
  clauseMargin: number,
  nameClauseMargin: number,
  relativeOpeners: strings,
  headArticles: strings,
  subjectLine: string,
  minWords: number,
  shortLineMargin: number,
  strangerMargin: number,
  strangerWords: number,
  addressMargin: number,
  splitLength: number,
  quotedThreshold: number,
  pasted: object({minArticleWords: number, minWords: number, maxUnknownShare: number, recurring: number, outlierMargin: number, spread: number, leeway: number, voice: strings, voiceMargin: number, voiceOthers: number, firstPerson: strings, oneSentenceShare: number, aloneMargin: number}),
  chrome: object({lists: strings, share: number, whole: number}),
  page: object({lengthLow: number, lengthHigh: number, stopwordsLow: number, stopwordsHigh: number, minChrome: number, minUnits: number, labelWords: number, laterProse: number, ownShare: number, ownWords: number, adLabels: strings, teaserHeads: strings, listLeadIns: strings, buttonVerbs: strings, disclosures: strings, chrome: strings, comments: strings, stopwords: strings}),
  contactPatterns: strings,
  lists: record(strings)
})
export type Data = Infer<typeof dataShape>

export const pastedModelShape = object<PastedModel>({
  bias: number,
  threshold: number,
  weights: record(number),
  ranges: record(list(number, 2) as Shape<[number, number]>),
  common: list(number)
})

export const data = () => loadData('rules/off-topic-insert/data.yml', dataShape)

/** The pasted-sentence model (pasted-model.yml, written by scripts/train-pasted.mjs). */
export const pastedModel = () => loadData('rules/off-topic-insert/pasted-model.yml', pastedModelShape)

let compiled: Lexicons | undefined

/** The data file's lists and patterns, compiled once per process. */
export function lexicons(): Lexicons {
  compiled ??= {
    contact: data().contactPatterns.map((p) => new RegExp(p, 'iu')),
    lists: Object.entries(data().lists).map(([name, phrases]) => Object.assign(phraseTests(phrases), {name})),
    chrome: phraseTests(data().chrome.lists.flatMap((name) => data().lists[name] ?? [])),
    page: phraseTests([...data().chrome.lists.flatMap((name) => data().lists[name] ?? []), ...data().page.chrome]),
    comments: phraseTests(data().page.comments),
    furniture: new RegExp(String.raw`^[*_\[(]*(?:${phraseAlternation(data().furnitureOpeners)})(?![\p{L}\p{N}])`, 'iu')
  }
  return compiled
}

/**
 * A list's phrases as a global pattern, the same without its word boundaries, and the pattern of
 * the phrases a text's words let match. The expressions are compiled on first use: compiling a
 * large list's cost more than a one-article run's use of it (~14 ms for one under load), and most
 * texts hold the words of none or a few of its phrases, whose pattern is small.
 */
function phraseTests(phrases: string[]): Phrases {
  let pattern: RegExp | undefined
  let anywhere: RegExp | undefined
  const candidates = phraseCandidates(phrases)
  const some = new Map<string, RegExp>()
  let whole = false
  return {
    get pattern() {
      return (pattern ??= phraseRegExp(phrases))
    },
    get anywhere() {
      return (anywhere ??= new RegExp(phraseAlternation(phrases), 'iu'))
    },
    patternFor(words) {
      const found = candidates(words)
      if (found.length === 0) return undefined
      if (whole || found.length === phrases.length) return this.pattern
      const key = found.join('\n')
      let re = some.get(key)
      if (!re) {
        // A process that needs many different sets reads many texts (a corpus): V8 drops the code
        // of an expression seldom used at garbage collection, and compiling them again and again
        // cost more than the whole list's once (news/: chromeShare 0.65 s against 0.25 s).
        if (some.size >= 16) {
          whole = true
          return this.pattern
        }
        some.set(key, (re = phraseRegExp(found)))
      }
      return re
    }
  }
}

let notBeforeCut: RegExp | undefined

/** Words a pasted run does not end on (they need what follows): a cut never follows them. */
export function cutWords(): RegExp {
  // The word may be glued to a dash or an opening mark before it ("BATON ROUGE –On | Saturday").
  notBeforeCut ??= new RegExp(`(?:^|[\\s\\p{Pd}"“‘(\\[])(?:${data().notBeforeCut.join('|')})$`, 'iu')
  return notBeforeCut
}

let opener: RegExp | undefined

/**
 * Does text start like a new sentence, in a way a sentence's middle does not: a capitalised
 * function word ("The", "He", "However") followed by a word in lower case ("The study was…"), a
 * quotation mark or a number ('After "Taiwan Orbis…" last week', "In 2005, …"), not a name that
 * happens to start with one ("The Guardian", "In Bruges"). A comma may follow the word ("However, she…").
 */
export function opensSentence(text: string): boolean {
  opener ??= new RegExp(`^(?:${data().sentenceOpeners.join('|')}),?\\s+(?:\\p{Ll}|["“‘(]|\\p{N})`, 'u')
  return opener.test(text)
}

let subject: RegExp | undefined

/**
 * Does text open as an e-mail's subject line does ("Re: …", "Fwd: …", "ADV: …", a list's tag
 * "[ILUG] …")? News never starts a sentence so (none of the 887 articles of news/).
 */
export function opensSubject(text: string): boolean {
  subject ??= new RegExp(data().subjectLine, 'iu')
  return subject.test(text)
}

/** Tags of the words a clause's subject may have before its verb: nouns, adjectives, determiners, numbers, possessives. */
const subjectTags = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'JJ', 'DT', 'CD', 'POS', 'PRP$'])
let closed: Set<string> | undefined
let openerWords: Set<string> | undefined

/**
 * Where a line's text may resume after a run pasted before it with no full stop ("Amazing Trade
 * Computer Deals | Bloomberg won the caucus…", "Please look at my channel | Coalition forces are in
 * Iraq…"): the rest opens a clause of its own, and the head is a phrase of its own that ends there,
 * not one that runs into the rest. The rest opens (a) with an introductory adverbial and its comma
 * ("On Friday, …", "Additionally, …", "According to Google, …"), (b) with a quotation that opens a
 * sentence, or (c) with a subject, a capitalised word and up to two words of a noun phrase, then a
 * finite verb in lower case ("Bloomberg won", "Coalition forces are", "The FSB denies"). The head
 * runs into the rest, and the place is no seam, when it opens with a word that needs what follows
 * (`notBeforeCut`: "In November 2006 | Jo was…", "A new video on … site | YouTube has…"), has a
 * finite verb of its own, whose object the rest may be ("The Wall Street Journal suggests | Tusk's
 * remarks may…"), or ends on a figure ("Only 2 in 5 | Canadians think…"), a quotation mark ("…better,"
 * | Bush said…"), an initial or abbreviation ("President George W. | Bush declared…"), or a word in
 * title case that the tagger knows as a name or does not know ("Fellow Briton Mark | Cavendish
 * suffered…", "Regional Governor Mujiv | Hataman agreed…"); a quotation after a word in lower case
 * is what the head says ("Morawiecki tweeted | "We are…"); a one-word subject after a singular noun
 * in lower case or a word in capitals is its apposition ("Hitchcock's 1958 thriller | Vertigo
 * jumped…", "Television station TV | Globo reported…"). `alone` says whether the document writes a
 * word elsewhere, not right after the other.
 */
export function opensClause(head: string, rest: string, alone: (word: string, after: string) => boolean): Clause {
  closed ??= new Set(data().notBeforeCut.map((w) => w.toLowerCase()))
  openerWords ??= new Set(data().sentenceOpeners)
  // What the text alone rules out first: tagging the head's words is the cost (asked at every resume point).
  if (/(?:\p{N}|["'“”‘’]|(?:^|\s)\p{Lu}\p{L}{0,3}\.)$/u.test(head)) return false
  const quotation = /^["“‘]\p{Lu}/u.test(rest)
  const opener = /^\p{Lu}\p{L}*/u.exec(rest)?.[0]
  if (!quotation && (!opener || opener === 'I')) return false
  // A word in title case that the tagger knows as a name, or does not know, may go on into the rest:
  // after one the seam is weaker evidence ('name': the run needs `nameClauseMargin`), only a
  // quotation or a name's relative clause opens there, and the rest's first word must be one the
  // document writes elsewhere on its own, not after that word.
  const last = /(?:^|\s)(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)$/u.exec(head)?.[1]
  const nameEnd = last !== undefined && nameTag(lexiconTag(last))
  // An opener or an adverb in -ly, and its comma within four words, goes on no name. (Not an opener
  // that also ends a name, after a name's word: "…of Harrowgate | Police said", "Thames Valley |
  // Police said" go on the name, as the seam test in bestSplit reads them.)
  const determiner = !quotation && openerWords.has(opener!) && !(nameEnd && continuesName(rest))
  const commaOpener = !quotation && (determiner || /^\p{Lu}\p{Ll}+ly$/u.test(opener!)) && /^\p{Lu}\p{L}*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’-]*){0,3},\s/u.test(rest)
  const weak = !quotation && !commaOpener && nameEnd && !determiner
  // After a name's end only a name's relative clause opens (below): without a comma and one of
  // `relativeOpeners` after it there is none, and nothing to tag.
  relative ??= new Set(data().relativeOpeners)
  if (weak && !Array.from(rest.slice(0, 120).matchAll(/,\s*([\p{L}\p{N}]+)/gu), (m) => m[1].toLowerCase()).some((w) => relative!.has(w))) return false
  const headTokens = tokenize(head)
  const first = headTokens.find((t) => t.word)
  // (An article opens a noun phrase that may be the whole head before a quotation or a name's
  // relative clause, "The Best Policy on the Market | Toronto Police, which…"; not before a verb.)
  headArticles ??= new Set(data().headArticles)
  // Nor does "to" before a verb in its base form: an infinitive of purpose is a clause of its own,
  // as footers open one ("To be removed from our mailing list…", "To receive more information
  // about …, click here | Boeing has…"), not an adverbial that runs into the rest.
  const purpose = first?.lower === 'to' && headTokens.find((t) => t.word && t !== first)?.tag === 'VB'
  if (!first || (closed.has(first.lower) && !headArticles.has(first.lower) && !purpose) || headTokens.some((t) => t !== first && finiteTag(t.tag) && /^\p{Ll}/u.test(t.text))) return false
  // A quotation that opens a sentence after a word in title case is no name's part: nothing is
  // called by a sentence ("Hit the Hotspots | "What is important…", "…Name Brand Products | "I was…").
  if (quotation) return /(?:^|\s)\p{Ll}[\p{L}'’-]*$/u.test(head) ? false : nameEnd ? 'name' : 'clause'
  if (commaOpener) return 'clause'
  const before = headTokens.at(-1)!
  if (weak && !alone(opener!, before.text)) return false
  const kind = weak ? 'name' : 'clause'
  const tokens = tokenize(rest.slice(0, 120))
  for (let k = 1; k < Math.min(tokens.length, 4); k++) {
    const t = tokens[k]
    if ((finiteTag(t.tag) || (k > 1 && t.tag === 'VB')) && /^\p{Ll}/u.test(t.text)) {
      // After a word that may be a name's, a name and its verb may be that name's end ("…President
      // Donald | Trump was…"): no seam there.
      // Nor after a head that an article opens, which may be a name's start ("A Black Lives |
      // Matter group protested…", "The Youth Risk Behavior Surveillance | System was…").
      if (weak || headArticles.has(first.lower)) return false
      if (k > 1 || determiner) return kind
      // A one-word subject: not the apposition of a singular noun or an acronym before it (an
      // adverb is no noun a name stands beside: "…click here | Boeing has…"), nor
      // the second half of a name after a word in title case ("Madonna and Snoop | Dogg are…"):
      // after one, the document must name the subject elsewhere on its own.
      if ((/^\p{Ll}/u.test(before.text) && before.tag !== 'NNS' && before.tag !== 'RB') || /^\p{Lu}{2,}$/u.test(before.text)) return false
      return !/^\p{Lu}/u.test(before.text) || alone(tokens[0].text.replace(/['’]s$/u, ''), before.text) ? kind : false
    }
    // A name as the subject, then a comma and a relative pronoun or an apposition's article
    // (`relativeOpeners`): "Toronto Police, which indicated…", "Harry Dunn, a 19-year-old…". Not
    // after a word in lower case or capitals (an apposition, as above); a one-word name not after
    // a word that may be a name's first ("SUBSCRIBE TODAY Maria | Keller, a driver…").
    if (t.text === ',' && !determiner && tokens.slice(0, k).every((w) => w.word && /^\p{Lu}\p{Ll}/u.test(w.text)) && relative.has(tokens[k + 1]?.lower ?? '') &&
        !/^\p{Ll}/u.test(before.text) && !/^\p{Lu}{2,}$/u.test(before.text) && (k > 1 || (!weak && alone(tokens[0].text, before.text)))) return kind
    // (A name of two or three words before the comma: "Toronto Police, which…".)
    const named = t.word && /^\p{Lu}\p{Ll}/u.test(t.text) && tokens[k + 1]?.text === ','
    if (!t.word || !(determiner || /^\p{Ll}/u.test(t.text) || named) || !subjectTags.has(t.tag)) return false
  }
  return false
}

/** How a line's text resumes after a head (opensClause): not as a clause, as one, or as one after a word that may be a name's. */
export type Clause = false | 'clause' | 'name'
let relative: Set<string> | undefined
let headArticles: Set<string> | undefined

/**
 * Does the head end on a word in lower case that the tagger reads as part of a name or as foreign,
 * or does not know? A name's particle ("Le Petit Zinc on Rue des | Carmes…", "Casa de | Campo")
 * goes on into the rest, as English that needs what follows does ("from | South Korea").
 */
export function endsOnParticle(head: string): boolean {
  const last = /(?:^|\s)(\p{Ll}[\p{L}'’-]*)$/u.exec(head)?.[1]
  if (last === undefined) return false
  const tag = lexiconTag(last)
  return nameTag(tag) || tag === 'FW'
}

/** A tag of a proper noun, or none (a word the tagger does not know, in title case, is most likely a name). */
const nameTag = (tag: string | undefined) => tag === undefined || tag === 'NNP' || tag === 'NNPS'

let heads: RegExp | undefined

/** Does text start with a word that also ends a name ("Police" in "Thames Valley Police said")? */
export function continuesName(text: string): boolean {
  heads ??= new RegExp(`^(?:${data().nameHeads.join('|')})\\b`, 'u')
  return heads.test(text)
}

let trained: Trained | undefined

/** The trained model and news vocabulary (model.json, ~1 MB), read on first use only. */
export function loadModel(): Trained {
  if (!trained) {
    const relativePath = 'rules/off-topic-insert/model.json'
    try {
      const compiled = readCompiled(relativePath, '.bin')
      trained = (compiled && decodeModel(compiled)) || fromJson(JSON.parse(readFileSync(join(packageRoot, relativePath), 'utf8')))
    } catch (error) {
      throw new Error(`copydesk: cannot load \`${relativePath}\` (run scripts/train-off-topic.mjs): ${(error as Error).message}`)
    }
  }
  return trained
}
