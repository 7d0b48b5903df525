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
  it('reads a past after a form of "have" or after "been" as the participle, and one between a possessive or figure and its noun', () => {
    expect(tagOf('Six schools have been temporarily closed.', 'closed')).toBe('VBN')
    expect(tagOf('The council has approved the plan.', 'approved')).toBe('VBN')
    expect(tagOf('Biden won 1,124 pledged delegates.', 'pledged')).toBe('VBN')
    expect(tagOf('They thanked their loved ones.', 'loved')).toBe('VBN')
    // (Not a past that is the clause's verb: "The council approved the plan", "Flight 253 departed Schiphol".)
    expect(tagOf('The council approved the plan.', 'approved')).toBe('VBD')
    expect(tagOf('Flight 253 departed Schiphol on time.', 'departed')).toBe('VBD')
  })
})
