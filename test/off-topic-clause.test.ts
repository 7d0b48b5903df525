// opensClause: where the rest after a run without a full stop opens a clause of its own. Its cheap
// tests (the text, a name at the head's end) run before it tags the head; these pin what they decide.
// It answers false, 'clause', or 'name' (a clause after a word that may be a name's, a weaker seam).
import {describe, expect, it} from 'vitest'
import {opensClause} from '../rules/off-topic-insert/lib/model.js'

const never = () => false
const always = () => true

describe('opensClause', () => {
  it('opens a clause after a head in title case that ends on no name, with a subject the document names alone', () => {
    expect(opensClause('Amazing Trade Computer Deals', 'Okafor won the vote in the river wards.', always)).toBe('clause')
    expect(opensClause('Amazing Trade Computer Deals', 'Okafor won the vote in the river wards.', never)).toBe(false)
  })
  it('does not after a name, which may go on into the rest', () => {
    expect(opensClause('The parade was led by Mayor Jenkins', 'Police closed the road for the day.', never)).toBe(false)
  })
  it('does after a name when the rest opens with an adverb and its comma', () => {
    expect(opensClause('Amazing Trade Computer Jenkins', 'Finally, the council voted to close the bridge.', never)).toBe('clause')
  })
  it('does, as a name\'s, before a quotation after a name: nothing is called by a sentence', () => {
    expect(opensClause('Amazing Trade Computer Jenkins', '“We will build it,” the mayor said.', never)).toBe('name')
    expect(opensClause('Amazing Trade Computer Deals', '“We will build it,” the mayor said.', never)).toBe('clause')
    // (What a head ending in lower case says.)
    expect(opensClause('The mayor tweeted on the day', '“We will build it,” she wrote.', always)).toBe(false)
  })
  it('does, as a name\'s, after a name where the rest opens with a name, its comma and a relative pronoun the document writes alone', () => {
    expect(opensClause('The Best Critical Illness Policy on the Market', 'Toronto Police, which indicated the road was closed.', always)).toBe('name')
    expect(opensClause('The Best Critical Illness Policy on the Market', 'Toronto Police, which indicated the road was closed.', never)).toBe(false)
    // (No relative pronoun after the comma: a name and its verb may be the head's name's end.)
    expect(opensClause('The Best Critical Illness Policy on the Market', 'Toronto Police, in a statement, said the road was closed.', always)).toBe(false)
    expect(opensClause('The Best Critical Illness Policy on the Market', 'Toronto Police said the road was closed.', always)).toBe(false)
  })
  it('does not where the rest opens in lower case or with "I"', () => {
    expect(opensClause('Amazing Trade Computer Deals', 'the council voted to close the bridge.', never)).toBe(false)
    expect(opensClause('Amazing Trade Computer Deals', 'I voted to close the bridge.', never)).toBe(false)
  })
})
