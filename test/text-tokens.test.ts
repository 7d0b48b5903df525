// The token memo (src/text/tokens.ts): every rule's tokenize of one text shares one tagging, and
// the memo holds one file's texts only (analyse forgets it as it reads a new file).
import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {analyse} from '../src/text/analysis.js'
import {documentNames, forgetTokens, tokenize} from '../src/text/tokens.js'

const text = 'Activists say the Rivera plan, which would cost 1,200 jobs, is the largest cut since 2019.'
const names = documentNames('She met Rivera. Then Rivera left, and the Rivera plan stalled.')

/** Tokens tagged now, not read from the memo. */
const fresh = (t: string, offset = 0, n?: ReadonlySet<string>) => {
  forgetTokens()
  return tokenize(t, offset, n)
}

describe('the token memo', () => {
  it('returns what tagging the text gives, tagging it once', () => {
    const direct = fresh(text, 40, names)
    forgetTokens()
    const first = tokenize(text, 40, names)
    expect(first).toEqual(direct)
    // Asked again (attribution, then the claims, then the statistics): the same tokens, not tagged again.
    expect(tokenize(text, 40, names)).toBe(first)
  })

  it('moves the tokens of a text met again at another offset', () => {
    forgetTokens()
    tokenize(text, 40, names)
    const moved = tokenize(text, 7, names)
    expect(moved).toEqual(fresh(text, 7, names))
    expect(moved[0]).toMatchObject({start: 7, text: 'Activists'})
  })

  it('keeps the tokens of another set of names apart (names decide the first word and the name flags)', () => {
    const withNames = fresh('Black says the plan failed.', 0, new Set(['black']))
    forgetTokens()
    tokenize('Black says the plan failed.', 0, new Set(['black']))
    const without = tokenize('Black says the plan failed.')
    expect(without).toEqual(fresh('Black says the plan failed.'))
    expect(without[0].name).not.toBe(withNames[0].name)
  })

  it('is forgotten when a new file is analysed', () => {
    forgetTokens()
    const before = tokenize(text, 0, names)
    expect(tokenize(text, 0, names)).toBe(before)
    analyse({type: 'RootNode', children: []} as unknown as NlcstRoot, new VFile({path: 'next.md', value: ''}))
    const after = tokenize(text, 0, names)
    expect(after).not.toBe(before)
    expect(after).toEqual(before)
  })
})

/** The tag the shared tagging gives `word` in the sentence `t`. */
const tagOf = (t: string, word: string) => fresh(t).find((x) => x.lower === word)?.tag

describe('a bare verb after infinitival "to"', () => {
  it('is read as the verb the lexicon also has, not its first-listed noun', () => {
    expect(tagOf('The scheme is thought to cost £40m.', 'cost')).toBe('VB')
    expect(tagOf('Dozens are believed to flag the issue.', 'flag')).toBe('VB')
    expect(tagOf('They were trying to use a weapon.', 'use')).toBe('VB')
    // (Also before a noun, its object: "to host child pornography".)
    expect(tagOf('The site is alleged to host child pornography.', 'host')).toBe('VB')
  })
  it('stays a noun after a prepositional "to", before a noun it modifies, or for a word the lexicon has no verb for', () => {
    expect(tagOf('According to police, the bridge fell.', 'police')).toBe('NN')
    expect(tagOf('He was sent to prison.', 'prison')).toBe('NN')
    expect(tagOf('Smog is attributable to power plants.', 'power')).toBe('NN')
    expect(tagOf('The match was called off due to rain.', 'rain')).toBe('NN')
    expect(tagOf('Anonymous is known to prank websites.', 'prank')).toBe('NN')
    expect(tagOf('The cost rose.', 'cost')).toBe('NN')
  })
})

describe('an unknown "-est" word', () => {
  it('is the superlative of the adjective the lexicon knows as its stem', () => {
    expect(tagOf('These are the quietest headphones we sell.', 'quietest')).toBe('JJS')
    expect(tagOf('It was the driest summer on record.', 'driest')).toBe('JJS')
    expect(tagOf('The gloomiest forecast came true.', 'gloomiest')).toBe('JJS')
  })
  it('stays a noun when its stem is no adjective, and a known word keeps its own tag', () => {
    // ("pentest" and "retest" are unknown, "pent" and "ret" no adjectives; "forest", "interest"
    // and "honest" are in the lexicon.)
    expect(tagOf('The pentest found two flaws.', 'pentest')).toBe('NN')
    expect(tagOf('A retest is due.', 'retest')).toBe('NN')
    expect(tagOf('The forest burned.', 'forest')).toBe('NN')
    expect(tagOf('Their interest grew.', 'interest')).toBe('NN')
    expect(tagOf('An honest answer.', 'honest')).toBe('JJ')
  })
})

describe('an unknown plural', () => {
  it('is the plural of the noun the lexicon knows as its singular', () => {
    expect(tagOf('The storm was described by meteorologists as rare.', 'meteorologists')).toBe('NNS')
    expect(tagOf('Several clinicians objected.', 'clinicians')).toBe('NNS')
  })
  it('stays as it was for a name or a word with no noun singular', () => {
    // ("Reuters": no "reuter"; "Woods" mid-sentence is a name.)
    expect(tagOf('The story ran on Reuters first.', 'Reuters')).not.toBe('NNS')
    expect(tagOf('She met Tiger Woods there.', 'Woods')).not.toBe('NNS')
  })
})

