import type {Analysis} from '../../../src/text/analysis.js'
import {hardWrapped} from '../../../src/text/wrap.js'
import {continuesName, cutWords, data, endsOnParticle, lexicons, loadModel, opensClause, type Clause, opensSentence, opensSubject, pastedModel, type Data} from './model.js'
import {blockLines, dominantScript, resumePoints, scriptRuns, sentenceSpans, splitRuns, type Line, type ScriptRun, type WordSense} from './segments.js'
import {articleLength, articleWords, chromeShare, hasEmail, hasPhone, hasWebAddress, idf, pastedCandidate, nameOverlap, pastedLogOdds, runContext, sharedRareWords, styleLogOdds, termCounts, topicCeiling, topicFeatures, topicLogOdds, topicScore, type ArticleWords, type Lexicons, type SentenceInArticle, type Vocabulary} from './classifiers.js'
import {pageBlocks} from './page-blocks.js'
import {phraseAlternation} from '../../../src/plugin/data.js'
import {withinQuotation} from '../../../src/text/quotes.js'
import {inLexicon} from '../../../src/text/tokens.js'
import {charClass, eachLetterWord, isLetterClass, longestWord, SPACE} from '../../../src/text/chars.js'
import {findMoney} from '../../../src/text/money.js'
import type {Span} from '../../../src/text/types.js'

/**
 * Text pasted into an article that is not part of it: spam, contact handles, boilerplate, text in
 * another script, sentences of another story. Found once per document (off-topic-insert reports
 * the runs; its exclusion step leaves them out of the other rules' analysis). What counts as such
 * a run is off-topic-insert's definition: its data.yml and trained model (model.ts).
 */

/** An inserted run: its place, the source line it sits on, and why it does not belong. */
export interface Insert extends Span {
  line: Line
  why: string
  /**
   * A sentence that reads like the article's own but fits another story: deleting it is an
   * editor's call, not a mechanical fix.
   */
  pasted?: boolean
  /** Pasted inside a word, whose halves place it for certain: it wins over a run found otherwise. */
  inWord?: boolean
}

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

/**
 * Runs in another script than the article's; `exempt` when they are a gloss of a name, a
 * quotation, or a quotation's original words after a language label or the translated quotation.
 */
