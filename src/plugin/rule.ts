import type {Root} from 'nlcst'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {ruleUrl} from './rule-url.js'
import {analyse, type Analysis} from '../text/analysis.js'

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
