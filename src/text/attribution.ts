import {list, loadData, object, phraseAlternation, phraseRegExp, string} from '../plugin/data.js'
import {isAbbreviation} from './abbreviations.js'
import {monthNames, numberWordPattern} from './numbers.js'
import {auxiliaryOf, beForms, finiteTag, inLexicon, possessives, tokenize, unlistedPlural, type Token} from './tokens.js'
import type {Span} from './types.js'
import {firstEndingAfter} from './spans.js'
import {allMatches} from './regexp.js'


const strings = list(string)
export const attributionShape = object({
  reportingVerbs: strings,
  reportingPhrases: strings,
  sourcePhrases: strings,
  evidenceNouns: strings,
  findingPassives: strings,
  continuationParts: strings,
  continuationWholes: strings,
  continuationOpeners: strings,
  continuationPointers: strings,
  continuationEquating: strings,
  sourcePointers: strings,
  sourcedNouns: strings,
  creditLabels: strings,
  documentNouns: strings,
  opinionPhrases: strings,
  framingPhrases: strings,
  describedGroups: strings,
  vagueQuantifiers: strings,
  vagueNouns: strings,
  evidenceVerbs: strings,
  vaguePhrases: strings,
  namingPhrases: strings,
  passiveReporting: strings,
  passiveJudging: strings,
  passiveInfinitive: strings,
  knowingInfinitive: strings,
  knowingAudiences: strings,
  passiveAdjective: strings,
  agentPassives: strings,
  agentPassivesAs: strings,
  passiveEstimating: strings,
  passiveAdverbs: strings,
  commitmentVerbs: strings,
  attributiveParticiples: strings,
  vagueQuantifierNouns: strings,
  memberGroups: strings,
  itPassive: strings,
  existentialNouns: strings,
  voicingParticiples: strings,
  reportingParticiples: strings,
  reportPrepositions: strings,
  unownedEvidence: strings,
  evidenceOwners: strings,
  pointingDeterminers: strings,
  freshEvidence: strings,
  issuingParticiples: strings,
  notReportingPhrases: strings,
  sensingVerbs: strings,
  notAgents: strings,
  groupSuffixes: strings,
  surveyedGroups: strings,
  pollingParticiples: strings,
  ownPeople: strings,
  personGroups: strings,
  placeGroups: strings,
  placeAdverbs: strings,
  writerPlural: strings,
  ownedOnlyEvidence: strings,
  firstPersonObservation: strings,
  reflexivePronouns: strings,
  viewVerbs: strings,
  viewPhrases: strings,
  viewGroups: strings,
  intentionSubjects: strings,
  intentionWords: strings,
  complementVerbs: strings,
  makingVerbs: strings,
  madeWorks: strings,
  activeInfinitives: strings,
  presentingVerbs: strings,
  figureHedges: strings
})

/** The lists of attribution.yml as sets and the expressions they make, built when first asked for. */
function buildPatterns() {
  const data = loadData('src/text/attribution.yml', attributionShape)
  // (An adverb may stand before "been" too: "it has even been asserted".)
  const be = String.raw`(?:is|are|was|were|be|been|being|(?:has|have|had)\s+(?:(?:${data.passiveAdverbs.join('|')})\s+)?been)`
  const reporting = data.passiveReporting.map((r) => r.replace(/\s+/g, String.raw`\s+`)).join('|')
  const judging = data.passiveJudging.join('|')
  const adverbs = String.raw`(?:(?:${data.passiveAdverbs.join('|')})\s+)*`
  return {
    verbs: new Set(data.reportingVerbs),
    reportingParticiples: new Set(data.reportingParticiples),
    verbPhrases: phraseRegExp(data.reportingPhrases),
    // The words a reporting verb can start with (reportingVerbs' verbAt), and the last words of its
    // two-word phrases: any other token is passed over without its dozen checks, most of a
    // sentence's words.
    verbStarts: new Set([...data.reportingVerbs, ...data.evidenceVerbs, ...data.presentingVerbs]),
    verbPhraseEnds: new Set(data.reportingPhrases.map((phrase) => phrase.toLowerCase().split(/\s+/).pop())),
    sources: phraseRegExp(data.sourcePhrases),
    evidence: new Set(data.evidenceNouns),
    documents: new Set(data.documentNouns),
    opinion: phraseRegExp(data.opinionPhrases),
    framing: phraseRegExp(data.framingPhrases),
    described: new Set(data.describedGroups),
    placeAdverbs: new Set(data.placeAdverbs),
    quantifiers: new Set(data.vagueQuantifiers),
    vagueNouns: new Set(data.vagueNouns),
    evidenceVerbs: new Set(data.evidenceVerbs),
    vague: phraseRegExp(data.vaguePhrases),
    naming: phraseRegExp(data.namingPhrases),
    // "is said to be", "was rumoured to", "have been blamed on"; a "by …" agent after it is read
    // apart (findAttribution).
    passive: new RegExp(String.raw`\b${be}\s+${adverbs}(?:(?:${reporting})\b|(?:${judging})\b)`, 'giu'),
    // Every match of passive, itPassive and knowing holds a form of "be" or an "it's" as a word:
    // a sentence without one (most) is not scanned by the three.
    beWord: /\b(?:is|are|was|were|be|been|being|it['’]s)\b/iu,
    // The same passive reduced to a participle before "to be"/"to have": "a family believed to be
    // harbouring …", "winds reported to have reached gale force" (not after a subject: "they said").
    // (Not a participle that is its subject's own verb before "to": "Azerbaijan claimed to have killed".)
    reduced: new RegExp(String.raw`\b${adverbs}(?:${data.passiveReporting.filter((r) => /\sto\s+(?:be|have)$/.test(r) && !data.activeInfinitives.includes(r.split(/\s+/)[0])).map((r) => r.replace(/\s+/g, String.raw`\s+`)).join('|')})\b`, 'giu'),
    // Tested on the words just before a reduced passive, not as a lookbehind of it: a leading
    // lookbehind is tried at every position of the sentence, and took seconds on a long one.
    reducedSubject: new RegExp(String.raw`\b(?:${be}|he|she|they|we|i|you|it|who|which|that)\s+${adverbs}$`, 'iu'),
    estimating: phraseRegExp(data.passiveEstimating),
    // "it is said", "it has been widely predicted that", contracted "it's commonly assumed that";
    // not "it was known as X", "it is expected to open".
    itPassive: new RegExp(String.raw`\bit(?:\s+${be}|['’]s(?:\s+been)?)\s+${adverbs}(?:${data.itPassive.join('|')})\b(?!\s+(?:as|for|with|from|to\s+(?!be\b|have\b)))`, 'giu'),
    existential: new RegExp(String.raw`\bthere\s+(?:${be}|will\s+be)\s+(?:(?:${data.passiveAdverbs.join('|')}|growing|increasing|mounting|widespread|unconfirmed|conflicting|initial|early|some|many|numerous|several|persistent|renewed|much|little)\s+)*(?:${data.existentialNouns.join('|')})\b`, 'giu'),
    // "Concerns have been raised", "Such accusations have previously been leveled": a view voiced
    // by no one (a "by …" agent after it is read apart, as for any passive).
    voiced: new RegExp(String.raw`\b(?:${data.existentialNouns.join('|')})\s+${be}\s+${adverbs}(?:${data.voicingParticiples.join('|')})\b`, 'giu'),
    commitment: new Set(data.commitmentVerbs),
    attributive: new Set(data.attributiveParticiples),
    quantifierNouns: new Set(data.vagueQuantifierNouns),
    memberGroups: new Set(data.memberGroups),
    reportPrepositions: new Set(data.reportPrepositions),
    unowned: new Set(data.unownedEvidence),
    owners: new Set(data.evidenceOwners),
    pointing: new Set(data.pointingDeterminers),
    fresh: new Set(data.freshEvidence),
    issuing: new Set(data.issuingParticiples),
    judgingParticiples: new Set(data.passiveJudging),
    // "is said to attract", "is generally considered safe": the word after decides (findAttribution).
    passiveComplement: new RegExp(String.raw`\b${be}\s+${adverbs}(?:${[...new Set([...data.passiveInfinitive, ...data.passiveAdjective])].join('|')})\b`, 'giu'),
    passiveAdjective: new Set(data.passiveAdjective),
    // "is known to prank", "are known to harbor": a simple tense of "be" only; the perfect "has
    // been known to cause" is an idiom of habit (knowingInfinitive).
    knowingAudiences: new Set(data.knowingAudiences),
    knowing: new RegExp(String.raw`\b(?:is|are|was|were)\s+${adverbs}(?:${data.knowingInfinitive.join('|')})\b`, 'giu'),
    agentPassives: new Set([...data.agentPassives, ...data.passiveJudging]),
    agentPassivesAs: new Set(data.agentPassivesAs),
    // "Labour was found to have overspent", "it was also found that": a finding with no finder of its own.
    findingPassive: new RegExp(String.raw`\b(?:was|were)\s+(?:also\s+)?(?:${data.findingPassives.join('|')})\s+(?:to|that)\b`, 'i'),
    continuation: new RegExp(String.raw`^\W*(?:(?:${phraseAlternation(data.continuationParts)})\s+(?:${phraseAlternation(data.continuationWholes)})\b|(?:${phraseAlternation(data.continuationOpeners)})\b|(?:${phraseAlternation(data.continuationPointers)})\s+(?:also\s+)?(?:${phraseAlternation(data.continuationEquating)})\b)`, 'i'),
    anaphoricSource: new RegExp(String.raw`^\W*(?:(?:${phraseAlternation(data.sourcePointers)})\s+(?:${phraseAlternation(data.sourcedNouns)})\b|(?:${phraseAlternation(data.creditLabels)})\s*:)`, 'i'),
    mentions: phraseRegExp([...new Set([...data.unownedEvidence, ...data.evidenceNouns, ...data.documentNouns])]),
    notReporting: new Set(data.notReportingPhrases),
    sensing: new Set(data.sensingVerbs),
    notAgents: new Set(data.notAgents),
    // "… by" where an agent may follow, a few words on: not a time, a measure or a means.
    // (Sticky, tried where the passive ends: a slice of the rest of the sentence for each passive
    // cost a sentence of thousands of them time in the square of their number.)
    agentAfter: new RegExp(String.raw`\s+(?:(?!(?:that|whether|if)\s)[^\s.;:]+\s+){0,6}?by\s+(?!(?:the\s+)?(?:${phraseAlternation(data.notAgents)}|\d)\b)`, 'iuy'),
    surveyed: new Set(data.surveyedGroups),
    polling: new Set(data.pollingParticiples),
    // (Lower case or capitalised, never all capitals: "the US economy" is no "us".)
    writerPluralWords: phraseRegExp(data.writerPlural.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]), 'gu'),
    ownPeople: new Set(data.ownPeople),
    personGroups: new Set(data.personGroups),
    placeGroups: new Set(data.placeGroups),
    writerPlural: new Set(data.writerPlural),
    ownedOnly: new Set(data.ownedOnlyEvidence),
    reflexives: new Set(data.reflexivePronouns),
    observing: new Set(data.firstPersonObservation),
    viewVerbs: new Set(data.viewVerbs),
    viewPhrases: new Set(data.viewPhrases),
    // (Their first words, for the same reason.)
    viewStarts: new Set([...data.viewVerbs, ...data.viewPhrases.map((phrase) => phrase.split(' ')[0])]),
    viewGroups: new Set(data.viewGroups),
    intentionSubjects: new Set(data.intentionSubjects),
    intentionWords: new Set(data.intentionWords),
    complementVerbs: new Set(data.complementVerbs),
    makingVerbs: new Set(data.makingVerbs),
    madeWorks: new Set(data.madeWorks),
    presenting: new Set(data.presentingVerbs),
    figureHedges: new Set(data.figureHedges),
    groupSuffix: new RegExp(String.raw`\p{Ll}(?:${data.groupSuffixes.join('|')})$`, 'u')
  }
}
let compiled: ReturnType<typeof buildPatterns> | undefined
const patterns = () => (compiled ??= buildPatterns())

