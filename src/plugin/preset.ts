import remarkFrontmatter from 'remark-frontmatter'
import remarkMessageControl from 'remark-message-control'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import type {VFile} from 'vfile'
import {allRules, exclusions, ruleIds, rules, type RuleId} from '../../rules/index.js'
import {ConfigError, isUnknownRuleInComment} from './config.js'
import {fraction, positiveInteger, positiveNumber, validateAgainst, type OptionSchema} from './options.js'
import {remarkRetextByBlocks} from './bridge.js'
import {guardRule} from './crash.js'
import remarkGfm from './gfm.js'
import readability from './readability.js'
import type {RuleSetting} from './rule.js'
import {remarkCollectFacts} from '../text/markdown.js'
import {sharePreset} from './package-root.js'

export type {RuleSetting, Severity} from './rule.js'

export interface CopydeskOptions {
  /** Severity and options per rule: `'warn'`, `'error'`, `'off'` or `[severity, options]`. */
  rules?: Partial<Record<RuleId | 'readability', RuleSetting>>
  /** retext-readability: target reader age and the shortest sentence it judges. */
  readability?: {age?: number; minWords?: number; threshold?: number}
}

// ---- Defaults ------------------------------------------------------------------------
// Each rule's severity and options are declared in rules/<id>/index.ts. Claim rules and
// off-topic text are warnings: editors decide. Severity belongs to config.
const defaultRules = Object.fromEntries(allRules.map((rule) => [rule.id, rule.severity])) as Record<RuleId | 'readability', RuleSetting>
// Readability: flag only sentences that 5 of 7 formulas find hard for a 22-year-old reader;
// stricter settings flag several sentences in most Wikinews articles, and a noisy rule gets switched off.
const defaultReadability = {age: 22, minWords: 12, threshold: 5 / 7}

const severities = new Set<unknown>(['off', 'warn', 'error', 'on', 0, 1, 2, true, false])

// retext-readability's options that copydesk passes through (the rest are fixed by the preset).
const readabilitySchema: OptionSchema = {age: positiveNumber, minWords: positiveInteger, threshold: fraction}
const optionSchemas: Record<string, OptionSchema> = Object.fromEntries(allRules.map((rule) => [rule.id, rule.options]))

/** Throw a config error naming the option, so the CLI can report it with the config file. */
export function validateOptions(options: unknown): CopydeskOptions {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) throw new ConfigError('copydesk options must be an object')
  const {rules: ruleSettings, readability, ...rest} = options as CopydeskOptions & Record<string, unknown>
  for (const key of Object.keys(rest)) throw new ConfigError(`unknown copydesk option \`${key}\` (expected \`rules\` or \`readability\`)`)
  for (const [key, value] of Object.entries({rules: ruleSettings, readability})) {
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) throw new ConfigError(`copydesk option \`${key}\` must be an object, not \`${JSON.stringify(value)}\``)
  }
  for (const [id, setting] of Object.entries(ruleSettings ?? {})) {
    if (!(id in defaultRules)) throw new ConfigError(`unknown rule \`${id}\` in \`rules\` (known: ${Object.keys(defaultRules).join(', ')})`)
    const [severity, ruleOptions, ...extra] = Array.isArray(setting) ? setting : [setting]
    if (!severities.has(severity)) throw new ConfigError(`bad severity \`${String(severity)}\` for rule \`${id}\` (expected off, warn or error)`)
    if (extra.length > 0) throw new ConfigError(`rule \`${id}\` takes \`[severity, options]\`, got ${extra.length + 2} items`)
    validateAgainst(`rules['${id}']`, optionSchemas[id], ruleOptions)
  }
  validateAgainst('readability', readabilitySchema, readability)
  return options as CopydeskOptions
}

const level = (setting: RuleSetting) => (Array.isArray(setting) ? setting[0] : setting)
const isOff = (setting: RuleSetting) => level(setting) === 'off' || level(setting) === 0

/**
 * The copydesk preset as one remark plugin: Markdown extensions, the bridge to English prose,
 * the rules and readability, then inline comment control last.
 */
export default function copydesk(this: Processor, options?: CopydeskOptions) {
  const {rules: ruleSettings = {}, readability: readabilityOptions = {}} = validateOptions(options)
  const settings = {...defaultRules, ...ruleSettings}

  const english = unified().use(retextEnglish)
  // Text a rule claims (off-topic runs) is left out of the others' analysis before they run, by a
  // step that runs only when that rule is on: a rule that is off costs nothing.
  for (const id of ruleIds) {
    const step = exclusions[id]
    if (step && !isOff(settings[id])) english.use(guardRule(id, step as never) as never)
  }
  // unified-lint-rule reads only `[severity, options]` arrays for severity words; skip rules that are off.
  for (const id of ruleIds) {
    const setting = settings[id]
    if (isOff(setting)) continue
    // Config's options over the rule's declared defaults: `'error'` alone keeps them.
    const ruleOptions = {...rules[id].defaultOptions, ...(Array.isArray(setting) ? setting[1] : undefined)}
    english.use(guardRule(id, rules[id] as never) as never, [level(setting), ruleOptions] as never)
  }
  if (!isOff(settings.readability)) {
    const readabilitySettings = {...defaultReadability, ...readabilityOptions}
    english.use(guardRule('readability', readability as never) as never, readabilitySettings)
    english.use(readabilityMessages, {fatal: level(settings.readability) === 'error' || level(settings.readability) === 2, age: readabilitySettings.age})
  }

  this.use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(remarkCollectFacts)
    .use(remarkRetextByBlocks, english as never)
    // `<!-- copydesk disable|enable|ignore [rule …] -->`; a misspelt rule id in a comment is reported.
    .use(remarkMessageControl, {name: 'copydesk', known: allRules.map((rule) => rule.id), source: ['copydesk', 'retext-readability']})
    .use(unknownRulesInComments, allRules.map((rule) => rule.id))
}

/**
 * A misspelt rule id in a comment is a usage error, as it is in the config: an error naming the
 * known ids (the CLI exits 2 for it), not a warning that the comment silently did nothing.
 */
function unknownRulesInComments(known: string[]) {
  return (_: unknown, file: VFile) => {
    for (const m of file.messages) {
      if (!isUnknownRuleInComment(m)) continue
      const id = /`'(.*)'`/.exec(m.reason)?.[1] ?? ''
      m.reason = m.message = `unknown rule \`${id}\` in a copydesk comment (known: ${known.join(', ')})`
      m.fatal = true
    }
  }
}

/**
 * retext-readability has no severity or note of its own: add the why (verbose reporters, the
 * HTML report and editors show it), and make its messages fatal when config says `error`.
 */
function readabilityMessages(options: {fatal: boolean; age: number}) {
  const note = `Several readability formulas find this sentence hard for a reader aged ${options.age}; split it, or use shorter words.`
  return (_: unknown, file: {messages: Array<{source?: string | null; fatal?: boolean | null; note?: string}>}) => {
    for (const m of file.messages) {
      if (m.source !== 'retext-readability') continue
      m.note ??= note
      if (options.fatal) m.fatal = true
    }
  }
}

export {ruleIds}

// A config that imports the package in this run gets this preset, not a second copy (src/plugin/entry.ts).
sharePreset({default: copydesk, validateOptions, ruleIds})
