import {loadData} from '../../src/plugin/data.js'
import {report} from '../../src/plugin/report.js'
import {copydeskRule} from '../../src/plugin/rule.js'
import {documentNames, tokenize} from '../../src/text/tokens.js'
import type {Sentence} from '../../src/text/index.js'
import {backedByMeasure, claimVocabularyShape, findClaims, inSubjectAside, namedNaming, reportedObject, sentenceCase, type Claim} from './lib/claims.js'

const vocabulary = () => loadData('rules/unsupported-superlative/data.yml', claimVocabularyShape)

export default copydeskRule({
  id: 'unsupported-superlative',
  description: 'Claim of rank, record or uniqueness with no source',
  severity: 'warn',
  options: {},
  legend: {letter: 'S', background: '#ffe08a', line: '2px solid #7a5200'}
}, (doc, file) => {
  const words = vocabulary()
  const body = doc.sentences.filter((s) => doc.paragraphs[s.paragraph].kind !== 'heading')
  let bodyNames: ReadonlySet<string> | undefined
  const claimsOf = (s: Sentence) => {
    if (doc.isQuestion(s) || doc.isFirstPerson(s)) return []
    // A title-case headline's capitals say nothing about names: read it as the body would write it
    // ("Acme Launches the Industry's Most Advanced Platform"), with the names the body capitalises
    // (the headline's own capitals would make every word one).
    const text = doc.paragraphs[s.paragraph].kind === 'heading' ? sentenceCase(doc.writerText(s), (bodyNames ??= documentNames(body.map((b) => b.text).join('\n')))) : doc.writerText(s)
    return findClaims(text, s.start, words, doc.names)
  }
  // Support: a named source or a citation in the sentence. A claim an unnamed group voices
  // ("critics think it could be the world's worst") is that group's view, not the writer's:
  // vague-attribution's finding. An agentless passive or adverb ("is thought to be the first of
  // its kind", "reportedly") voices no one, so the writer still makes the claim.
  const supported = (s: Sentence, claim?: Claim) => {
    if (claim && doc.attribution(s).vague.some((v) => v.frame && v.start <= claim.start && groupVoice(v.text))) return true
    if (!claim) return doc.attribution(s).named.length > 0 || doc.cited(s)
    // A name that calls the thing so ("Day considered her best film performance to be …").
    if (namedNaming(doc.writerText(s), s.start, claim, words, doc.names)) return true
    // A source covers the claim only if the claim is part of what it says, not a word of the
    // thing it reports ("The company reported record profits").
    const text = doc.writerText(s)
    // Nor does it cover an aside about the source itself ("Acme, the world's largest pump maker, said …").
    return doc.reaches(s, claim) && (doc.cited(s) || doc.attribution(s).named.some((cue) => !reportedObject(text, s.start, cue, claim, words, doc.names) && !inSubjectAside(text, s.start, cue, claim)))
  }
  // "the first such discovery": "such" points back to what the sentence before reports, so the
  // claim rests on that sentence's source ("… was confirmed, a team from UCL reported. This is
  // the first such discovery …").
  const continuesSourced = (s: Sentence, claim: Claim) => {
    const previous = doc.sentences[s.index - 1]
    return /\bsuch\b/i.test(claim.text) && previous?.paragraph === s.paragraph && doc.attribution(previous).named.length > 0
  }
  for (const sentence of doc.sentences) {
    // A figure backs a comparison, not praise: "a leading manufacturer, with more than 70 years of history".
    const claims = claimsOf(sentence).filter((c) => c.kind === 'puffery' || !backedByMeasure(doc.writerText(sentence), words, c.end - sentence.start, c.start - sentence.start))
    const heading = doc.paragraphs[sentence.paragraph].kind === 'heading'
    for (const claim of claims) {
      if (supported(sentence, claim) || continuesSourced(sentence, claim)) continue
      // A headline may repeat a claim the body supports.
      if (heading && repeatedSupported(body, claim, claimsOf, supported)) continue
      report(file, doc, {
        reason: `\`${claim.text}\`: ${claimKind[claim.kind]} with no source; ${claim.kind === 'puffery' ? 'attribute it or cut it' : 'attribute it, give the measure, or cut it'}`,
        span: claim,
        note: `${describe(claim)} is stated as fact in the writer's voice with no source, citation or measure in the same sentence.`
      })
    }
  }
})

const claimKind: Record<Claim['kind'], string> = {puffery: 'a claim of superiority', record: 'a record claim', superlative: 'a claim of rank', absolute: 'a claim of rank or uniqueness'}

/** Does a vague cue have a group for its subject ("critics think", "some question")? */
function groupVoice(cue: string): boolean {
  const [first] = tokenize(cue)
  return !!first && first.lower !== 'it' && /^(?:NN|DT|JJ|PRP\$)/.test(first.tag) && cue.trim().includes(' ')
}

function describe(claim: Claim): string {
  if (claim.kind === 'puffery') return `\`${claim.text}\` asserts superiority without a measure; it`
  if (claim.kind === 'record') return `\`${claim.text}\` claims a record; it`
  return `\`${claim.text}\` claims a rank; it`
}

/** Does a body sentence make the same claim ("largest") and support it? */
function repeatedSupported(
  body: Sentence[],
  claim: Claim,
  claimsOf: (s: Sentence) => Claim[],
  supported: (s: Sentence, claim?: Claim) => boolean
): boolean {
  const key = claim.text.toLowerCase().split(/\s+/).at(-1)
  return body.some((s) => supported(s) && claimsOf(s).some((c) => c.text.toLowerCase().split(/\s+/).at(-1) === key))
}
