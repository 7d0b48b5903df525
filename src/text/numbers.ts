import {findMoney, type MoneyMention} from './money.js'
import {numberWords, scaleWords} from './number-words.js'
import {auxiliaryOf, beForms, finiteTag, overAdverbs, tokenize} from './tokens.js'
import type {Span} from './types.js'
import {allMatches} from './regexp.js'
import {lazily, list, loadData, object, phraseAlternation, string} from '../plugin/data.js'

export const numberDataShape = object({
  referenceWords: list(string), rateBases: list(string), streetTypes: list(string),
  provisionDocuments: list(string), provisionVerbs: list(string), includingWords: list(string), continuingPronouns: list(string), providingParticiples: list(string), fundedDocuments: list(string), appositiveValues: list(string), valuedDocuments: list(string), fundSources: list(string), phraseBreaks: list(string), termFrames: list(string), hedgedFrames: list(string), thresholds: list(string),
  declaringVerbs: list(string), declaredTerms: list(string), declarerNouns: list(string), declarationBreaks: list(string),
  proposalVerbs: list(string), proposalBreaks: list(string), courtSums: list(string), orderVerbs: list(string), paymentVerbs: list(string), finingVerbs: list(string), fineBreaks: list(string),
  ruleMarkers: list(string), conditionals: list(string), requirements: list(string), directingVerbs: list(string), changeVerbs: list(string),
  unitPrices: list(string), priceNouns: list(string), policyRates: list(string), sellingVerbs: list(string), retailVerbs: list(string),
  settingNouns: list(string), settingVerbs: list(string), targetNouns: list(string), targetVerbs: list(string),
  yearPrepositions: list(string), numberedNames: list(string), multipleMeasures: list(string), scoringWords: list(string),
  agreementVerbs: list(string), dealVerbs: list(string), dealNouns: list(string), givingVerbs: list(string), receivingVerbs: list(string), givingBodies: list(string), givingDocuments: list(string), bodySettingVerbs: list(string), figureNouns: list(string), referringWords: list(string),
  yearNouns: list(string), distanceUnits: list(string), eventNouns: list(string), dimensionWords: list(string), resultVerbs: list(string), marginVerbs: list(string), lengthWords: list(string), sportWords: list(string), moneyWords: list(string)
})

