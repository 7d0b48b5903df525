// opensClause: where the rest after a run without a full stop opens a clause of its own. Its cheap
// tests (the text, a name at the head's end) run before it tags the head; these pin what they decide.
import {describe, expect, it} from 'vitest'
import {opensClause} from '../rules/off-topic-insert/lib/model.js'

const never = () => false
const always = () => true

describe('opensClause', () => {
  it('opens a clause after a head in title case that ends on no name, with a subject the document names alone', () => {
    expect(opensClause('Amazing Trade Computer Deals', 'Okafor won the vote in the river wards.', always)).toBe(true)
    expect(opensClause('Amazing Trade Computer Deals', 'Okafor won the vote in the river wards.', never)).toBe(false)
  })
  it('does not after a name, which may go on into the rest', () => {
    expect(opensClause('The parade was led by Mayor Jenkins', 'Police closed the road for the day.', never)).toBe(false)
  })
  it('does after a name when the rest opens with an adverb and its comma', () => {
    expect(opensClause('Amazing Trade Computer Jenkins', 'Finally, the council voted to close the bridge.', never)).toBe(true)
  })
  it('does not before a quotation after a name, nor where the rest opens in lower case or with "I"', () => {
    expect(opensClause('Amazing Trade Computer Jenkins', '“We will build it,” the mayor said.', never)).toBe(false)
    expect(opensClause('Amazing Trade Computer Deals', 'the council voted to close the bridge.', never)).toBe(false)
    expect(opensClause('Amazing Trade Computer Deals', 'I voted to close the bridge.', never)).toBe(false)
  })
})
