import type {Analysis} from '../../../src/text/analysis.js'
import type {Span} from '../../../src/text/types.js'
import {chromeShare, hasEmail, hasWebAddress, type Lexicons} from './classifiers.js'
import type {Data} from './model.js'
import {monthNames} from '../../../src/text/numbers.js'
import {phraseAlternation, phraseRegExp} from '../../../src/plugin/data.js'

/**
 * A page copied whole: the article's body with the page's navigation, share rows, lists of other
 * stories, comments and footers before and after it. Each paragraph is classed as jusText does
 * (Pomikálek 2011): by its length and its share of function words, then by its neighbours. The
 * article is the longest cluster of good paragraphs; what lies outside it is boilerplate, judged
 * as blocks of consecutive paragraphs, when the page shows it has chrome at all.
 */

type Kind = 'good' | 'neargood' | 'short' | 'bad'

/** A paragraph of the page: its place, its text without Markdown marks, and its class. */
interface Unit extends Span {
  text: string
  heading: boolean
  /** A cell of a table: the article's own data as often as the page's. */
  cell: boolean
  /** Page chrome, a copyright, a contact: boilerplate whatever its neighbours. */
  chrome: boolean
  /** Chrome that opens the comments: the body ends before it. */
  comments: boolean
  /** An item of a list. */
  list: boolean
  /** Inside a blockquote: a quoted post's link is the post's, not the page's. */
  quote: boolean
  /**
   * A label the page sets in the article's body: an ad slot's ("Advertisement", "Anzeige"), a
   * short line of chrome ("Close"), a teaser for another story ("Read more: <headline>").
   */
  label: boolean
  /** A row of the page's buttons or form fields ("[edit]", "[Share] [Save]"). */
  button: boolean
  /** The head of a list of other stories' headlines ("Related articles", "Most Read"). */
  teasers: boolean
  /** Share of its words that are function words. */
  density: number
  kind: Kind
}

export type PageSettings = Data['page']

/** A block of boilerplate outside the article's body. */
export interface PageBlock extends Span {
  why: string
}

// The page's patterns, made once per settings: \p classes under the i and u flags are costly to make.
interface PagePatterns {ad: RegExp; teaserHead: RegExp; inlineTeaser: RegExp; disclosure: RegExp; buttonVerb: RegExp; below: RegExp}
const patternMemo = new WeakMap<PageSettings, PagePatterns>()
function pagePatterns(settings: PageSettings): PagePatterns {
  let patterns = patternMemo.get(settings)
  if (!patterns) {
    const heads = phraseAlternation(settings.teaserHeads)
    patterns = {
      ad: phraseRegExp(settings.adLabels, 'iu'),
      teaserHead: new RegExp(`^(?:${heads})(?![\\p{L}\\p{N}])`, 'iu'),
      inlineTeaser: new RegExp(`^(?:${heads})\\s*[:：]\\s*(.+)$`, 'iu'),
      disclosure: phraseRegExp(settings.disclosures, 'iu'),
      buttonVerb: new RegExp(`^(?:${phraseAlternation(settings.buttonVerbs)})(?![\\p{L}\\p{N}])`, 'iu'),
      // A sentence that ends pointing to what follows it ("the drop-in sessions listed below.").
      below: new RegExp(`(?<![\\p{L}\\p{N}])(?:${phraseAlternation(settings.listLeadIns)})[.:：]$`, 'iu')
    }
    patternMemo.set(settings, patterns)
  }
  return patterns
}