// The patterns numbers.yml's words make, built when a number is first classified.
function buildPatterns() {
  const d = loadData('src/text/numbers.yml', numberDataShape)
  // The agent after the amount, a document or a fund by its name, the participle before "by" as
  // given (optional after a providing participle before the amount, required otherwise).
  const providedBy = (participle: string) =>
    new RegExp(String.raw`^(?:[^.;:!?,]|\.(?=\d)){0,60}?${participle}by\s+(?:[^\s.;:!?,]+\s+){0,6}?(?:${phraseAlternation(d.provisionDocuments)}\b|(?:${phraseAlternation(d.fundSources)})\b(?!['’]))`, 'iu')
  // Each built on first use (lazily): a one-article run reads few of them.
  return lazily({
    reference: () => new RegExp(String.raw`(?:#|\b(?:nos?|art|pp?)\.\s?|\b(?:${phraseAlternation(d.referenceWords)})\s)$`, 'i'),
    numberedName: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.numberedNames)})\s$`, 'i'),
    // A preposition of time right before a number: "convened in 1789", "since 1603".
    yearPreposition: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.yearPrepositions)})\s+$`, 'i'),
    // A short unit, then "per" and what it is counted per: "5 mg per litre", "3 per 100,000".
    rate: () => new RegExp(String.raw`^\s*(?:[\p{L}]{1,4}\s+)?per\s+(?:[\d,]+|${phraseAlternation(d.rateBases)})\b`, 'iu'),
    // A house number: the street's capitalised name, then its type ("8334 Soledad Canyon Road").
    street: () => new RegExp(String.raw`^\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:${phraseAlternation(d.streetTypes)})(?![\p{L}])`, 'u'),
    // A document, then within the clause what it provides: "the Harbour Act provides $40 million".
    // ("will specifically provide": an adverb may sit between the modal and the verb.)
    provision: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.provisionDocuments)})\b[^.;]{0,120}?\b(?:(?:to|would|will)\s+(?:\p{L}+ly\s+)?)?(?:${phraseAlternation(d.provisionVerbs)})\b`, 'iu'),
    // The same verbs after a pronoun that opens the sentence: "It also includes £2.5 million …".
    continuedProvision: () => new RegExp(String.raw`^\W*(?:${phraseAlternation(d.continuingPronouns)})\s+(?:also\s+)?(?:(?:would|will)\s+)?(?:${phraseAlternation(d.provisionVerbs)})\b`, 'i'),
    // A count a named deal, contract or plan provides, the document the head of the verb's subject
    // and the count a few words into its object: "The deal covers 301 stores" (news wn-2020-british-
    // supermarket-…), "The deal includes a total of 100 new stores" (news wnts-test-208). Tighter
    // than `provision` (counts are far commoner than amounts): nothing between document and verb.
    // Kept beside `given`, which reads amounts only: a count after a verb of giving is as often
    // what a body did ("The council gave 40 residents …") as what a document provides.
    countProvision: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.provisionDocuments)})\s+(?:also\s+)?(?:(?:would|will)\s+)?(?:${phraseAlternation(d.provisionVerbs)})\s+(?:[^\s\d.;:!?,]+\s+){0,4}$`, 'iu'),
    // "has approved its budget for the coming year, including a 4.99 percent rise": the document, a
    // few words of its phrase, "including" and the figure in its object (group 1, the words between,
    // read for a finite verb).
    including: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.provisionDocuments)})\b((?:\s+[^\s\d.;:!?,]+){0,6},?\s+(?:${phraseAlternation(d.includingWords)})\b[^.;:!?]{0,80}?)\s+(?:${approx}\s+)?$`, 'iud'),
    // The passive: "funded at $500,000 per year by … Law" (the participle before the amount, group-less
    // test on the text before; the agent after) or "$5 million … investment funded by the … Act".
    providedBefore: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.providingParticiples)})\s+(?:at\s+|with\s+)?(?:${approx}\s+)?$`, 'i'),
    // (The agent a document, or a fund by its name: "awarded US$12 million (about £9.4 million) by the
    // Gates Foundation"; a conversion's decimal point does not end the phrase.)
    providedAfter: () => providedBy(String.raw`(?:\b(?:${phraseAlternation(d.providingParticiples)})\s+)?\b`),
    passiveProvision: () => providedBy(String.raw`\b(?:${phraseAlternation(d.providingParticiples)})\s+`),
    changeBefore: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.changeVerbs)})\b[^.;:!?,]{0,20}$`, 'i'),
    // An amount that modifies the document's noun, across its other modifiers: "a $75 million
    // multi-year supply contract". A preposition or a verb between them ends the phrase; a conversion's
    // bracket does not: "a €4 million (about £3.4 million) grant".
    funded: () => new RegExp(String.raw`^(?:\s*\([^()]{0,40}?\d[^()]{0,30}\))?(?:\s+(?!(?:${phraseAlternation(d.phraseBreaks)})\b)[\p{L}-]+){0,6}?\s+(?:${phraseAlternation(d.fundedDocuments)})\b`, 'iu'),
    // The document's value in apposition, the noun right before (a comma between or none): "The main
    // contract, worth £190 million, …", "a contract worth up to $750,000,000".
    appositiveValue: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.valuedDocuments)}),?\s+(?:${phraseAlternation(d.appositiveValues)})\s+(?:up\s+to\s+|${approx}\s+)?$`, 'i'),
    // The fund an amount is drawn from, within its clause: "$1.5 million from its reserves", "$1.2
    // million from the city's general fund", "$2.5 million, came from the Halvorsen Family
    // Foundation". Up to five words of the fund's name and owner, none a break of the phrase but
    // its determiner; the fund's noun ends the phrase (not "from the fund's investments").
    drawnFrom: () => new RegExp(String.raw`^(?:\s+in\s+[\p{L}-]+)?(?:,?\s+came)?\s+from\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?(?:(?!(?:${phraseAlternation(d.phraseBreaks)})\b)[\p{L}'’.&-]+\s+){0,5}?(?:${phraseAlternation(d.fundSources)})\b(?!['’])`, 'iu'),
    // The words that frame a number as a term an offer or a rule sets: "starts at $0.09 per watt".
    frame: () => new RegExp(String.raw`\b(?:(?:${phraseAlternation(d.termFrames)})\s+(?:just\s+|only\s+)?|(?:${phraseAlternation(d.hedgedFrames)})\s+(?:up\s+to|${approx})\s+)$`, 'i'),
    // "its benchmark lending rate unchanged at 12.75%": the rate's kind, then (within the clause) "at"/"to".
    policyRate: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.policyRates)})(?:\s+(?:lending|interest))?\s+rates?\b[^.;%]{0,40}?\b(?:at|to)\s+(?:a\s+record\s+)?$`, 'i'),
    unitPrice: () => new RegExp(String.raw`^\s*(?:${phraseAlternation(d.unitPrices)})\b`, 'i'),
    admission: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.priceNouns)})(?:\s+[\p{L}'’-]+){0,4}?\s+(?:(?:cost|costs|is|are|will\s+be|remains?)\s+)(?:just\s+|only\s+|still\s+)?$`, 'iu'),
    // "sells tea for €2 and a scone … for €3.50", "sells them for between ₦180,000 and ₦450,000".
    selling: () => new RegExp(String.raw`(?:\b(?:${phraseAlternation(d.sellingVerbs)})\s+(?!for\b)[^.;:!?]{1,80}?|\b(?:${phraseAlternation(d.retailVerbs)})\s+)\bfor\s+(?:between\s+(?:\S+\s+and\s+)?)?(?:${approx}\s+|just\s+|only\s+)?$`, 'i'),
    // "in pages of 5,000", "a context window of 32k tokens"; "set X … to 80%", "set `max_model_len`
    // to the model's full 32K context".
    setting: () => new RegExp(String.raw`(?:\b(?:${phraseAlternation(d.settingNouns)})\s+of\s+|\b(?:${phraseAlternation(d.settingVerbs)})\s+(?:(?!to\b)\S+\s+){1,6}?to\s+(?:(?:the|a|an|its|their|our|full|[\p{L}-]+['’]s)\s+){0,3})(?:${approx}\s+)?$`, 'iu'),
    // "Our goal for 2025 is to reach $250,000", "which aims to deliver 40% of …", within the clause
    // ("for next year", "by 2030": what the goal is for, up to three words).
    target: () => new RegExp(String.raw`(?:\b(?:${phraseAlternation(d.targetNouns)})(?:\s+(?:for|by)\s+(?:\S+\s+){0,2}?\S+)?\s+(?:is|was|are|were)\s+to|\b(?:${phraseAlternation(d.targetVerbs)}))\s+\p{L}+\b[^.;:!?]{0,60}$`, 'iu'),
    // What a party demands, proposes or offers: "has offered a 4.8% wage increase and a one-off
    // inflation bonus of 2,850 euros", "is calling on the government to ring-fence £2 billion". Up to
    // twelve words between, none a clause's start ("wants to know why profits rose 40%"); the
    // words between (group 1) are read for a finite verb too ("wants a deal and the firm has 40%").
    proposal: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.proposalVerbs)})((?:\s+(?!(?:${phraseAlternation(d.proposalBreaks)})\b)[^\s;:!?,()]*[^\s.;:!?,()]){0,12}?)\s+(?:${approx}\s+|just\s+|only\s+)?$`, 'id'),
    // A named company's or board's declared forecast, guidance or dividend (numbers.yml): the
    // declarer (group 1), then its verb, a few words to the term's noun, "of", "to" or "at", and the
    // words on to the figure (group 2, read for a finite verb). Case-sensitive: a name is capitalised.
    declared: () => new RegExp(String.raw`(?<![\p{L}\p{N}'’])((?:[Tt]he|[Ii]ts)\s+(?:${phraseAlternation(d.declarerNouns)})|\p{Lu}[\p{L}&.’'-]*(?:\s+\p{Lu}[\p{L}&.’'-]*){0,3}?(?:['’]s\s+(?:${phraseAlternation(d.declarerNouns)}))?)\s+(?:(?:has|have|had|also|again|now|on\s+\p{Lu}\p{Ll}+)\s+)*(?:${phraseAlternation(d.declaringVerbs)})\s+(?:its|their|the|a|an)\s+(?:[\p{L}-]+\s+){0,4}?(?:${phraseAlternation(d.declaredTerms)})\s+(?:of|to|at)\b((?:\s+(?!(?:${phraseAlternation(d.declarationBreaks)})\b)[^\s;:!?()]*[^\s.;:!?()]){0,14}?)\s+(?:between\s+)?(?:${approx}\s+)?$`, 'du'),
    // "set bail yesterday at 100,000 lari", "bail of $50,000": a court's sum, a word or two before.
    courtSum: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.courtSums)})(?:\s+[\p{L}-]+){0,2}?\s+(?:at|of)\s+(?:${approx}\s+)?$`, 'iu'),
    // "was ordered to pay US$8,000", "sentenced … to 73 months … and to also pay … US$6.16 million",
    // "ordered to pay $640,000 …, pay prosecution's court costs of $7,078" (a payment coordinated
    // after a comma), "fined the company $18,000" (its object only, a few words and no preposition: "fined last year
    // over a breach affecting $40 million in accounts" is not the fine):
    // the order's verb, then within its sentence "to" and the payment verb, then its object's words
    // (group 1, read for a finite verb), as proposal's.
    ordered: () => new RegExp(String.raw`\b(?:(?:${phraseAlternation(d.orderVerbs)})\b[^.;:!?]{0,100}?(?:\bto\s+(?:also\s+)?|,\s+(?:and\s+)?)(?:${phraseAlternation(d.paymentVerbs)})\b((?:\s+(?!(?:${phraseAlternation(d.proposalBreaks)})\b)[^\s;:!?,()]*[^\s.;:!?,()]){0,12}?)|(?:${phraseAlternation(d.finingVerbs)})\b((?:\s+(?!(?:${phraseAlternation(d.proposalBreaks)}|${phraseAlternation(d.fineBreaks)})\b)[^\s;:!?,()]*[^\s.;:!?,()]){0,5}?))\s+(?:${approx}\s+|just\s+|only\s+)?$`, 'id'),
    threshold: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.thresholds)})\s+$`, 'i'),
    // Inside a condition a procedure sets, opened at the sentence's start or after a comma and not yet
    // closed: "If no candidate wins 50% or more of the vote, …", "…, if two-thirds of the senators vote".
    // (Not a figure the condition presupposes, determined as known: "if the 20% decline continues".)
    conditional: () => new RegExp(String.raw`(?:^|[,;]\s+)(?:${phraseAlternation(d.conditionals)})\s[^,;:.!?()—–]*(?<!\b(?:the|this|these|its|their|his|her|our)\s+)$`, 'i'),
    // A rule being stated: "must", "to qualify"; "is required" ending its clause or before "to";
    // "requires X … to", "directs X … to".
    rule: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.ruleMarkers)}|(?:is|are)\s+(?:${phraseAlternation(d.requirements)})(?=\s+to\b|\s*[.;]|\s*$)|(?:${phraseAlternation(d.directingVerbs)})\s+\S+(?:\s+\S+){0,6}\s+to)\b`, 'i'),
    // A change with a figure and no unit of its own (spec §2): "Build times dropped from 23 minutes
    // to 14", "Sea level has risen about 28 centimetres since 1950".
    // A change by a fraction, where the clause ends or goes on: "Sales fell by a fifth last year",
    // "cut by a third."; not "dropped by a third party".
    changeByFraction: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.changeVerbs)})\s+by\s+((?:${approx}\s+)?(?:${fraction}|half))(?=\s*[.,;:)]|\s*$|\s+(?:in|last|this|since|from|over|to|on|compared|between|during|after|and|or|but|while|as)\b)`, 'gi'),
    changeFrom: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.changeVerbs)})(?:\s+[\p{L}-]+){0,3}?\s+from\s+(?:${approx}\s+)?$`, 'iu'),
    changeTo: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.changeVerbs)})(?:\s+[\p{L}-]+){0,3}?\s+from\s+(?:${approx}\s+)?[\d.,]+(?:\s+[\p{L}-]+)?\s+to\s+(?:${approx}\s+)?$`, 'iu'),
    changeBy: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.changeVerbs)})\s+(?:by\s+)?(?:${approx}\s+)?$`, 'i'),
    // A figure named as a figure, determined as one the reader already knows: "whether Blu-Ray discs
    // were factored into the 3 million amount", "The $552 billion dollar figure is missing from …".
    // The determiner before (group-less test on the text before), the figure's noun after.
    referringBefore: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.referringWords)})\s+(?:(?:US|USD|[A-Z]{1,3})?\p{Sc}\s?)?$`, 'iu'),
    figureAfter: () => new RegExp(String.raw`^(?:[\s-]+(?:dollars?|euros?|pounds?|yen))?[\s-]+(?:${phraseAlternation(d.figureNouns)})\b(?!\s+of\b)`, 'i'),
    yearNouns: () => new Set(d.yearNouns.map((w) => w.toLowerCase())),
    // The price a deal sets (group 1, the words between, read for a finite verb): "agreed to buy
    // Rival Inc for $2.1 billion"; "Under the deal, Acme will pay $45 a share".
    agreed: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.agreementVerbs)})\s+(?:${phraseAlternation(d.dealVerbs)})\b([^.;:!?]{0,100}?)\s+(?:for\s+)?(?:${approx}\s+|just\s+|only\s+)?$`, 'id'),
    underDeal: () => new RegExp(String.raw`\bunder\s+(?:the\s+|its\s+|their\s+)?(?:terms\s+of\s+(?:the\s+|its\s+|their\s+)?)?(?:[\p{L}'’-]+\s+){0,3}?(?:${phraseAlternation(d.dealNouns)})\b[^.;:!?]{0,100}$`, 'iu'),
    // The same after the figure, in its phrase: "Permits will cost £95 a year under the scheme".
    underDealAfter: () => new RegExp(String.raw`^[^.;:!?,()–—]{0,60}?\bunder\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:terms\s+of\s+(?:the\s+|its\s+|their\s+|our\s+)?)?(?:[\p{L}'’-]+\s+){0,3}?(?:${phraseAlternation(d.dealNouns)})\b`, 'iu'),
    // A verb of giving or receiving with the amount in its object (group 1, the words between, read
    // for a finite verb), and the clause's provider (numbers.yml, givingVerbs).
    given: () => new RegExp(String.raw`\b(?:(?:${phraseAlternation(d.givingVerbs)})|(${phraseAlternation(d.receivingVerbs)}))\b((?:\s+[^\s\d.;:!?,()]+){0,6}?)\s+(?:${approx}\s+)?$`, 'iud'),
    setAt: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.bodySettingVerbs)})\b((?:\s+[^\s\d.;:!?,()]+){1,6}?)\s+at\s+(?:${approx}\s+)?$`, 'iud'),
    givingBody: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.givingBodies)})\b`, 'i'),
    givingDocument: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.givingDocuments)})\b`, 'i'),
    // What says a distance's `m` or `k` is metres or kilometres (numbers.yml): an event's noun
    // or a dimension after it, a jump, throw or margin before it, a word of sport or length in
    // the sentence; and what says it is a sum, a verb or noun of money right before it.
    // A number's unit that may be a distance: a bare `m` or `k` (otherwise read as million or
    // thousand, spec section 2's scale words) or a spelled metre or kilometre (distanceUnits).
    distanceUnit: () => new RegExp(String.raw`^(?:m|k|K|\s*(?:${phraseAlternation(d.distanceUnits)}))(?![\p{L}\p{N}])`, 'u'),
    eventAfter: () => new RegExp(String.raw`^[\s-]*(?:${phraseAlternation(d.eventNouns)})(?![\p{L}])`, 'iu'),
    dimensionAfter: () => new RegExp(String.raw`^[\s-]*(?:${phraseAlternation(d.dimensionWords)})(?![\p{L}])`, 'iu'),
    resultBefore: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.resultVerbs)})(?:\s+[\p{L}'’-]+){0,4}?\s+$`, 'iu'),
    marginBefore: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.marginVerbs)})(?:\s+[\p{L}'’-]+){0,3}?\s+by\s+(?:just\s+|only\s+|about\s+|nearly\s+|almost\s+|some\s+)?$`, 'iu'),
    lengthWord: () => new RegExp(String.raw`(?<![\p{L}])(?:${phraseAlternation(d.lengthWords)})(?![\p{L}])`, 'iu'),
    sportWord: () => new RegExp(String.raw`(?<![\p{L}])(?:${phraseAlternation(d.sportWords)})(?![\p{L}])`, 'iu'),
    moneyBefore: () => new RegExp(String.raw`\b(?:${phraseAlternation(d.moneyWords)})\s+(?:(?:of|at|by|to|for|about|around|nearly|almost|over|some|just|a|an|the|another|an\s+extra)\s+){0,2}$`, 'i')
  })
}
let patterns: ReturnType<typeof buildPatterns> | undefined
const wordPatterns = () => (patterns ??= buildPatterns())

