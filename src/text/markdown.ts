import type {Root, Nodes} from 'mdast'
import type {VFile} from 'vfile'
import {parseFrontMatter} from '../plugin/frontmatter.js'
import type {Block, BlockKind, Citation, Span} from './types.js'

/** What the Markdown tree knows and the prose tree forgets: blocks, citations, front matter. */
export interface MarkdownFacts {
  blocks: Block[]
  blockquotes: Span[]
  citations: Citation[]
  frontmatter: Record<string, unknown>
}

const blockKinds: Record<string, BlockKind> = {
  paragraph: 'paragraph',
  heading: 'heading',
  tableCell: 'tableCell'
}

/** Remark-side plugin: record Markdown facts on `file.data` before the tree becomes prose. */
export function remarkCollectFacts() {
  return function (tree: Root, file: VFile) {
    file.data.copydeskMarkdown = collectFacts(tree, file)
  }
}

export function collectFacts(tree: Root, file: VFile): MarkdownFacts {
  const facts: MarkdownFacts = {blocks: [], blockquotes: [], citations: [], frontmatter: {}}
  const visit = (node: Nodes, inQuote: boolean, enumerated = false): void => {
    const span = spanOf(node)
    if (node.type === 'yaml') {
      facts.frontmatter = readFrontmatter(node.value, file)
      return
    }
    if (node.type === 'blockquote' && span) facts.blockquotes.push(span)
    if (span && (node.type === 'link' || node.type === 'linkReference' || node.type === 'footnoteReference')) {
      facts.citations.push({...span, kind: node.type})
    }
    const kind = blockKinds[node.type]
    if (kind && span) facts.blocks.push({...span, kind: inQuote ? 'blockquote' : kind, ...(enumerated && kind === 'paragraph' && {enumerated})})
    // The paragraphs of an item in a list of three or more are entries of an enumeration.
    const entries = node.type === 'list' && node.children.length >= 3
    if ('children' in node) for (const child of node.children) visit(child as Nodes, inQuote || node.type === 'blockquote', entries || (enumerated && node.type === 'listItem'))
  }
  visit(tree, false)
  return facts
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

function readFrontmatter(value: string, file: VFile): Record<string, unknown> {
  try {
    const data = parseFrontMatter(value)
    return data && typeof data === 'object' && !Array.isArray(data) ? data : {}
  } catch (error) {
    file.message(`Cannot read front matter: ${(error as Error).message}`, {
      ruleId: 'front-matter',
      source: 'copydesk'
    })
    return {}
  }
}

declare module 'vfile' {
  interface DataMap {
    copydeskMarkdown: MarkdownFacts
  }
}
