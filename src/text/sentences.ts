import type {Node as NlcstNode, Parent as NlcstParent, Sentence as SentenceNode} from 'nlcst'

/**
 * Every sentence of a prose tree in document order, with its parent: what unist-util-visit finds
 * for `'SentenceNode'`, without visiting (and building an ancestor list for) every word and
 * character under it: sentences do not nest.
 */
export function eachSentence(node: NlcstNode, fn: (sentence: SentenceNode, parent: NlcstParent | undefined) => void, parent?: NlcstParent) {
  if (node.type === 'SentenceNode') return fn(node as SentenceNode, parent)
  const children = (node as NlcstParent).children
  if (children) for (const child of children) eachSentence(child, fn, node as NlcstParent)
}