function foreignRuns(doc: Analysis, lines: Line[]): Array<Insert & {exempt: boolean}> {
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

/** What the stages of `misfits` share: the article's lines, their pieces and scores, and the runs found so far. */
interface Reading {
  doc: Analysis
  lines: Line[]
  settings: Data
  vocabulary: Vocabulary
  article: ArticleWords
  /** A text's log-odds of being junk; below `floor` it may be an upper bound. */
  judge: (text: string, floor: number) => number
  /** Each line's sentence-sized pieces, in its segments of the article's own script. */
  pieces: Piece[][]
  /** The article's bar: the model's threshold, or higher where the article has a style of its own. */
  threshold: number
  /** Runs of another script, found before: judged on their own, never again as part of a run here. */
  scripts: Array<Insert & {exempt: boolean}>
  runs: Insert[]
}

/** A sentence-sized piece of a line: its place on the line, its words and score, and whether it may start a run. */
interface Piece extends Span {
  words: number
  /** A whole item of an enumeration or list: the article's own, never a run's start. */
  item: boolean
  /** Long enough (or an address, or page chrome) to start a run. */
  seed: boolean
  /** Page chrome or a call to action, mostly ("Printable version"): a run when the model leans that way. */
  chrome: boolean
  /** Page chrome whole ("Related stories:"): a run unless the model leans against it. */
  wholeChrome: boolean
  /** The judge's log-odds; -Infinity for quoted speech. */
  score: number
}

/** 1 when the text starts with a capital glued to a word's start ("IClick here…"), else 0. */
const gluedCapital = (text: string) => (/^\p{Lu}(?=\p{Lu}\p{Ll}{2}|\p{N}{3})/u.test(text) ? 1 : 0)

/**
 * A byline, the article's own however its capitals read: "By JOHN SMITH and MARIA LOPEZ, Staff
 * Writers", "By Jane Doe, Associated Press", with its date as blogs and magazines print it ("By
 * Priya Nair · January 20, 2027", "By Hannah Reeve | Updated 2 November 2026"); not with seven digits
 * in a row, which a phone number or an account's would be (`bylineNumber`).
 */
const bylineName = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`
const byline = new RegExp(String.raw`^By\s+${bylineName}(?:\s*(?:,|and|&)\s*${bylineName})*(?:\s*[,|·•–—-]\s*[\p{L}\p{N}' .,:]{2,40}){0,2}$`, 'u')
const bylineNumber = /(?:\p{N}[\s.()-]*){7}/u
let credit: RegExp | undefined
/**
 * A byline, or a wire story's closing credit ("(Reporting by Ana Ruiz; Editing by Tom Keller)"),
 * bold or not ("**By Mere Tautahi**").
 */
const ownCredit = (text: string, settings: Data) => {
  const plain = text.replace(/^([*_]{1,2})(.+)\1$/u, '$2').trim()
  // Both open on their first characters: most lines are tested (and the two patterns compiled) for nothing.
  if (!plain.startsWith('(') && !plain.startsWith('By')) return false
  return (byline.test(plain) && !bylineNumber.test(plain)) || (credit ??= creditPattern(settings.creditRoles)).test(plain)
}
/** "(Reporting by …; Editing by …)": the roles `by` names, in parentheses (built once: it is asked per line). */
function creditPattern(roles: string[]): RegExp {
  const role = String.raw`(?:${phraseAlternation(roles)})\s+by\s+${bylineName}(?:\s*(?:,|and|&)\s*${bylineName})*`
  return new RegExp(String.raw`^\(\s*${role}(?:\s*[;,]\s*${role})*\s*\)$`, 'iu')
}

/** A wire-style dateline: a place in capitals, maybe a state, a date ("COPIAPÓ, Chile, Aug 22") or an agency, then a dash. */
const dateline = /^\p{Lu}{2,}[\p{Lu}.'’-]*(?:\s+\p{Lu}{2,}[\p{Lu}.'’-]*){0,3}(?:,\s*[\p{L}\p{N}.]+(?:\s[\p{L}\p{N}.]+){0,2}){0,2}\s*(?:\([^()]{1,20}\)\s*)?(?:[—–]|\s--?\s)\s*/u

/** Prose, not a headline in title case ("Federal Tax Dollars Return To Fullerton As Part Of …"): most words start in lower case. */
function prose(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? []
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length
}

/** Do a line's pieces k-1 and k touch (at most a space between them), so one run can take both? */
const touching = (list: Piece[], k: number) => list[k].start - list[k - 1].end <= 1

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

/** The article's lines cut into pieces and scored, and the bar a run must beat. */
function read(doc: Analysis, lines: Line[], scripts: Array<Insert & {exempt: boolean}>): Reading {
  const settings = data()
  const {model, vocabulary} = loadModel()
  const lex = lexicons()
  // The model reads only the article's own script: runs of other scripts cut a line into segments.
  // Words between two runs that belong to the article (an original quotation that mixes in English
  // words, "focus health loan और education loan") are part of that quotation: no segment.
  const segments = lines.map((line) => {
    const onLine = scripts.filter((r) => r.line === line)
    const bounds = [0]
    for (const r of onLine) bounds.push(r.start - line.start, r.end - line.start)
    bounds.push(line.text.length)
    const parts: Span[] = []
    for (let k = 0; k < bounds.length; k += 2) {
      const quoted = k > 0 && onLine[k / 2 - 1].exempt && onLine[k / 2]?.exempt
      if (bounds[k + 1] > bounds[k] && !quoted) parts.push({start: bounds[k], end: bounds[k + 1]})
    }
    return parts
  })
  const article = articleWords(termCounts(segments.flatMap((parts, n) => parts.map((p) => lines[n].text.slice(p.start, p.end))).join('\n')), vocabulary)
  // One score per run: the style model's log-odds, plus the topic model's when the run does not fit
  // the article (a chance overlap of words with the article never excuses spam).
  // Below `floor` a score decides nothing, so it may be returned as an upper bound: the topical
  // features (the costly part) are computed only when the topic model could lift the run to `floor`.
  const ceiling = settings.topicWeight * Math.max(0, topicCeiling(model))
  // A text's style score, once per document: a quoted sentence is scored for the quotation test and
  // again as a piece, and a run's texts are judged again as it grows and splits.
  const styles = new Map<string, number>()
  const styleOf = (text: string) => {
    let style = styles.get(text)
    if (style === undefined) styles.set(text, (style = styleLogOdds(model, text, vocabulary, lex)))
    return style
  }
  const judge = (text: string, floor: number) => {
    const style = styleOf(text)
    if (style + ceiling < floor) return style + ceiling
    // Below `floor` the topic score may be a bound too: the topic vectors only where it could lift the run there.
    const topic = style < floor ? topicLogOdds(model, text, article, (floor - style) / settings.topicWeight) : topicScore(model, topicFeatures(text, runContext(text, article)))
    return style + settings.topicWeight * Math.max(0, topic)
  }
  // The lowest score that matters: one that joins a run, or one whose rank raises the outlier bar.
  const floor = Math.min(settings.joinThreshold, settings.threshold - settings.outlierMargin)
  // Where each line's quotation in its original words starts (the end of its label), found once per line.
  const original = new RegExp(settings.originalQuotation, 'u')
  const originalAt = lines.map((line) => {
    const m = original.exec(line.text)
    return m ? m.index + m[0].length : Infinity
  })
  const {item, entry} = listLines(doc, lines, settings, lex, article)
  const pieces = lines.map((line, n) => {
    return segments[n].flatMap((part) =>
      sentenceSpans(line.text.slice(part.start, part.end)).map((s) => {
        // The piece starts after what no run may take: the capital that a run pasted into the
        // sentence's first word leaves glued to its start ("IClick here…"; a fix restores the
        // word), or a dateline opening the line ("BATON ROUGE –", "WASHINGTON (AP) —"), the
        // article's own however loud its capitals read.
        const from = part.start + s.start
        const skip = Math.min(s.end - s.start, (from === 0 && dateline.exec(line.text)?.[0].length) || gluedCapital(line.text.slice(from)))
        const span = {start: from + skip, end: part.start + s.end}
        const text = line.text.slice(span.start, span.end)
        // A bare web or e-mail address standing as a sentence of its own is judged however short,
        // even inside quotation marks: nobody says one aloud.
        const address = /^["'“‘(\[]?(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.\S+)$/.test(text)
        // Quoted speech is not judged, unless it reads as junk beyond what anyone says (spam pasted inside a quotation).
        const quoted = !address && (withinQuotation(doc.quotations, {start: line.start + span.start, end: line.start + span.end}) || originalAt[n] <= span.start) &&
          styleOf(text) < settings.quotedThreshold
        // A piece too short to judge alone ("URGENT!") may still join the run beside it.
        const words = lettered(text.includes('((') || text.includes('[') ? text.replace(/\(\([^()]*\)\)|\[[^[\]]*\]/g, ' ') : text)
        const whole = item[n] || (entry[n] && span.start <= skip && span.end === line.text.length && !givesContact(text, lex))
        const share = quoted ? 0 : chromeShare(text, lex.chrome)
        const chrome = share >= settings.chrome.share
        return {...span, words, item: whole, chrome, wholeChrome: share >= 1, seed: (words >= settings.minWords || address || chrome) && !whole, score: quoted ? -Infinity : judge(text, floor)}
      })
    )
  })
  // Short pieces side by side that all lean towards junk, with enough words between them ("You've
  // Won! Confirmation Number 567842"), are judged like one piece: each may start a run.
  // (Not exclamations that name someone the article names: "Oh! Mark Grote!")
  pieces.forEach((list, n) => {
    const sharesName = (start: number, end: number) => sharedRareWords(termCounts(lines[n].text.slice(start, end)), article, settings.rareIdf) > 0
    for (let i = 0; i < list.length; ) {
      let j = i
      let words = 0
      while (j < list.length && !list[j].seed && !list[j].item && list[j].score >= settings.joinThreshold && (j === i || touching(list, j))) words += list[j++].words
      if (j - i > 1 && words >= settings.minWords && !sharesName(list[i].start, list[j - 1].end)) for (let k = i; k < j; k++) list[k].seed = true
      i = Math.max(j, i + 1)
    }
  })
  // Inserted runs stand out from their article; a style that recurs in it (captions, lists) is its own.
  // One value per line: a run of several sentences is still one insert.
  const ranked = pieces.map((list) => Math.max(-Infinity, ...list.filter((p) => p.seed).map((p) => p.score))).sort((a, b) => b - a)
  const rank = Math.max(settings.recurring, Math.floor(settings.recurringShare * ranked.length))
  const threshold = Math.max(settings.threshold, (ranked[rank] ?? -Infinity) + settings.outlierMargin)
  return {doc, lines, settings, vocabulary, article, judge, pieces, threshold, scripts, runs: []}
}

/**
 * Lines of the article's own that never start a run (`item`: enumerations, captions, bylines),
 * and lines of a Markdown list or a heading (`entry`), which do not either when whole, unless they
 * give a contact.
 */
function listLines(doc: Analysis, lines: Line[], settings: Data, lex: Lexicons, article: ArticleWords) {
  // An item of an enumeration belongs to its list and never starts a run: a line that ends on a
  // semicolon or comma ("o Miramar - $64,602,405 over two years;"; junk does not), or one that
  // opens like two other lines with a figure or a symbol ("$250,000 to establish …").
  // (An interview's speaker label, "((WN))", opens no enumeration.)
  const keys = lines.map((line) => /^[^\p{L}\s]+/u.exec(line.text.replace(/^\(\([^()]*\)\)\s*/, ''))?.[0].replace(/\p{N}[\p{N},.]*/gu, '0'))
  const leads = new Map<string, number>()
  for (const key of keys) if (key) leads.set(key, (leads.get(key) ?? 0) + 1)
  // So is a whole entry of a Markdown list of three or more ("- who are LGBTQ+"), or a whole
  // heading (a press release's "## BACKGROUND"), unless it gives a contact or an address, as spam
  // does and an article's own list or headings never need to; a run pasted at the start of an
  // entry is still judged. The same tests as the style model's contact features (givesContact).
  const entries = doc.paragraphs.filter((p) => p.block.enumerated || p.kind === 'heading').map((p) => p.block)
  // So is a caption: a short line with no full stop beside another ("Naruto", "Ruby from RWBY",
  // "Captain America and Tony Stark" under a gallery's photos), unless it gives a contact, an
  // address or a phone number, as an ad does and a caption never needs to ("great rates for bad
  // credit 00838853211000999" among a gallery's captions).
  // And a byline ("By JOHN SMITH and MARIA LOPEZ, Staff Writers") or a wire credit.
  // A heading beside a short line makes no gallery of it: a section's heading is short with no
  // full stop too, and a line pasted just above one ("Weekly Stock Report vjf" over "## Displays
  // of charity at event") is judged like any other.
  // A longer line is a caption too when it names in title case ("Ginny Weasley from the Harry Potter
  // series", "Al Otro Lado Del Rio, from The Motorcycle Diaries"), up to `galleryWords`, and holds
  // no phrase of the lists (spam, calls to action, boilerplate), as an ad's title-case line does.
  const captionLike = (text: string) => {
    const words = text.split(/\s+/).length
    return words <= settings.captionWords || (words <= settings.galleryWords && !prose(text) && !lex.lists.some((list) => chromeShare(text, list) > 0))
  }
  const caption = lines.map((line) => !/[.!?:;,]["'”’)]*$/u.test(line.text) && captionLike(line.text) && !givesAddress(line.text, lex))
  const heading = insideAny(lines, doc.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.block))
  const captionBeside = (n: number) => caption[n] && !heading[n]
  // And a sign-off, the document's last line when short ("SEE YOU AT THE MARKET."), however loud its
  // capitals read: the document's own furniture (spec §4, issue 17). It echoes the article's theme,
  // a word of it (no function word) that the rest of the article uses `signOffEcho` times or more,
  // and holds no contact, address, phone number or figure, nor a phrase of the lists (spam, calls to
  // action, boilerplate): a run pasted at the end ("Need a Credit Card?") does one or echoes nothing.
  const last = lines.length - 1
  const stop = new Set(settings.page.stopwords)
  const echoes = (text: string) => [...termCounts(text)].some(([word, k]) => !stop.has(word) && (article.counts.get(word) ?? 0) - k >= settings.signOffEcho)
  const signOff = last >= 0 && lines[last].text.split(/\s+/).length <= settings.captionWords && !/\p{N}/u.test(lines[last].text) &&
    !givesContact(lines[last].text, lex) && !lex.lists.some((list) => chromeShare(lines[last].text, list) > 0) && echoes(lines[last].text)
  return {
    item: lines.map((line, n) => {
      const key = keys[n]
      return (n === last && signOff) || /[;,](?:\s+(?:and|or))?$/.test(line.text) || (key !== undefined && leads.get(key)! >= 3) || (caption[n] && (captionBeside(n - 1) || captionBeside(n + 1))) || ownCredit(line.text, settings)
    }),
    entry: insideAny(lines, entries)
  }
}

/**
 * For each line, whether one of `spans` holds it whole. One sweep in order of start: a span that
 * starts at or before the line holds it when it reaches past its end, so the furthest reach is
 * all that counts (testing every span per line took minutes for 40,000 headings).
 */
function insideAny(lines: Span[], spans: Span[]): boolean[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const order = lines.map((_, n) => n).sort((a, b) => lines[a].start - lines[b].start)
  const inside = new Array<boolean>(lines.length).fill(false)
  let next = 0
  let reach = -Infinity
  for (const n of order) {
    while (next < sorted.length && sorted[next].start <= lines[n].start) reach = Math.max(reach, sorted[next++].end)
    inside[n] = lines[n].end <= reach
  }
  return inside
}

/** Sentences, and runs cut from them, that read as junk, with the sentences beside them that lean that way. */
function junkRuns({doc, lines, settings, vocabulary, article, judge, pieces, threshold, runs}: Reading): void {
  const known = articleLength(article) >= settings.pasted.minArticleWords
  const split: SplitBar = {alone: (word, after) => writesAlone(doc.source, word, after), judge, threshold, joinThreshold: settings.joinThreshold, cutMargin: settings.cutMargin, seamMargin: settings.seamMargin, clauseMargin: settings.clauseMargin, nameClauseMargin: settings.nameClauseMargin, chrome: (text) => chromeShare(text, lexicons().chrome) >= settings.chrome.share}
  // Where the writer speaks to the reader or as a sender (`pasted.voice` outside quotations and
  // interview answers), read only when a bar asks. Runs come pasted two or three at a time: the
  // writer may seem to speak so in `pasted.voiceOthers` other sentences.
  let writer: {at: number[]; sentences: Array<{start: number; end: number}>} | undefined
  // (A pronoun as voiceAt reads one: not "US", nor one inside a quotation; and no quotation mark in
  // the sentence, whose speaker may be the one talking: "We are playing with a powder keg”.)
  // A question the writer asks outside speech speaks to the reader too ("Want more money?"): a
  // report asks none, an interview's own questions are its writer's and keep its bar ordinary.
  // Not a sentence that gives a web or e-mail address, nor one that only opens in the imperative:
  // a release's own pointers ("Visit NPS.gov for more information.", "Click here for photos.");
  // an ad's address is weighed by the style model already.
  const asks = (text: string) => /\?[)\]'’]*$/u.test(text.trimEnd())
  const addressShift = (start: number, end: number, text: string) => {
    if (/["“”„«»]/u.test(text) || hasWebAddress(text) || hasEmail(text)) return false
    writer ??= writerAddress(doc, settings, asks)
    return (asks(text) || writer.at.some((k) => start <= k && k < end)) && othersOf(writer, start, end) <= settings.pasted.voiceOthers
  }
  // Is line k the article's own prose: every sentence of it reads so to the model (or is quoted), and
  // none is page chrome.
  const ownParagraph = (k: number) => k >= 0 && k < lines.length && pieces[k].length > 0 && prose(lines[k].text) &&
    pieces[k].every((p) => !p.chrome && p.score < settings.joinThreshold) && pieces[k].some((p) => p.words >= settings.minWords)
  // A sentence that speaks only in the first person, not opening in the imperative nor asking, in a
  // document whose writer speaks so in more than `pasted.voiceOthers` other sentences (quotations
  // and interview answers aside): the writer's own voice, not a sender's pasted in.
  const ownVoice = (start: number, end: number, text: string) => {
    if (opensImperative(text, settings) || asks(text) || secondPerson(text, settings)) return false
    writer ??= writerAddress(doc, settings, asks)
    return othersOf(writer, start, end) > settings.pasted.voiceOthers
  }
  // A report's own furniture comes in runs of labelled lines of names ("Castleford: Marsh; Oduya…",
  // "Referee: Dean Whitaker"; "Man of the Match: B Lee (Australia)", "Umpires: …"): such a line
  // right after another of its kind that is the article's (no run on it) is one more of them.
  const furniture = (k: number) => k >= 0 && labelledNames(lines[k].text)
  lines.forEach((line, n) => {
    const list = pieces[n]
    if (furniture(n) && furniture(n - 1) && !runs.some((r) => r.line === lines[n - 1]) && !givesAddress(line.text, lexicons())) return
    // A line of its own in prose (not a caption's "X from Y") that shares no rare word or name with
    // the rest of the article is a stranger there, in an article long enough for its words to be
    // known (as for a pasted sentence: in a short note nothing is shared), and long enough to tell
    // (a press release's own "Click here for photos." is not).
    // A short plain statement ("Sailings have halved since the 1990s.": no ad's marks, not
    // speaking to the reader) is no stranger for sharing no name: in fewer words than a pasted
    // sentence needs, sharing none is no evidence. Short runs pasted in carry marks ("Looking for
    // property in SPAIN?").
    // So is one in the first person in a document whose writer speaks so throughout ("Our p95
    // dropped from 71 minutes to 33." in an engineering blog written as "we"): its register.
    const shortPlain = (text: string) => list[0].words < settings.pasted.minWords && unmarked(text) &&
      (!addressed(text, settings) || ownVoice(line.start + list[0].start, line.start + list[0].end, text))
    const stranger = known && list.length === 1 && list[0].words >= settings.strangerWords && list[0].end === line.text.length && prose(line.text) && !shortPlain(line.text) && sharedRareWords(termCounts(line.text), article, settings.rareIdf) === 0 &&
      !addressNamesOwn(line.text, article, settings.rareIdf)
    for (let i = 0; i < list.length; i++) {
      // A run without a full stop before the real sentence resumes: "ADV: Search Engine Registration Yet …".
      if (!list[i].seed || list[i].score === -Infinity) continue
      // Page chrome needs the model only to lean its way; a line of its own that is a stranger to
      // the article, a little less than the bar. A long sentence of prose needs less than
      // a short one (footers that read like prose), but not when it names a name or term of the
      // article's ("The Ridgeline 45 is available to order now through…"), nor when it stands beside
      // a sentence of the article's on its line without speaking to the reader ("Sweeping returns
      // free blocks to per-size free lists, and…"): footers and spam pasted in do neither. A plain
      // sentence between two of the article's needs more than the bar: the style model misreads
      // short and technical sentences of prose ("Median lookup time is now 9 milliseconds.", "All
      // tastings are free.") that their neighbours show to be the article's own.
      const text = line.text.slice(list[i].start, list[i].end)
      // A line in title case with no full stop that names several names or terms of the article's
      // ("2022 Rev. Peter J. Gomes Service Award Winner & Honorees" above the list of winners) is
      // its own heading, written as a paragraph: a subject line pasted in shares none.
      const shared = sharedRareWords(termCounts(text), article, settings.termIdf)
      if (list.length === 1 && !prose(text) && !/[.!?]["'”’)]*$/u.test(text) && shared >= settings.headingTerms) continue
      const beside = articleBeside(list, i, settings)
      const plain = !addressed(text, settings)
      const long = list[i].words >= settings.longWords && prose(text) && shared === 0 && !(plain && (beside.before || beside.after || sharedRareWords(termCounts(text), article, settings.rareIdf) > 0))
      // So does a short plain statement (no ad's marks, fewer words than a pasted sentence needs)
      // with a sentence of the article's on either side on its line ("The deal is worth 5 yen
      // (about CN¥5). The ministry spent…"): in so few words the model's lean is weak evidence.
      // Likewise a plain statement on a line of its own between two paragraphs of the article's
      // ("Vietnam's output fell by about 20%.", "Landfill tax is £126.15 a tonne."): news, releases
      // and blogs written a sentence to a paragraph set their short facts apart so.
      const between = plain && list.length === 1 && unmarked(text) && prose(text) && !requests(text, settings) && ownParagraph(n - 1) && ownParagraph(n + 1)
      const inside = between || (plain && ((beside.before && beside.after) || ((beside.before || beside.after) && list[i].words < settings.pasted.minWords && unmarked(text))))
      // (Whether the sentence states its own offer, which reads its prices, is asked only when the
      // bar decides: a score below every bar a piece of prose can have is below this one.)
      // Between two of the article's paragraphs, a price stated so is the article's own fact
      // ("Landfill tax is £126.15 a tonne.") though it names nothing else of the article's: an ad
      // pasted there speaks to the reader or carries its marks.
      const offer = () => plain && ownOffer(text) && (between || namesOwn(text, article, vocabulary, settings.rareIdf))
      // A sentence that speaks to the reader or as a sender, or asks ("Your application is below.",
      // "Want more money?"), in a document whose writer speaks so nowhere else outside
      // quotations and interview answers shifts register: a report tells its story in the third
      // person, spam and calls to action address "you". It needs `addressMargin` less, in an
      // article long enough for its register to be known (as a stranger line: a short note's
      // one question to the reader is its own), and not when it names a term of the article's
      // (`termIdf`: "FastAPI automatically generates OpenAPI documentation for your APIs.").
      const shift = () => known && sharedRareWords(termCounts(text), article, settings.termIdf) === 0 && addressShift(line.start + list[i].start, line.start + list[i].end, text)
      const proseBar = () => (offer() ? threshold + settings.offerMargin : inside ? threshold + settings.insideMargin : long ? threshold - (settings.threshold - settings.longThreshold) : threshold - Math.max(stranger ? settings.strangerMargin : 0, shift() ? settings.addressMargin : 0))
      const lowestProseBar = threshold + Math.min(settings.offerMargin, settings.insideMargin, settings.longThreshold - settings.threshold, -settings.strangerMargin, -settings.addressMargin, 0)
      let bar: number | undefined = list[i].wholeChrome ? settings.chrome.whole : list[i].chrome ? settings.joinThreshold : undefined
      const below = () => list[i].score < (bar ?? lowestProseBar) || list[i].score < (bar ??= proseBar())
      // A head in title case that opens with a name of two words or more the article writes
      // elsewhere ("Marrow Bay Swimming | Club won…" in a report on the Marrow Bay club) is the
      // first half of the article's name, not a headline pasted before the sentence: a pasted
      // head may share a word with the article ("Question From Patrick In Ireland"), not its name.
      const headCut = bestSplit(line.text, list[i], 'head', split)
      const head = headCut && line.text.slice(list[i].start, headCut.at)
      const cut = head && titleCase(head) && namedElsewhere(doc.source, head) ? undefined : headCut
      // Sentences side by side that each lean towards junk may read as junk together ("All rights
      // reserved. This material may not be published, broadcast, rewritten or redistributed.").
      let group = i
      if (!cut && list[i].score >= settings.joinThreshold && below()) {
        while (group + 1 < list.length && list[group + 1].score >= settings.joinThreshold && !list[group + 1].item && touching(list, group + 1)) group++
        if (group === i || judge(line.text.slice(list[i].start, list[group].end), threshold) < threshold) group = i
      }
      // A short lead-in that leans towards junk ("!CLICK HERE! How to legally access…", "URGENT!
      // This is the 2nd attempt…") is judged with the sentence it opens.
      let lead = i
      if (!cut && group === i && below()) {
        while (lead > 0 && !list[lead - 1].seed && !list[lead - 1].item && list[lead - 1].score >= settings.joinThreshold && touching(list, lead)) lead--
        if (lead === i) continue
        bar ??= proseBar()
        if (judge(line.text.slice(list[lead].start, list[i].end), bar) < bar) continue
      }
      let first = i
      let last = group
      const free = (k: number) => !runs.some((r) => r.line === line && r.end > line.start + list[k].start)
      while (first > 0 && list[first - 1].score >= settings.joinThreshold && touching(list, first) && free(first - 1)) first--
      if (!cut) while (last + 1 < list.length && list[last + 1].score >= settings.joinThreshold && touching(list, last + 1)) last++
      const end = last === i ? (cut?.at ?? list[i].end) : (bestSplit(line.text, list[last], 'head', split)?.at ?? list[last].end)
      // A run pasted at the end of a sentence cut short ("Bill: So I have a mini-MMPI that I --
      // Attn: PROTECT YOUR COMPUTER…"): the article's words before it stay.
      const tail = first === i && !cut ? bestSplit(line.text, {start: list[i].start, end}, 'tail', split)?.at : undefined
      runs.push({start: line.start + (tail ?? list[first].start), end: line.start + end, line, why: 'Reads as spam, boilerplate or a sentence from another article, and shares little with the rest of the article.'})
      i = last
    }
    // A line of several sentences that reads as junk as a whole ("Customer service announcement.
    // We recently tried to make a delivery… Ref:9280114") is one run: one of its sentences must
    // lean that way already, none may be quoted, and no sentence of it may be left out of the
    // runs found on it but short fragments ("Delivery notice."). Only the sentences are judged,
    // not a run of another script on the same line, which is a run of its own.
    const onLine = runs.filter((r) => r.line === line)
    const covered = (p: Span) => onLine.some((r) => r.start <= line.start + p.start && line.start + p.end <= r.end)
    if (list.length > 1 && list.some((p) => p.seed && p.score >= settings.joinThreshold) && list.every((p) => p.score > -Infinity && (!p.seed || !onLine.length || covered(p))) &&
        !list.every(covered) && judge(line.text.slice(list[0].start, list[list.length - 1].end), threshold) >= threshold) {
      runs.splice(runs.length - onLine.length, onLine.length, {start: line.start + list[0].start, end: line.start + list[list.length - 1].end, line, why: 'Reads as spam or boilerplate, and shares little with the rest of the article.'})
    }
  })
}

/** Does the text write a word (whole, as written) somewhere not right after the word `after`? */
function writesAlone(text: string, word: string, after: string): boolean {
  const letter = (at: number) => at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at])
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (letter(at - 1) || letter(at + word.length)) continue
    const before = /(\S+)\s+$/u.exec(text.slice(Math.max(0, at - after.length - 8), at))?.[1]
    if (before !== after) return true
  }
  return false
}

/**
 * Does a web or e-mail address in the text spell a name or term of the rest of the article, rarer
 * than `minIdf` ("press@salmonfarmers.example.cl" closing a release of the salmon farmers'
 * association)? The source's own address names its subject; a spammer's names nothing of the article.
 */
function addressNamesOwn(text: string, article: ArticleWords, minIdf: number): boolean {
  const labels = [...text.matchAll(/[\w.+-]+@[\w.-]+|(?:https?:\/\/|www\.)[^\s)\]]+/gu)].flatMap((m) => m[0].toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((label) => label.length >= 4)
  if (labels.length === 0) return false
  const own = termCounts(text)
  return article.entries.some(({word, n, idf}) => word.length >= 4 && idf > minIdf && n > (own.get(word) ?? 0) && labels.some((label) => label.includes(word)))
}

/**
 * A statement without an ad's marks: it ends on a full stop (no "!" or "?"), gives no contact,
 * web or e-mail address or phone number, and writes no word of three letters or more in capitals
 * (a currency code before a figure aside); whether it speaks to the reader is asked by the caller.
 */
function unmarked(text: string): boolean {
  return /\.["'”’)]*$/u.test(text) && !/[!?]/.test(text) && !/\b\p{Lu}{3,}\b/u.test(text.replace(/\b[A-Z]{3}(?=\s?\p{N})/gu, '')) &&
    !lexicons().contact.some((p) => p.test(text)) && !hasWebAddress(text) && !hasEmail(text) && !hasPhone(text)
}

/**
 * A sentence of prose that states a price without an ad's marks: a launch release's or a review's
 * own offer ("A 250-gram jar will retail for €4.49.", "The bakery sells coffee for €2.").
 */
const ownOffer = (text: string) => findMoney(text).length > 0 && prose(text) && unmarked(text)

/**
 * Does the text name a name or term the rest of the article names (rarer in news than `minIdf`,
 * in the singular or plural: "jar" beside "jars")? A release's offer is of its own product; an ad
 * pasted in offers something else, and a word common to most stories ("year") names nothing.
 */
function namesOwn(text: string, article: ArticleWords, vocabulary: Vocabulary, minIdf: number): boolean {
  const own = termCounts(text)
  const elsewhere = (word: string) => (article.counts.get(word) ?? 0) - (own.get(word) ?? 0) > 0
  return [...own.keys()].some((word) => idf(vocabulary, word) >= minIdf && (elsewhere(word) || elsewhere(`${word}s`) || (word.endsWith('s') && elsewhere(word.slice(0, -1)))))
}

/** Does the document write the head's first two words (a name in title case) more than once? */
function namedElsewhere(source: string, head: string): boolean {
  const name = /^\p{Lu}\S*\s+(?:&\s+)?\p{Lu}\S*/u.exec(head.trim())?.[0]
  return name !== undefined && source.indexOf(name) !== source.lastIndexOf(name)
}

/** Is every word of the text in title case ("Marrow Bay Swimming", "Evergreen Aviation & Space")? */
function titleCase(text: string): boolean {
  return /^\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*$/u.test(text.trim())
}

/** Is the sentence before piece i on its line, and the one after it, the article's own (a whole sentence the model reads as prose, or quoted)? */
function articleBeside(list: Piece[], i: number, settings: Data): {before: boolean; after: boolean} {
  const own = (k: number) => list[k].words >= settings.minWords && !list[k].chrome && list[k].score < settings.joinThreshold
  return {before: i > 0 && touching(list, i) && own(i - 1), after: i + 1 < list.length && touching(list, i + 1) && own(i + 1)}
}

// A word list of the data as a set, made once per list: the speaker's voice and the imperatives
// (addressed() is asked per sentence), the first person (asked per document).
const wordSets = new WeakMap<readonly string[], Set<string>>()
function setOf(words: readonly string[]): Set<string> {
  let set = wordSets.get(words)
  if (!set) wordSets.set(words, set = new Set(words))
  return set
}
const voiceOf = (settings: Data) => setOf(settings.pasted.voice)
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
function addressed(text: string, settings: Data): boolean {
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

/**
 * Is the line a label and names, no sentence ("Referee: Dean Whitaker", "Pontefract: Walsh; Ridley,
 * Cooper"): a short label in capitals first, then words mostly capitalised, and no full stop at the end?
 */
function labelledNames(text: string): boolean {
  const m = /^\s*(?:[-*+]\s+)?\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,3}\s*:\s*(\p{Lu}.*)$/u.exec(text)
  return m !== null && !/[.!?]["'”’)]*$/u.test(text) && !prose(m[1])
}

/** Does the text give a contact: a contact phrase, a web or e-mail address? */
const givesContact = (text: string, lex: Lexicons) => lex.contact.some((p) => p.test(text)) || hasWebAddress(text) || hasEmail(text)

/** Does the text give a contact or a phone number? */
const givesAddress = (text: string, lex: Lexicons) => givesContact(text, lex) || hasPhone(text)

/** Does the text speak to the reader: a word of `pasted.voice` that is not of `pasted.firstPerson` ("you", "your")? */
function secondPerson(text: string, settings: Data): boolean {
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
function requests(text: string, settings: Data): boolean {
  const asked = setOf(settings.requests)
  let found = false
  eachLetterWord(text, (start, end) => (found = asked.has(text.slice(start, end).toLowerCase())))
  return found
}

/** Does the sentence open in the imperative, speaking to the reader ("Note that…", "Please reply…")? */
function opensImperative(text: string, settings: Data): boolean {
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

let creditLabel: RegExp | undefined

/**
 * Runs pasted at the start of a transcript's turn, before its speaker label ("Hit the Hotspots
 * Wikinews: How do you feel…", "PLEASE, ASSIST. Jane Roe: We've seen…"): the label, which opens
 * other paragraphs of the document, shows where the line's own text starts, as a seam does, so
 * the text before it needs `seamMargin` (a few words, fewer than `minWords`, the bar itself).
 */
function beforeLabels({doc, lines, settings, judge, threshold, scripts, runs}: Reading): void {
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
function shortLines({lines, settings, article, pieces, threshold, runs}: Reading): void {
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
function wordSplits({doc, lines, settings, vocabulary, article, judge, threshold, runs}: Reading): void {
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

/** Sentences in the article's own style that have nothing to do with it. */
function pastedSentences({doc, lines, settings, vocabulary, article, pieces, runs}: Reading): void {
  // Sentences in the article's own style that have nothing to do with it. Like other runs they
  // stand out: a sentence must also beat the article's (recurring+1)-th highest-scoring sentence by
  // outlierMargin, so a collection of unrelated sentences (a digest of briefs) is not flagged whole.
  const pastedBy = pastedModel()
  const voice = voiceOf(settings)
  const {recurring, outlierMargin, spread} = settings.pasted
  const inOrder = pieces.flatMap((list, n) => list.map((piece) => ({...piece, line: lines[n], n})))
  const readingCounts: Array<Map<string, number> | undefined> = []
  const countsAt = (k: number) => (readingCounts[k] ??= termCounts(inOrder[k].line.text.slice(inOrder[k].start, inOrder[k].end)))
  // The trained threshold is just above the highest-scoring sentence of the training half in its
  // own article; `leeway` below it the rule still flags (a trade of a few flags on clean news for recall).
  const threshold = pastedBy.threshold - settings.pasted.leeway
  const judged: Array<{start: number; end: number; line: Line; score: number; voiced: boolean; plain: boolean}> = []
  // In an article written one sentence to a paragraph (`pasted.oneSentenceShare` of its lines or
  // more), a sentence's neighbours are paragraphs of their own, which share less with it than the
  // sentences of one paragraph do, and a short plain fact set apart ("The fee is understood to be
  // £38m.") shares no rare word with them: a sentence that is a paragraph of its own, or stands
  // beside one, and names no one the article does not needs `pasted.aloneMargin` more. A sentence
  // pasted from another story mostly names its own people and places.
  const written = pieces.filter((list) => list.length > 0)
  const oneToParagraph = written.length > 0 && written.filter((list) => list.length === 1).length >= settings.pasted.oneSentenceShare * written.length
  // The writer's own voice: words of `pasted.firstPerson` outside quotations and interview answers. A
  // sentence in a speaker's voice ("I don't think it can ever be reformed.") in a report whose
  // writer never speaks so anywhere else is a speaker's words pasted without their quotation marks
  // or turn: it needs `pasted.voiceMargin` less.
  // Speakers' sentences are often pasted more than one at a time: the writer may seem to speak so
  // in `pasted.voiceOthers` other sentences.
  // (Read only when a sentence is judged: most documents have none.)
  let writer: {at: number[]; sentences: Array<{start: number; end: number}>} | undefined
  const voicedAlone = (start: number, end: number) => {
    const at = (writer ??= writerVoice(doc, settings)).at
    return at.some((k) => start <= k && k < end) && othersOf(writer, start, end) <= settings.pasted.voiceOthers
  }
  if (articleLength(article) >= settings.pasted.minArticleWords) inOrder.forEach((piece, k) => {
    // (Nor is a byline or a wire credit, the article's own.)
    if (piece.score === -Infinity || ownCredit(piece.line.text, settings) || piece.words < settings.pasted.minWords || runs.some((r) => r.line === piece.line && r.start < piece.line.start + piece.end && piece.line.start + piece.start < r.end)) return
    // A heading or caption on the line before a sentence pasted after it ("## Superheroes And
    // because of that, we…") is the article's furniture: the sentence starts where one opens.
    const full = piece.line.text.slice(piece.start, piece.end)
    const opening = resumePoints(full).find((at) => opensSentence(full.slice(at)) && /^(?:\p{Lu}[\p{L}\p{N}'’&-]*[\s:]*)+$/u.test(full.slice(0, at)) && full.slice(0, at).split(/\s+/).length <= settings.captionWords)
    const from = opening ?? 0
    const text = full.slice(from)
    // A sentence pasted into the first word of another ends before that word's lower-case rest.
    const end = resumePoints(text).find((at) => /\p{Ll}/u.test(text[at]))
    const sentence: SentenceInArticle = {
      text: end === undefined ? text : text.slice(0, end).trimEnd(),
      counts: end === undefined && !from ? countsAt(k) : termCounts(text.slice(0, end)),
      article,
      neighbours: [k - 1, k + 1].filter((n) => n >= 0 && n < inOrder.length).map(countsAt),
      voice,
      first: k === 0,
      last: k === inOrder.length - 1
    }
    // Only a whole sentence is pasted from another story: a sentence that a paragraph break cuts
    // off after a comma ("…by Andrei Alexandrescu and Petru Marginean in 2000," with its rest in
    // the next paragraph) is the article's own, torn by its layout.
    if (/[,;:\p{Pd}]$/u.test(sentence.text)) return
    if (!pastedCandidate(sentence.text, sentence.counts, vocabulary, settings.pasted)) return
    // Below threshold - outlierMargin a score neither flags a sentence nor raises the bar: an upper bound will do.
    const start = piece.line.start + piece.start + from
    const voiced = voicedAlone(start, start + sentence.text.length)
    const plain = oneToParagraph && !from && [k - 1, k, k + 1].some((n) => inOrder[n] && pieces[inOrder[n].n].length === 1) && nameOverlap(sentence.text, article.counts, sentence.counts).newNames === 0
    judged.push({start, end: start + sentence.text.length, line: piece.line, voiced, plain, score: pastedLogOdds(pastedBy, sentence, threshold - Math.max(outlierMargin, spread) - (voiced ? settings.pasted.voiceMargin : 0))})
  })
  // A sentence must also stand `spread` above the article's median sentence: in a document whose
  // sentences share little with each other (a list-like encyclopedia article, a collection of
  // sentences on different subjects) every sentence reads a little pasted, and the one that
  // reads most so is no evidence. In news the median sentence sits far below (-6 typically, at
  // most -0.4 of 887 articles), so the bar rarely moves there. Scores below the floor are upper
  // bounds, but a median at or above it is exact (the lower middle one, when the count is even).
  const ranked = judged.map((j) => j.score).sort((x, y) => y - x)
  const median = ranked[Math.floor(ranked.length / 2)] ?? -Infinity
  const bar = Math.max(threshold, (ranked[recurring] ?? -Infinity) + outlierMargin, median + spread)
  for (const {start, end, line, score, voiced, plain} of judged) {
    if (score > bar - (voiced ? settings.pasted.voiceMargin : 0) + (plain ? settings.pasted.aloneMargin : 0)) runs.push({start, end, line, pasted: true, why: 'Shares little with the rest of the article in rare words and names, and its topic is far from the article and from the sentences beside it: likely pasted from another story.'})
  }
}

/** Where the writer speaks in the first person, and the sentences it does so in. */
function writerVoice(doc: Analysis, settings: Data, voice = firstPersonOf(settings)): {at: number[]; sentences: Array<{start: number; end: number}>} {
  const at = voiceAt(doc, voice)
  return {at, sentences: doc.sentences.filter((s) => at.some((k) => s.start <= k && k < s.end))}
}

/** How many of the sentences the writer speaks so in lie outside start–end (the sentence judged). */
function othersOf(writer: {sentences: readonly Span[]}, start: number, end: number): number {
  return writer.sentences.filter((s) => s.end <= start || end <= s.start).length
}

/**
 * Where the writer speaks to the reader or as a sender (`pasted.voice`), and the sentences it does
 * so in, with those it asks as a question outside quotations and interview answers.
 */
function writerAddress(doc: Analysis, settings: Data, asks: (text: string) => boolean): {at: number[]; sentences: Array<{start: number; end: number}>} {
  const {at, sentences} = writerVoice(doc, settings, voiceOf(settings))
  const spoken = [...doc.quotations, ...doc.answers].filter((q) => !q.scare)
  const questions = doc.sentences.filter((s) => !sentences.includes(s) && asks(doc.source.slice(s.start, s.end)) && !spoken.some((q) => q.start <= s.start && s.end <= q.end))
  return {at, sentences: [...sentences, ...questions]}
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

/** How far into a sentence a run cut off its start may end (or from its end a run may start), in characters. */
const maxCutLength = 600

/** What a split of a sentence needs: the judge, the article's bar and the margins of data.yml. */
interface SplitBar {
  /** Does the document write a word elsewhere, not right after another (a name's second half)? */
  alone: (word: string, after: string) => boolean
  judge: (text: string, floor: number) => number
  threshold: number
  joinThreshold: number
  cutMargin: number
  seamMargin: number
  clauseMargin: number
  nameClauseMargin: number
  /** Is the text mostly phrases of the boilerplate and call-to-action lists? */
  chrome: (text: string) => boolean
}

/**
 * The best place to split a sentence into a run and the article's own words, the run reading as
 * junk (by `cutMargin` over the bar, a few words saying less than a sentence) and the rest not:
 * `head`, a run cut off the sentence's start (no full stop before the article resumes), ends
 * there; `tail`, a run pasted at the end of a sentence cut short ("Bill: So I have a mini-MMPI
 * that I -- Attn: PROTECT YOUR COMPUTER…"), starts there. The place is offset into `text`.
 */
function bestSplit(text: string, piece: Span, run: 'head' | 'tail', {alone, judge, threshold, joinThreshold, cutMargin, seamMargin, clauseMargin, nameClauseMargin, chrome}: SplitBar): {at: number; score: number} | undefined {
  const notAfter = cutWords()
  const sentence = text.slice(piece.start, piece.end)
  const cutsHead = run === 'head'
  let best: {at: number; score: number} | undefined
  // A head that opens as an e-mail's subject line ("ADV: Search Engine Registration | Iran's air
  // fleet…") is evidence as a seam is, and it is written in title case.
  const subject = cutsHead && opensSubject(sentence)
  // The margin a run cut at a plain resume point needs, by how the rest resumes there (opensClause):
  // one table, so that the lowest of them, which decides whether the clause test is worth asking,
  // follows any margin added to it.
  const clauseMargins: Record<'clause' | 'name' | 'none', number> = {clause: clauseMargin, name: nameClauseMargin, none: cutMargin}
  const lowestClauseBar = threshold + Math.min(...Object.values(clauseMargins))
  for (const at of resumePoints(sentence)) {
    // Each split judges both sides: in a sentence of thousands of words with a capital every few
    // (a pasted page with no full stop) splitting everywhere is quadratic. Runs cut off a sentence
    // are a few words, not paragraphs.
    if (cutsHead && at > maxCutLength) break
    if (!cutsHead && sentence.length - at > maxCutLength) continue
    const head = sentence.slice(0, at).trimEnd()
    const rest = sentence.slice(at)
    // Where the rest after a run opens a sentence as no sentence's middle does, the seam itself is evidence.
    // (Not an opener that also ends a name after a word in title case: "The Montgomery County | Police in Maryland".)
    const titleEnd = /(?:^|\s)\p{Lu}\p{Ll}+$/u.test(head)
    const opens = cutsHead && opensSentence(rest) && !(titleEnd && continuesName(rest))
    // Where the rest opens a clause of its own after a head that ends there ("Amazing Trade
    // Computer Deals | Bloomberg won…", opensClause), the seam is evidence too, a little weaker:
    // the run needs `clauseMargin`.
    // Not inside a name ("U.S. Senator | Lindsey Graham"): the word before the split is no
    // title-case word, unless the rest after a run opens a sentence, which no name runs into
    // ("Keep Your Home Safe | The group said…"). Nor after a word that needs what follows
    // ("Jinsub Byeon from | South Korea") or a name's particle ("Rue des | Carmes": a word the
    // tagger does not know, unless the rest opens a sentence, which no name runs into: "…mail
    // hermann buchmair on fb | However, this person said…"), nor after a
    // dash that a run cut off a sentence's start would end on (a run pasted after a sentence cut
    // short may follow one).
    const [headWords, restWords] = cutsHead ? [3, 4] : [4, 3]
    const headLength = head.split(/\s+/).length
    if (rest.split(/\s+/).length < restWords || (cutsHead ? /[,;:(\[–—-]$/u : /[,;:(\[]$/u).test(head) || notAfter.test(head) || (endsOnParticle(head) && !opens)) continue
    // A head that is page chrome or a call to action whole ("SUBSCRIBE NOW | Huwaida Arraf, one of…")
    // says what it is, however short, as such a piece of its own does: it needs only the join
    // threshold (no piece of the 887 news articles has even 40% of its letters in those phrases).
    // (Asked after the cheap tests above, before the length it excuses.)
    const chromeHead = cutsHead && /^\p{Lu}/u.test(rest) && chrome(head)
    if (headLength < headWords && !chromeHead) continue
    const [junk, own] = cutsHead ? [head, rest] : [rest, head]
    // The clause test tags the head's words, at every resume point of every sentence. After a word
    // in title case the split needs it (its cheap tests, a name, settle most); otherwise it only
    // chooses between bars, and is asked only of a head that could clear the lowest of them
    // (nearly none in an article's own sentences; below a bar, judge's bound is below every higher
    // bar too). A chrome head's bar is the join threshold whatever the clause: not asked there.
    let clause: Clause = false
    if (cutsHead && !opens && !subject && !chromeHead && headLength >= 3) {
      if (!titleEnd && judge(junk, lowestClauseBar) < lowestClauseBar) continue
      clause = opensClause(head, rest, alone)
    }
    if (!opens && !subject && !clause && !chromeHead && titleEnd) continue
    const margin = chromeHead ? joinThreshold - threshold : opens || subject ? seamMargin : clauseMargins[clause || 'none']
    const score = judge(junk, threshold + margin)
    if (score < threshold + margin || judge(own, joinThreshold) >= joinThreshold) continue
    if (!best || score > best.score) best = {at: piece.start + (cutsHead ? head.length : at), score}
  }
  return best
}

/**
 * How many whitespace-separated tokens of the text hold a letter: `text.split(/\s+/).filter((w) =>
 * /\p{L}/u.test(w)).length`, read by code point, without an array of tokens (asked of every piece).
 */
function lettered(text: string): number {
  let count = 0
  let letter = false
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!
    i += codePoint > 0xffff ? 2 : 1
    const cls = charClass(codePoint)
    if (cls === SPACE) {
      if (letter) count++
      letter = false
    } else if (isLetterClass(cls)) letter = true
  }
  return letter ? count + 1 : count
}
