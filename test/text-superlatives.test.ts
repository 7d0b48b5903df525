// Superlatives and puffery per the spec, with its exclusions.
import {describe, expect, it} from 'vitest'
import {loadData} from '../src/plugin/data.js'
import {backedByMeasure, claimVocabularyShape, findClaims} from '../rules/unsupported-superlative/lib/claims.js'

const vocabulary = loadData('rules/unsupported-superlative/data.yml', claimVocabularyShape)
const claims = (text: string) => findClaims(text, 0, vocabulary).map((c) => c.text)

describe('claims', () => {
  it.each([
    ["The city built Asia's most comprehensive ecosystem.", ["Asia's most comprehensive"]],
    ["Senator McCain has been the deal's most vocal critic.", ["the deal's most vocal"]],
    ["California has the world's eighth largest economy.", ["the world's eighth largest"]],
    ['The airport is the second-largest airport in the region.', ['the second-largest']],
    ['It is the longest-running and most expensive inquiry.', ['the longest-running', 'most expensive']],
    ['They are among the most prominent builders.', ['the most prominent']],
    ['Cummings was the first African American to hold that office.', ['the first African American']],
    ['This was the first time since 2011 a crewed craft docked.', ['the first time']],
    ['It is the global leader in drones and world-class.', ['the global leader', 'world-class']],
    ['The complex is the crown jewel and sets the region apart.', ['crown jewel', 'sets the region apart']],
    ['The seamen fought with greater zeal than any of the other combatants.', ['greater zeal than any of the other']],
    ['Day was paid more than any other female singer by 1946.', ['more than any other']]
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected)
  })
})

describe('not claims', () => {
  it.each([
    'Most of the residents left, and most people returned.',
    'At least ten boats sank; at most two crews were rescued.',
    'The latest figures and the most recent survey arrive on Monday.',
    'It was the first time the council met, in the first quarter, and the last meeting.',
    'The film won Best Picture and went to the Supreme Court, the highest court.',
    'The worst-hit areas were in the north.',
    'Most delegates voted; the interest rate and the forest grew.',
    'Protection B documents are the second lowest grade of classified documents.',
    'The highest oxygen concentrations occur in cold water.',
    'The first attack reportedly was in Al Noor Mosque.',
    'The Cuban leader advocated armed revolutionary struggle.',
    'They also celebrated the renovation of the homes.',
    'The Dole faction backed the revolutionary Hawaii government.',
    'He was not given the longest possible sentence, in the government’s best interests.',
    'The island lies 1,100 miles from its nearest neighbour.',
    'This is not the first lawsuit to be filed against the order.',
    'These weren’t the only studies to look at the two diseases.',
    'They sell their votes to the highest bidder.',
    'Senator Katie Britt (R-Ala.), a member of the subcommittee, celebrated a $34 million award.',
    'Pages are designed for the newest markup language, HTML 5.',
    'Even at the smallest estimate, the body is larger than Pluto.'
  ])('%s', (text) => {
    expect(claims(text)).toEqual([])
  })
})

describe('literal senses, as their expression reads the text', () => {
  // Phrases are matched regardless of case (the i and u flags: ſ is an s, the Kelvin sign a k);
  // the test that spares compiling the expression must not miss any of these.
  it.each([
    'The bank still had OUTSTANDING LOANS.',
    'The bank still had outſtanding loans.',
    'She kept the record boo\u212a of the club.',
    'The Cuban leader advocated armed revolutionary class struggle.'
  ])('%s', (text) => {
    expect(claims(text)).toEqual([])
  })

  it('still finds the claim when the rest of a phrase is missing', () => {
    expect(claims('The bank still had outstanding teachers.')).toEqual(['outstanding'])
  })
})

