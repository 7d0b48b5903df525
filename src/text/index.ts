// Shared prose analysis: every rule asks these, none re-implements them.
export {analyse, type Analysis} from './analysis.js'
export {findAttribution, type Attribution, type AttributionMatch} from './attribution.js'
export {findCurrencyNames, findMoney, linkConversions, markerFor, qualifiedSymbol, restyle, type AmountPart, type CurrencyName, type MoneyMention, type Notation} from './money.js'
export {findNumbers, type NumberMention, type NumberKind} from './numbers.js'
export {findInterviewAnswers, findQuotations, isQuoted} from './quotes.js'
export {documentNames, tokenize, type Token} from './tokens.js'
export {collectFacts, remarkCollectFacts, type MarkdownFacts} from './markdown.js'
export type {BlockKind, Citation, Paragraph, Quotation, Sentence, Span} from './types.js'
