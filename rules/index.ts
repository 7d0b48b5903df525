// The explicit list of copydesk rules: the preset and the test harness iterate it.
import currencyConsistency from './currency-consistency/index.js'
import offTopicInsert from './off-topic-insert/index.js'
import unattributedStatistic from './unattributed-statistic/index.js'
import unsupportedSuperlative from './unsupported-superlative/index.js'
import vagueAttribution from './vague-attribution/index.js'

export const rules = {
  'unsupported-superlative': unsupportedSuperlative,
  'unattributed-statistic': unattributedStatistic,
  'currency-consistency': currencyConsistency,
  'off-topic-insert': offTopicInsert,
  'vague-attribution': vagueAttribution
} as const

export type RuleId = keyof typeof rules
export const ruleIds = Object.keys(rules) as RuleId[]
