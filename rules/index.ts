// The explicit list of copydesk rules: the preset and the test harness iterate it.
import type {OptionSchema} from '../src/plugin/options.js'
import currencyConsistency from './currency-consistency/index.js'
import offTopicInsert, {exclusion as offTopicExclusion} from './off-topic-insert/index.js'
import unattributedStatistic from './unattributed-statistic/index.js'
import unsupportedSuperlative from './unsupported-superlative/index.js'
import vagueAttribution from './vague-attribution/index.js'
import {options as currencyConsistencyOptions} from './currency-consistency/options.js'
import {options as offTopicInsertOptions} from './off-topic-insert/options.js'
import {options as unattributedStatisticOptions} from './unattributed-statistic/options.js'
import {options as unsupportedSuperlativeOptions} from './unsupported-superlative/options.js'
import {options as vagueAttributionOptions} from './vague-attribution/options.js'

export const rules = {
  'unsupported-superlative': unsupportedSuperlative,
  'unattributed-statistic': unattributedStatistic,
  'currency-consistency': currencyConsistency,
  'off-topic-insert': offTopicInsert,
  'vague-attribution': vagueAttribution
} as const

export type RuleId = keyof typeof rules
export const ruleIds = Object.keys(rules) as RuleId[]

// Steps that leave the text a rule claims out of the other rules' analysis (rules/<id>/index.ts
// `exclusion`): the preset runs them first, each only when its rule is on.
export const exclusions: Partial<Record<RuleId, typeof offTopicExclusion>> = {
  'off-topic-insert': offTopicExclusion
}

// Each rule's option schema (rules/<id>/options.ts): the preset validates config against it.
export const ruleOptions = {
  'unsupported-superlative': unsupportedSuperlativeOptions,
  'unattributed-statistic': unattributedStatisticOptions,
  'currency-consistency': currencyConsistencyOptions,
  'off-topic-insert': offTopicInsertOptions,
  'vague-attribution': vagueAttributionOptions
} satisfies Record<RuleId, OptionSchema>