/** The blocks of page boilerplate around the article's body, in source order. */
export function pageBlocks(doc: Analysis, settings: PageSettings, lexicons: Lexicons, chromeLimit: number): PageBlock[] {
  const stopwords = new Set(settings.stopwords)
  const {ad, teaserHead, inlineTeaser, disclosure} = pagePatterns(settings)
  const units = doc.paragraphs.map((p): Unit => {
    const text = doc.source.slice(p.start, p.end).split('\n').map((l) => l.replace(/^[\s>]*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?/, '').trim()).join(' ')
    const words = text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []
    const density = words.filter((w) => stopwords.has(w)).length / Math.max(1, words.length)
    // An e-mail address is chrome in a contact line or an author box, not in a sentence of prose
    // that names it (a quotation that links a mail, "write to desk@… she said."): prose ends on a
    // full stop and has its share of function words.
    // (Read without the links' targets: "a [mail](mailto:…) said". Read only for a paragraph with an address.)
    const prose = () => {
      const said = text.replace(/\]\([^()\s]*\)/g, ']')
      const saidWords = said.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []
      return /[.!?]["”’)]?$/.test(said) && saidWords.filter((w) => stopwords.has(w)).length >= settings.stopwordsHigh * saidWords.length
    }
    const chrome = /©|\(c\)\s*\d{4}/i.test(text) || (hasEmail(text) && !prose()) || (hasWebAddress(text) && text.split(/\s+/).length <= 3) || chromeShare(text, lexicons.page) >= chromeLimit
    // (The paragraphs of a list item or a blockquote are paragraphs: their line's marks tell.)
    const marks = doc.source.slice(lineStartOf(doc.source, p.start), p.start)
    const quote = p.kind === 'blockquote' || /^\s*>/.test(marks)
    const list = p.kind === 'listItem' || /^[\s>]*(?:[-*+]|\d+[.)])\s+$/.test(marks)
    // A label is short and no sentence; its words are read without emphasis marks and with one apostrophe.
    const plain = text.replace(/[*_]+/g, '').replace(/’/g, "'").trim()
    const short = !quote && words.length <= settings.labelWords && !/[.!?]["”’)]?$/.test(plain)
    const heading = p.kind === 'heading'
    const teasers = short && teaserHead.test(plain)
    // "Read more: [headline](link)": a head, a colon and a headline (no sentence of the article's:
    // it does not end on a full stop, or it is a link whole; a headline may ask: "Related: Is PCR
    // shrink film ready?").
    const rest = inlineTeaser.exec(plain)?.[1].trim()
    const teaser = !quote && rest !== undefined && text.length <= settings.lengthHigh && (!/[.!]["”’)]?$/.test(rest) || /^\[[^\]]+\]\([^()\s]*\)$/.test(rest))
    // The site's affiliate disclosure ("When you purchase through links on our site, we may earn an
    // affiliate commission."): sentences, yet the page's, not the article's; a label where it stands.
    const disclosed = !quote && !heading && text.length <= 2 * settings.lengthHigh && disclosure.test(text)
    const button = buttons(text, settings)
    const label = disclosed || button || teaser || (short && !heading && (ad.test(plain) || chromeShare(text, lexicons.page) >= chromeLimit))
    return {start: p.start, end: p.end, text, heading, cell: p.kind === 'tableCell', list, quote, label, teasers, chrome: chrome || disclosed || button, button, comments: chrome && lexicons.comments.anywhere.test(text), density, kind: classify(text.length, density, chrome, settings)}
  })
  if (units.length === 0) return []
  const body = mainBody(units, settings)
  if (!body) return []
  body.last = laterSections(units, body.last, settings)
  // The article's closing lines, short ones the body's weights leave out: its sentences and the
  // rest of the list or fact box it ends on, up to the page's first chrome.
  while (body.last + 1 < units.length && closing(units[body.last + 1], units[body.last], settings)) body.last++
  // Only a page that shows its chrome outside the body, and more than a line or two, is a copied
  // page: an article that closes on a short line or a source's address is not.
  const outside = [...units.slice(0, body.first), ...units.slice(body.last + 1)]
  // (A heading of menu words is no evidence: it names an article's own section as often. Nor is a
  // row of bracketed words alone: a wiki's "[edit]" stands over the article's own references.)
  if (outside.length < settings.minUnits || outside.filter((u) => u.chrome && !u.heading && !u.button).length < settings.minChrome) return []
  let title = body.first - 1
  while (title >= 0 && !units[title].heading) title--
  const blocks: PageBlock[] = []
  const widgets = widgetItems(units, doc.source, settings)
  const own = ownSections(units, body, stopwords, settings)
  // A stretch outside the body is boilerplate when it holds chrome or several paragraphs (a short
  // line or two with no chrome in them is not judged); the furniture in it cuts it into blocks.
  const flag = (from: number, to: number, where: string) => {
    const stretch = units.slice(from, to)
    if (!stretch.some((u) => u.chrome) && (stretch.length < settings.minUnits || mostlyProse(stretch, settings))) return
    let run: Unit[] = []
    const close = () => {
      if (run.length) blocks.push({start: lineStart(doc.source, run[0].start), end: run.at(-1)!.end, why: `Page boilerplate ${where} the article's body (${run.length} paragraph${run.length > 1 ? 's' : ''} of navigation, teasers, share rows, prompts or footers): not the article's text.`})
      run = []
    }
    for (let k = from; k < to; k++) {
      if ((furniture(units[k], k, title, body.first, lexicons.furniture) && !widgets.has(k) && !bareButton(units[k], settings)) || own.has(k)) close()
      else run.push(units[k])
    }
    close()
  }
  flag(0, body.first, 'before')
  inside(units, body, settings, (run) => blocks.push({start: lineStart(doc.source, run[0].start), end: run.at(-1)!.end, why: `Page boilerplate inside the article's body (${run.length > 1 ? `a list of other stories' headlines` : 'an ad label or a teaser for another story'}): not the article's text.`}))
  flag(body.last + 1, units.length, 'after')
  return blocks
}

/**
 * The article's own structured sections outside its body, which the body's weights leave out
 * (short lines and lists: a recipe card's ingredients, a review's For/Against, a match's line-ups):
 * a heading and the paragraphs under it up to the next heading, with no chrome, label, button,
 * teaser head, link or handle in it. Consecutive sections are one card: it is the article's when
 * at least settings.ownShare of its content words are the body's, and it holds two sections or
 * follows the body directly (a lone box of the page's elsewhere, a footer's list of agencies, a
 * list of episodes, shares the site's words as often).
 */
function ownSections(units: readonly Unit[], body: {first: number; last: number}, stopwords: ReadonlySet<string>, s: PageSettings): Set<number> {
  const contentWords = (text: string) => (text.toLowerCase().replace(/\]\([^()]*\)/g, ']').match(/\p{L}[\p{L}'’-]+/gu) ?? []).filter((w) => w.length >= 3 && !stopwords.has(w)).map(stem)
  const bodyWords = new Set(units.slice(body.first, body.last + 1).filter((u) => !u.chrome && !u.label).flatMap((u) => contentWords(u.text)))
  const sections: Array<{first: number; end: number}> = []
  for (let k = 0; k < units.length; k++) {
    if (!units[k].heading || (k >= body.first && k <= body.last)) continue
    // (The section ends at the page's first chrome under it: a recipe card's "Tag @site on Instagram".)
    let end = k
    while (end < units.length && (end === k || !units[end].heading) && (end < body.first || end > body.last) && clean(units[end], s)) end++
    // (A card's heads are labels, "Ingredients", "For", "Teams"; a teaser's are headlines.)
    if (end - k >= 2 && units[k].text.split(/\s+/).length <= s.labelWords) sections.push({first: k, end})
  }
  // Words counted with repeats: a card names the article's ingredients, players and parts again and again.
  const share = (first: number, end: number) => {
    const words = units.slice(first, end).flatMap((u) => contentWords(u.text))
    return words.length >= s.ownWords ? words.filter((w) => bodyWords.has(w)).length / words.length : 0
  }
  const own = new Set<number>()
  for (let i = 0; i < sections.length; ) {
    let next = i + 1
    while (next < sections.length && sections[next].first === sections[next - 1].end) next++
    // (A card ends where its words stop being the body's: the page's "More news" and shop boxes after a team sheet.)
    let j = next
    // (Nor does a last section whose words are half as much the body's: a "More recipes" list under the card.)
    while (j > i && (share(sections[i].first, sections[j - 1].end) < s.ownShare || share(sections[j - 1].first, sections[j - 1].end) < s.ownShare / 2)) j--
    // (A list of teasers repeats its kicker under each headline: "Opening Bell".)
    const lines = units.slice(sections[i].first, j > i ? sections[j - 1].end : 0).filter((u) => !u.heading).map((u) => u.text)
    if (j > i && new Set(lines).size === lines.length && (j - i >= 2 || sections[i].first === body.last + 1)) for (let k = sections[i].first; k < sections[j - 1].end; k++) own.add(k)
    i = next
  }
  return own
}

/** A paragraph with no signal of the page's: no chrome, label, button, teaser head, link or handle, nor a line of an offer ending on a button ("Halden Direct $649 View Deal"). */
function clean(u: Unit, s: PageSettings): boolean {
  const lastWords = u.text.split(/\s+/).slice(-2).join(' ')
  const offer = !/[.!?]$/.test(u.text) && /^\p{Lu}/u.test(lastWords) && pagePatterns(s).buttonVerb.test(lastWords)
  // (A teaser's date or byline, "13 hours ago", "By Emily Stewart", a bare rank, "1", or a menu's
  // links run together in an item, "Ascom | Hospital Solutions Ascom | Senior Care", is the page's.)
  const teaserLine = dated.test(u.text) || /\bago$/i.test(u.text) || /^\d+$/.test(u.text) || (u.list && u.text.split(' | ').length > 2)
  return !u.chrome && !u.label && !u.button && !u.teasers && !u.comments && !offer && !teaserLine && !/\]\(|(?:^|\s)@\w|https?:|www\./.test(u.text)
}

/** A word without its plural's s: "bars" is the body's "bar". */
function stem(word: string): string {
  return word.replace(/['’]s$/, '').replace(/(?<=\p{L}{3})s$/u, '')
}

/**
 * The page's labels set inside the article's body (an ad slot's label, "Read more: <headline>"),
 * each a block, consecutive ones together; and a head of other stories' headlines ("Related
 * articles", "Most Read") with the list under it: its items, or the short lines that are no
 * sentence of prose (headlines) up to the article's next paragraph.
 */
function inside(units: readonly Unit[], body: {first: number; last: number}, s: PageSettings, push: (run: Unit[]) => void) {
  let run: Unit[] = []
  const close = () => {
    if (run.length) push(run)
    run = []
  }
  for (let k = body.first; k <= body.last; k++) {
    const u = units[k]
    if (u.teasers) {
      close()
      let j = k + 1
      if (units[j]?.list) while (j <= body.last && units[j].list) j++
      else while (j <= body.last && headline(units[j], s)) j++
      push(units.slice(k, j))
      k = j - 1
    } else if (u.label) run.push(u)
    else close()
  }
  close()
}

/**
 * The article's later sections, which the body's weights cut off: a stretch of subheadings and
 * lists of its own (a job's duties, an event's programme, a match's ratings) weighs as a menu does,
 * line by line, yet prose of the article's follows it. As jusText reclassifies a short paragraph
 * between good ones as good, the body runs on over subheadings, list items and short sentences to
 * each next paragraph of prose, when at least settings.laterProse of them follow so (a lone
 * paragraph is as often a listing's disclaimer or an author's note). Anything else between, and
 * any chrome or head of other stories, ends the article: a page's widgets are short lines of no list.
 */
function laterSections(units: readonly Unit[], last: number, s: PageSettings): number {
  let prose = 0
  let end = last
  for (let k = last + 1; k < units.length; k++) {
    const u = units[k]
    // (A subheading of menu words names the article's own section as often: "# Accessibility".)
    if ((u.chrome && !u.heading) || u.teasers || u.comments || u.label || u.quote || u.cell) break
    if (readsAsProse(u, s) && !u.heading && !u.list && (u.kind === 'good' || u.kind === 'neargood')) {
      prose++
      end = k
    } else if (!u.heading && !u.list && !(u.kind === 'short' && readsAsProse(u, s))) break
  }
  return prose >= s.laterProse ? end : last
}

/**
 * A line that closes the article after its body: a sentence of its own that ends on a full stop
 * ("Next year I'm growing twelve plants. Maybe fifteen.", a result in a report written a line to a
 * paragraph), or the next item of the list or fact box the body ends on. Not chrome, a label, a
 * heading, a link or a handle (an author's bio), nor a long paragraph (the weights judged it).
 */
function closing(u: Unit, last: Unit, s: PageSettings): boolean {
  if (u.chrome || u.label || u.teasers || u.heading || u.cell || u.text.length >= s.lengthHigh || /\]\(|(?:^|\s)@\w|https?:|www\./.test(u.text)) return false
  // (A list the body's last sentence leads into with a colon is the article's: "Key dates
  // confirmed:", "open days at these bakeries:".)
  if (u.quote || u.list) return u.quote ? last.quote : (last.list && !last.quote) || (leadIn(last, s) && !last.quote)
  // (A sentence may end on a figure, a phone number's or a year's, when it reads as prose.)
  return (/\p{L}\p{L}[.]["”’)]?$/u.test(u.text) && u.text.split(/\s+/).length >= 3) || (/\p{N}[.]$/u.test(u.text) && readsAsProse(u, s) && u.text.split(/\s+/).length >= 6) || leadIn(u, s)
}

/** A sentence of the article's that leads into the list under it: it ends on a colon or points below, has its share of function words, and is no label. */
function leadIn(u: Unit, s: PageSettings): boolean {
  return !u.chrome && !u.label && !u.teasers && !u.heading && !u.list && (/\p{L}[:：]$/u.test(u.text) || pagePatterns(s).below.test(u.text)) && u.text.split(/\s+/).length >= 4 && u.density >= s.stopwordsLow
}

/**
 * A row of the page's buttons and form fields, a paragraph of bracketed words and nothing else
 * ("[edit]", "[Share] [Save]", "[First name] [Email] [Postcode]", "[Add my name]"): no link, no
 * sentence, and each at most a label's words (an editor's note in brackets is a sentence).
 */
function buttons(text: string, s: PageSettings): boolean {
  // (Or a short prompt that ends on its button: "… in your inbox at 5 p.m. [Sign up]", "[Book
  // now]"; a button opens on a verb of data.yml's buttonVerbs and is capitalised, unlike a
  // transcript's "[laughs]", a source's "[Bloomberg]" or an editor's "[Ed.: see below]".)
  const end = /\[([^[\]]*)\]\s*$/.exec(text)?.[1]
  if (end !== undefined && text.length <= s.lengthHigh && /^\p{Lu}/u.test(end) && pagePatterns(s).buttonVerb.test(end) && !/[.:;!?]/.test(end) && end.split(/\s+/).length <= s.labelWords && !/\]\([^()]*\)$/.test(text)) return true
  const groups = text.match(/\[[^[\]]*\](?!\()/g)
  return groups !== null && text.replace(/\[[^[\]]*\](?!\()/g, '').trim() === '' && groups.every((g) => /\p{L}/u.test(g) && g.split(/\s+/).length <= s.labelWords && !/[.!?]\s*\]$/.test(g))
}

/** A headline in a list of other stories: a heading, or a short line that is no sentence of prose. */
function headline(u: Unit, s: PageSettings): boolean {
  return !u.quote && !u.cell && (u.heading || (u.text.length < s.lengthHigh && u.kind !== 'good' && !readsAsProse(u, s)))
}

/**
 * A stretch with no chrome whose text is mostly sentences of prose (they end on a full stop and
 * have their share of function words) is the article's, which the body's weights missed: an
 * article written one sentence to a paragraph under subheadings weighs little, paragraph by
 * paragraph, yet no page's menus, teasers or footers read so.
 */
function mostlyProse(stretch: readonly Unit[], s: PageSettings): boolean {
  let prose = 0
  let all = 0
  for (const u of stretch) {
    if (u.heading) continue
    all += u.text.length
    if (readsAsProse(u, s)) prose += u.text.length
  }
  return all > 0 && prose >= all / 2
}

/** A sentence of prose: it ends on a full stop and has its share of function words (not a menu item or a teaser's headline). */
function readsAsProse(u: Unit, s: PageSettings): boolean {
  return /[.!?]["”’)]?$/.test(u.text) && u.density >= s.stopwordsLow
}

function lineStartOf(source: string, at: number): number {
  return source.lastIndexOf('\n', at - 1) + 1
}

/** A block starts with its first line's list marker or heading marks, so that removing it leaves none behind. */
function lineStart(source: string, start: number): number {
  const line = lineStartOf(source, start)
  return /^[\s>]*(?:[-*+]|\d+[.)]|#{1,6})?\s*$/.test(source.slice(line, start)) ? line : start
}

/** jusText's class of a paragraph: by its length and share of function words, or chrome. */
function classify(length: number, density: number, chrome: boolean, s: PageSettings): Kind {
  if (chrome) return 'bad'
  if (length < s.lengthLow) return 'short'
  if (density >= s.stopwordsHigh) return length > s.lengthHigh ? 'good' : 'neargood'
  return density >= s.stopwordsLow ? 'neargood' : 'bad'
}

/**
 * The article's body: the stretch of paragraphs whose text weighs most (the maximum-sum stretch,
 * as Body Text Extraction finds it), where a good paragraph adds its characters, a near-good one
 * half of them, and a short one, a bad one or chrome takes away what jusText's lengths say a
 * paragraph of its kind falls short by. A teaser list (headline, one-line summary, "2H ago") weighs
 * little however long; an "Advertisement" line between paragraphs does not cut the body.
 */
function mainBody(units: Unit[], s: PageSettings): {first: number; last: number} | undefined {
  const weight = (u: Unit) => {
    if (u.comments) return -Infinity
    // A row of buttons weighs as the short line of no prose it is (a wiki's "[edit]" under each
    // subheading does not cut the body): it is flagged, not weighed, as chrome.
    if (u.button) return -s.lengthLow / 2
    // Chrome that is a label in an ad slot, a teaser line or a teaser list's head between the
    // article's paragraphs does not cut the body: it weighs as a bad paragraph.
    if (u.chrome) return u.label || u.teasers ? -s.lengthLow : -s.lengthHigh
    // A table's cells are short by nature: a fact box ("Range | up to 450 km") neither ends the body nor adds to it.
    if (u.cell) return 0
    const length = u.text.length
    if (u.kind === 'good') return length
    if (u.kind === 'neargood') return length / 2
    if (u.kind === 'bad') return -s.lengthLow
    // A short sentence of prose ("He denied it.") neither adds nor takes away: a menu item does.
    return readsAsProse(u, s) ? 0 : -s.lengthLow / 2
  }
  const weights = units.map(weight)
  // Readers' comments follow the article: the body ends before the first comment section that has
  // a body (a paragraph's worth) before it; a comment count under the headline has none.
  const opener = units.findIndex((u, k) => u.comments && (heaviest(weights, k)?.sum ?? 0) >= s.lengthHigh)
  return heaviest(weights, opener < 0 ? units.length : opener)
}

/** The maximum-sum stretch of the first `end` weights; on a tie the longer (a short closing sentence stays in). */
function heaviest(weights: number[], end: number): {first: number; last: number; sum: number} | undefined {
  let best: {first: number; last: number; sum: number} | undefined
  let first = 0
  let sum = 0
  for (let k = 0; k < end; k++) {
    if (sum < 0) {
      first = k
      sum = 0
    }
    sum += weights[k]
    if (sum > 0 && (!best || sum >= best.sum)) best = {first, last: k, sum}
  }
  return best
}

/**
 * A button the page sets by its headline without brackets ("View PDF", "Get short URL", "Play
 * Video"): a short capitalised line that opens on a verb of buttonVerbs and is no sentence, no
 * heading. Between the headline and the body it is not the article's furniture (a byline, a
 * date, a caption opens on no such verb).
 */
function bareButton(u: Unit, s: PageSettings): boolean {
  return !u.heading && !u.quote && u.text.split(/\s+/).length <= s.labelWords && /^\p{Lu}/u.test(u.text) && !/[.!?:]["”’)]?$/.test(u.text) && pagePatterns(s).buttonVerb.test(u.text)
}

/**
 * A list is one widget: where half the items of a tight list (no blank line between them) are
 * chrome (a share row's "Facebook", "Share on X"), its other short items ("Pocket", "Flipboard",
 * "Download PDF") are the same row's, not the article's furniture; a date among them ("19
 * November 2019") is the article's.
 */
function widgetItems(units: readonly Unit[], source: string, s: PageSettings): Set<number> {
  const items = new Set<number>()
  for (let k = 0; k < units.length; ) {
    let end = k
    while (end < units.length && units[end].list && !units[end].quote && (end === k || !/\n[ \t>]*\n/.test(source.slice(units[end - 1].end, units[end].start)))) end++
    const chrome = units.slice(k, end).filter((u) => u.chrome).length
    if (end > k && 2 * chrome >= end - k) {
      for (let j = k; j < end; j++) if (units[j].text.split(/\s+/).length <= s.labelWords && !/[.!?]$/.test(units[j].text) && !dated.test(units[j].text)) items.add(j)
    }
    k = Math.max(end, k + 1)
  }
  return items
}

// A byline, a date or time, a photo credit: the furniture of an article's top.
const dated = new RegExp(String.raw`^by\s+\p{Lu}|^(?:photo|image|picture|credit|courtesy)\b|\b(?:${monthNames})\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:${monthNames})\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\s*(?:am|pm)\b`, 'iu')

/**
 * The article's own furniture before its body (never an insert, spec part 4 and issue 17): its
 * title (the last heading before the body) and what stands between it and the body (byline,
 * date, standfirst, captions), and any byline, date or credit line, or a line its furniture opens
 * (`opener`: "FOR IMMEDIATE RELEASE", "Case reference: …", "Posted in Home, by …"; no menu's
 * list item, "- Reference"); not chrome.
 */
function furniture(unit: Unit, k: number, title: number, first: number, opener: RegExp): boolean {
  // A byline with the writer's handle ("Jane Doe @janedoe") is an insert, as a contact is.
  if (k >= first || unit.chrome || /(?:^|\s)@\w{2,}/.test(unit.text)) return false
  return (title >= 0 && k >= title) || (unit.kind === 'short' && (dated.test(unit.text) || (!unit.list && opener.test(unit.text))))
}