describe('a past and its participle', () => {
  it('reads a participle right after a subject pronoun or a name, with an object after it, as the past', () => {
    expect(tagOf('He juxtaposed numbers, claiming 85,000 Americans were unemployed.', 'juxtaposed')).toBe('VBD')
    expect(tagOf('We treated an 11-year-old with burns.', 'treated')).toBe('VBD')
    expect(tagOf('In April, Sanders secured a plurality of votes.', 'secured')).toBe('VBD')
    expect(tagOf('In her career, Day made 29 studio albums.', 'made')).toBe('VBD')
  })
  it('keeps the participle after an auxiliary, before a preposition, for a name, a participle of naming, or a word with no past reading', () => {
    expect(tagOf('Had Acme juxtaposed the numbers, nobody would know.', 'juxtaposed')).toBe('VBN')
    expect(tagOf('Only the figures Acme juxtaposed in April matter.', 'juxtaposed')).toBe('VBN')
    expect(tagOf('He joined the Sea Org aged 14.', 'aged')).toBe('VBN')
    expect(tagOf('It is a book critical of Scientology called The Scandal.', 'called')).toBe('VBN')
    expect(tagOf('They taken the money.', 'taken')).toBe('VBN')
    // ("United" is part of the name.)
    expect(tagOf('Ferguson, Manchester United manager, left.', 'united')).toBe('VBN')
  })
  it('reads a past after a form of "have" or "be" as the participle, and one between a possessive or figure and its noun', () => {
    expect(tagOf('Six schools have been temporarily closed.', 'closed')).toBe('VBN')
    // (The passive's: gum-news-iodine, gum-news-defector.)
    expect(tagOf('A survey of children from 88 schools was carried out in New South Wales.', 'carried')).toBe('VBN')
    expect(tagOf('Daniel was picked up by an investigator.', 'picked')).toBe('VBN')
    expect(tagOf('The council has approved the plan.', 'approved')).toBe('VBN')
    expect(tagOf('Biden won 1,124 pledged delegates.', 'pledged')).toBe('VBN')
    expect(tagOf('They thanked their loved ones.', 'loved')).toBe('VBN')
    // (Not a past that is the clause's verb: "The council approved the plan", "Flight 253 departed Schiphol".)
    expect(tagOf('The council approved the plan.', 'approved')).toBe('VBD')
    expect(tagOf('Flight 253 departed Schiphol on time.', 'departed')).toBe('VBD')
  })
})

describe('a past after a common-noun subject', () => {
  // Sentences from the shared corpus: wn-2019-study-indicates-as-great-white-shark, wnts-train-201,
  // wn-2019-taiwan-s-legislature-first-in-asia-to, wnts-train-281, wn-2019-hurricane-dorian-leaves-trail-of.
  it('reads a participle after a determined noun phrase that opens its clause, with an object after it, as the past', () => {
    expect(tagOf('The study covered more than 8000 hours of shark observations in False Bay.', 'covered')).toBe('VBD')
    expect(tagOf('The police made 13 arrests, including that of a legislator.', 'made')).toBe('VBD')
    expect(tagOf('The Taiwanese government held a referendum in November 2018.', 'held')).toBe('VBD')
    expect(tagOf("According to the Dutch Defence Ministry, the plane's pilot made the decision to land.", 'made')).toBe('VBD')
    expect(tagOf('Its wind speeds reached 185 mph.', 'reached')).toBe('VBD')
    // (A gerund's noun after its determiner; a hedged figure.)
    expect(tagOf('The 2024 ranking assessed more than 1,500 institutions.', 'assessed')).toBe('VBD')
    expect(tagOf('Police left after the agency revised its outlook.', 'revised')).toBe('VBD')
    expect(tagOf('The growing debts forced the firm out.', 'forced')).toBe('VBD')
  })
  it('keeps the participle of a reduced relative: a time or a preposition after it, the clause\'s verb later, or no clause start', () => {
    expect(tagOf('A study published in journal Astronomy & Astrophysics last month reported a find.', 'published')).toBe('VBN')
    expect(tagOf('The figures tracked this week show a rise.', 'tracked')).toBe('VBN')
    expect(tagOf('The money tracked these years was lost.', 'tracked')).toBe('VBN')
    expect(tagOf('He read the study tracked 20,000 nurses.', 'tracked')).toBe('VBN')
    // (An auxiliary the tagger reads as a noun is no subject: wnts-train-10, wn-2020-iranian-international-master-dorsa.)
    expect(tagOf('This had made a decision impossible for the time being.', 'made')).toBe('VBN')
    expect(tagOf("My brother hasn't completed his immigration.", 'completed')).toBe('VBN')
    expect(tagOf('It is a book critical of Scientology called The Scandal.', 'called')).toBe('VBN')
  })
  it('reads a past with an agent after a noun, the clause\'s verb to come, or after a comma, as the participle', () => {
    // (wn-2019-us-study-finds-correlation-between-youth, wnts-train-268, wnts-train-298, wn-2020-iowa-…)
    expect(tagOf('The highest rate noted by the team was in Alaska.', 'noted')).toBe('VBN')
    expect(tagOf('The funds earned by the group from the sale of the numbers were transferred.', 'earned')).toBe('VBN')
    expect(tagOf("Also, the news of a €100,000 ransom requested by the kidnapper wasn't confirmed.", 'requested')).toBe('VBN')
    expect(tagOf('The budget approved by the council said 20 jobs would go.', 'approved')).toBe('VBN')
    expect(tagOf('Both earned 9 delegates, followed by Senator Amy Klobuchar of Minnesota, with 6.', 'followed')).toBe('VBN')
  })
  it('keeps the past before "by" and a figure, or with no verb to come', () => {
    expect(tagOf('The council approved a £2m budget.', 'approved')).toBe('VBD')
    expect(tagOf('Spending approved by 20% in May.', 'approved')).toBe('VBD')
    expect(tagOf('The ministry approved by the end of May.', 'approved')).toBe('VBD')
  })
})
