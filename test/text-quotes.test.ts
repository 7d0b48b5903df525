// Writer's voice against quotation: quote marks, scare quotes, apostrophes, interview answers.
import {describe, expect, it} from 'vitest'
import {findInterviewAnswers, findQuotations, isQuoted} from '../src/text/quotes.js'

const quoted = (text: string) => findQuotations(text, 0).quotes.filter((q) => !q.scare).map((q) => text.slice(q.inner.start, q.inner.end))
const scare = (text: string) => findQuotations(text, 0).quotes.filter((q) => q.scare).map((q) => text.slice(q.inner.start, q.inner.end))

describe('quotation marks', () => {
  it('finds straight and curly quotations', () => {
    expect(quoted('"We lost 40% of our customers," said Ana Ruiz.')).toEqual(['We lost 40% of our customers,'])
    expect(quoted('Ruiz said: “Sales fell by half. We shed jobs.” She left.')).toEqual(['Sales fell by half. We shed jobs.'])
  })

  it('keeps a quotation with a nested quotation whole', () => {
    expect(quoted('“He called it ‘the best’ and left,” she said.')).toEqual(['He called it ‘the best’ and left,'])
  })

  it('takes short quoted terms as the writer’s scare quotes', () => {
    expect(scare('The "City Brain" system manages traffic.')).toEqual(['City Brain'])
    expect(quoted('The "City Brain" system manages traffic.')).toEqual([])
  })

  it('does not take apostrophes as quote marks', () => {
    expect(findQuotations("The company's chief said it's the world's best.", 0).quotes).toEqual([])
  })

  it('opens a quotation on a closing mark after a colon, closed by either curly mark', () => {
    // wnts-train-414: "Ottmar Hitzfeld: ”We basically played well. … by an outstanding Manuel Riemann. …“"
    expect(quoted('Ottmar Hitzfeld: ”We played well. We were denied by an outstanding keeper.“')).toEqual(['We played well. We were denied by an outstanding keeper.'])
    expect(quoted('Coach:”We were the best side.” She left.')).toEqual(['We were the best side.'])
  })

  it('takes a closing mark elsewhere as closing, not opening', () => {
    // Not after a colon: a stray closing mark before a word opens nothing.
    expect(findQuotations('The team ”won the best prize of all time.', 0).quotes).toEqual([])
    // After a colon but before a space: it closes a quotation, or nothing.
    expect(quoted('“We listed all of the reasons:” The largest was cost.')).toEqual(['We listed all of the reasons:'])
    expect(findQuotations('The reasons: ” The largest was cost.', 0).quotes).toEqual([])
  })

  it('opens a quotation on a straight mark stuck to a colon, or to a word with a capital after it', () => {
    // wnts-train-509: 'Germany coach:"We were magnificent in the first half.'; wnts-test-510: 'Germany coach"We kept it tight … We were outstanding going forward'
    expect(quoted('Heiko Herrlich, Germany coach:"We were magnificent in the first half."')).toEqual(['We were magnificent in the first half.'])
    expect(quoted('Heiko Herrlich, Germany coach"We were outstanding going forward. We won."')).toEqual(['We were outstanding going forward. We won.'])
  })

  it('takes a straight mark stuck to a word as closing or measuring, not opening, otherwise', () => {
    // Inside a quotation, a mark stuck to the word before it closes it.
    expect(quoted('"We were the best team by far"Then she left.')).toEqual(['We were the best team by far'])
    // A lower-case word after it, or a digit before it (feet and inches), opens nothing.
    expect(findQuotations('The player is 5\'11"Tall and the fastest.', 0).quotes).toEqual([])
    expect(findQuotations('The shop"s best seller is the largest.', 0).quotes).toEqual([])
    // A straight mark opening after a space keeps its closing mark: the one after, not a stuck one before.
    expect(quoted('He is 6\'2" and said "We won the biggest prize of all."')).toEqual(['We won the biggest prize of all.'])
  })

  it('leaves a quotation open at the end of a paragraph for the next one to continue', () => {
    const {quotes, open} = findQuotations('“We built the fastest network. It is unmatched.', 0)
    expect(open).toBe(true)
    expect(isQuoted(quotes, {start: 5, end: 10})).toBe(true)
  })
})

describe('interview transcripts', () => {
  const text = [
    'Wikinews: Could you explain what wikiHow is?',
    'Jack Herrick: Sure. It is the largest how-to manual.',
    'We have 50,000 articles.',
    'Wikinews: How did you grow it?',
    'Jack Herrick: Word of mouth.'
  ]
  // Paragraphs of a transcript, one a line, joined by blank lines.
  const transcriptOf = (lines: string[]) => {
    const paragraphs: Array<{start: number; end: number}> = []
    let at = 0
    for (const line of lines) {
      paragraphs.push({start: at, end: at + line.length})
      at += line.length + 2
    }
    return {source: lines.join('\n\n'), paragraphs}
  }
  const {source, paragraphs} = transcriptOf(text)

  it('quotes the interviewee’s turns and their continuation paragraphs, not the interviewer’s', () => {
    const answers = findInterviewAnswers(source, paragraphs)
    expect(answers.map((a) => source.slice(a.start, a.end))).toEqual(['Sure. It is the largest how-to manual.', 'We have 50,000 articles.', 'Word of mouth.'])
    expect(answers.every((a) => a.speaker === 'Jack Herrick' && a.block)).toBe(true)
  })

  it('needs two speakers with two turns each', () => {
    expect(findInterviewAnswers(source, paragraphs.slice(0, 2))).toEqual([])
  })

  it('takes the interviewer named so, however many questions the interviewee asks', () => {
    const {source: transcript, paragraphs: spans} = transcriptOf(['Wikinews: Could you explain the problem?', 'Shimon Peres: Well, what is the problem? It is unprecedented.', 'Wikinews: How do you feel?', 'Shimon Peres: Who would not worry?'])
    const answers = findInterviewAnswers(transcript, spans)
    expect(answers.map((a) => transcript.slice(a.start, a.end))).toEqual(['Well, what is the problem? It is unprecedented.', 'Who would not worry?'])
  })
})