/** The compiled lists, with what the article before the sentence tells about them. */
type Patterns = ReturnType<typeof patterns> & {
  /** Has the article already sourced evidence that "the report", "these figures" can point back to? */
  antecedent: boolean
  /** Does the writer speak as "we" in the article (ownPeople)? Asked only of a group that may be the writer's. */
  writesAsWe: () => boolean
  /** Has the article said, before the sentence, who a member group is ("critics from the Green party")? */
  groupNamedBefore: (noun: string) => boolean
}

/** Does the text speak in the first person plural ("our app", "We replaced …"; writerPlural)? */
export function speaksAsWe(text: string): boolean {
  const re = patterns().writerPluralWords
  re.lastIndex = 0
  return re.test(text)
}

/**
 * Does the text say who a member group is (memberGroups, spec §5), so that a later "the critics"
 * points back to someone named: "critics from the Green party", "Green party critics", "two
 * experts, Ann Lee and Bo Chan", "Ann Lee, a critic of the plan"? Not "critics", "critics of the
 * plan", "a critic".
 */
export function namesGroup(text: string, noun: string, names?: ReadonlySet<string>, offset = 0): boolean {
  const p: Patterns = {...patterns(), antecedent: false, writesAsWe: () => false, groupNamedBefore: () => false}
  if (!p.memberGroups.has(noun)) return false
  const singular = noun.replace(/s$/, '')
  // (At the sentence's offset: the tokens the sentence's own reading tagged.)
  const tokens = tokenize(text, offset, names)
  return tokens.some((t, i) => {
    if (t.lower !== noun && t.lower !== singular) return false
    // A name in apposition after or before it.
    if (tokens[i + 1]?.text === ',' && tokens[i + 2]?.name) return true
    let first = i
    while (first > 0 && tokens[first - 1].word && /^(?:DT|JJ|NN|CD|PRP\$)/.test(tokens[first - 1].tag)) first--
    if (tokens[first - 1]?.text === ',' && tokens[first - 2]?.name) return true
    // The group's own phrase, with a name in it or a complement that names its body.
    const words = forwardWords(tokens, first, p)
    return words.includes(i) && (words.some((j) => tokens[j].name) || words.at(-1)! > i) && classifyPhrase(tokens, words, p, true) === 'named'
  })
}

/**
 * Does the text report a finding in an agentless passive ("Labour was found to have overspent
 * $768,000", "it was found that …")? After a sentence whose source found something, the finder is
 * that source (spec §2: a sentence that continues the previous one's attribution).
 */
function reportsFindingWithoutFinder(text: string): boolean {
  return patterns().findingPassive.test(text)
}

/**
 * Does the sentence go on with the previous one's facts ("Of these, 1,846 were hospitalised",
 * "For example, …", "This represents …"), or report a finding with no finder of its own? Either
 * way it continues the previous sentence's attribution (spec §2).
 */
export function continuesPrevious(text: string): boolean {
  return patterns().continuation.test(text) || reportsFindingWithoutFinder(text)
}

/** Does the sentence name the source of the one before ("These figures come from …", "Source: …")? */
export function pointsBackToSource(text: string): boolean {
  return patterns().anaphoricSource.test(text)
}

/** Does the text mention evidence ("a report", "figures", "the survey") that a later "the report" may point back to? */
export function mentionsEvidence(text: string): boolean {
  const re = patterns().mentions
  re.lastIndex = 0
  return re.test(text)
}

export interface AttributionMatch extends Span {
  text: string
  /** The cue frames what follows as someone's claim ("critics think it is …", "reportedly");
   * a naming cue ("Dubbed …") does not. */
  frame: boolean
}

export interface Attribution {
  /** Cues that name or describe a source ("the ministry said", "according to the IMF", "he added"). */
  named: AttributionMatch[]
  /** Cues that name no one ("critics say", "reportedly", "it is widely thought", "Dubbed"). */
  vague: AttributionMatch[]
}

type Source = 'named' | 'vague' | 'none'

// What separates clauses: a source in one does not report the other ("…, but critics charge …").
const clauseJoin = /[;]|,\s*(?:and|but|while|whereas|although|though|yet)\b|\s[—–]\s/i
// Words that end the subject phrase when reading back from a verb.
const clauseBreak = new Set(['that', 'which', 'who', 'whom', 'and', 'but', 'or', 'while', 'because', 'although', 'though', 'to', 'if', 'when', 'after', 'before', 'since', 'as', 'where', 'so', 'why', 'how', 'what', 'whether'])
// Only verbs of saying invert their subject: "…, said the ministry".
const invertingVerbs = new Set(['said', 'says', 'say', 'added', 'adds', 'told', 'wrote', 'writes', 'explained', 'noted', 'asked', 'reported', 'stated'])
// After these, the verb reports a state, not a source: "60,000 people reported dead", "write off".
const notReporting = new Set(['dead', 'missing', 'injured', 'killed', 'wounded', 'hurt', 'safe', 'alive', 'off', 'up', 'down'])
// Words between a subject and its verb that say nothing about the source.
const modals = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'shall'])
const auxiliaries = new Set(['has', 'have', 'had', 'long', ...modals, 'do', 'does', 'did', 'also', 'previously', 'now', 'not', 'later', 'publicly', 'often', 'repeatedly', 'recently', 'earlier', 'today', 'yesterday', 'further', 'first', 'still', 'already', 'then', 'again', 'always', 'widely', 'generally', 'separately', 'privately', 'initially', 'originally'])
const calendarWords = new RegExp(String.raw`^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|${monthNames})$`)
/** Is the token at `j` a date's day, after its month ("March 14")? */
const dayOfMonth = (tokens: Token[], j: number) => /^\d{1,2}$/.test(tokens[j].text) && calendarWords.test(tokens[j - 1]?.lower ?? '')

/**
 * Where the name before the evidence noun at `i` starts, after "the" or "a" ("the Monmouth poll",
 * "a Change Research/CNBC survey"); -1 when no name stands there.
 */
function namedBefore(tokens: Token[], i: number): number {
  // Over a few words that describe the evidence: "the RealClearPolitics head-to-head polling average".
  let end = i
  while (end > 0 && i - end < 3 && tokens[end - 1].word && !tokens[end - 1].name && /^(?:JJ|NN|VBG)$/.test(tokens[end - 1].tag) && /^\p{Ll}/u.test(tokens[end - 1].text)) end--
  let first = end
  // A poll's name is a few words: the walk stops there (a run of thousands of capitalised words
  // with an evidence noun in each would make it quadratic).
  while (first > 0 && end - first < 8 && (tokens[first - 1].name && !calendarWords.test(tokens[first - 1].lower) || /^[/&-]$/.test(tokens[first - 1].text) && tokens[first - 2]?.name)) first--
  if (first === end) return -1
  // And over the date it bears before the name: "the September 25–27 Léger poll", "an April 30 – May 4
  // Monmouth poll", "a March 14, 2019 NATO press release" (the date dates the named evidence; alone,
  // "the Monday report" names no one).
  let lead = first
  while (lead > 0 && first - lead < 8 && (calendarWords.test(tokens[lead - 1].lower) || /^\d{1,4}(?:[–—-]\d{1,4})?$/.test(tokens[lead - 1].text) || /^[,–—-]$/.test(tokens[lead - 1].text))) lead--
  return lead > 0 && /^(?:the|a|an)$/.test(tokens[lead - 1].lower) ? lead : -1
}

const determiners = new Set(['the', 'this', 'that', 'these', 'those', ...possessives, 'a', 'an', 'each', 'every', 'both'])
const pronouns = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'him', 'her', 'them', 'us', 'me'])

/**
 * Attribution cues in a piece of writer's-voice text (quoted words already blanked out).
 * `offset` maps match positions back into the file.
 */
