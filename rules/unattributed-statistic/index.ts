import {type Infer, list, loadData, object, phraseAlternation, string} from '../../src/plugin/data.js'
import {report} from '../../src/plugin/report.js'
import {positiveInteger} from '../../src/plugin/options.js'
import {copydeskRule} from '../../src/plugin/rule.js'
import type {NumberMention, Sentence} from '../../src/text/index.js'
import {tokenize} from '../../src/text/tokens.js'

interface Options {
  /** A small count needs at least this value to be read as a measure of scale. */
  minScaleCount: number
}
export const dataShape = object({scaleNouns: list(string), holdingVerbs: list(string), hedges: list(string), sizeVerbs: list(string), passiveAuxiliaries: list(string), peopleNouns: list(string), routeEvents: list(string), routePrepositions: list(string)})

let data: (Infer<typeof dataShape> & {nouns: Set<string>; holding: RegExp; passive: Set<string>; people: Set<string>; route: RegExp}) | undefined
const load = () => (data ??= (() => {
  const d = loadData('rules/unattributed-statistic/data.yml', dataShape)
  // "owns over 40 stations", "has published more than 100 papers": the verb before the count and its hedge.
  // ("employs 62 people": the verbs of size need no hedge.)
  const holding = new RegExp(String.raw`\b(?:(?:${phraseAlternation(d.holdingVerbs)})\s+(?:${phraseAlternation(d.hedges)})|(?:${phraseAlternation(d.sizeVerbs)}))\s+$`, 'i')
  // "the 1993 tribute tour in 65 cities", "The relay covered more than 1,200 km through 25 cities": a
  // travelling event, then (within its clause, a few words on) the preposition of its route before the count.
  const route = new RegExp(String.raw`\b(?:${phraseAlternation(d.routeEvents)})\b(?:\s+[^\s;:!?()—–]*[^\s,;:.!?()—–]){0,6}?\s+(?:${phraseAlternation(d.routePrepositions)})\s+(?:(?:${phraseAlternation(d.hedges)})\s+)?$`, 'i')
  return {...d, nouns: new Set(d.scaleNouns), holding, passive: new Set(d.passiveAuxiliaries), people: new Set(d.peopleNouns), route}
})())

