import type {Root} from 'nlcst'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {ruleUrl} from './rule-url.js'
import {analyse, type Analysis} from '../text/analysis.js'
import type {Span} from '../text/types.js'

export type RuleBody<Options> = (doc: Analysis, file: VFile, options: Options) => void

/**
 * A copydesk rule: unified-lint-rule (severity, source, ruleId, url) around a body that
 * receives the shared analysis of the document instead of walking the tree itself.
 */
export function copydeskRule<Options = Record<string, never>>(ruleId: string, body: RuleBody<Options>) {
  return lintRule<Root, Options>({origin: `copydesk:${ruleId}`, url: ruleUrl(ruleId)}, (tree, file, options) => {
    body(analyse(tree, file), file, (options ?? {}) as Options)
  })
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
