import {charClass, isLetterClass, isSpace} from '../../../src/text/chars.js'
import {isAbbreviation} from '../../../src/text/abbreviations.js'
import type {Span} from '../../../src/text/types.js'

/**
 * Segmentation below the sentence, for finding text that was pasted into an article:
 * source lines of a block (a Markdown paragraph may hold several draft lines), runs of
 * another script, sentences, and the places inside a sentence where a pasted run may end.
 */

/** A source line of a block, without leading Markdown markers (`> `, list bullets). */
export interface Line extends Span {
  text: string
}

/**
 * The lines of the article, in source order, without Markdown markers: each paragraph's source
 * lines (a draft's lines joined by single newlines are read one by one, an enumeration's entries
 * too), but a hard-wrapped paragraph is one line, its newlines and block-quote marks blanked
 * (offsets stay the source's): a paragraph reads the same hard-wrapped or not.
 */
export function blockLines(source: string, paragraphs: readonly Span[], wrapped: (paragraph: Span) => boolean = () => false): Line[] {
  const lines: Line[] = []
  for (const paragraph of [...paragraphs].sort((a, b) => a.start - b.start)) {
    const soft = wrapped(paragraph)
    let start = paragraph.start
    let end = paragraph.start - 1
    const parts = source.slice(paragraph.start, paragraph.end).split('\n')
    for (const [k, part] of parts.entries()) {
      end += 1 + part.length
      const next = parts[k + 1]
      if (next !== undefined && soft) continue
      const text = source.slice(start, end)
      // Block-quote marks, a list item's marker and a heading's marks are not text.
      const lead = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?/.exec(text)?.[0].length ?? 0
      const body = text.slice(lead).replace(/\n[\s>]*/g, (gap) => ' '.repeat(gap.length)).trimEnd()
      if (body.trim()) lines.push({start: start + lead, end: start + lead + body.length, text: body})
      start = end + 1
    }
  }
  return lines
}