export function findAttribution(text: string, offset = 0, names?: ReadonlySet<string>, sourcedBefore?: () => boolean, writesAsWe?: () => boolean, groupNamedBefore?: (noun: string) => boolean): Attribution {
  const compiledPatterns = patterns()
  const tokens = groupsUnnamed(tokenize(text, offset, names), compiledPatterns.groupSuffix, names)
  // Asked before any cue is read, and only of a sentence with evidence in it: the answer may read
  // the article's earlier sentences.
  const sourced = tokens.some((t) => compiledPatterns.unowned.has(t.lower) || compiledPatterns.surveyed.has(t.lower)) && (sourcedBefore?.() ?? false)
  // (Without the article, the sentence's own words: "Customers told us …".)
  // (Without the article, no group was named before.)
  const p: Patterns = {...compiledPatterns, antecedent: sourced, writesAsWe: writesAsWe ?? (() => speaksAsWe(text)), groupNamedBefore: groupNamedBefore ?? (() => false)}
  const named: AttributionMatch[] = []
  const vague: AttributionMatch[] = []
  // Every cue's span, in order: they never overlap, so the first that ends after a new cue's start
  // is the only one it can overlap (a search, not a scan: a sentence may hold thousands of cues).
  const taken: Span[] = []
  const cue = (into: AttributionMatch[], start: number, end: number, frame = true) => {
    const low = firstEndingAfter(taken, start)
    if (low < taken.length && taken[low].start < end) return
    const match = {start, end, text: text.slice(start - offset, end - offset), frame}
    taken.splice(low, 0, match)
    into.push(match)
  }
  const phraseCues = (re: RegExp, fn: (start: number, end: number) => void) => {
    for (const m of allMatches(re, text)) fn(offset + (m.index ?? 0), offset + (m.index ?? 0) + m[0].length)
  }
  // An agentless passive names no one; one with a "by …" agent a few words on is as vague or
  // as named as its agent ("is considered the best by Fortune", "is rated higher by some groups").
  // The "by …" agent a few words after a passive that ends at `e`: where its "by" ends, and its first token.
  const agentAfter = (e: number) => {
    p.agentAfter.lastIndex = e - offset
    const agent = p.agentAfter.exec(text)
    return agent && {by: e + agent[0].trimEnd().length - 'by'.length, first: tokens.findIndex((t) => t.start >= e + agent[0].length)}
  }
  const passiveCue = (s: number, e: number) => {
    // (Not in the clause it reports: "It has even been asserted that it was merely tolerated by the Church".)
    const agent = agentAfter(e)
    if (!agent) return cue(vague, s, e)
    // A "by" after a state the passive reports ("are reported injured during the attack by a
    // gunman", "feared killed by the flood") is the agent of that state, not the source's.
    const words = tokens.filter((t) => t.start >= s && t.end <= e && t.word)
    const [reporting, state] = words.slice(-2)
    if (state && /^VB[ND]$/.test(state.tag) && p.verbs.has(reporting.lower) && !p.verbs.has(state.lower) && !p.agentPassives.has(state.lower)) return cue(vague, s, e)
    // A "by" after a passive of the reported clause is its own agent, not the source's: "is
    // believed to have been weakened by the tremor" names no one who believes.
    // (So is one after a finite "be" of the reported clause: "It is now known McArthur was twice
    // interviewed by police"; and one after its participle, when the cue ends on the clause's "be":
    // "is thought to be driven partly by fatigue".)
    if (tokens.some((t) => t.start >= e && t.end <= agent.by && beForms.has(t.lower))) return cue(vague, s, e)
    if (words.at(-1)?.lower === 'be' && tokens.find((t) => t.start >= e && t.word && t.tag !== 'RB')?.tag === 'VBN') return cue(vague, s, e)
    const kind = agent.first < 0 ? 'none' : passiveAgent(tokens, agent.first, p).kind
    if (kind === 'named') cue(named, s, e)
    else if (kind === 'vague') cue(vague, s, e)
  }

  const firstWord = tokens.findIndex((t) => t.word)
  const reading: AttributionReading = {text, offset, tokens, p, named, vague, cue, phraseCues, agentAfter, passiveCue, firstWord}
  namingCues(reading)
  passiveCues(reading)
  reportCues(reading)
  billingCues(reading)
  writersObserving(reading)
  sourcePhrases(reading)
  ownedEvidence(reading)
  agentPassives(reading)
  reportingVerbs(reading)
  participleReports(reading)
  surveyedShares(reading)

  // What a named source reports is its own: "According to Newsbeat, critics have cited …",
  // "Ma Ngok said the turnout was seen as …", "Planners predicted …, Gates told reporters".
  // A closing "…, according to The Times." is the source of the whole sentence.
  // (Within its clause: "which the Church describes as …, but critics charge" keeps the critics.)
  const sameClause = (a: Span, b: Span) => !clauseJoin.test(text.slice(Math.min(a.end, b.end) - offset, Math.max(a.start, b.start) - offset))
  const frame = named.find((n) => !/^according to/i.test(n.text) || n.start - offset <= 2)
  // (A closing frame ends its clause: "…, his daughter said he died in Britain" reports only what follows it.)
  const closing = named.find((n) => (!/^according to/i.test(n.text) || closingScope(text, n.end - offset)) && /,\s*(?:[\p{L}.'’-]+\s+){0,4}$/u.test(text.slice(0, n.start - offset)) && endsClause(tokens, n.end))
  // An estimate is vague only when nobody in the sentence owns it: "is estimated at 100,000".
  const owned = (v: AttributionMatch) => named.some((n) => sameClause(n, v)) && (p.estimating.lastIndex = 0, p.estimating.test(v.text))
  // (An opening "According to X," frames every clause after it, a closing one every clause before.)
  const vagueKept = vague.filter((v) => !(frame && v.start > frame.start && (/^according to/i.test(frame.text) || sameClause(frame, v))) && !(closing && v.end <= closing.start && (/^according to/i.test(closing.text) || sameClause(closing, v))) && !owned(v))
  return {named: named.sort((a, b) => a.start - b.start), vague: vagueKept.sort((a, b) => a.start - b.start)}
}

/** What each kind of cue is read from: the sentence, its tokens and patterns, the cues so far, and `cue`, which keeps a cue only where none is yet. */
interface AttributionReading {
  text: string
  offset: number
  tokens: Token[]
  p: Patterns
  named: AttributionMatch[]
  vague: AttributionMatch[]
  cue: (into: AttributionMatch[], start: number, end: number, frame?: boolean) => void
  phraseCues: (re: RegExp, fn: (start: number, end: number) => void) => void
  /** The "by …" agent after a passive ending at `e`: where its "by" ends, and its first token (-1 if none). */
  agentAfter: (e: number) => {by: number; first: number} | null
  passiveCue: (s: number, e: number) => void
  firstWord: number
}

// The kinds of cue, each read in its own pass, in this order (a cue found first keeps its span).
// Functions of their own, not one: V8 compiles each apart, so a rare branch taken late
// recompiles its pass, not all of them (as one function it was recompiled over and over).

/** Names given with no one to give them: "Dubbed 'China's Brain Valley'". */
function namingCues({tokens, p, vague, cue, phraseCues, agentAfter}: AttributionReading): void {
  // "Dubbed 'China's Brain Valley'" names no one; "Ingram dubbed the conflict …" is Ingram's name
  // for it, and so is "Dubbed 'China's Brain Valley' by Xinhua" (a passive whose agent is given).
  phraseCues(p.naming, (s, e) => {
    const before = tokens.filter((t) => t.end <= s && t.word).at(-1)
    if (before && !/^(?:is|are|was|were|be|been|being|and|or|often|also|widely|later|once|since|now)$/.test(before.lower) && !tokens.some((t) => t.end <= s && t.start >= before.end)) return
    const first = agentAfter(e)?.first ?? -1
    if (first < 0 || passiveAgent(tokens, first, p).kind !== 'named') cue(vague, s, e, false)
  })
}

/** Vague phrases and passives that report what no one is named for: "is considered", "is said to". */
function passiveCues({text, offset, tokens, p, vague, cue, phraseCues, passiveCue}: AttributionReading): void {
  phraseCues(p.vague, (s, e) => cue(vague, s, e))
  const be = p.beWord.test(text)
  if (be) phraseCues(p.itPassive, (s, e) => passiveCue(s, e))
  // The cue is the passive itself: "is considered", not "is considered the".
  if (be) phraseCues(p.passive, (s, e) => passiveCue(s, s + text.slice(s - offset, e - offset).replace(/\s+(?:the|a|one\s+of|among)$/i, '').length))
  // The same passive before any verb ("is said to attract") or, judging, any adjective ("is
  // generally considered safe"); not "was reported to the police", "is thought of".
  phraseCues(p.passiveComplement, (s, e) => {
    const k = firstFrom(tokens, e)
    const participle = tokens[k - 1]?.lower ?? ''
    // (Over adverbs: "would almost certainly have been considered to violate".)
    let b = firstFrom(tokens, s) - 1
    while (b >= 0 && (!tokens[b].word || tokens[b].tag === 'RB')) b--
    if (modals.has(tokens[b]?.lower ?? '')) return
    if (tokens[k]?.lower === 'to' && tokens[k + 1]?.tag === 'VB') passiveCue(s, tokens[k].end)
    else if (p.passiveAdjective.has(participle) && /^JJ[SR]?$/.test(tokens[k]?.tag ?? '') && !/^NN/.test(tokens[k + 1]?.tag ?? '')) passiveCue(s, e)
  })
  // "Anonymous is known to prank …": knowing with no knower, before a verb of action (an adverb may
  // split the infinitive: "is known to permanently evict"); "were known to be available" states
  // a record, and "known to have" is a passiveReporting phrase.
  if (be) phraseCues(p.knowing, (s, e) => {
    let k = firstFrom(tokens, e)
    if (tokens[k]?.lower !== 'to') return
    const to = tokens[k]
    k++
    while (k < tokens.length && tokens[k].tag === 'RB') k++
    // (NN still: a verb the lexicon has only as a noun, "to prank/NN" (tokens.ts reads a verb
    // after "to" only where the lexicon has one); a noun there is otherwise the one it is known
    // to, "known to police", or a name's: "known to fans as the I-Man".)
    const verb = tokens[k]
    if (!verb?.word || verb.name || !/^(?:VB|VBP|NN)$/.test(verb.tag) || /^(?:be|have)$/.test(verb.lower) || p.knowingAudiences.has(verb.lower) || tokens[k + 1]?.lower === 'as') return
    passiveCue(s, to.end)
  })
  phraseCues(p.reduced, (s, e) => p.reducedSubject.test(text.slice(Math.max(0, s - offset - 200), s - offset)) || passiveCue(s, e))
}

/** Reports no one is named for: "There were reports of looting", "after reports of a suspect". */
function reportCues({tokens, p, vague, cue, phraseCues, passiveCue}: AttributionReading): void {
  // "There were reports of looting", unless the reports' origin follows ("… from the ministry").
  // (Also after what they report: "There are reports of a 'burning rubber' smell from eyewitnesses".)
  phraseCues(p.existential, (s, e) => {
    let k = firstFrom(tokens, e)
    // (Not over a verb: "reports of problems sending texts or making calls from mobile phones";
    // a participle inside the noun phrase is no verb, "a 'burning rubber' smell".)
    const verb = (t: Token, before?: Token) => /^VB/.test(t.tag) && !(t.tag === 'VBG' && before && (!before.word || /^(?:DT|JJ)/.test(before.tag)))
    for (let n = 0; n < 8 && k < tokens.length && !/^(?:from|by)$/.test(tokens[k].lower) && !/^[,;:.!?]$/.test(tokens[k].text) && !verb(tokens[k], tokens[k - 1]); n++) k++
    if (!(k < tokens.length && /^(?:from|by)$/.test(tokens[k].lower) && classifyForward(tokens, k + 1, p) === 'named')) cue(vague, s, e)
  })
  // Not a view its owner voiced: "His concerns were raised with the minister", "the union's fears
  // were voiced at the meeting".
  phraseCues(p.voiced, (s, e) => {
    const before = tokens.filter((t) => t.end <= s && (t.word || /^['’]s?$/.test(t.text))).at(-1)
    if (!before || !(possessives.has(before.lower) || /['’]s?$/.test(before.text) || before.name)) passiveCue(s, e)
  })
  // "after reports of a suspect", "by reports on Saturday": reports that no one is named for.
  tokens.forEach((t, i) => {
    if (!p.documents.has(t.lower) || t.lower === 'source' || t.lower === 'sources') return
    let j = i - 1
    while (j >= 0 && /^JJ/.test(tokens[j].tag) && !tokens[j].name) j--
    if (j < 0 || !p.reportPrepositions.has(tokens[j].lower)) return
    if (classifyForward(tokens, j + 1, p) === 'vague') cue(vague, tokens[j].start, t.end)
  })
}

/** Opinions and billings a subject gives of itself: "bills itself as". */
function billingCues({tokens, p, named, cue, phraseCues}: AttributionReading): void {
  phraseCues(p.opinion, (s, e) => cue(named, s, e))
  // (A billing names what follows it, it frames nothing else: `frame` false.)
  phraseCues(p.framing, (s, e) => cue(named, s, e, false))
  // "The brewery bills itself as the oldest in Bavaria", "Rocky Linux describes itself as …": a
  // verb with a reflexive pronoun and "as" presents what follows as the subject's own billing
  // (spec §1 "billed as", "touted as"), whatever the tagger makes of the verb ("bills" as a noun).
  tokens.forEach((t, i) => {
    const verb = tokens[i - 1]
    if (i > 0 && p.reflexives.has(t.lower) && tokens[i + 1]?.lower === 'as' && verb.word && /^(?:VB[DZP]?|NNS)$/.test(verb.tag) && /(?:s|ed)$/.test(verb.lower)) cue(named, verb.start, tokens[i + 1].end, false)
  })
}

/** The writers' own observations: "we collected 6,000 profiles". */
function writersObserving({tokens, p, named, cue}: AttributionReading): void {
  // "we collected 6,000 profiles", "We also saw a 4% increase": the writers' own observation names
  // its source, the writers (over adverbs: "we then measured").
  tokens.forEach((t, i) => {
    if (t.lower !== 'we') return
    let k = i + 1
    while (k < tokens.length && (!tokens[k].word || tokens[k].tag === 'RB') && !/^[,;:.!?]$/.test(tokens[k].text)) k++
    if (k < tokens.length && p.observing.has(tokens[k].lower)) cue(named, t.start, tokens[k].end)
  })
}

/** "according to X", "a survey by X". */
function sourcePhrases({tokens, p, named, vague, cue, phraseCues}: AttributionReading): void {
  // "according to X", "a survey by X": the words after decide whether anyone is named.
  phraseCues(p.sources, (s, e) => {
    const after = tokens.findIndex((t) => t.start >= e)
    const kind = after < 0 ? 'none' : classifyForward(tokens, after, p)
    // A vague cue covers whom it fails to name: "according to reports".
    const np = kind === 'vague' ? tokens.slice(after).findIndex((t) => !t.word) : -1
    const end = kind === 'vague' ? (np > 0 ? tokens[after + np - 1].end : tokens.at(-1)!.end) : e
    if (kind !== 'none') cue(kind === 'named' ? named : vague, s, end)
  })
}

/** Evidence owned by a source: "the IMF's estimates", "in her study", "In the survey, …". */
function ownedEvidence({tokens, p, named, cue}: AttributionReading): void {
  // "the IMF's estimates", "Gallup's poll".
  // It is a source when it reports ("the ministry's figures put …") or is cited ("in Gallup's poll"),
  // not when it is the topic ("Snow's research constitutes one of the most original …").
  // So is a poll or report named before its noun: "in the Monmouth poll", "the Change
  // Research/CNBC survey found" (not "the 2019 census" or "the Monday report": no one named).
  tokens.forEach((t, i) => {
    if (!p.evidence.has(t.lower)) return
    const owner = i >= 2 && /^['’]s?$/.test(tokens[i - 1].text) && tokens[i - 2].word ? i - 2 : i >= 1 && /['’]s$/.test(tokens[i - 1].text) ? i - 1 : namedBefore(tokens, i)
    if (owner < 0) return
    // Also after an aside between commas: "The Auditor-General report, tabled today, found …".
    // (Looked for only in the six tokens after the noun: a search from the sentence's start, for
    // every evidence noun, was quadratic in a run of them.)
    let aside = -1
    if (tokens[i + 1]?.text === ',') for (let k = i + 2; k <= i + 7 && k < tokens.length && aside < 0; k++) if (tokens[k].text === ',') aside = k
    const reports = tokens.slice(i + 1, i + 3).some((x) => p.verbs.has(x.lower)) || (aside > 0 && p.verbs.has(tokens[aside + 1]?.lower ?? ''))
    const lead = owner > 0 && determiners.has(tokens[owner - 1].lower) ? owner - 1 : owner
    const cited = lead > 0 && /^(?:in|from|by|to|on)$/.test(tokens[lead - 1].lower)
    if (reports || cited) cue(named, tokens[owner].start, t.end)
  })
  // "in her study", "from his survey": a pronoun's evidence, cited, is the person's the text has named.
  // So is a company's or the writer's own ("In its survey, …", "In our survey, 71% said …").
  // (Across up to two modifiers, and after "on" or "under" too: "On our standard benchmark suite
  // (…), Lattice 5.0 is:", "Typical numbers under our real workload:", "in our quarterly survey".)
  tokens.forEach((t, i) => {
    if (!p.evidence.has(t.lower) && !p.ownedOnly.has(t.lower)) return
    for (let k = i - 1; k >= 1 && k >= i - 3; k--) {
      if (possessives.has(tokens[k].lower) && /^(?:in|from|by|on|under)$/.test(tokens[k - 1].lower)) return cue(named, tokens[k].start, t.end)
      if (!tokens[k].word || !/^(?:JJ|NN|VBN|RB)/.test(tokens[k].tag)) return
    }
  })
  // "In the survey, 71% said …" after a survey the article has sourced: evidence that opens the
  // sentence as its frame is a source as "according to" is, when it names or points back to one
  // ("In a recent poll, …" names no one; "In a poll, …" is not pointed back to).
  const opening = tokens.findIndex((t) => t.word)
  if (opening >= 0 && /^(?:in|from)$/.test(tokens[opening].lower)) {
    const words = forwardWords(tokens, opening + 1, p)
    const head = words.at(-1)
    if (head !== undefined && (p.unowned.has(tokens[head].lower) || p.ownedOnly.has(tokens[head].lower)) && tokens[head + 1]?.text === ',' && !/^an?$/.test(tokens[words[0]].lower) && classifyPhrase(tokens, words, p, true) === 'named') cue(named, tokens[opening].start, tokens[head].end)
    else madeFrame(tokens, opening, p, (start, end) => cue(named, start, end))
  }
  // "the researchers adjusted their data": evidence owned by a source the sentence has just named
  // or described (a name, or a determined plural such as "the researchers") is that source's.
  let antecedent: number | undefined
  tokens.forEach((t, i) => {
    if (i < 2 || !p.evidence.has(t.lower) || !/^(?:its|their)$/.test(tokens[i - 1].lower)) return
    antecedent ??= tokens.findIndex((x, k) => x.name || (x.tag === 'NNS' && determiners.has(tokens[k - 1]?.lower ?? '') && !p.vagueNouns.has(x.lower)))
    if (antecedent >= 0 && antecedent < i - 1) cue(named, tokens[i - 1].start, t.end)
  })
}

/**
 * An opening frame of evidence that names who made it, up to its comma: "In a situational report
 * of NDRRMC, Wednesday's tremor damaged 143 buildings" (news wn-2019-aftershocks-increase-death-
 * toll-of), "In a poll of 1,500 readers commissioned by the paper, 61 percent said …". Its
 * maker is a name after "of", or a named or determined agent after "by" (over an issuing
 * participle); it reports the sentence as "According to NDRRMC, …" does (spec §2). "In a survey
 * of 2,000 customers, …" names no one, nor does "In a report of the incident, …".
 */
function madeFrame(tokens: Token[], opening: number, p: Patterns, found: (start: number, end: number) => void): void {
  // The evidence noun, after its determiner and modifiers.
  let h = opening + 1
  while (h < tokens.length && h < opening + 5 && tokens[h].word && !p.documents.has(tokens[h].lower) && /^(?:DT|JJ|NN|NNS|PRP\$|CD|VBG)$/.test(tokens[h].tag)) h++
  if (!p.documents.has(tokens[h]?.lower ?? '')) return
  let comma = h + 1
  while (comma < tokens.length && comma < h + 12 && tokens[comma].word) comma++
  if (tokens[comma]?.text !== ',' || comma === h + 1) return
  const maker = tokens.slice(tokens[h + 2]?.lower === 'the' ? h + 3 : h + 2, comma)
  const of = tokens[h + 1].lower === 'of' && maker.length > 0 && maker.every((t) => t.name)
  const by = tokens.findIndex((t, k) => k > h && k < comma && t.lower === 'by')
  // (An indefinite maker names no one: "conducted by a consultancy", as "research done by an anti-spam company".)
  const agent = by > 0 && !/^an?$/.test(tokens[by + 1]?.lower ?? '') && passiveAgent(tokens, by + 1, p)
  if (of || agent && agent.kind === 'named') found(tokens[opening].start, tokens[comma - 1].end)
}

/** Passives with an agent a few words on: "is regarded by many as". */
function agentPassives({tokens, p, named, vague, cue}: AttributionReading): void {
  // A passive whose agent comes a few words on names whom its agent names: "is regarded by many
  // as", "is rated more favorably than coal by some environmental organizations", "was described
  // by critics as" are vague, "is rated higher by Fortune" is named; so is a reduced passive of
  // judging right before its agent, "a system nicknamed by meteorologists".
  tokens.forEach((t, i) => {
    const needsAs = p.agentPassivesAs.has(t.lower)
    if (!p.agentPassives.has(t.lower) && !needsAs) return
    let back = i - 1
    while (back >= 0 && (auxiliaries.has(tokens[back].lower) || tokens[back].tag === 'RB' && /ly$/.test(tokens[back].lower) && back > 0 && beForms.has(tokens[back - 1].lower))) back--
    const passive = back >= 0 && beForms.has(tokens[back].lower)
    const reduced = !passive && p.judgingParticiples.has(t.lower) && back === i - 1 && /^NNS?$/.test(tokens[back]?.tag ?? '')
    if (!passive && !reduced) return
    let k = i + 1
    while (k < tokens.length && k <= i + 6 && tokens[k].word && tokens[k].lower !== 'by' && (!clauseBreak.has(tokens[k].lower) || tokens[k].lower === 'as')) k++
    if (tokens[k]?.lower !== 'by' || reduced && k !== i + 1) return
    const {kind, last} = passiveAgent(tokens, k + 1, p)
    if (kind === 'none' || needsAs && tokens[last + 1]?.lower !== 'as') return
    cue(kind === 'named' ? named : vague, tokens[passive ? back : i].start, tokens[last].end)
  })
}

/**
 * The "by …" agent of a passive, from its first token `first`: whom it names, and its last token.
 * A bare plural agent is as vague as a bare plural subject ("by meteorologists", "by critics");
 * a measure or a time is no agent ("increased by some 20%", "reported by the end of the day").
 */
function passiveAgent(tokens: Token[], first: number, p: Patterns): {kind: Source, last: number} {
  // (The agent ends before a determiner: "nicknamed by meteorologists a 'Pineapple Express'".)
  const words = forwardWords(tokens, first, p)
  const end = words.findIndex((j, n) => n > 0 && tokens[j].tag === 'DT' && /^NN/.test(tokens[words[n - 1]].tag))
  const agent = end > 0 ? words.slice(0, end) : words
  const last = agent.length > 0 ? agent[agent.length - 1] : -1
  if (last < 0 || agent.some((j) => tokens[j].tag === 'CD') || p.notAgents.has(tokens[last].lower)) return {kind: 'none', last}
  return {kind: classifyPhrase(tokens, agent, p), last}
}

/** Verbs of reporting and of judging, with their subjects: "critics say", "several economists dispute". */
function reportingVerbs({text, offset, tokens, p, named, vague, cue, firstWord}: AttributionReading): void {
  const verbAt = (i: number): number => {
    // Returns the number of tokens the reporting verb spans at i (0 when none).
    const t = tokens[i]
    // The neighbours, read in range once: a read past the array's ends deoptimises the function
    // (it was recompiled a dozen times over the news corpus).
    const following = i + 1 < tokens.length ? tokens[i + 1] : undefined
    const second = i + 2 < tokens.length ? tokens[i + 2] : undefined
    const twoBack = i >= 2 ? tokens[i - 2] : undefined
    // A capitalised word inside the sentence is a name: "Qaboos bin Said".
    if (!t.word || t.name && i > firstWord && /^\p{Lu}\p{Ll}/u.test(t.text)) return 0
    const next = following?.lower ?? ''
    // (Every test below that can say yes needs one of these.)
    if (!p.verbStarts.has(t.lower) && !p.verbPhraseEnds.has(next)) return 0
    if (p.notReporting.has(`${t.lower} ${next}`)) return 0
    // "Everyone felt the shaking": a sensation, unless a clause follows its subject ("felt the plan had failed").
    if (p.sensing.has(t.lower) && /^(?:DT|PRP\$)$/.test(following?.tag ?? '') && !finiteVerbSoon(tokens, i + 2)) return 0
    // "listed below"; "help Mackey find all the best decoys": finding reports only a finding.
    // ("Organisers say up to 20,000 …" gives a figure: "up to" is no particle.)
    const upTo = next === 'up' && second?.lower === 'to'
    if (next === 'below' || next === 'above' || notReporting.has(next) && !upTo && !(t.lower === 'put' || t.lower === 'puts')) return 0
    // "reports put attendance at 10,000": "put" reports only a figure put at something.
    // (So does "placed": "The latest Zogby poll placed him at 13 percent".)
    if (/^(?:put|puts|place|places|placed)$/.test(t.lower) && !/^(?:\S+\s+){0,6}?(?:at|between|in\s+the\s+range)\s/i.test(text.slice(t.end - offset + 1)) && !putsObjectAtFigure(tokens, i, p)) return 0
    if (/^(?:find|finds|found)$/.test(t.lower) && next === 'it') return 0
    // "called for calm", "called on the government": a demand, not a report.
    if (/^call(?:s|ed)?$/.test(t.lower) && /^(?:for|on|off|in|out|up)$/.test(next)) return 0
    // "The union called the 48-hour strike on Monday": with a plain object and no complement after
    // it, a verb of naming convenes or summons (complementVerbs).
    if (p.complementVerbs.has(t.lower) && !namesObject(tokens, i, text, offset)) return 0
    // "Blind Faith recorded only one studio album": a work made or put out, not a finding (makingVerbs).
    if (p.makingVerbs.has(t.lower) && madeWork(tokens, i, p)) return 0
    if (t.lower === 'find' && !/^(?:that|about|around|more|less|fewer|nearly|almost|over|half|no|evidence|\d.*)$/.test(next)) return 0
    if (p.verbs.has(t.lower) && !/^NN/.test(t.tag)) return 1
    // "Our tests show files …": a present-tense verb of evidence right after plural evidence is
    // its verb, whatever the tagger says.
    if (p.evidenceVerbs.has(t.lower) && !/(?:ed|wn|und)$/.test(t.lower) && i > 0 && tokens[i - 1].tag === 'NNS' && (p.unowned.has(tokens[i - 1].lower) || p.ownedOnly.has(tokens[i - 1].lower)) && following?.word) return 1
    // "…, council figures show.": a clause-final verb after the evidence it reports, whatever the tagger says.
    if (p.evidenceVerbs.has(t.lower) && i > 0 && p.evidence.has(tokens[i - 1].lower) && !following?.word) return 1
    // A name's closing frame: "…, Greenpeace reports, an energy demand …", "…, Smith says."
    if (p.verbs.has(t.lower) && /^\p{Ll}+s$/u.test(t.text) && i > 1 && tokens[i - 1].name && tokens[i - 2].text === ',' && /^[,.;]?$/.test(following?.text ?? '')) return 1
    // Tagged as a noun but used as a verb: "Activists claim that …", "Savarino states his …".
    // (Also before "to be"/"to have": "The museum claims to be the oldest in the country".)
    const infinitive = following?.lower === 'to' && /^(?:be|have)$/.test(second?.lower ?? '')
    // (After a relative pronoun only so: "The museum, which claims to be the oldest in Wales".)
    if (infinitive && p.verbs.has(t.lower) && i > 0 && /^(?:which|who|that)$/.test(tokens[i - 1].lower)) return 1
    // (After a name's appositive too, "Xinhua, the official news agency, reports that …"; and before a
    // hedged figure, "Gazeta Prawna reports only 0.5% of …" (figureHedges), or over the work a name
    // reports in, "The CIA reports in From Flowers to Heroin that …".)
    const hedged = p.figureHedges.has(next) && /^\d/.test(second?.text ?? '')
    const reportsIn = next === 'in' && nameBeforeThat(tokens, i + 2)
    if (p.verbs.has(t.lower) && i > 0 && (/^(?:NNS?|PRP|NNP|CC)$/.test(tokens[i - 1].tag) || tokens[i - 1].name || p.quantifiers.has(tokens[i - 1].lower) || appositiveOfName(tokens, i - 1)) && (infinitive || (hedged || reportsIn) && tokens[i - 1].name || /^(?:that|the|a|an|it|its|his|her|their|he|she|they|we|this|these|whether|if|how|why)(?![\p{L}])|^\d/iu.test(following?.text ?? ''))) return 1
    // "The estimate included $552 billion …", "The report presented two tables": a verb of presenting
    // reports with a document or piece of evidence as its subject (presentingVerbs), over an adverb.
    if (p.presenting.has(t.lower) && /^VB[DZP]?$/.test(t.tag)) {
      let k = i - 1
      while (k > 0 && tokens[k].tag === 'RB' && /ly$/.test(tokens[k].lower)) k--
      if (k >= 0 && (p.evidence.has(tokens[k].lower) || p.unowned.has(tokens[k].lower) || p.documents.has(tokens[k].lower))) return 1
    }
    // So after a bare unnamed group, whatever follows: "… but critics charge is a forced work camp",
    // "which media reports range from ten to 32 pages" (not after a determiner: "the media reports").
    if (p.verbs.has(t.lower) && i > 0 && p.vagueNouns.has(tokens[i - 1].lower) && tokens[i - 1].tag === 'NNS' && !determiners.has(twoBack?.lower ?? '') && following?.word && !p.verbs.has(following.lower)) return 1
    // A name reporting a clause about another name: "CBS News reports Indiana University's … is estimating".
    // (In lower case: "United States Senator" is a name, not "States" reporting.)
    if (p.verbs.has(t.lower) && /^\p{Ll}+s$/u.test(t.text) && i > 0 && tokens[i - 1].name && following?.name) return 1
    const two = i + 2 < tokens.length + 1 ? `${t.lower} ${following?.lower ?? ''}` : ''
    p.verbPhrases.lastIndex = 0
    return p.verbPhrases.test(two) && p.verbPhrases.lastIndex === two.length ? 2 : 0
  }
  // A verb of judging, disputing or citing ("consider", "dispute", "point to"): a cue only when an
  // undetermined group holds the view (spec §5), checked below; the number of tokens it spans.
  const viewAt = (i: number): number => {
    const t = tokens[i]
    if (!p.viewStarts.has(t.lower)) return 0
    // (Tagged as a noun right after a plural group it is still its verb: "several economists dispute how …".)
    if (!t.word || t.name && i > firstWord && /^\p{Lu}\p{Ll}/u.test(t.text) || /^NN/.test(t.tag) && !(t.tag === 'NN' && tokens[i - 1]?.tag === 'NNS' && !/^(?:VB|MD)/.test(tokens[i + 1]?.tag ?? ''))) return 0
    const next = tokens[i + 1]
    const span = p.viewPhrases.has(`${t.lower} ${next?.lower ?? ''}`) ? 2 : p.viewVerbs.has(t.lower) ? 1 : 0
    // Deliberating, not judging: "Many consider leaving", "Several countries consider whether to join".
    if (span === 1 && (next?.tag === 'VBG' || /^(?:whether|if|to)$/.test(next?.lower ?? ''))) return 0
    // A participle after its noun modifies it ("many deaths linked to the virus", "maps pointing to
    // the vendors"); the perfect is a verb, and so is a present participle after a comma, whose
    // subject opens the sentence ("Others are more cautious, pointing to …").
    // (The tagger reads every "called for" as a participle: "Critics called for an inquiry" is the
    // verb of a subject that opens the sentence, unless "for" is left at the end of a reduced
    // relative, "measures called for in the report".)
    const demand = span === 2 && /^call/.test(t.lower) && i > firstWord && tokens.slice(firstWord, i).every((x) => x.word && !/^(?:VB|MD)/.test(x.tag)) && !!tokens[i + 2]?.word && tokens[i + 2].tag !== 'IN'
    if (t.tag === 'VBN' && !/^(?:has|have|had)$/.test(tokens[i - 1]?.lower ?? '') && !demand) return 0
    if (t.tag === 'VBG' && tokens[i - 1]?.text !== ',') return 0
    return span
  }
  // Is the group from `from` to the verb at `i` undetermined: a quantifier ("many diners", "others"),
  // a vague noun ("experts"), a group made by its view ("supporters") or a bare plural profession
  // ("scientists")?
  const undetermined = (from: number, i: number) => tokens.slice(firstFrom(tokens, from), i).some((t) => p.quantifiers.has(t.lower) || p.vagueNouns.has(t.lower) || p.viewGroups.has(t.lower) || t.tag === 'NNS' && p.groupSuffix.test(t.lower))
  for (let i = 0; i < tokens.length; i++) {
    const reportingSpan = verbAt(i)
    const view = reportingSpan ? 0 : viewAt(i)
    const span = reportingSpan || view
    if (!span) continue
    const verb = {start: tokens[i].start, end: tokens[i + span - 1].end}
    // A passive ("was found", "is expected") reports nothing about who says so; "are reporting" is
    // no passive.
    // ("such evidence from being unnecessarily disclosed": over the adverb too.)
    let back = i - 1
    // (Only an adverb after "be" or an auxiliary: the tagger reads "the rally put" as an adverb too.)
    while (back >= 0 && (auxiliaries.has(tokens[back].lower) || tokens[back].tag === 'RB' && /ly$/.test(tokens[back].lower) && back > 0 && (beForms.has(tokens[back - 1].lower) || auxiliaries.has(tokens[back - 1].lower)))) back--
    if (back >= 0 && beForms.has(tokens[back].lower) && !/ing$/.test(tokens[i].lower)) continue
    // "the stated goals", "images of alleged e-mails": an adjective, not a verb with a subject.
    if (back >= 0 && (determiners.has(tokens[back].lower) || /^(?:IN|TO)$/.test(tokens[back].tag) && tokens[back].lower !== 'that')) continue
    // So a participle adjective after a quantifier, before its noun: "several alleged accomplices
    // were tried", "Some estimated death tolls … exceeded 100" ("others cited conflicts" is a verb).
    if (back >= 0 && p.quantifiers.has(tokens[back].lower) && p.attributive.has(tokens[i].lower) && /^NNS?$/.test(tokens[i + span]?.tag ?? '')) continue
    // "the highest rate noted by the team": the agent after "by" is the source.
    // ("They estimated by 2050, …": no agent after "by", so the subject before is the source.)
    if (/(?:ed|wn|ound)$/.test(tokens[i].lower) && tokens[i + span]?.lower === 'by') {
      const kind = classifyForward(tokens, i + span + 1, p)
      if (kind !== 'none') {
        cue(kind === 'named' ? named : vague, verb.start, tokens[i + span].end)
        continue
      }
    }
    // "the people recorded as missing", "people accused of crimes", "features added to it": a participle.
    if (/ed$/.test(tokens[i].lower) && /^(?:as|of)$/.test(tokens[i + span]?.lower ?? '') || tokens[i].lower === 'added' && tokens[i + 1]?.lower === 'to') continue
    // "a separate report published Wednesday in Nature": the evidence's participle, reporting only
    // as a source named where it was issued ("findings published in Cornell University's arXiv").
    if (i > 0 && p.issuing.has(tokens[i].lower) && (p.unowned.has(tokens[i - 1].lower) || p.documents.has(tokens[i - 1].lower) || p.evidence.has(tokens[i - 1].lower))) {
      if (classifyForward(tokens, i - 1, p) === 'named') cue(named, tokens[i - 1].start, verb.end)
      continue
    }
    let kind = classifyBackward(tokens, i, p)
    // A verb of presenting reports only what a named or pointed-back document holds; it is never a
    // weasel cue ("Some of the tests include …", "Evidence included 160 volumes" describe the evidence).
    if (p.presenting.has(tokens[i].lower) && kind !== 'named') continue
    if (kind === 'none' && invertingVerbs.has(tokens[i].lower)) kind = classifyInverted(tokens, i + span, p)
    // "Grey rows indicate …": with a verb of evidence, only a kind of source is vague.
    if (kind === 'vague' && p.evidenceVerbs.has(tokens[i].lower) && !vagueEvidence(tokens, i, p) && !(reportsClause(tokens, i + span) && personEvidence(tokens, i, p))) kind = 'none'
    if (kind === 'vague' && (p.commitment.has(tokens[i].lower) || statesIntention(tokens, i + span, p))) kind = 'none'
    if (view) {
      // "Others are more cautious, pointing to …": the participle's subject opens the sentence.
      const participle = kind === 'none' && tokens[i].tag === 'VBG' && tokens[i - 1]?.text === ','
      if (participle) kind = classifyOpening(tokens, i - 1, p)
      const from = participle ? tokens[firstWord].start : subjectStartOf(tokens, i)
      if (kind !== 'vague' || !undetermined(from, i)) continue
      cue(vague, from, verb.end)
      continue
    }
    if (kind === 'none') continue
    // A verb that shares the sentence's subject ("The minister called for …, and stated 92% …")
    // reports from where that subject stands.
    const shared = kind === 'named' && coordinated(tokens, i)
    const subjectStart = kind === 'vague' ? subjectStartOf(tokens, i) : shared ? tokens.find((x) => x.word)!.start : verb.start
    cue(kind === 'named' ? named : vague, Math.min(subjectStart, verb.start), verb.end)
  }
}

/**
 * Does the verb "put" at `i` put a longer object at a figure: "A 2023 study in the journal Vaccine
 * put the average cost of each measles case at $32,000"? The object is a noun phrase with its
 * complements (no verb, no clause, no punctuation), up to ten words, and what follows "at" or
 * "between" is a figure, maybe hedged ("put 33,000 jobs at risk" puts nothing at a figure).
 */
function putsObjectAtFigure(tokens: Token[], i: number, p: Patterns): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 11; k++) {
    const x = tokens[k]
    if (/^(?:at|between)$/.test(x.lower)) {
      // (Over a hedge, "more than", and a currency's symbol or code: "at about US$12 million".)
      let f = k + 1
      while (f < k + 5 && (p.figureHedges.has(tokens[f]?.lower ?? '') || tokens[f]?.lower === 'than' || /^(?:\p{Sc}|\p{Lu}{1,3})$/u.test(tokens[f]?.text ?? ''))) f++
      return k > i + 1 && tokens[f]?.tag === 'CD' && /^\d/.test(tokens[f].text)
    }
    if (!x.word || clauseBreak.has(x.lower) || /^(?:VB[DPZ]?|MD)$/.test(x.tag)) return false
  }
  return false
}

/** A reporting participle after the main clause: "Biden made a gaffe, claiming 85,000 …". */
function participleReports({tokens, p, named, cue}: AttributionReading): void {
  // The participle's subject is the main clause's ("he juxtaposed numbers, claiming 85,000 Americans
  // were unemployed"): named there, it names the source of what follows the participle (spec §2,
  // "X said"), and of nothing before it.
  tokens.forEach((t, i) => {
    if (!p.reportingParticiples.has(t.lower) || tokens[i - 1]?.text !== ',') return
    // (The shared tagging reads the past after its subject: "he juxtaposed/VBD numbers", "The agency
    // revised/VBD its outlook".)
    const main = tokens.findIndex((x, k) => k < i - 1 && x.word && finiteTag(x.tag))
    if (main >= 0 && classifyBackward(tokens, main, p) === 'named') cue(named, t.start, t.end)
  })
}

/** Shares of a survey's respondents: "Only 44% of respondents said …". */
function surveyedShares({tokens, p, named, vague, cue}: AttributionReading): void {
  // "Only 44% of respondents said …": a share of the people a survey asked is the survey's, when
  // the article has sourced one before and the sentence leaves its evidence to no one else.
  tokens.forEach((t, i) => {
    if (i > 0 && p.surveyed.has(t.lower) && tokens[i - 1].lower === 'of' && p.antecedent && !vague.some((v) => mentionsEvidence(v.text))) cue(named, tokens[i - 1].start, t.end)
  })
}

/**
 * The tokens with a sentence's first word that the lexicon lacks but that ends like a plural of a
 * kind of person ("Seismologists say") or is the plural of a noun it has ("Clinicians say"; a
 * surname that is also a noun, "Woods", the document writes as a name elsewhere) read as a bare
 * plural noun, not a name. A copy: the tagged tokens are shared with the other rules.
 */
function groupsUnnamed(tokens: Token[], suffix: RegExp, names?: ReadonlySet<string>): Token[] {
  const first = tokens.findIndex((t) => t.word)
  const t = tokens[first]
  if (!t?.name || names?.has(t.lower) || inLexicon(t.lower) || !(suffix.test(t.lower) || unlistedPlural(t.lower))) return tokens
  const copy = [...tokens]
  // (Built as the tokenizer builds a token, not spread: a token of another shape deoptimises
  // every function that reads tokens.)
  copy[first] = {start: t.start, end: t.end, text: t.text, lower: t.lower, tag: 'NNS', word: t.word, name: false}
  return copy
}

/**
 * Does the verb of naming at `i` name its object ("called the plan a disaster", "called it
 * [quotation]", "calls himself the fastest"), or is its object fronted ("what critics call the
 * largest")? Not "called the 48-hour strike on Monday", "called the police.", "called 9-1-1 to
 * report …": a plain object with a preposition, an infinitive, a verb, a conjunction or the
 * clause's end after it. When unsure, it names (the verb stays a source).
 */
function namesObject(tokens: Token[], i: number, text: string, offset: number): boolean {
  // A fronted object: "which it calls", "what Smith called" (over the subject back to the pronoun).
  for (let j = i - 1, words = 0; j >= 0 && tokens[j].word; j--) {
    if (/^(?:what|which|that|whom)$/.test(tokens[j].lower)) {
      if (words > 0) return true
      break
    }
    if (/^(?:VB[DZP]?|WP|WDT)$/.test(tokens[j].tag) && !auxiliaries.has(tokens[j].lower)) break
    words++
  }
  // Blanked quotation (a run of spaces) or a quotation mark between two tokens: a quoted complement.
  const quoted = (k: number) => k < tokens.length && (/\s{2,}/.test(text.slice(tokens[k - 1].end - offset, tokens[k].start - offset)) || /^["“”'‘’]$/.test(tokens[k].text))
  let k = i + 1
  if (k >= tokens.length || quoted(k)) return true
  // The object: a pronoun, or a noun phrase up to its head.
  let head = false
  const pronoun = tokens[k].tag === 'PRP'
  if (pronoun) {
    k++
    head = true
  } else {
    const object = nounPhrase(tokens, k, quoted)
    if (object.complement) return true
    k = object.end
    head = object.head
  }
  if (!head) return true
  // Over the object's prepositional phrases: "called the Supreme Court decision on the Essar Steel
  // resolution a landmark judgment".
  for (let pp = 0; pp < 3 && k < tokens.length && tokens[k].tag === 'IN' && tokens[k].lower !== 'as' && !quoted(k); pp++) {
    const phrase = nounPhrase(tokens, k + 1, quoted)
    if (phrase.complement) return true
    if (!phrase.head) break
    k = phrase.end
  }
  if (k >= tokens.length) return false
  if (quoted(k)) return true
  const after = tokens[k]
  // A complement after a pronoun: "called it unexpected", "calls himself the fastest".
  // (After a noun phrase the loop above has read a determiner or adjective as the complement.)
  if (pronoun && after.word && /^(?:DT|PRP\$|JJ|JJS|JJR|VBN|NN|NNS|CD)$/.test(after.tag) && !after.name) return true
  // The object ends its clause: a preposition (not "as"), an infinitive, a verb, a conjunction,
  // punctuation, an adverb that ends the clause ("called the police immediately.", "at 2 a.m.").
  if (!after.word) return !/^[.,;:!?)]$/.test(after.text)
  if (after.tag === 'RB' && (k + 1 >= tokens.length || /^[.,;:!?)]$/.test(tokens[k + 1].text))) return false
  return after.lower === 'as' || !/^(?:IN|TO|CC|WDT|WP|VB|VBD|VBZ|VBP|VBN|VBG|MD)$/.test(after.tag)
}

/**
 * A noun phrase from `k` up to its head, for namesObject: where it ends, whether it has a head,
 * and whether a complement starts right after the head, or a quotation within it.
 */
function nounPhrase(tokens: Token[], k: number, quoted: (k: number) => boolean): {end: number, head: boolean, complement: boolean} {
  let head = false
  for (; k < tokens.length; k++) {
    if (quoted(k)) return {end: k, head, complement: true}
    const w = tokens[k]
    // (A hyphen or apostrophe inside a word: "9-1-1", "May's".)
    if (!w.word) {
      if (/^[-'’]$/.test(w.text) && tokens[k + 1]?.word && tokens[k + 1].start === w.end && w.start === tokens[k - 1].end) continue
      // (A figure's signs: "the 12% rise", "the $5 fee".)
      if (/^[%$€£¥]$/.test(w.text)) continue
      break
    }
    // A determiner, adjective or participle after the head starts a complement: "the plan a disaster", "the move illegal".
    // (Not after a possessive, which the noun phrase goes on from: "the country's busiest port".)
    const owner = /['’]s?$/.test(tokens[k - 1].text)
    // (Right after the noun: "the busiest hospital" is one phrase whatever the tagger makes of "hospital".)
    const afterNoun = tokens[k - 1].name || /^(?:NN|NNS|NNP|NNPS|PRP)$/.test(tokens[k - 1].tag)
    if (head && afterNoun && !owner && !w.name && /^(?:DT|PRP\$|JJ|JJS|JJR|VBN|PRP)$/.test(w.tag)) return {end: k, head, complement: true}
    if (/['’]s?$/.test(w.text)) head = false
    else if (w.name || /^(?:NN|NNS|NNP|NNPS|CD|POS)$/.test(w.tag)) head = true
    else if (!/^(?:DT|PRP\$|JJ|JJS|JJR|VBN|VBG)$/.test(w.tag) || head) break
  }
  return {end: k, head, complement: false}
}

/** Is the object of the verb at `i` a work it makes or puts out ("recorded only one studio album", "released a book")? */
function madeWork(tokens: Token[], i: number, p: Patterns): boolean {
  // (Only a verb with its object: after an adjective the participle modifies the noun, "the
  // second-widest released film", a case this does not decide.)
  // So right before a bare singular noun, which as an object would need a determiner.
  if (/^JJ/.test(tokens[i - 1]?.tag ?? '') || p.madeWorks.has(tokens[i + 1]?.lower ?? '') && tokens[i + 1].tag === 'NN') return false
  // The object's words up to its head: determiners, numbers, adjectives, adverbs ("only"), nouns.
  for (let k = i + 1; k < tokens.length && k <= i + 6 && tokens[k].word && /^(?:DT|PRP\$|CD|JJ|JJS|JJR|RB|NN|NNS|NNP|NNPS|VBN|VBG|POS)$/.test(tokens[k].tag); k++) {
    if (p.madeWorks.has(tokens[k].lower)) return !/^(?:NN|NNS)$/.test(tokens[k + 1]?.tag ?? '') || p.madeWorks.has(tokens[k + 1].lower)
  }
  return false
}

/** Is there a name in the few tokens from `k` before a "that" ("in From Flowers to Heroin that")? */
function nameBeforeThat(tokens: Token[], k: number): boolean {
  for (let m = k; m < tokens.length && m < k + 8; m++) {
    if (tokens[m].lower === 'that') return m > k && tokens.slice(k, m).some((x) => x.name)
  }
  return false
}

/**
 * Does the comma at `k` close an appositive after a name ("Xinhua, the official news agency,")? A
 * determiner opens it and a name stands before its first comma.
 */
function appositiveOfName(tokens: Token[], k: number): boolean {
  if (tokens[k]?.text !== ',') return false
  let m = k - 1
  while (m >= 0 && k - m <= 8 && tokens[m].word) m--
  return m > 0 && m < k - 1 && tokens[m].text === ',' && /^(?:the|a|an)$/.test(tokens[m + 1].lower) && tokens[m - 1].name
}

/** The index of the first token that starts at or after `offset` (tokens are in order). */
function firstFrom(tokens: Token[], offset: number): number {
  let low = 0
  let high = tokens.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (tokens[mid].start < offset) low = mid + 1
    else high = mid
  }
  return low
}

/** Is there a finite verb within a few words from token `k`, before the clause's punctuation? */
function finiteVerbSoon(tokens: Token[], k: number): boolean {
  for (let words = 0; k < tokens.length && words < 5 && !/^[,;:.!?]$/.test(tokens[k].text); k++) {
    if (!tokens[k].word) continue
    words++
    if (finiteTag(tokens[k].tag)) return true
  }
  return false
}

/** Does the clause end within a few verbless words after `at` ("…, Gates told reporters at a news conference.")? */
function endsClause(tokens: Token[], at: number): boolean {
  let words = 0
  for (let k = firstFrom(tokens, at); k < tokens.length && !/^[,;.!?]$/.test(tokens[k].text); k++) {
    if (!tokens[k].word) continue
    if (++words > 6 || /^(?:VB|VBD|VBZ|VBP|MD)$/.test(tokens[k].tag)) return false
  }
  return true
}

/** Is what follows "according to" at `at` only its source's name, to the end of the sentence? */
export function closingScope(text: string, at: number): boolean {
  return /^\s*(?:[\p{L}\p{N}.'’&-]+\s*){0,6}[.!?"”’)]*\s*$/u.test(text.slice(at))
}

/** Does the clause from `k` state its sayer's own intention ("… say they will explore a legal challenge")? */
function statesIntention(tokens: Token[], k: number, p: Patterns): boolean {
  if (tokens[k]?.lower === 'that') k++
  if (!p.intentionSubjects.has(tokens[k]?.lower ?? '') || !p.intentionWords.has(tokens[k + 1]?.lower ?? '')) return false
  // (Over "to" after "plan": "they plan to appeal".)
  const infinitive = tokens[k + 2]?.lower === 'to'
  const verb = infinitive ? tokens[k + 3] : tokens[k + 2]
  return verb !== undefined && verb.word && (infinitive || /^VB/.test(verb.tag)) && !p.verbs.has(verb.lower) && !beForms.has(verb.lower)
}

/** Is the verb at `i` coordinated with an earlier one ("… and states that …")? */
function coordinated(tokens: Token[], i: number): boolean {
  let j = i - 1
  while (j >= 0 && auxiliaries.has(tokens[j].lower)) j--
  return j >= 0 && (tokens[j].lower === 'and' || tokens[j].lower === 'but')
}

/** Is the subject of the evidence verb at `i` a kind of source ("studies", "one report")? */
function vagueEvidence(tokens: Token[], i: number, p: Patterns): boolean {
  // ("Figures to be published today show": over the infinitive, as classifyBackward reads it.)
  // (Evidence before a preposition is not the verb's subject: "analysis of these bone tools called lissoirs".)
  let preposition = false
  for (let j = i - 1; j >= 0 && tokens[j].word && (!clauseBreak.has(tokens[j].lower) || tokens[j].lower === 'to' && tokens[j + 1]?.lower === 'be'); j--) {
    // (People of a profession estimate and find as a source does: "Economists have estimated that …".)
    if (p.vagueNouns.has(tokens[j].lower) || p.quantifiers.has(tokens[j].lower) || (p.unowned.has(tokens[j].lower) || tokens[j].tag === 'NNS' && p.groupSuffix.test(tokens[j].lower)) && !preposition) return true
    if (tokens[j].tag === 'IN') preposition = true
  }
  return false
}

/** Is the subject of the evidence verb at `i` a bare plural of people (personGroups: "Emergency workers have indicated")? */
function personEvidence(tokens: Token[], i: number, p: Patterns): boolean {
  for (let j = i - 1; j >= 0 && tokens[j].word && !clauseBreak.has(tokens[j].lower); j--) {
    if (tokens[j].tag === 'IN') return false
    if (p.personGroups.has(tokens[j].lower)) return true
  }
  return false
}

/** Does a clause follow from `k`: "that", or a finite verb within a few words ("indicated a homicide probe is ongoing")? */
function reportsClause(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === 'that' || finiteVerbSoon(tokens, k)
}

/** The start of the subject phrase before the verb at `i` (for the place of a vague cue). */
function subjectStartOf(tokens: Token[], i: number): number {
  let j = i - 1
  while (j >= 0 && tokens[j].word && (!clauseBreak.has(tokens[j].lower) || tokens[j].lower === 'to' && tokens[j + 1]?.lower === 'be')) j--
  // (Not the "with" that gives a participle its subject: "with industry publications reporting".)
  if (tokens[j + 1]?.lower === 'with' && j + 2 < i) j++
  return tokens[j + 1]?.start ?? tokens[i].start
}

/** Who the subject before a reporting verb is: read back to the start of the clause. */
function classifyBackward(tokens: Token[], i: number, p: Patterns): Source {
  const words: number[] = []
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]
    if (!t.word) {
      if (/^['’]$/.test(t.text)) continue
      // "ActiveState Software Inc. announced": the abbreviation's full stop is part of the name.
      if (t.text === '.' && isAbbreviation(tokens[j - 1]?.text ?? '')) continue
      // "Congressman Vicente Gonzalez (TX-15) announced": step over the parenthesis.
      if (t.text === ')') {
        while (j > 0 && tokens[j].text !== '(') j--
        continue
      }
      break
    }
    // "Figures to be published today show …": skip the infinitive back to its noun.
    if (t.lower === 'to' && tokens[j + 1]?.lower === 'be') {
      words.length = 0
      continue
    }
    if (clauseBreak.has(t.lower)) {
      // "Savarino bought the building and states that …": the verb shares the sentence's subject.
      if ((t.lower === 'and' || t.lower === 'but') && words.length === 0) return classifyOpening(tokens, j, p)
      // "…, the statistics office, which counted 5,697 cases": the relative pronoun's noun.
      if ((t.lower === 'which' || t.lower === 'who') && words.length === 0) {
        let k = tokens[j - 1] && !tokens[j - 1].word ? j - 2 : j - 1
        // (Over a person's age between commas, to the name it follows: "Ann Hale, 71, who said she
        // had invested $310,000", as "Targan, 53, a PhD student …, said" is read, news wnts-train-391.)
        if (tokens[j - 1]?.text === ',' && /^\d{1,3}$/.test(tokens[k]?.text ?? '') && tokens[k - 1]?.text === ',' && tokens[k - 2]?.name) k -= 2
        const np: number[] = []
        for (let m = k; m >= 0 && (tokens[m].word || /^['’]$/.test(tokens[m].text)) && !clauseBreak.has(tokens[m].lower) && np.length < 6; m--) np.unshift(m)
        return classifyPhrase(tokens, np.filter((m) => tokens[m].tag !== 'IN' || tokens[m].lower === 'of'), p)
      }
      break
    }
    // "The paper additionally makes mention of": an adverb between the subject and its verb.
    // (Right after the subject's noun: "Gupta … and originally listed" has no subject there.)
    // So is one of place ("Skippers there say"), which places the group in no named body.
    // (The tagger reads "there" as existential: any tag for these.)
    if (words.length === 0 && (t.tag === 'RB' && /ly$/.test(t.lower) || p.placeAdverbs.has(t.lower)) && j > 0 && (/^NNS?$/.test(tokens[j - 1].tag) || tokens[j - 1].name)) continue
    // A subject has no verb in it: "Rice said she understood why people found …" stops at "understood".
    if (/^(?:VB|VBD|VBZ|VBP|MD|WDT|WP|WRB)$/.test(t.tag) && !auxiliaries.has(t.lower) && !beForms.has(t.lower)) break
    // So a passive's participle: "… was ranked/VBN 41st in the tables published in April" is no
    // subject of "published". (A bare participle steps on, "the budget approved by the council
    // said" is the budget's; so does a perfect's, "Disney Channel has had many popular shows", and
    // an infinitive's, "Figures to be published today show".)
    const aux = auxiliaryOf(tokens, j)
    if (aux >= 0 && beForms.has(tokens[aux].lower) && tokens[aux - 1]?.lower !== 'to') break
    words.unshift(j)
    // A determiner right after a noun starts the subject of a relative clause with no pronoun:
    // "a $12 million investment the bank announced last year" is the bank's.
    if (/^(?:DT|PRP\$)$/.test(t.tag) && determiners.has(t.lower) && /^(?:NN|NNS|CD)$/.test(tokens[j - 1]?.tag ?? '') && !tokens[j - 1].name) break
  }
  const subject = words.filter((j) => !auxiliaries.has(tokens[j].lower))
  // "many people Wikinews observed": the name right before the verb is its subject.
  // (Not after a quantifying noun: "A number of Senators condemned".)
  // (Not a preposition's name: "many in Fairhope insist", "agents in New Delhi reported".)
  let nameStart = subject.length - 1
  while (nameStart > 0 && tokens[subject[nameStart - 1]].name) nameStart--
  const prepositionName = nameStart > 0 && tokens[subject[nameStart - 1]].tag === 'IN'
  if (subject.length > 1 && tokens[subject[subject.length - 1]].name && !tokens[subject[subject.length - 1]].tag.startsWith('JJ') && !p.quantifierNouns.has(tokens[subject[1]].lower) && !prepositionName) return 'named'
  // "Another eyewitness, Nicole Towarek, described …", "Dominic Hare, chief executive of the
  // palace, placed …": an appositive before the verb, the name on either side of it.
  // (The comma may come before the verb's auxiliaries: "Tests in January, performed on 22 cellular
  // phones by scientists at Brown University …, had found that" (wnts-train-181).)
  const verbStart = subject.length === 0 && words.length > 0 ? words[0] : i
  if (subject.length === 0 && tokens[verbStart - 1]?.text === ',') {
    let m = verbStart - 2
    const np: number[] = []
    for (; m >= 0 && tokens[m].word; m--) np.unshift(m)
    const outer: number[] = []
    // (Not over a participle's aside: "The Auditor-General report, tabled today, found" is the report's.)
    if (tokens[m]?.text === ',' && !tokens[np[0]]?.tag.startsWith('VB')) for (m--; m >= 0 && tokens[m].word && !clauseBreak.has(tokens[m].lower); m--) outer.unshift(m)
    if ([...outer, ...np].some((k) => tokens[k].name)) return 'named'
    // "An eyewitness, who had been drinking outside, said": the noun before the relative clause.
    if (outer.length > 0 && /^(?:who|which)$/.test(tokens[np[0]]?.lower ?? '') && classifyPhrase(tokens, outer, p) === 'named') return 'named'
    // So over a participle's aside, when the noun before it is a source by itself: "The report,
    // released by a bipartisan investigative committee, found that …" (news, the Troopergate
    // report), "The town's engineering report, tabled at the meeting, found …" (as "The Auditor-
    // General report, tabled today, found", wnts-train-25). The aside says where the report went,
    // not who wrote it; the noun is read as it would be right before the verb.
    if (np.length > 0 && tokens[np[0]].tag === 'VBN' && tokens[m]?.text === ',' && tokens[m - 1]?.word) return classifyBackward(tokens, m, p)
  }
  // A prepositional phrase is not a subject: "In findings published Wednesday …". But "with" before
  // a participle's noun phrase gives the participle its subject: "…, with industry publications
  // reporting either December 27 or December 28" (spec §5, an unnamed group saying).
  if (subject.length > 1 && tokens[subject[0]].lower === 'with' && tokens[i].tag === 'VBG') return classifyPhrase(tokens, subject.slice(1), p)
  if (subject.length > 0 && tokens[subject[0]].tag === 'IN') return 'none'
  return classifyPhrase(tokens, subject, p)
}

/** The subject that opens the sentence, up to its first verb. */
function classifyOpening(tokens: Token[], until: number, p: Patterns): Source {
  const words: number[] = []
  for (let j = 0; j < until; j++) {
    if (!tokens[j].word) {
      if (words.length > 0) break
      continue
    }
    if (/^(?:VB|MD)/.test(tokens[j].tag) && words.length > 0) break
    words.push(j)
  }
  return classifyPhrase(tokens, words, p)
}

/** "…, said the ministry", "…, says Smith": the subject after the verb. */
function classifyInverted(tokens: Token[], i: number, p: Patterns): Source {
  const before = tokens[i - 2]
  if (!before || before.word) return 'none'
  const words: number[] = []
  for (let j = i; j < tokens.length && words.length < 6 && tokens[j].word && !clauseBreak.has(tokens[j].lower); j++) words.push(j)
  if (words.length === 0 || !['DT', 'NNP', 'NNPS', 'PRP$', 'JJ', 'NN'].includes(tokens[words[0]].tag) && !tokens[words[0]].name) return 'none'
  return classifyPhrase(tokens, words, p)
}

/** The words after "according to" / "a survey by": the noun phrase up to its head. */
function classifyForward(tokens: Token[], i: number, p: Patterns): Source {
  const words = forwardWords(tokens, i, p)
  return classifyPhrase(tokens, words, p, true)
}

/** The noun phrase from `i` on, as classifyForward reads it. */
function forwardWords(tokens: Token[], i: number, p: Patterns): number[] {
  const words: number[] = []
  let issued = false
  for (let j = i; j < tokens.length && words.length < 8; j++) {
    const t = tokens[j]
    // ("the B.C. Coroners Service": an abbreviation's full stop is part of the name.)
    if (t.text === '.' && j > i && /\p{L}\.\p{L}/u.test(tokens[j - 1].text) && tokens[j + 1]?.name) continue
    // ("a March 14, 2019 NATO press release": the comma of a date inside the phrase.)
    if (t.text === ',' && j > i + 1 && dayOfMonth(tokens, j - 1) && /^\d{4}$/.test(tokens[j + 1]?.text ?? '')) continue
    // ("from" or "by" after evidence: "according to reports from the ministry", "a report by the
    // AAIB", "the analysis made by Amartya Sen", "a study conducted by BroadbandNow Research".)
    // (And where or by whom it was issued: "a survey published in 2017 by the Royal Pharmaceutical
    // Society", "data collected by one of NOAA's aircraft". Not sources, who are people: "industry
    // sources cited by DigiTimes" are still unnamed.)
    const document = j > i && p.documents.has(tokens[j - 1].lower)
    const evidence = j > i && p.unowned.has(tokens[j - 1].lower)
    if (evidence && (p.issuing.has(t.lower) || /^VB[DN]$/.test(t.tag) && tokens[j + 1]?.lower === 'by')) {
      issued = true
      continue
    }
    // (And the body a group of critics or experts belongs to: "by critics from the Green party".)
    const member = j > i && /^(?:from|at|with)$/.test(t.lower) && p.memberGroups.has(tokens[j - 1].lower)
    const origin = (t.lower === 'from' && (document || evidence || issued)) || (t.lower === 'by' && (evidence || issued)) || (/^(?:in|on|at)$/.test(t.lower) && issued) || member
    if (!t.word || !(/^(?:DT|JJ|JJS|NN|NNS|NNP|NNPS|PRP|PRP\$|CD|POS|VBG)$/.test(t.tag) || t.lower === 'of' || origin || tokens[j].name)) break
    words.push(j)
  }
  return words
}

/**
 * Does a noun phrase name a source? A name, a pronoun or a determined noun ("the report",
 * "a spokesman") names or describes one; a bare plural ("critics", "aid agencies") or a
 * quantifier ("some", "many", "one report") names no one.
 */
function classifyPhrase(tokens: Token[], words: number[], p: Patterns, forward = false): Source {
  if (words.length === 0) return 'none'
  // "Opponents of the price-indexing proposal", "interest in disabled sports": the head comes
  // before the preposition.
  const of = words.findIndex((j) => /^(?:of|in|from|by|at|for|on|with|about|against)$/.test(tokens[j].lower))
  let headPart = of > 0 ? words.slice(0, of) : words
  // "A study published in Astronomy & Astrophysics": the participle modifies the evidence.
  if (headPart.length > 1 && p.issuing.has(tokens[headPart[headPart.length - 1]].lower) && p.unowned.has(tokens[headPart[headPart.length - 2]].lower)) headPart = headPart.slice(0, -1)
  const headIndex = headPart[headPart.length - 1]
  const head = tokens[headIndex]
  // "economists polled by Reuters", "a majority of analysts surveyed by the agency": the poll's
  // respondents, whose pollster is named or pointed back to (pollingParticiples).
  const polled = words.findIndex((j, n) => n > 0 && p.polling.has(tokens[j].lower) && tokens[words[n + 1]]?.lower === 'by')
  const pollster = polled > 0 ? words.slice(polled + 2) : []
  if (pollster.length > 0 && (pollster.some((j) => tokens[j].name) || determiners.has(tokens[pollster[0]].lower) && !/^an?$/.test(tokens[pollster[0]].lower))) return 'named'
  // "a number of senators", "a handful of experts": as vague as "some", unless the group is named.
  if (of === 2 && /^an?$/.test(tokens[words[0]].lower) && p.quantifierNouns.has(tokens[words[1]].lower)) {
    return words.slice(3, -1).some((j) => tokens[j].name && !tokens[j].tag.startsWith('JJ')) ? 'named' : 'vague'
  }
  // "some say", "one report suggested"; but "one critic" is one person, described, and so are
  // "others in his class" (a group the sentence places).
  const quantifier = tokens[headPart[0]].lower
  // A group placed only by a place's name ("agents in New Delhi", "many in Fairhope"), or a group
  // that is one by where it lives, placed there ("residents of Lusaka's township", placeGroups):
  // no one named.
  const inPlace = of > 0 && tokens[words[of]].lower === 'in' && !words.slice(of + 1).some((j) => determiners.has(tokens[j].lower))
  const onlyPlaced = of > 0 && (inPlace || p.placeGroups.has(head.lower) && /^(?:of|in|from)$/.test(tokens[words[of]].lower))
  const placed = of > 0 && !onlyPlaced && /^(?:in|at|from)$/.test(tokens[words[of]].lower) && words.slice(of + 1).some((j) => determiners.has(tokens[j].lower) || tokens[j].name)
  // "many of our customers": a share of the writer's own people (ownPeople) is no one vague.
  const ownShare = of > 0 && tokens[words[of]].lower === 'of' && p.writerPlural.has(tokens[words[of + 1]]?.lower ?? '') && p.ownPeople.has(tokens[words.at(-1)!].lower)
  if (p.quantifiers.has(quantifier) && (quantifier !== 'one' || p.vagueNouns.has(head.lower))) return placed ? 'named' : ownShare ? 'none' : 'vague'
  if (pronouns.has(head.lower)) return headPart.length === 1 ? 'named' : 'none'
  // A counted group is narrative ("3,000 people wrote letters"), a counted document a source.
  // A definite article or possessive before the count points back to a set the article has named
  // ("which the two organisations describe as", "the three companies said"): described, as "the
  // organisations" is.
  // (Not a date's day or year: "a March 14, 2019 NATO press release".)
  const dated = (j: number) => /^(?:18|19|20)\d\d$/.test(tokens[j].text) || dayOfMonth(tokens, j)
  const counted = headPart.findIndex((j) => !dated(j) && ((tokens[j].tag === 'CD' && !tokens[j].name) || numberWordPattern.test(tokens[j].text)))
  // ("the one which says" is a pronoun, no count.)
  const pointedBack = counted > 0 && tokens[headPart[counted]].lower !== 'one' && headPart.slice(0, counted).some((j) => /^(?:the|these|those)$/.test(tokens[j].lower) || possessives.has(tokens[j].lower) || /['’]s?$/.test(tokens[j].text))
  if (counted >= 0 && !pointedBack && !p.documents.has(head.lower)) return 'none'
  // (A possessive determines: "the ministry's", "Mr Thomas' lawyers".)
  const determined = headPart.some((j) => determiners.has(tokens[j].lower) || /['’]s?$/.test(tokens[j].text) || j !== headIndex && /^['’]$/.test(tokens[j + 1]?.text ?? ''))
  const twoWordHead = headPart.length > 1 ? `${tokens[headPart[headPart.length - 2]].lower} ${head.lower}` : ''
  const barePlural = head.tag === 'NNS' && !tokens[headIndex].name && !determined
  // A name is a source ("Smith", "the IMF", "FAA records"), unless it only modifies the bare
  // plural subject of a verb as an adjective ("Republican lawmakers say"); an organisation's
  // people are described ("NASA engineers announced"), and so are "politicians of the BJP".
  const organisation = headPart.some((j) => /^\p{Lu}{2,}$/u.test(tokens[j].text))
  // (An evidence noun owned by a name is that name's: "Johns Hopkins University data indicated".)
  // ("local Australian media": a nationality describes a vague source, it does not name one.)
  if (headPart.some((j) => tokens[j].name && !(tokens[j].tag.startsWith('JJ') && p.vagueNouns.has(head.lower)))) return barePlural && !forward && !organisation && !p.evidence.has(head.lower) && !p.described.has(head.lower) ? 'vague' : 'named'
  // "politicians of the BJP", "economists at the central bank": a named or determined
  // affiliation describes the group ("opponents of the proposal" only says what they oppose).
  const complement = of > 0 ? words.slice(of + 1) : []
  const affiliation = of > 0 && /^(?:at|from|with|by)$/.test(tokens[words[of]].lower) && complement.some((j) => determiners.has(tokens[j].lower))
  if ((complement.some((j) => tokens[j].name) || affiliation) && !p.vagueNouns.has(head.lower) && !onlyPlaced) return 'named'
  // So are critics or experts from a named body (spec §5: "critics from the Green party"); not
  // "critics from across Britain" or "critics of the plan" (what they criticise).
  const member = of > 0 && /^(?:from|at|with)$/.test(tokens[words[of]].lower) && complement.length > 0 && (tokens[complement[0]].name || determiners.has(tokens[complement[0]].lower) && !/^an?$/.test(tokens[complement[0]].lower) && tokens[complement[1]]?.name)
  if (member && p.memberGroups.has(head.lower)) return 'named'
  // "reports from the ministry of internal affairs": a document whose origin is named or
  // determined ("reports from the media" names no one, nor do "critics from across Britain").
  const origin = of > 0 && /^(?:from|by)$/.test(tokens[words[of]].lower) ? complement.filter((j) => /^NN/.test(tokens[j].tag) || tokens[j].name) : []
  // ("research done by an anti-spam research company": an indefinite origin names no one.)
  if (origin.length > 0 && p.documents.has(head.lower) && (complement.some((j) => tokens[j].name) || complement.some((j) => determiners.has(tokens[j].lower) && !/^an?$/.test(tokens[j].lower))) && !p.vagueNouns.has(tokens[origin[0]].lower)) return 'named'
  // Evidence that names no one: "Figures to be published today show", "a new study found", "the
  // latest opinion polls suggested". Its owner may be described ("official figures", "its data"),
  // or "the"/"these" may point back to evidence the article has sourced before ("the report").
  if (p.unowned.has(head.lower) || p.ownedOnly.has(head.lower)) {
    // ("NASA's current risk analysis": a possessive "'s" read as its own token.)
    // (A described owner makes measurements someone's, "official figures", not reports: "according
    // to official reports" names no one.)
    const possessive = (j: number) => possessives.has(tokens[j].lower) || /['’]s?$/.test(tokens[j].text) || j !== headIndex && /^['’]$/.test(tokens[j + 1]?.text ?? '') || tokens[j].lower === 's' && /^['’]$/.test(tokens[j - 1]?.text ?? '')
    if (headPart.some((j) => p.owners.has(tokens[j].lower) && !p.vagueNouns.has(head.lower) || possessive(j))) return 'named'
    // Where it was published or who made it: "a report published in The Village Voice".
    if (words.some((j) => j > headIndex && tokens[j].name && !tokens[j].tag.startsWith('JJ'))) return 'named'
    // (Tests with no owner are no source, nor a vague one: "Blood tests showed high levels of lead".)
    if (p.ownedOnly.has(head.lower)) return 'none'
    // "A report alleged", "an analysis confirmed": one piece of evidence, described as before
    // (labelled sets: an indefinite report is no weasel form unless counted, "one report").
    const article = [...headPart].reverse().find((j) => determiners.has(tokens[j].lower))
    // (Not one picked out as recent or early: "A recent poll found" names no one.)
    if (article !== undefined && /^an?$/.test(tokens[article].lower) && !headPart.some((j) => p.fresh.has(tokens[j].lower))) return 'named'
    return p.antecedent && headPart.some((j) => p.pointing.has(tokens[j].lower)) && !headPart.some((j) => p.fresh.has(tokens[j].lower)) ? 'named' : 'vague'
  }
  // "the 2019 census put …": a measurement known by its own name.
  if (p.evidence.has(head.lower) && !p.vagueNouns.has(head.lower)) return 'named'
  if (!/^(?:NN|NNS|CD|VBG|JJ)$/.test(head.tag)) return 'none'
  if (p.vagueNouns.has(head.lower) && !determined && !p.described.has(twoWordHead)) return 'vague'
  if (forward && !determined && head.tag === 'NNS' && !p.vagueNouns.has(head.lower)) return 'named'
  // "The critics said": a member group that "the" or "these" only points back to is named when the
  // article has said who they are ("critics from the Green party" … "the critics said"; spec §5).
  const pointing = headPart.every((j) => j === headIndex || /^(?:the|these|those)$/.test(tokens[j].lower) || /^JJ/.test(tokens[j].tag))
  if (p.memberGroups.has(head.lower) && head.tag === 'NNS' && pointing && !p.groupNamedBefore(head.lower)) return 'vague'
  if (determined || p.described.has(head.lower) || p.described.has(twoWordHead)) return 'named'
  // "Customers told us …", "designers agreed" where the writer speaks as "we": the writer's own people.
  if (barePlural) return p.ownPeople.has(head.lower) && p.writesAsWe() ? 'none' : 'vague'
  return head.tag === 'NN' ? 'named' : 'none'
}
