import {loadData} from '../../src/plugin/data.js'
import {report} from '../../src/plugin/report.js'
import {copydeskRule} from '../../src/plugin/rule.js'
import type {Sentence} from '../../src/text/index.js'
import {backedByMeasure, claimVocabularyShape, findClaims, type Claim} from './lib/claims.js'

const vocabulary = () => loadData('rules/unsupported-superlative/data.yml', claimVocabularyShape)

export default copydeskRule({
  id: 'unsupported-superlative',
  description: 'Claim of rank, record or uniqueness with no source',
  severity: 'warn',
  options: {},
  legend: {letter: 'S', background: '#ffe08a', line: '2px solid #7a5200'}
}, (doc, file) => {
  const words = vocabulary()
  const claimsOf = (s: Sentence) => (doc.isQuestion(s) || doc.isFirstPerson(s) ? [] : findClaims(doc.writerText(s), s.start, words, doc.names))
  // Support: a source or a citation in the sentence. A vague cue that frames the claim as
  // someone's view ("critics think it could be the world's worst") is vague-attribution's finding.
  const supported = (s: Sentence, claim?: Claim) => {
    const a = doc.attribution(s)
    if (a.vague.some((v) => v.frame)) return true
    return claim ? doc.reaches(s, claim) : a.named.length > 0 || doc.cited(s)
  }
  const body = doc.sentences.filter((s) => doc.paragraphs[s.paragraph].kind !== 'heading')
  for (const sentence of doc.sentences) {
    const claims = claimsOf(sentence).filter((c) => !backedByMeasure(doc.writerText(sentence), c.end - sentence.start, c.start - sentence.start))
    const heading = doc.paragraphs[sentence.paragraph].kind === 'heading'
    for (const claim of claims) {
      if (supported(sentence, claim)) continue
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