describe('measured comparisons', () => {
  it('accepts a figure that backs the claim in its clause', () => {
    const text = 'The bid was the largest of the three bids, at $4 million.'
    expect(backedByMeasure(text, vocabulary, text.indexOf('largest') + 7)).toBe(true)
    const rate = 'New Jersey had the lowest rate, which was three per 100,000 people.'
    expect(backedByMeasure(rate, vocabulary, rate.indexOf('lowest') + 6)).toBe(true)
  })

  it('does not take a cost as a measure of a record', () => {
    const text = 'It is the most expensive inquiry in British history, costing £200 million.'
    expect(backedByMeasure(text, vocabulary, text.indexOf('expensive') + 9)).toBe(false)
  })

  it('accepts a measure in brackets and a comparison within a counted set', () => {
    const quake = 'The strongest earthquake (7.6) struck at dawn.'
    expect(backedByMeasure(quake, vocabulary, quake.indexOf('strongest') + 9)).toBe(true)
    const children = 'They freed all but the youngest of their thirteen children.'
    expect(backedByMeasure(children, vocabulary, children.indexOf('youngest') + 8)).toBe(true)
    // Sets counted in hundreds and dozens too, not only in number words below a hundred.
    const icebergs = 'One of the longest of the hundred icebergs drifted south.'
    expect(backedByMeasure(icebergs, vocabulary, icebergs.indexOf('longest') + 7)).toBe(true)
    const sons = 'The farm went to the oldest of their dozen sons.'
    expect(backedByMeasure(sons, vocabulary, sons.indexOf('oldest') + 6, sons.indexOf('the oldest'))).toBe(true)
  })

  it('takes a comparison within a counted set said of the subject as backed only by its figure (spec §1)', () => {
    const bare = 'The offer was the largest of the three bids.'
    expect(backedByMeasure(bare, vocabulary, bare.indexOf('largest') + 7, bare.indexOf('the largest'))).toBe(false)
    const priced = 'The offer was the largest of the three bids, at $4 million.'
    expect(backedByMeasure(priced, vocabulary, priced.indexOf('largest') + 7, priced.indexOf('the largest'))).toBe(true)
  })

  it('keeps a record claim on a measured quantity', () => {
    expect(claims("Congress has the greatest number of women in the country's history.")).toEqual(['the greatest'])
    expect(claims('The United States has the highest number of known infections.')).toEqual([])
  })

  // Is the claim (its words as they stand in the text) backed by a measure in its sentence?
  const backed = (text: string, claim: string) => backedByMeasure(text, vocabulary, text.indexOf(claim) + claim.length, text.indexOf(claim))
  it.each([
    ['He played an innings of 149 – the highest for any batsman in a World Cup final.', 'the highest', true],
    ['77 is the lowest score in this world cup for an opening team.', 'the lowest', true],
    ['The park holds at least 35 endemic species, more than any other protected area.', 'more than any other', true],
    ['In 2019 the team had the lowest score in the league.', 'the lowest', false],
    ['The jackpot of US$390 million, the highest lottery jackpot ever in the world, was paid out.', 'the highest', false],
    ['In 2019, the largest protest in its history took place.', 'the largest', false]
  ] as const)('a figure just before the claim (not a year, not for a record): %s', (text, claim, expected) => {
    expect(backed(text, claim)).toBe(expected)
  })

  it('accepts an age that backs the oldest or youngest', () => {
    const text = 'The oldest of the offspring, age 29, weighed 82 pounds.'
    expect(backedByMeasure(text, vocabulary, text.indexOf('oldest') + 6)).toBe(true)
  })

  // (With the vocabulary: the sets of measurements a comparison is restricted to come from data.yml.)
  it.each([
    ['The parser was the fastest in our tests, at 2.9 GB/s against 1.1 GB/s for the next.', 'the fastest', true],
    ['In the benchmark, the Go server was the fastest, serving 40,000 requests per second.', 'the fastest', true],
    ['The parser is the fastest in the world, and 12 teams use it.', 'the fastest', false],
    ['The smallest model in the 2024 comparison won the prize.', 'The smallest', false],
    ['In the benchmark, the Go server was the fastest server ever built, in 3 years.', 'the fastest', false]
  ] as const)('a comparison restricted to a test and backed by its figure: %s', (text, claim, expected) => {
    expect(backedByMeasure(text, vocabulary, text.indexOf(claim) + claim.length, text.indexOf(claim))).toBe(expected)
  })

  it('accepts a named ranking', () => {
    const text = "The book hit number one on Amazon.com's Top Sellers list."
    expect(backedByMeasure(text, vocabulary, text.indexOf('one') + 3)).toBe(true)
  })
})
