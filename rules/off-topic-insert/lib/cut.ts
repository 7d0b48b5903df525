import {continuesName, cutWords, endsOnParticle, opensClause, type Clause, opensSentence, opensSubject} from './model.js'
import {resumePoints} from './segments.js'
import type {Span} from '../../../src/text/types.js'

/** How far into a sentence a run cut off its start may end (or from its end a run may start), in characters. */
export const maxCutLength = 600

/** What a split of a sentence needs: the judge, the article's bar and the margins of data.yml. */
export interface SplitBar {
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
export function bestSplit(text: string, piece: Span, run: 'head' | 'tail', {alone, judge, threshold, joinThreshold, cutMargin, seamMargin, clauseMargin, nameClauseMargin, chrome}: SplitBar): {at: number; score: number} | undefined {
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
