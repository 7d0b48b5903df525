import {lexicons, type Data} from './model.js'
import {articleLength, chromeShare, hasEmail, hasPhone, hasWebAddress, idf, sharedRareWords, termCounts, type ArticleWords, type Vocabulary} from './classifiers.js'
import {givesAddress, prose, touching, type Piece, type Reading} from './reading.js'
import {addressed, opensImperative, othersOf, requests, secondPerson, writerAddress} from './voice.js'
import {bestSplit, type SplitBar} from './cut.js'
import {findMoney} from '../../../src/text/money.js'
import type {Span} from '../../../src/text/types.js'

/** Sentences, and runs cut from them, that read as junk, with the sentences beside them that lean that way. */
export function junkRuns({doc, lines, settings, vocabulary, article, judge, pieces, threshold, runs}: Reading): void {
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
      // So does a plain statement that names a name of the article's, two words or more in title
      // case with one rarer in news than `rareIdf`, written elsewhere in the document ("The full QS
      // World University Rankings 2026 are available on the QS website." in a report on those
      // rankings): it speaks of the article's own subject. Spam and boilerplate pasted in name
      // nothing of the article's, or carry an ad's marks.
      const ownName = () => {
        if (!plain || !unmarked(text)) return false
        const names = ownNames(doc.source, line.start + list[i].start, line.start + list[i].end, vocabulary, settings.rareIdf)
        // (Prose once its names are set aside: a name may be most of a short sentence's words.)
        return names.length > 0 && prose(names.reduce((rest, name) => rest.replaceAll(name, ' '), text))
      }
      const proseBar = () => (offer() ? threshold + settings.offerMargin : inside || ownName() ? threshold + settings.insideMargin : long ? threshold - (settings.threshold - settings.longThreshold) : threshold - Math.max(stranger ? settings.strangerMargin : 0, shift() ? settings.addressMargin : 0))
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

/**
 * The names of two words or more in title case that the text (at start–end in the source) names
 * and the rest of the document writes too, one of their words rarer in news than `minIdf`.
 */
function ownNames(source: string, start: number, end: number, vocabulary: Vocabulary, minIdf: number): string[] {
  return [...source.slice(start, end).matchAll(/\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*)+/gu)].map((m) => m[0]).filter((name) => {
    const at = source.indexOf(name)
    return (at < start || source.indexOf(name, end) >= 0) && name.split(/\s+/).some((word) => idf(vocabulary, word.toLowerCase()) > minIdf)
  })
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

/**
 * Is the line a label and names, no sentence ("Referee: Dean Whitaker", "Pontefract: Walsh; Ridley,
 * Cooper"): a short label in capitals first, then words mostly capitalised, and no full stop at the end?
 */
function labelledNames(text: string): boolean {
  const m = /^\s*(?:[-*+]\s+)?\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,3}\s*:\s*(\p{Lu}.*)$/u.exec(text)
  return m !== null && !/[.!?]["'”’)]*$/u.test(text) && !prose(m[1])
}