export type NumberKind =
  | 'percentage' | 'money' | 'change' | 'large-count' | 'ratio' | 'rate'
  | 'year' | 'date' | 'time' | 'age' | 'ordinal' | 'duration' | 'designator' | 'name' | 'score' | 'small-count' | 'policy-term' | 'identifier'
  | 'target' | 'reference'

export interface NumberMention extends Span {
  text: string
  kind: NumberKind
  /** True for measured quantities the spec calls statistics. */
  statistic: boolean
}

const statisticKinds = new Set<NumberKind>(['percentage', 'money', 'change', 'large-count', 'ratio', 'rate'])
/** Month names and their abbreviations, as a regex alternation (lower case; match with the i flag). */
export const monthNames = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
const months = new RegExp(String.raw`\b(?:${monthNames})\.?\s*$`, 'i')
const monthAfter = new RegExp(String.raw`^\s*(?:${monthNames})\b`, 'i')
// The year of a date written month, day, year: "February 27, 1894 editions".
const monthDay = new RegExp(String.raw`\b(?:${monthNames})\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*$`, 'i')
// A year alone in brackets: "(1623)", not "(1770 km)".
const bracketYear = (before: string, after: string) => /\(\s*$/.test(before) && /^\s*\)/.test(after)
const era = /^\s*(?:BC|BCE|AD|CE)\b/
const scales = Object.keys(scaleWords).join('|')
// The scale word after a number, the one reading of it: a full word after a space ("26 million",
// "$4 bn"); "m" and "k" only attached ("5m", "440k"), since "75 m" is metres. What it matches is
// kept with the number, so the mention reads as written.
const scaleWord = new RegExp(String.raw`^(?:\s*(?:${scales}|bn|mn)\b|(?:m|k)\b)`, 'i')
// The same inside an amount's text: "$2.1 billion", "$5m".
const scaleIn = new RegExp(String.raw`\b(?:${scales}|bn|mn)\b|\d(?:m|k)\b`, 'i')
// Before a price that follows its item: "Tres leches, $9", "mole negro ($29", "Mains $18–$34".
// (The noun itself only right after a separator of a line of facts: "★★★★☆ · … · Mains $18–$34".)
const priceAfterItem = /(?:\p{L}[\p{L})*]*\s*,|[\p{L}\d]\s*\(|[·•|]\s*\p{L}+\s)\s*(?:\p{Sc}?[\d.,]+\s*[–-]\s*)?\p{Sc}?$/u
// The bracket form alone: "mole negro ($29", "tours ($12–$16".
const itemBracket = /\p{L}\s*\(\s*(?:\p{Sc}?[\d.,]+\s*[–-]\s*)?\p{Sc}?$/u
/** The value an amount's text writes, its separators dropped ("$1,250.50" → 1250.5). */
const amountOf = (text: string) => Number(text.replace(/[^\d.]/g, '').replace(/\.$/, ''))
// (Milliseconds are a duration too: "a timeout of 10,000 ms" sets a wait, it counts nothing.)
const durationUnit = /^\s*(?:-\s*)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|ms|milliseconds?|microseconds?|nanoseconds?)\b/i
const number = /(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:%|percent(?:age points?)?\b|per cent\b))?/giu