export default copydeskRule<'unattributed-statistic', Options>({
  id: 'unattributed-statistic',
  description: 'Figure or statistic with no source',
  severity: 'warn',
  defaultOptions: {minScaleCount: 10},
  options: {minScaleCount: positiveInteger},
  legend: {letter: 'N', background: '#b9dcff', line: '2px dashed #0b4f8a'}
}, (doc, file, {minScaleCount}) => {
  const {nouns, holding, passive, people, route} = load()
  // The statistics of a sentence, and those of them nothing in the text sources.
  const statisticsOf = (sentence: Sentence): {all: NumberMention[]; unsourced: NumberMention[]} => {
    // Where a hedged count of holdings starts, with its verb ("has published over 100 papers"), or -1;
    // read once per number, for both isScale and ownObject.
    const heldFrom = (n: NumberMention) => {
      if (n.kind !== 'small-count') return -1
      const before = doc.source.slice(Math.max(0, n.start - 40), n.start)
      const m = /^\s+\p{L}/u.test(doc.source.slice(n.end, n.end + 2)) ? before.match(holding) : null
      return m ? n.start - before.length + (m.index ?? 0) : -1
    }
    // A small count presented as a measure of scale: "24 national labs", "54 nations have signed".
    const isScale = (n: NumberMention, from: number) => {
      if (n.kind !== 'small-count' || Number(n.text.replace(/,/g, '')) < minScaleCount) return false
      // "in all 50 states": every member of a set everyone knows, not a measure of scale; "The 13
      // schools were burned": the things the report has counted already. So with a possessive,
      // which determines as "the" does: "its 12 stores", "the chain's 31 branches" name the
      // owner's things, they do not present their number as news.
      if (/(?:\b(?:all|the|these|those|its|their|his|her|our)|\p{L}['’]s?)\s+$/iu.test(doc.source.slice(Math.max(0, n.start - 8), n.start))) return false
      // The word after the count, hyphens and all ("15 start-ups").
      const next = doc.source.slice(n.end, n.end + 40).match(/^[\s-]*([\p{L}-]+)/u)
      // (The sentence's tokens: tagged once, whichever rule asks first.)
      const tokens = tokenize(doc.writerText(sentence), sentence.start, doc.names)
      const after = tokens.findIndex((t) => t.start >= n.end)
      // "13 schools were set ablaze", "200 stores, over a dozen homes, and more than 250 vehicles were
      // destroyed": things an event befell, a narrative count (spec §2: "two men were arrested").
      if (after >= 0 && befallen(tokens, after)) return false
      // The places a tour or relay passed through are where the event went, a narrative count (spec §2),
      // not a measure of anyone's reach ("sold in over 70 countries").
      if (route.test(doc.source.slice(Math.max(0, n.start - 80, sentence.start), n.start))) return false
      // Or after one word that describes it: "24 national labs", "15 research universities" (spec §2),
      // a name among them: "more than 100 House members" (promo cpr-2021-tonko-…, labelled), "53
      // Commonwealth countries" (news wnts-train-392); not past the noun the count counts ("15 people
      // from companies").
      for (let k = after, end = k + 2; k >= 0 && k < Math.min(end, tokens.length) && tokens[k].word; k++) {
        if (nouns.has(tokens[k].lower)) return from >= 0 || !partOfGroup(tokens, k)
        if (!/^(?:JJ|VBN|NNP?)$/.test(tokens[k].tag)) break
      }
      if (next && nouns.has(next[1].toLowerCase())) return true
      // A hedged count of what the subject holds or has produced is a measure of its scale whatever
      // the things are: "it owns over 40 stations", "he has published over 100 papers". Without the
      // hedge, or after "with", it is as often a tally of the day ("has 66 points", "with 21 balls
      // remaining", "with around 300 people").
      return from >= 0
    }
    // "more than 100 members of the tribe turned out", "Iran captured 15 members of the British Navy":
    // a count of people picked out of a group, the people of an event (spec §2, small narrative
    // counts), not the size of the group ("the party has 100 members"). (Not after a hedged verb of
    // holding: "employs over 40 members of staff" is the employer's size.) A comma-enclosed adverb
    // may stand between ("100 members, reportedly, of the tribe").
    const partOfGroup = (tokens: ReturnType<typeof tokenize>, k: number) => {
      if (!people.has(tokens[k].lower)) return false
      let m = k + 1
      if (tokens[m]?.text === ',' && tokens[m + 1]?.tag === 'RB' && tokens[m + 2]?.text === ',') m += 3
      return tokens[m]?.lower === 'of'
    }
    // Is the clause's first verb after token `k` a passive ("were set ablaze", "have been temporarily
    // closed"), its subject the counted things? (Over a coordinated list of subjects, not past ";".)
    const befallen = (tokens: ReturnType<typeof tokenize>, k: number) => {
      for (let m = k; m < tokens.length && m < k + 16 && !/^[;:.!?]$/.test(tokens[m].text); m++) {
        const t = tokens[m]
        if (!t.word) continue
        // (Not a relative clause's verb: "runs 19 stores, which were not included in the sale".)
        if (/^(?:which|who|whom|whose|that)$/.test(t.lower)) return false
        if (passive.has(t.lower)) {
          let v = m + 1
          while (v < tokens.length && (passive.has(tokens[v].lower) || tokens[v].tag === 'RB')) v++
          return tokens[v]?.tag === 'VBN'
        }
        // ("have been temporarily closed": over the perfect's auxiliary.)
        if (/^(?:has|have|had)$/.test(t.lower) && tokens[m + 1]?.lower === 'been' || /^(?:VB|VBD|VBZ|VBP|MD)$/.test(t.tag)) {
          if (tokens[m + 1]?.lower === 'been') continue
          return false
        }
      }
      return false
    }
    const counted = doc.numbers(sentence).map((n) => ({n, from: heldFrom(n)})).filter(({n, from}) => n.statistic || isScale(n, from))
    // (Most sentences count nothing: their sources need not be read.)
    if (counted.length === 0) return {all: [], unsourced: []}
    const sourced = doc.sourced(sentence)
    // The sentence's own source reaches the figures in its clause; a carried one covers them all.
    const named = doc.attribution(sentence).named
    // "He has published over 100 papers": the verb that could report a source has the count as its
    // object, so it says what was made, not who measured it.
    const ownObject = (n: NumberMention, from: number) => from >= 0 && named.every((a) => a.start >= from && a.end <= n.start)
    const unsourced = counted.filter(({n, from}) => !(sourced.how === 'previous' || sourced.how === 'next' || (doc.reaches(sentence, n) && !ownObject(n, from))))
    return {all: counted.map(({n}) => n), unsourced: unsourced.map(({n}) => n)}
  }
  // A headline may repeat a figure the body gives with its source ("# Acme raises $40 million" over
  // "Acme raised $40 million, the company said"), as it may a supported superlative (spec §1).
  const body = doc.sentences.filter((s) => doc.paragraphs[s.paragraph].kind !== 'heading' && !doc.isQuestion(s) && !doc.isFirstPerson(s))
  let sourcedInBody: Set<string> | undefined
  const repeatsSourced = (n: NumberMention) => {
    sourcedInBody ??= new Set(body.flatMap((s) => {
      const {all, unsourced} = statisticsOf(s)
      return all.filter((x) => !unsourced.includes(x)).map((x) => x.text)
    }))
    return sourcedInBody.has(n.text)
  }
  for (const sentence of doc.sentences) {
    if (doc.isQuestion(sentence) || doc.isFirstPerson(sentence)) continue
    const heading = doc.paragraphs[sentence.paragraph].kind === 'heading'
    const stats = statisticsOf(sentence).unsourced.filter((n) => !(heading && repeatsSourced(n)))
    if (stats.length === 0) continue
    const first = stats[0]
    const vague = doc.attribution(sentence).vague[0]
    const all = stats.map((s) => `\`${s.text}\``).join(', ')
    // One finding per sentence names every figure; its place stays on the first, exactly.
    const these = stats.length > 1 ? 'these figures; say who measured them' : 'this figure; say who measured it'
    report(file, doc, {
      reason: `${all}: no source for ${these}`,
      span: first,
      actual: first.text,
      note: vague
        ? `\`${vague.text}\` names no one, so nothing tells the reader where ${stats.length > 1 ? 'they come' : 'it comes'} from.`
        : `No source in this sentence or the one before: name who measured ${stats.length > 1 ? 'them' : 'it'}, or link the data.`
    })
  }
})
