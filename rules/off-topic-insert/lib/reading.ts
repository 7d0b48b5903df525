import type {Analysis} from '../../../src/text/analysis.js'
import {data, lexicons, loadModel, type Data} from './model.js'
import {sentenceSpans, type Line} from './segments.js'
import {articleLength, articleWords, chromeShare, hasEmail, hasPhone, hasWebAddress, runContext, sharedRareWords, styleLogOdds, termCounts, topicCeiling, topicFeatures, topicLogOdds, topicScore, type ArticleWords, type Lexicons, type Vocabulary} from './classifiers.js'
import {phraseAlternation} from '../../../src/plugin/data.js'
import {withinQuotation} from '../../../src/text/quotes.js'
import {charClass, isLetterClass, SPACE} from '../../../src/text/chars.js'
import type {Span} from '../../../src/text/types.js'

/**
 * The reading every finder of runs in the article's own script starts from: the article's lines cut
 * into sentence-sized pieces, each scored by the model, the bar a run must beat, and the tests of a
 * line's kind (prose, a byline, a contact) that more than one finder asks.
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

/** What the stages of `misfits` share: the article's lines, their pieces and scores, and the runs found so far. */
export interface Reading {
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
export interface Piece extends Span {
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
export const ownCredit = (text: string, settings: Data) => {
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
export function prose(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? []
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length
}

/** Do a line's pieces k-1 and k touch (at most a space between them), so one run can take both? */
export const touching = (list: Piece[], k: number) => list[k].start - list[k - 1].end <= 1

/** The article's lines cut into pieces and scored, and the bar a run must beat. */
export function read(doc: Analysis, lines: Line[], scripts: Array<Insert & {exempt: boolean}>): Reading {
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
  // the article (a chance overlap of words with the article never excuses spam), in an article
  // long enough to have a topic (`topicMinWords`, as long as the news articles the topic model
  // learns from): in a note of a sentence or two each shares nothing with the rest, which the
  // model read as a paste ("The Santa Rosa copper mine employs 80 people." among unrelated lines).
  // Below `floor` a score decides nothing, so it may be returned as an upper bound: the topical
  // features (the costly part) are computed only when the topic model could lift the run to `floor`.
  const topical = articleLength(article) >= settings.topicMinWords
  const ceiling = topical ? settings.topicWeight * Math.max(0, topicCeiling(model)) : 0
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
    if (!topical || style + ceiling < floor) return style + ceiling
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
  // And a line of the document's head or foot that its furniture opens (a release line, a
  // reference line, a blog's "Posted in Home, by Dana Whitcombe"), short, with no contact, address
  // or phone number: the body runs from its first paragraph of prose to its last.
  const body = lines.map((line) => prose(line.text) && line.text.split(/\s+/).length > settings.galleryWords)
  const first = body.indexOf(true)
  const final = body.lastIndexOf(true)
  const furniture = (n: number) => (first < 0 || n < first || n > final) && lines[n].text.split(/\s+/).length <= settings.galleryWords &&
    lex.furniture.test(lines[n].text) && !givesAddress(lines[n].text, lex)
  return {
    item: lines.map((line, n) => {
      const key = keys[n]
      return (n === last && signOff) || furniture(n) || /[;,](?:\s+(?:and|or))?$/.test(line.text) || (key !== undefined && leads.get(key)! >= 3) || (caption[n] && (captionBeside(n - 1) || captionBeside(n + 1))) || ownCredit(line.text, settings)
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

/** Does the text give a contact: a contact phrase, a web or e-mail address? */
const givesContact = (text: string, lex: Lexicons) => lex.contact.some((p) => p.test(text)) || hasWebAddress(text) || hasEmail(text)

/** Does the text give a contact or a phone number? */
export const givesAddress = (text: string, lex: Lexicons) => givesContact(text, lex) || hasPhone(text)

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