const units = Object.keys(numberWords).filter((w) => numberWords[w] < 20).join('|')
const tens = Object.keys(numberWords).filter((w) => numberWords[w] >= 20).join('|')
const numberWord = `(?:(?:${tens})(?:[- ](?:${units}))?|${units})`
/** Words that hedge a figure: "nearly 40", "just over $2 million". */
export const approx = String.raw`(?:nearly|almost|about|around|roughly|approximately|over|more\s+than|less\s+than|fewer\s+than|under|at\s+least|some|just\s+over|just\s+under|well\s+over)`
const fraction = String.raw`(?:half|a\s+(?:third|quarter|fifth|sixth|tenth)|one[- ](?:half|third|quarter|fifth|sixth|eighth|tenth)|two[- ]thirds|three[- ]quarters|(?:two|three|four)[- ]fifths)`

/** A word that is a number: "three", "twenty-one", "thousand". */
export const numberWordPattern = new RegExp(String.raw`^(?:${numberWord}|hundred|${scales}|\d[\d.,]*)$`, 'i')

// Written-out statistics: "thirty-five million", "thousands of", "five percent", "one in five",
// "nearly half of", "doubled", "nine out of ten". The third entry, where there is one, is a cheap
// test (same flags) of a word every match contains: most sentences have none and skip the scan.
// (Built on first use: the multiples read numbers.yml.)
let statistics: Array<[RegExp, NumberKind, RegExp?]> | undefined
const wordStatistics = () => (statistics ??= ((): Array<[RegExp, NumberKind, RegExp?]> => {
  const d = loadData('src/text/numbers.yml', numberDataShape)
  const measures = phraseAlternation(d.multipleMeasures)
  return [
    [new RegExp(String.raw`\b(?:${numberWord}|a|several|a\s+few|tens\s+of|hundreds\s+of)(?:\s+hundred)?\s+(?:${scales})\b`, 'gi'), 'large-count', new RegExp(scales, 'i')],
    [new RegExp(String.raw`\b(?:${scales})s\s+of\b(?!\s+years)`, 'gi'), 'large-count', new RegExp(scales, 'i')],
    // The same scale in the plural as a count of its own, "infected tens of thousands", "lost tens of
    // millions on the deal" (spec §2, a large count with a scale word; dev-claims wn-2020-world-health-
    // organization-…, labelled); with "of" after it the entry before reads it ("tens of thousands of
    // people", dev-claims wnts-test-244).
    [new RegExp(String.raw`\b(?:tens|hundreds)\s+of\s+(?:${scales})s\b(?!\s+of\b)`, 'gi'), 'large-count', /\b(?:tens|hundreds)\s+of\s/i],
    // A share of a whole given as a proportion, "nine out of ten households", "3 out of 10 adults",
    // "one out of every thousand children" (news wn-2019-samoan-…): a ratio as "one in five" is. The
    // whole a number word, a round base or after "every": a tally of an event is a small narrative
    // count (spec §2), "tested 7 out of 20 suspected cases positive" (dev wn-2020-samoan-…, labelled
    // not a statistic), "plead guilty to 29 out of 30 … charges", "only 29 out of 420 crews
    // finishing" (news). Not the idiom "nine times out of ten", which measures nothing, nor a score or
    // a rating, "scored 8 out of 10", "calculated as 2 out of 10 on the Torino scale" (news
    // wn-nd-mn4-2004-…; spec §2, scores; numbers.yml).
    [new RegExp(String.raw`(?<!\b(?:times|${phraseAlternation(d.scoringWords)})\W+(?:[\p{L}'’]+\s+){0,2})\b(?:${numberWord}|\d+)\s+out\s+of\s+(?:every\s+(?:[\d,]+|${numberWord})|${numberWord}|10|100|1,?000|(?:every\s+|a\s+|one\s+)?(?:hundred|thousand))\b(?![.,]\d)(?!\s+on\s+(?:the|a|an)\s+[^.;:!?]{0,40}?\bscale\b)`, 'giu'), 'ratio', /\sout\s+of\s/i],
    [new RegExp(String.raw`\b${numberWord}\s+(?:percent|per\s+cent)\b`, 'gi'), 'percentage', /percent|per\s+cent/i],
    // (The checks after the second number in one lookahead, the same test: as a sequence after the
    // alternation, V8 compiled a copy of them for each of its branches, 9 ms against 2.)
    [new RegExp(String.raw`\b(?:${numberWord}|\d)\s+in\s+(?:every\s+)?(?:${numberWord}|\d+)(?=\b(?![.,]\d)(?!\s*(?:years?|days?|months?|weeks?|hours?|minutes?)))`, 'gi'), 'ratio', /\sin\s/i],
    // "nearly half of", "one-fifth of"; not "the first half of the match", "half a metre", "his half
    // of the prize" or "a quarter of an hour". Every fraction names one of the key's words.
    [new RegExp(String.raw`(?<!\b(?:first|second|1st|2nd|last|latter|other|a|and\s+a|his|her|its|their|our|my|your|whose)\s+)\b(?:${approx}\s+${fraction}(?![a-z-])(?!\s+an?\s)(?:\s+(?:of|the))?|${fraction}\s+of\b(?!\s+an?\s+(?:hour|minute|second|day|week|month|year|decade|century|mile|metre|meter|inch|foot)\b)|a\s+tenth\s+part\s+of)`, 'gi'), 'ratio', /half|third|quarter|fifth|sixth|eighth|tenth/i],
    // Not a game's score ("Lukaku doubled the lead", "Zyrianov doubled Zenit's lead", "doubled the
    // Revolution lead": news wnts-train-432, wnts-train-535) nor the idiom "doubled down on".
    // The same change to come, its base form after "to" or a modal: "Sales are expected to triple by
    // 2030"; not "double" as a noun or adjective ("a double bombing", "the Triple Crown"), which no
    // "to" or modal precedes, and only without an object (the clause ends or an adverbial follows):
    // "will double the grant", "a campaign … to halve world poverty" (news wnts-train-389) state what
    // someone means to do, a plan or a goal (as "The bill doubles the expensing limit"), not how a
    // quantity changes.
    [/(?:\b(?<=\b(?:to|will|would|could|can|may|might|should|must)\s+(?:(?:\w+ly|more\s+than|nearly|almost|roughly)\s+)?)(?:double|triple|treble|quadruple|halve)\b(?=\s*(?:[,.;:!?)]|$)|\s+(?:by|in|within|over|from|to|again|during|before|after|until|since|this|next|each|every|if|when|as|and|or|but|compared|relative)\b)|\b(?:doubled|tripled|trebled|quadrupled|halved))\b(?!-)(?!\s+(?:(?:the|their|his|her|its)\s+)?(?:[A-Z][\w.'’-]*\s+){0,2}(?:lead|advantage|tally|margin)\b|\s+down\b)/gi, 'change'],
    // The multiple written solid, "have risen tenfold" (news wnts-train-361, Customs' seizures) as "a
    // nine-fold increase" (promo cpr-2022-senator-hassan…); not a predicate of parts, "plans for this
    // funding are twofold:" (promo).
    [new RegExp(String.raw`(?<!\b(?:is|are|was|were|be|been)\s+)\b(?:${numberWord})fold\b`, 'gi'), 'ratio', /fold/i],
    // A multiple is a ratio: "increased 18-fold", "three times Apple's current use", "five times as many",
    // and as technical writing spells it before a comparison, "3x faster", "2.5× less memory".
    [new RegExp(String.raw`\b(?:${numberWord}|\d+(?:\.\d+)?)(?:-fold\b|\s+times(?=\s+(?:more|less|fewer|higher|lower|larger|smaller|greater|bigger|faster|as\s+(?:${measures})\b|\p{Lu}[\p{L}.]*['’]s\s))|(?<=\d)[x×](?=\s+(?:more|less|fewer|higher|lower|larger|smaller|greater|bigger|faster|slower|cheaper)\b))`, 'giu'), 'ratio', /fold|times|\d[x×]/i],
    // "twice as common in men as in women", "more than twice as likely": the multiple two, before a
    // measure (numbers.yml, multipleMeasures); not "worked twice as hard", a manner, not a measurement.
    [new RegExp(String.raw`\btwice(?=\s+as\s+(?:${measures})\b)`, 'gi'), 'ratio', /twice/i]
  ]
})())

/**
 * Classify every number in writer's-voice text per the spec's definition of a statistic.
 * `previous`: the sentence before in the same paragraph, whose provision a pronoun may continue.
 */
export function findNumbers(text: string, offset = 0, money: readonly MoneyMention[] = findMoney(text, offset), previous?: string): NumberMention[] {
  const found: NumberMention[] = []
  // A number in a rule being stated is a term of the rule: "a film must open in at least 1,000
  // theatres", "it would have to be ratified by at least three quarters of the states".
  // (Both read on the first figure that asks: most sentences have none, and the patterns are long.)
  let ruleStated: boolean | undefined
  const rule = () => (ruleStated ??= wordPatterns().rule.test(text))
  // So is an amount a named bill, act, budget, grant or contract provides (spec §2, attributed to
  // the document): "a bill to provide $50 million in grants", "The … Act provides … $350 billion".
  // The amount comes after the verb: in "an annual budget of $8 million, the curriculum now
  // includes …" the budget is measured, nothing provides it.
  // (And a pronoun that continues the previous sentence's provision, spec §2's continued attribution:
  // "It also includes £2.5 million for a new youth centre" after "The budget provides £412 million …".)
  let providing: boolean | undefined
  let continuing: boolean | undefined
  const continues = () => (continuing ??= previous !== undefined && wordPatterns().continuedProvision.test(text) && wordPatterns().provision.test(previous))
  const provision = () => (providing ??= wordPatterns().provision.test(text) || continues())
  // No finite verb before a spaced dash ends the line's item ("Memelas …, $14 — yes, they're …").
  // (The sentence is tagged in context, and only if asked.)
  const finiteVerbIn = (start: number, end: number, except?: RegExp) => {
    const tokens = tokenize(text)
    // From the first token at `start` (a binary search: a long sentence holds many figures).
    let lo = 0
    for (let hi = tokens.length; lo < hi; ) {
      const mid = (lo + hi) >> 1
      if (tokens[mid].start < start) lo = mid + 1
      else hi = mid
    }
    // (A currency's prefix is no verb: the tagger reads the "CA" of "CA$121,690" as "ca" in "can't".)
    const prefix = (k: number) => tokens[k + 1]?.start === tokens[k].end && /^\p{Sc}/u.test(tokens[k + 1].lower)
    for (let k = lo; k < tokens.length && tokens[k].end <= end; k++) if (finiteTag(tokens[k].tag) && !except?.test(tokens[k].lower) && !prefix(k)) return true
    return false
  }
  let noVerb: boolean | undefined
  const verbless = () => (noVerb ??= !finiteVerbIn(0, text.split(/\s[—–]\s/)[0].length))
  // The verb of a demand, proposal, offer or deal (`pattern`, its words between in group 1) has the
  // amount before `at` as its object: no finite verb between.
  const objectOf = (pattern: RegExp, from: number, at: number) => {
    const m = pattern.exec(text.slice(from, at))
    // (The words between are the pattern's first group that took part: `ordered` has one per branch.)
    const between = m?.indices?.slice(1).find((g) => g !== undefined)
    return m !== null && between !== undefined && !finiteVerbIn(from + between[0], from + between[1])
  }
  // (A copula opens no event of its own: "provide $202.7 million …, which is the first instalment
  // of a total $1 billion investment" and "provides the FHWA – through which these funds are
  // administered – more than $350 billion" still state what the law provides.)
  const provides = (at: number) => {
    const m = wordPatterns().provision.exec(text.slice(0, at)) ?? (continues() ? wordPatterns().continuedProvision.exec(text.slice(0, at)) : null)
    return m !== null && !finiteVerbIn(m.index + m[0].length, at, /^(?:is|are|was|were|'s|’s)$/)
  }
  // (The money mention holds its currency sign, a bare number not: both read the same before.)
  const refersTo = (at: number, length: number) => {
    const end = length || (text.slice(at).match(/^[\d.,]+(?:\s+(?:thousand|million|billion|trillion|bn|m))?/i)?.[0].length ?? 0)
    return wordPatterns().referringBefore.test(text.slice(Math.max(0, at - 40), at)) && wordPatterns().figureAfter.test(text.slice(at + end, at + end + 30))
  }
  // "€5,000 ($5,500)": a bracket after an amount converts it, it does not price an item.
  const converts = (at: number) => money.some((m) => m.end - offset <= at && m.end - offset >= at - 4)
  // A figure under a deal's, plan's or scheme's terms, "under" before it in its clause or just after
  // it. Not what was done under them, a past verb in the clause: "Under the scheme, landlords
  // received £4m", "30% of the homes were sold under the plan" measure what happened. (The clause
  // starts after the opening phrase's comma: a participle there dates the deal, "Under the purchase
  // agreement signed on Monday, the council will pay €2.3 million".)
  // The clause around an offset: from after the last stop before it to the next stop after it (a
  // decimal point is none), or the text's ends.
  const clauseEnd = (at: number) => {
    const stop = text.slice(at).search(/[;:!?]|\.(?!\d)/)
    return stop < 0 ? text.length : at + stop
  }
  const clauseStart = (at: number) => {
    let k = at - 1
    while (k >= 0 && !/[;:!?]/.test(text[k]) && !(text[k] === '.' && !/\d/.test(text[k + 1]))) k--
    return k + 1
  }
  const underTerms = (at: number) => {
    const from = Math.max(0, at - 160)
    const m = wordPatterns().underDeal.exec(text.slice(from, at))
    const comma = m ? m[0].indexOf(',') : -1
    const start = m ? from + m.index + comma + 1 : at
    if (!m && !wordPatterns().underDealAfter.test(text.slice(at))) return false
    const end = clauseEnd(at)
    // (Or a perfect's or passive's participle: "have been sold under the plan", "landlords have
    // collected £4m".)
    const tokens = tokenize(text)
    return !tokens.some((t, i) => t.start >= start && t.end <= end && (t.tag === 'VBD' || auxiliaryOf(tokens, i) >= 0))
  }
  // An amount given by a body or a document in its clause (spec §2, attributed to the document):
  // the verb's object holds the amount, no finite verb between; receiving names no giver, so it
  // needs the document, and not in the past ("It received a $2 million award" measures).
  // The narrower provision readings stay where this one cannot read (their fixtures fail without
  // them): `provision` a verb far from its figure or not one of giving ("include", "cover"), and
  // shares and counts ("The Act … will give councils new powers to fine landlords up to £40,000");
  // `countProvision` counts; `including`, the figure in the object of "including"; the passive
  // readings, the document after the figure ("funded at $500,000 per year by … Law"); `funded`,
  // `appositiveValue` and `drawnFrom`, no verb at all ("a $2 billion supply contract", "$1.5
  // million from its reserves"); `agreed` and `underTerms`, a deal's verbs of paying and costing;
  // `continuedProvision`, a provision the sentence before states ("It also includes £2.5 million").
  // Each reading of the verb in turn, leftmost first: the first match may be a noun of the same
  // spelling before the verb ("The … Regional Transport Fund provides £220 million", "A grant award
  // … will provide $1 million").
  const given = (at: number, setting: boolean) => {
    const pattern = setting ? wordPatterns().setAt : wordPatterns().given
    for (let from = Math.max(0, at - 100); from < at; ) {
      const m = pattern.exec(text.slice(from, at))
      if (!m) return false
      if (givenBy(m, from, at, setting)) return true
      from += m.index + 1
    }
    return false
  }
  const givenBy = (m: RegExpExecArray, from: number, at: number, setting: boolean) => {
    const between = m.indices?.[setting ? 1 : 2]
    if (!between || finiteVerbIn(from + between[0], from + between[1])) return false
    const received = !setting && m[1] !== undefined
    const verbAt = from + m.index
    // The verb a verb, not a noun ("That fund paid out £48,000"), and no other verb between
    // ("budgets paid out £4m").
    const tokens = tokenize(text)
    const k = tokens.findIndex((t) => t.start === verbAt)
    const verb = tokens[k]
    // (After a modal the word is its verb, whatever the tagger reads: "will offer/NN grants".)
    if (!verb || !(/^VB/.test(verb.tag) || tokens[k - 1]?.tag === 'MD')) return false
    // A giving verb in the passive has the receiver as its subject, as receiving has: "The firm was
    // awarded $2 million by the Department" (a Department award is labelled a statistic, dev).
    const aux = overAdverbs(tokens, k)
    const passive = !setting && verb.tag === 'VBN' && beForms.has(tokens[aux]?.lower ?? '')
    // What was received is measured after the fact ("It received a $2 million award", "was awarded").
    if ((received && verb.tag === 'VBD') || (passive && /^(?:was|were)$/.test(tokens[aux].lower))) return false
    // (A setting's object is a noun phrase the tagger may misread: "the total allowable catch/VB".)
    if (!setting && tokens.some((t) => t.start >= from + between[0] && t.end <= from + between[1] && /^VB/.test(t.tag))) return false
    // The clause: from the last stop before the verb to the next after the amount.
    const clause = text.slice(clauseStart(verbAt), clauseEnd(at))
    // A body alone gives in a standing provision, not in a past event: "The transport authority has
    // budgeted €3.2 million", but "The council approved £2m for roads, under pressure" reports what
    // was done and names no document (the past needs one: "provided €11.5 million through its … Fund").
    return wordPatterns().givingDocument.test(clause) || (!received && !passive && (setting || verb.tag !== 'VBD') && wordPatterns().givingBody.test(clause))
  }
  // (Not a plural common noun as the name: "Analysts cut their forecast to …" names no one.)
  const declaredBy = (at: number) => {
    const from = Math.max(0, at - 220)
    const m = wordPatterns().declared.exec(text.slice(from, at))
    if (!m?.indices?.[2]) return false
    const name = m[1].split(/\s+/)
    if (name.length === 1 && tokenize(name[0].toLowerCase())[0]?.tag === 'NNS') return false
    return !finiteVerbIn(from + m.indices[2][0], from + m.indices[2][1])
  }
  const term = (kind: NumberKind, at: number, length = 0) => {
    // A count the document provides is its term, not a measure of anyone's scale (spec §2).
    if (kind === 'small-count' && wordPatterns().countProvision.test(text.slice(Math.max(0, at - 160), at))) return 'policy-term'
    if (!statisticKinds.has(kind)) return kind
    // A figure the sentence refers to, not one it states (spec §2 flags a sentence that states a
    // statistic): "the 3 million amount", "the prior $395 billion figure".
    if (refersTo(at, length)) return 'reference'
    if (rule() && kind !== 'money') return 'policy-term'
    // A share or count in a condition of a rule is its threshold, not a measurement (spec §2, policy
    // terms stated as the rule itself). Not money nor a change: "if the 20% decline continues" measures.
    if (kind !== 'money' && kind !== 'change' && wordPatterns().conditional.test(text.slice(0, at))) return 'policy-term'
    // A change says how something changed, not what the document provides ("funding rose 6 percent").
    // Within the verb's clause: in "agreement … to provide a 20,000 force … the situation that had
    // resulted in 240,000 being killed" the deaths are measured, no document provides them.
    if (kind !== 'change' && provision() && provides(at)) return 'policy-term'
    // What a document approved "including" it sets: "approved its budget …, including a 4.99 percent rise".
    if (kind !== 'change' && objectOf(wordPatterns().including, Math.max(0, at - 180), at)) return 'policy-term'
    const before = text.slice(Math.max(0, at - 40), at)
    // What the document provides, in the passive with the document as its agent: "funded at $500,000
    // per year by … Infrastructure Law", "$5 million … funded by the Inflation Reduction Act".
    if (kind === 'money' && !wordPatterns().changeBefore.test(before) && (wordPatterns().providedBefore.test(before) ? wordPatterns().providedAfter : wordPatterns().passiveProvision).test(text.slice(at + length, at + length + 160))) return 'policy-term'
    // "a $2 billion supply contract", "an $18 million grant from …": the document's own amount.
    if (kind === 'money' && wordPatterns().funded.test(text.slice(at + length, at + length + 60))) return 'policy-term'
    // "The main contract, worth £190 million, …": the same value in apposition.
    if (kind === 'money' && wordPatterns().appositiveValue.test(text.slice(Math.max(0, at - 60), at))) return 'policy-term'
    // "$1.5 million from its reserves": what the named fund, budget or grant provides.
    if (kind === 'money' && wordPatterns().drawnFrom.test(text.slice(at + length, at + length + 100))) return 'policy-term'
    // A price, fee or limit the offer or rule sets: "Pricing starts at $0.09", "capped at $25 a
    // month"; in a rule, a threshold: "applicants must earn less than $40,000".
    if (wordPatterns().frame.test(before) || (rule() && wordPatterns().threshold.test(before))) return 'policy-term'
    // The price a deal sets is its term, what the contract provides (spec §2): "agreed to buy X for
    // $2.1 billion", "Under the deal, Acme will pay $45 a share".
    if (kind === 'money' && objectOf(wordPatterns().agreed, Math.max(0, at - 140), at)) return 'policy-term'
    // ("Under the deal, Acme takes a 30% stake": a share the deal sets, as its price is; not a change
    // it brought, "Under the plan, unemployment fell 3%".)
    if ((kind === 'money' || kind === 'percentage') && !wordPatterns().changeBefore.test(before) && underTerms(at)) return 'policy-term'
    // An amount a party demands, proposes or offers is its term: "the union wants a 9% rise".
    if ((kind === 'money' || kind === 'percentage') && objectOf(wordPatterns().proposal, Math.max(0, at - 120), at)) return 'policy-term'
    // An amount a body or a document gives, in the clause that names it: "The transport authority has
    // budgeted €3.2 million", "will receive $2,500 in emergency payments under the package".
    if (kind === 'money' && !wordPatterns().changeBefore.test(before) && given(at, false)) return 'policy-term'
    if (kind !== 'change' && given(at, true)) return 'policy-term'
    // A company's or board's own forecast, guidance or dividend, its subject named (spec §2, "X's
    // figures"; a declared dividend a term the board sets).
    if (declaredBy(at)) return 'policy-term'
    // The sum a court sets or orders paid is its decision (spec §2, policy terms stated as the rule
    // itself): "set bail yesterday at 100,000 lari", "was ordered to pay US$8,000 in fines".
    if (kind === 'money' && (wordPatterns().courtSum.test(before) || objectOf(wordPatterns().ordered, Math.max(0, at - 220), at))) return 'policy-term'
    if (kind === 'percentage' && wordPatterns().policyRate.test(text.slice(Math.max(0, at - 70), at))) return 'policy-term'
    // A price the seller sets: "$1.75 each", "€70 a night", "Tickets are $15".
    // (Not "each year": an amount each period is a flow, measured: "fines totaling $5,000 each year".)
    const unit = wordPatterns().unitPrice.exec(text.slice(at + length, at + length + 30))
    if (kind === 'money' && ((unit && !durationUnit.test(text.slice(at + length + unit[0].length))) || wordPatterns().admission.test(before))) return 'policy-term'
    // What the seller charges: "sells tea for €2"; not a deal's value ("sells its unit for $2 billion").
    if (kind === 'money' && !scaleIn.test(text.slice(at, at + length)) && wordPatterns().selling.test(text.slice(Math.max(0, at - 120), at))) return 'policy-term'
    // A line that names an item and its price and has no verb: a menu's "Tres leches, $9", "Mains
    // $18–$34", a list's "Guided cellar tours every Saturday (€25 per person, …)". The price follows
    // the item's name (after a comma, a bracket, or the noun itself, across the start of a range).
    // In running text, a price in brackets right after its item: "the mole negro ($29 with
    // chicken) is the one to order", a consumer's price under the spec's 1,000 that makes a figure
    // large ("the bridge ($40 million)", "the house (£450,000)" stay statistics).
    if (kind === 'money' && !scaleIn.test(text.slice(at, at + length)) && priceAfterItem.test(before) && (verbless() || (itemBracket.test(before) && amountOf(text.slice(at, at + length)) < 1000)) && !converts(at)) return 'policy-term'
    // A setting chosen in a design: "in pages of 5,000", "set GOMEMLIMIT … to 80%".
    if (wordPatterns().setting.test(text.slice(Math.max(0, at - 80), at))) return 'policy-term'
    // A goal, not a measurement: "Our goal for 2025 is to reach $250,000".
    if (wordPatterns().target.test(text.slice(Math.max(0, at - 100), at))) return 'target'
    return kind
  }
  // `money` (file offsets) lets the analysis pass the mentions it already parsed for the sentence.
  // A conversion states the amount it converts, in another currency: a term's conversion is that
  // term ("set bail yesterday at 100,000 Georgian lari (about US$30,000)", "The fine was set at €500
  // (US$550)"), not a second figure to source.
  for (const m of money) {
    const base = m.conversionOf && found.find((f) => f.start === m.conversionOf!.start)
    found.push(mention(offset, m.start - offset, m.text, base && base.kind === 'policy-term' ? 'policy-term' : term('money', m.start - offset, m.text.length)))
  }
  // A binary search over what is already found: a scan per number is quadratic on a run of amounts.
  // (The figure alone is the mention, not its verb.)
  for (const m of allMatches(wordPatterns().changeByFraction, text)) {
    const at = (m.index ?? 0) + m[0].length - m[1].length
    found.push(mention(offset, at, m[1], term('change', at)))
  }
  let covered = coverage(found, offset)
  for (const [re, kind, key] of wordStatistics()) {
    if (key && !key.test(text)) continue
    for (const m of allMatches(re, text)) if (!covered(m.index ?? 0)) found.push(mention(offset, m.index ?? 0, m[0].replace(/(?:\s+(?:of|the))+$/i, ''), term(kind, m.index ?? 0)))
  }
  covered = coverage(found, offset)
  // Inline code is markup, not prose: "`max_connections = 1000`", "`--retries 3`" set a value.
  const code = text.includes('`') ? [...allMatches(/`[^`\n]+`/g, text)].map((m) => ({start: offset + m.index!, end: offset + m.index! + m[0].length})) : []
  const inCode = coverage(code, offset)
  for (const m of allMatches(number, text)) {
    const i = m.index ?? 0
    if (covered(i)) continue
    let kind = inCode(i) ? 'identifier' : classify(text, i, m[0])
    // Keep the scale word with its number: "10 billion", "26 million"; "11 million years" is a duration.
    const scale = kind === 'large-count' ? (text.slice(i + m[0].length).match(scaleWord)?.[0] ?? '') : ''
    if (scale && durationUnit.test(text.slice(i + m[0].length + scale.length))) kind = 'duration'
    if (changeable.has(kind) && isChange(text, i, m[0].length)) kind = 'change'
    found.push(mention(offset, i, m[0] + scale, term(kind, i, m[0].length + scale.length)))
  }
  return found.sort((a, b) => a.start - b.start)
}

const changeEnd = new RegExp(String.raw`^(?:\s+[\p{L}-]+)?\s+to\s+(?:${approx}\s+)?\d`, 'iu')
// Counts and durations a change construction turns into a change; not years, dates or ages.
const changeable = new Set<NumberKind>(['small-count', 'duration', 'large-count'])
function isChange(text: string, i: number, length: number): boolean {
  const before = text.slice(Math.max(0, i - 100), i)
  const p = wordPatterns()
  // "from 23 minutes to 14" needs its second number; "rose 28 centimetres since 1950" its "since".
  if (p.changeFrom.test(before)) return changeEnd.test(text.slice(i + length, i + length + 60))
  if (p.changeTo.test(before)) return true
  return p.changeBy.test(before) && /^(?:\s+[\p{L}-]+)?\s+since\b/iu.test(text.slice(i + length, i + length + 40))
}

/** Is index `i` (relative to the text) inside one of `spans` (absolute offsets)? */
function coverage(spans: readonly Span[], offset: number): (i: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const maxEnd: number[] = []
  for (const [k, s] of sorted.entries()) maxEnd.push(Math.max(s.end, k > 0 ? maxEnd[k - 1] : 0))
  return (i) => {
    let lo = 0
    let hi = sorted.length - 1
    let last = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid].start - offset <= i) {
        last = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return last >= 0 && maxEnd[last] - offset > i
  }
}

function mention(offset: number, index: number, text: string, kind: NumberKind): NumberMention {
  return {start: offset + index, end: offset + index + text.length, text, kind, statistic: statisticKinds.has(kind)}
}

function classify(text: string, i: number, token: string): NumberKind {
  const before = text.slice(Math.max(0, i - 30), i)
  const after = text.slice(i + token.length, i + token.length + 30)
  const digits = token.replace(/[^\d.]/g, '')
  const value = Number(digits)
  if (/%|percent|per cent/i.test(token)) {
    // A policy stated as the rule itself: "a 0% tax rate", "tariffs on 90 percent of goods".
    if (/^\s*(?:tax|tariff|interest|duty|vat|levy|rate\s+cap)\b|^(?:\s+[\p{L}-]+){0,2}\s+(?:threshold|quota|ceiling|cap)\b/iu.test(after) || /\b(?:tariffs?|tax(?:es)?|duty|duties|levy|levies)\s+(?:on|of|at)\s+$/i.test(before)) return 'policy-term'
    if (/\bfrom\s*$/i.test(before) || /^\s*to\s+\d/.test(after)) return 'change'
    return 'percentage'
  }
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return 'ordinal'
  if (/^[-\s]?(?:year|month|week|day)s?[-\s]old\b/i.test(after) || /\baged?\s*$/i.test(before)) return 'age'
  if (/^[:.]\d\d\b/.test(after) && value < 25 || /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|local time)/i.test(after)) return 'time'
  // An identifier, not a quantity: prose writes 10,000 and up with separators, so a bare run of
  // five or more digits is a phone, postal or reference number.
  if (/^\d{5,}$/.test(token)) return 'identifier'
  // So is a group of a phone number written with spaces: "+44 20 8392 4509".
  if (/^\d+$/.test(token) && (/(?:\+\d*\s|\d\s|\+)$/.test(before) || /^\s\d{3,}(?![\d,.])/.test(after))) return 'identifier'
  // A reference, not a quantity: "#7865", "Republic Act No. 3846", "issue 212", "page 14".
  if (wordPatterns().reference.test(before)) return 'identifier'
  // "resolution 2259", "flight 1344": the thing's name.
  if (/^\d+$/.test(token) && wordPatterns().numberedName.test(before) && !scaleWord.test(after)) return 'name'
  // An address names a place: "1600 Congress Avenue".
  if (/^\d+$/.test(token) && wordPatterns().street.test(after)) return 'identifier'
  // A version string ("2.14.3"), read from its first part.
  if (/^\.\d/.test(after)) return 'designator'
  // A single digit with a capital K is a resolution or a race, not thousands: "4K video", "a 5K run".
  if (/^\d$/.test(token) && /^K\b/.test(after)) return 'designator'
  // "the 100m", "cleared 2.01m", "the 5,000 metres final": a distance in metres, not millions.
  const length = distanceKind(text, i, token, value)
  if (length) return length
  // "H.R. 5512", "TX-15", "5nm", "B-17": a designator.
  if (/^[A-Za-z]/.test(after) || /[A-Za-z]-?$/.test(before) || /\b[A-Z]\.\s?$|§\s*$/.test(before)) return scaleWord.test(after) ? 'large-count' : 'designator'
  if (months.test(before) || monthAfter.test(after) || (monthDay.test(before) && /^\d{4}$/.test(token))) return 'date'
  // A year, unless it counts something ("1846 persons were hospitalised"): a plural noun after it,
  // not a verb whose subject the year's noun phrase is ("The budget for 2027 provides $40 million").
  const plural = /^\s*(?!(?:was|has|is|as|its|his|this|does|us|thus|plus|yes|across|always|has)\b)([a-z]+s)\b/.exec(after)
  // (Not a title the year dates: "2003 champions England", "the 1995 winners".)
  const counts = !!plural && !/\b(?:in|since|by|until|from|to|of|during|before|after|between|and|or|early|late|mid)\s*$/i.test(before) && !wordPatterns().yearNouns.has(plural[1].toLowerCase()) && /^NN/.test(tokenize(plural[1])[0]?.tag ?? '')
  // After a determiner it is the year modifying a noun ("the 2002 figures", "its 2019 results"):
  // counts of a thousand or more take a separator in prose ("the 1,846 persons").
  const modifier = /\b(?:the|this|that|these|those|its|their|his|her|our|whose)\s+(?:(?:upcoming|coming|next|last|previous|forthcoming|planned)\s+)?$/i.test(before)
  if (!token.includes(',') && Number.isInteger(value) && value >= 1800 && value <= 2100 && (!counts || modifier)) return 'year'
  // An earlier year is told by its preposition of time: "The 1st United States Congress convened in
  // 1789", "the Gunpowder Plot of 1605 … in 1603" (spec section 2, dates and years); not a count
  // ("in 1700 homes" counts the homes).
  // (So is "of" after a capitalised name, an event's or a law's: "the Gunpowder Plot of 1605"; not
  // "a total of 1200".) And a year alone in brackets, "(1623)", or with its era, "1066 AD".
  if (/^\d{4}$/.test(token) && value >= 1000 && value < 1800 && !plural && (wordPatterns().yearPreposition.test(before) || /\p{Lu}\p{Ll}+\s+of\s+$/u.test(before) || bracketYear(before, after) || era.test(after))) return 'year'
  // A range whose end carries the unit is a measure ("40-50 percent"), not a game's score.
  if (/^\s*[-–]\s*\d/.test(after) && !/^\s*[-–]\s*[\d.,]+\s?(?:%|percent|per\s+cent|thousand|million|billion)/i.test(after) || /\d\s*[-–]\s*$/.test(before)) return 'score'
  // "Flight 8501", "Boeing 737", "Apollo 11": a name that contains a number. A sentence's
  // first word counts when it is a noun ("Flight 8501 vanished"), not "Over 26 million".
  // So is one after an abbreviated name: "the Inc. 5000 list", "Vol. 1200".
  if (/\b\p{Lu}\p{Ll}{1,3}\.\s$/u.test(before) && !scaleWord.test(after)) return 'name'
  const capitalised = before.match(/(^|[.!?]\s+|[^.!?]\s*)\b(\p{Lu}[\p{L}-]*)\s$/u)
  if (capitalised && !scaleWord.test(after)) {
    const sentenceStart = /^$|[.!?]\s+$/.test(capitalised[1]) || capitalised.index === 0 && before.length < 30
    if (!sentenceStart || /^NN/.test(tokenize(capitalised[2].toLowerCase())[0]?.tag ?? '')) return 'name'
  }
  // An area is a measure of size: "94 square kilometres", "3,000 hectares".
  if (/^[\s-]*(?:square|sq\.?\s|km2|km²|hectares?|acres?)/i.test(after)) return 'large-count'
  if (scaleWord.test(after)) return 'large-count'
  if (wordPatterns().rate.test(after)) return 'rate'
  if (durationUnit.test(after)) return 'duration'
  if (value >= 1000) return 'large-count'
  return 'small-count'
}

/**
 * A number whose unit is a distance in metres or kilometres, or undefined when it is not one:
 * an event's name ("the 5,000m final", "won the 100m") and a result of a race or a field event
 * ("cleared 2.01m", "won by 2.5m") are not statistics (spec section 2, names that contain numbers
 * and scores of a game); another length is measured as the same number of metres would be ("a
 * 30m-high wall": a small count; "a 2,000m runway": a size). A bare `m` stays million where a
 * sum or a count is as likely: after a verb or noun of money ("raised 3m"), before the noun it
 * counts ("2.5m people"), or with nothing in the sentence about sport or length.
 */
function distanceKind(text: string, i: number, token: string, value: number): NumberKind | undefined {
  if (!/^[\d.,]+$/.test(token)) return undefined
  const rest = text.slice(i + token.length)
  const p = wordPatterns()
  const unit = p.distanceUnit.exec(rest)
  if (!unit) return undefined
  const before = text.slice(Math.max(0, i - 60), i)
  const after = rest.slice(unit[0].length, unit[0].length + 40)
  // (A bare `m` or `k`: the one-letter match.)
  const bare = unit[0].length === 1
  if (bare && p.moneyBefore.test(before)) return undefined
  if (p.eventAfter.test(after)) return 'name'
  const measured: NumberKind = value >= 1000 ? 'large-count' : 'small-count'
  if (p.dimensionAfter.test(after)) return measured
  // Before the noun it counts, a bare `m` is million ("2.5m people", "3m new users"); a spelled
  // unit is the noun itself.
  if (bare) {
    const words = tokenize(after.replace(/^[\s-]+/, '')).filter((t) => t.word)
    const noun = words[0] && (/^NN/.test(words[0].tag) || (/^JJ/.test(words[0].tag) && /^NN/.test(words[1]?.tag ?? '')))
    if (noun && !p.lengthWord.test(words[0].lower)) return undefined
  }
  if (p.resultBefore.test(before) || p.marginBefore.test(before)) return 'score'
  // Otherwise a spelled unit is measured as before; a bare one is a race's name after "the" in a
  // sentence of sport ("Bolt won the 100m in 9.58 seconds"), or a length in a sentence that gives
  // lengths ("within 100m [328ft]").
  if (!bare) return undefined
  const the = /\bthe\s+$/i.test(before)
  if (the && p.sportWord.test(text)) return 'name'
  if (!p.lengthWord.test(text)) return undefined
  return the ? 'name' : measured
}

