import {opensSentence, pastedModel} from './model.js'
import {resumePoints, type Line} from './segments.js'
import {articleLength, nameOverlap, pastedCandidate, pastedLogOdds, termCounts, type SentenceInArticle} from './classifiers.js'
import {ownCredit, type Reading} from './reading.js'
import {othersOf, readerAt, voiceOf, writerVoice} from './voice.js'

/** Sentences in the article's own style that have nothing to do with it. */
export function pastedSentences({doc, lines, settings, vocabulary, article, pieces, runs}: Reading): void {
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
  // A writer who speaks to the reader elsewhere ("in January you can walk for hours", "Write to
  // yours before then"; outside quotations, interview answers and the runs found) writes in a voice
  // of their own, a review's, a travel piece's, an opinion's: a sentence in the first person there
  // is the writer's, not a speaker's pasted in. Only where the writer tells the reader something:
  // a question put to "you" ("Do you remember when…?") may be an interviewer's, pasted in too.
  let reader: number[] | undefined
  const asked = (k: number) => doc.sentences.some((s) => s.start <= k && k < s.end && /\?["'”’)\]]*$/u.test(doc.source.slice(s.start, s.end).trimEnd()))
  const voicedAlone = (start: number, end: number) => {
    const at = (writer ??= writerVoice(doc, settings)).at
    if (!at.some((k) => start <= k && k < end) || othersOf(writer, start, end) > settings.pasted.voiceOthers) return false
    reader ??= readerAt(doc, settings).filter((k) => !runs.some((r) => r.start <= k && k < r.end) && !asked(k))
    return !reader.some((k) => k < start || end <= k)
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
