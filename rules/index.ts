// The one list of copydesk rules: the preset's defaults and config checks, SARIF, the HTML
// legend, the README (test/readme.test.ts) and the fixture harness all read it. A rule declares
// its metadata once, in rules/<id>/index.ts; adding one touches its folder and this list.
import type {RuleMeta} from '../src/plugin/rule.js'
import {readabilityMeta} from '../src/plugin/readability.js'
import currencyConsistency from './currency-consistency/index.js'
import offTopicInsert, {exclusion as offTopicExclusion} from './off-topic-insert/index.js'
import unattributedStatistic from './unattributed-statistic/index.js'
import unsupportedSuperlative from './unsupported-superlative/index.js'
import vagueAttribution from './vague-attribution/index.js'

// In the order they run and reports list them.
const list = [unsupportedSuperlative, unattributedStatistic, currencyConsistency, offTopicInsert, vagueAttribution] as const

type Rule = (typeof list)[number]
export type RuleId = Rule['id']
export const rules = Object.fromEntries(list.map((rule) => [rule.id, rule])) as {[R in Rule as R['id']]: R}
export const ruleIds: RuleId[] = list.map((rule) => rule.id)

// Steps that leave the text a rule claims out of the other rules' analysis (rules/<id>/index.ts
// `exclusion`): the preset runs them first, each only when its rule is on.
export const exclusions: Partial<Record<RuleId, typeof offTopicExclusion>> = {
  'off-topic-insert': offTopicExclusion
}

/** Everything config and reports name: the rules, then readability (run by the preset). */
export const allRules: RuleMeta<RuleId | 'readability'>[] = [...list, readabilityMeta]
