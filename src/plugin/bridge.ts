import type {Root, RootContent} from 'mdast'
import type {Root as NlcstRoot, RootContent as NlcstRootContent} from 'nlcst'
import {ParseLatin} from 'parse-latin'
import remarkRetext from 'remark-retext'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

// Top-level blocks are converted to prose in groups of about this many characters.
const chunkSize = 20_000

/**
 * remark-retext's bridge, run on groups of top-level blocks instead of the whole document.
 * mdast-util-to-nlcst hands the entire document to parse-latin as one sentence before
 * splitting it, and parse-latin's merges splice that array: quadratic time (a 5 MB article
 * took over a minute). Blocks never share a sentence, so the tree is the same; the prose
 * tree is then run through `destination` once, like remark-retext does.
 */
export function remarkRetextByBlocks(this: Processor, destination: Processor<NlcstRoot>) {
  const processor = destination.freeze()
  // The same parser remark-retext builds for a retext-english destination (no extensions).
  const toNlcst = remarkRetext(new ParseLatin()) as unknown as (tree: Root, file: VFile) => NlcstRoot
  return async (tree: Root, file: VFile) => {
    const children: NlcstRootContent[] = []
    for (const blocks of chunks(tree.children)) {
      // The first group starts where the document does, as remark-retext's single conversion would.
      const start = (children.length === 0 ? tree.position?.start : undefined) ?? blocks[0].position?.start
      const end = blocks[blocks.length - 1].position?.end
      if (!start || !end) continue
      const root = toNlcst({type: 'root', children: blocks, position: {start, end}}, file)
      if (root.children.length === 0) continue
      if (children.length > 0) children.push({type: 'WhiteSpaceNode', value: '\n\n'})
      for (const child of root.children) children.push(child)
    }
    const root: NlcstRoot = {type: 'RootNode', children}
    if (tree.position) root.position = {start: {...tree.position.start}, end: {...tree.position.end}}
    await processor.run(root, file)
  }
}

function* chunks(blocks: RootContent[]): Generator<RootContent[]> {
  let chunk: RootContent[] = []
  let size = 0
  for (const block of blocks) {
    chunk.push(block)
    size += (block.position?.end.offset ?? 0) - (block.position?.start.offset ?? 0)
    if (size >= chunkSize) {
      yield chunk
      chunk = []
      size = 0
    }
  }
  if (chunk.length > 0) yield chunk
}