const scripts = ['Latin', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Devanagari', 'Thai', 'Bengali', 'Tamil', 'Georgian', 'Armenian', 'Ethiopic'] as const
export type Script = (typeof scripts)[number] | 'Other'
// Each script's test made on its first use: \p{Script=…} is a set of Unicode ranges computed as the
// expression is made, and most articles have no letter outside ASCII to ask about.
const scriptTests = new Map<Script, RegExp>()
const isInScript = (name: Script, ch: string) => {
  let test = scriptTests.get(name)
  if (!test) scriptTests.set(name, (test = new RegExp(`\\p{Script=${name}}`, 'u')))
  return test.test(ch)
}
// Chinese and Japanese text mixes these scripts; treat them as one writing system.
const family: Partial<Record<Script, Script>> = {Hiragana: 'Han', Katakana: 'Han'}

/** The writing system of a letter; undefined for digits, punctuation, spaces and symbols. */
export function scriptOf(ch: string): Script | undefined {
  const codePoint = ch.codePointAt(0)
  return codePoint === undefined ? undefined : scriptOfCodePoint(codePoint)
}

/** `scriptOf` the character of this code point (or lone surrogate), read without a string made for it. */
function scriptOfCodePoint(codePoint: number): Script | undefined {
  // A letter by its class (no regex); ASCII letters are Latin, the others looked up once each.
  if (!isLetterClass(charClass(codePoint))) return undefined
  if (codePoint < 0x80) return 'Latin'
  let script = scriptMemo.get(codePoint)
  if (script === undefined) {
    const ch = String.fromCodePoint(codePoint)
    const name = scripts.find((test) => isInScript(test, ch)) ?? 'Other'
    scriptMemo.set(codePoint, (script = family[name] ?? name))
  }
  return script
}

const scriptMemo = new Map<number, Script>()

/** The script most of the text's letters are written in. */
export function dominantScript(text: string): Script {
  const counts = new Map<Script, number>()
  // By code point, as `for (const ch of text)` reads it (a lone surrogate alone), without a string per character.
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!
    i += codePoint > 0xffff ? 2 : 1
    const s = scriptOfCodePoint(codePoint)
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  let best: Script = 'Latin'
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s
  return best
}

export interface ScriptRun extends Span {
  script: Script
  /** Letters of the foreign script in the run. */
  letters: number
  /** From the first to the last foreign letter. */
  core: Span
}

/**
 * Runs of a script other than the article's in one line (offsets relative to the line). A run
 * reaches from its first to its last foreign letter, across gaps that hold no real words of the
 * article's language (placeholders such as `xxxx`, handles such as `vx`, numbers, punctuation),
 * and takes in the tokens glued to either end (`上海喝茶群vx`, `x.x女人节`, ` xxxxxxxx`).
 * `isWord` tells a real word of the article's language.
 */
export function scriptRuns(text: string, main: Script, isWord: (token: string) => boolean): ScriptRun[] {
  const letters: Array<{at: number; script: Script}> = []
  for (let i = 0; i < text.length; i++) {
    // (By code unit, as `text[i]` reads it: half a surrogate pair is no letter.)
    const s = scriptOfCodePoint(text.charCodeAt(i))
    if (s && s !== main) letters.push({at: i, script: s})
  }
  const runs: ScriptRun[] = []
  for (const letter of letters) {
    const last = runs.at(-1)
    if (last && last.script === letter.script && !holdsWords(text.slice(last.end, letter.at), isWord)) {
      last.end = letter.at + 1
      last.letters++
    } else runs.push({start: letter.at, end: letter.at + 1, script: letter.script, letters: 1, core: {start: 0, end: 0}})
  }
  for (const run of runs) {
    run.core = {start: run.start, end: run.end}
    // Glued to the start: a placeholder or number ("x.x女人节", "-xx平"), never a word or a bracket.
    // (Scanned back to the last space: a regex anchored at the end would try every start, on every run.)
    let from = run.start
    while (from > 0 && !isSpace(text, from - 1)) from--
    const before = text.slice(from, run.start)
    if (/^[\p{N}xX.\-+#@/]+$/u.test(before) && !/\.$/.test(before)) run.start -= before.length
    // Glued to the end ("上海喝茶群vx"), then placeholders and numbers after a space (" xxxx xxxx").
    const glued = /^\S*/.exec(text.slice(run.end))?.[0] ?? ''
    if (!isWord(glued.replace(/[^\p{L}]/gu, ''))) run.end += glued.length
    for (const m of text.slice(run.end).matchAll(/\s+(\S+)/gy)) {
      if (!placeholder.test(m[1])) break
      run.end += m[0].length
    }
    while (run.end > run.start && /[\s,;:]/.test(text[run.end - 1])) run.end--
  }
  return runs
}

// Masked digits and numbers that spam carries after its text: `xxxx-xxxxxxx`, `138 0000`.
const placeholder = /^[\p{N}xX.\-+()/#@:：]+$/u

/** Does a gap between two foreign letters hold two or more real words of the article's language? */
function holdsWords(gap: string, isWord: (token: string) => boolean): boolean {
  let words = 0
  for (const token of gap.split(/[^\p{L}'’-]+/u)) if (token.length > 1 && isWord(token)) words++
  return words >= 2
}

/**
 * Sentence spans of a line of text (offsets relative to the text). Not the analysis's sentences
 * (src/text/analysis.ts, from retext): pasted text is cut where prose would not be, at sentences
 * glued together ("infected.To be removed") and at CJK full stops, and the training scripts
 * split raw corpus lines with no syntax tree. Both read one abbreviation list.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = text.search(/\S/)
  if (start < 0) return spans
  // A sentence starts with a capital, a number, a CJK letter, or a bare web address, or with a
  // symbol before one of those ("!CLICK HERE!", "+1 800…", "© Copyright…", "$5 million…"), or
  // with an interview's speaker label ("((WN)) What…").
  const boundary = /([.!?…]+|[。！？]+)(["'”’)\]」』]*)(\s*)(?=(?:["'“‘\[「]|\(\(?)?(?:[\p{Lu}\p{N}\p{Lo}]|https?:\/\/|www\.|[!¡*+#©£$€]+ ?[\p{Lu}\p{N}]|\p{Ll}))/gu
  for (const m of text.matchAll(boundary)) {
    const at = m.index ?? 0
    const cjk = /[。！？]/.test(m[1])
    const end = at + m[1].length + m[2].length
    // Latin sentences end before a space, or where two words were glued together in pasting
    // ("updated constantly.Congratulations U can claim…", "…infected.To be removed…", "…in
    // 2007.If you…", "…Mukasey.http://…", "…Zelensky.ADV: Extended…"), not inside
    // "U.S.Army" or a domain name ("ask.COM today").
    if (!cjk && !m[3] && !(/[\p{Ll}\p{N}]{2}$/u.test(text.slice(0, at)) && /^(?:\p{Lu}(?:\p{Ll}{2}|\p{Ll}?\s|\p{Lu}+[:!]?\s+\p{Lu})|https?:\/\/|www\.)/u.test(text.slice(end)))) continue
    // Junk pasted after a sentence often starts in lower case ("…getting beaten." if you need
    // subscribers…"); prose does so after a full stop only behind an abbreviation (tested below),
    // while "Why?" she asked and elisions ("… and") are not ends.
    // After a capitalised word or a bracket a full stop may end an abbreviation the list lacks
    // ("Hoyer … (all D-Md.) announced", "Annapolis, Md. last week"): only a word in lower case, a
    // figure or a closing quotation mark before it ends a sentence there.
    const next = text.slice(end + m[3].length)
    if (/^\p{Ll}/u.test(next) && !/^(?:https?:\/\/|www\.)/.test(next) &&
        (m[1] !== '.' || !m[3] || /[)\]]/.test(m[2]) || !(/["”’]$/.test(m[2]) || /(?:^|\s)[\p{Ll}\p{N}][\p{L}\p{N}'’-]*$/u.test(text.slice(start, at))))) continue
    const lastWord = (/(\S+)$/.exec(text.slice(start, at))?.[1] ?? '').replace(/^["'“‘(]+/, '').toLowerCase()
    if (m[1] === '.' && (isAbbreviation(lastWord, true) || /^\p{L}$/u.test(lastWord) || /^(\p{L}\.)+\p{L}$/u.test(lastWord))) continue
    if (end > start) spans.push({start, end})
    start = end + m[3].length
  }
  const tail = text.slice(start).trimEnd()
  if (tail) spans.push({start, end: start + tail.length})
  return spans.flatMap((span) => splitAddress(text, span))
}

/**
 * A bare web address that opens a sentence and runs into a capitalised word ("https://binbox.io/x
 * People are…") stands alone: no sentence of prose starts with an address and goes on.
 */
function splitAddress(text: string, span: Span): Span[] {
  const m = /^(["'“‘(\[]?)((?:https?:\/\/|www\.)\S+)(?=\s+["'“‘(]?\p{Lu})/u.exec(text.slice(span.start, span.end))
  if (!m) return [span]
  // An opening quotation mark before it belongs to the quotation it was pasted into.
  const start = span.start + m[1].length
  const end = start + m[2].length
  const rest = end + (/^\s+/.exec(text.slice(end))?.[0].length ?? 0)
  return [{start, end}, ...splitAddress(text, {start: rest, end: span.end})]
}

/**
 * Places inside a sentence where a pasted run may end and the real text resume: before a
 * capitalised word that does not follow end punctuation ("ADV: Search Engine Registration Yet
 * challenges remain."), and after end punctuation before a word in lower case, which the sentence
 * splitter does not take for a boundary (a run pasted into the first word of a sentence,
 * "IClick here for your FREE report. nstead, they…"). Offsets relative to the text.
 */
export function resumePoints(text: string): number[] {
  const points: number[] = []
  for (const m of text.matchAll(/(?<=\S)\s+(?=["“‘(]?\p{Lu}(?:\p{Ll}|\s+\p{Ll}))|(?<=[\p{L}\p{N}][!?]+|\p{L}{2}[.…]+)\s+(?=\p{Ll})/gu)) {
    const at = (m.index ?? 0) + m[0].length
    if (at > 0 && at < text.length) points.push(at)
  }
  return points
}

/** A run pasted at a cursor inside a word (offsets relative to the line). */
export interface SplitRun extends Span {
  /** The word's rest after the run is no word of its own ("ther"), not a word that happens to join ("he"). */
  fragment: boolean
  /** The run ends a sentence before the word's rest ("T|…a response.| his"): a join less likely by chance. */
  closed: boolean
}

/** What the split test needs to know about words: a real word, and a word that stands on its own. */
export interface WordSense {
  /** A word (of the lexicon, news or the article), in any case. */
  known(word: string): boolean
  /** A word in common use or used elsewhere in the article: not a torn-off piece of one. */
  common(word: string): boolean
}

/**
 * Runs pasted at a cursor inside a word: the word's first letters stay glued before the run and
 * its rest follows it after a space ("…from a raft. O|Have You Never Been Mellow?| ther research"
 * reads "Other research"). The glued token is no word ("OHave", "Tsubscribe", "WFast"); the letters
 * before the run and a lower-case token after it join into one. Only a sentence's first word that
 * is no word, glued like that (a capital before a capital or a digit, or before a word), is looked
 * at: that is rare in real text, and cheap to find.
 */
export function splitRuns(text: string, words: WordSense, maxLength: number): SplitRun[] {
  const runs: SplitRun[] = []
  // (Or one capital glued to an opening quotation mark or bracket: "B(C) All rights reserved efore".)
  for (const m of text.matchAll(/(?<=^|[.!?]["'”’)]*\s+)(?:\p{Lu}[\p{L}\p{N}'’-]*\p{L}|\p{Lu}(?=["“‘(\[]\S))/gu)) {
    const glued = m[0]
    const at = m.index ?? 0
    if (runs.some((r) => r.end > at)) continue
    // The word's first letters: one capital, or a capitalised piece before a capital ("OthHave").
    const head = /^\p{Lu}(?:\p{Ll}{1,2}(?=\p{Lu}))?/u.exec(glued)![0]
    const rest = glued.slice(head.length)
    if (glued.length > 1) {
      if (!/^[\p{Lu}\p{N}]/u.test(rest) && !(head.length === 1 && rest.length > 2 && words.known(rest))) continue
      if (words.known(glued)) continue
    }
    // The word's rest: a lower-case token after a space, which the first letters turn into a word.
    let found: SplitRun | undefined
    const tail = text.slice(at + glued.length, at + glued.length + maxLength)
    // (In capitals after a capital: "C|…| NN" reads "CNN".)
    for (const t of tail.matchAll(/(?<=\s)(?:\p{Ll}[\p{Ll}'’]*|\p{Lu}+)(?![\p{L}\p{N}])/gu)) {
      const piece = t[0]
      const end = at + glued.length + (t.index ?? 0)
      const closed = /[.!?…]["'”’)]*\s+$/u.test(text.slice(at, end))
      // A rest in capitals, or of one letter, only where the run ends a sentence before it:
      // "C|…above.| NN" = "CNN", "W|…check it out!| e can" = "We can".
      if ((piece.length < 2 || /^\p{Lu}/u.test(piece)) && !closed) continue
      if (!words.known(head + piece)) continue
      const run = {start: at + head.length, end: at + head.length + text.slice(at + head.length, end).trimEnd().length, fragment: !words.common(piece), closed}
      // A torn-off piece ends the run for certain; a word that happens to join only if no piece
      // does, and rather after the run's last full stop than inside it ("T|…approval in minutes!!!| he").
      if (run.fragment) {
        found = run
        break
      }
      if (!found || (closed && !found.closed)) found = run
    }
    if (found && /[\p{L}\p{N}]/u.test(text.slice(found.start, found.end))) runs.push(found)
  }
  return runs
}
