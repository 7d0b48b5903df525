import type {Root} from 'nlcst'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import type {OptionSchema} from './options.js'
import {ruleUrl} from './rule-url.js'
import {analyse, type Analysis} from '../text/analysis.js'
import type {Span} from '../text/types.js'

export type Severity = 'off' | 'warn' | 'error' | 0 | 1 | 2
export type RuleSetting = Severity | [Severity, Record<string, unknown>?]

/**
 * How the HTML report marks a rule's findings: a letter (so colour is never the only key), a
 * background and an underline. Backgrounds are light so the article's dark text keeps a contrast above 7:1.
 */
export interface LegendStyle {
  letter: string
  background: string
  line: string
}

/** What reports and config know about a rule (readability, run by the preset, has the same). */
export interface RuleMeta<Id extends string = string> {
  id: Id
  /** One line, for machine reports (SARIF `shortDescription`); the README's table says it for people. */
  description: string
  /** Severity when config says nothing. */
  severity: Severity
  /** Options when config says nothing. */
  defaultOptions?: Record<string, unknown>
  /** What config may set; empty: any option is an error. */
  options: OptionSchema
  legend: LegendStyle
  /** The rule's documentation. */
  url: string
}

export type RuleBody<Options> = (doc: Analysis, file: VFile, options: Options) => void

/** A rule is its unified plugin, carrying its metadata so one list serves the preset and the reports. */
export type CopydeskRule<Id extends string = string> = ReturnType<typeof lintRule<Root, never>> & RuleMeta<Id>

/**
 * A copydesk rule: unified-lint-rule (severity, source, ruleId, url) around a body that
 * receives the shared analysis of the document instead of walking the tree itself.
 */
export function copydeskRule<const Id extends string, Options = Record<string, never>>(meta: Omit<RuleMeta<Id>, 'url'>, body: RuleBody<Options>): CopydeskRule<Id> {
  const url = ruleUrl(meta.id)
  const plugin = lintRule<Root, Options>({origin: `copydesk:${meta.id}`, url}, (tree, file, options) => {
    body(analyse(tree, file), file, (options ?? {}) as Options)
  })
  return Object.assign(plugin, {...meta, url}) as unknown as CopydeskRule<Id>
}

/**
 * A rule's exclusion step: the text the rule claims is left out of the analysis that the other
 * rules ask. The preset runs it before every rule, and only when its rule is on.
 */
export function exclusionStep(claimed: (doc: Analysis) => readonly Span[]) {
  return () => (tree: Root, file: VFile) => {
    const doc = analyse(tree, file)
    doc.exclude(claimed(doc))
  }
}
