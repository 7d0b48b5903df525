import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkGfmLean from '../plugin/gfm.js'
import {hardWrapped} from '../text/wrap.js'

/**
 * The article as HTML for the report, built from its Markdown tree. Every character shown is a
 * slice of the source (so findings' offsets apply), escaped; elements come only from the tree's
 * node types, never from the article's own HTML, which is shown as text.
 */

export const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)

/** Markup around source text: an element's tags, or a run of the source to highlight. */
export type Piece = {html: string} | {start: number; end: number}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmLean)

export function parseArticle(text: string): Root {
  const file = new VFile(text)
  return parser.runSync(parser.parse(file), file) as Root
}

// A scheme other than these (javascript:, data:, vbscript:) makes a link plain text. Browsers
// ignore tabs, newlines and leading controls in a URL, so they are removed before the check.
const scheme = /^([a-z][a-z\d+.-]*):/i
const allowedSchemes = new Set(['http', 'https', 'mailto'])
export function safeHref(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const bare = url.replace(/[\u0000-\u0020\u007f]/g, '')
  const found = scheme.exec(bare)
  return found && !allowedSchemes.has(found[1].toLowerCase()) ? undefined : url
}

/** The source ranges of a leaf's text, without the `>` and indent that continue a container on later lines. */
function textRanges(source: string, start: number, end: number, out: Piece[]) {
  let from = start
  for (let at = source.indexOf('\n', start); at !== -1 && at < end; at = source.indexOf('\n', at + 1)) {
    out.push({start: from, end: at + 1})
    from = at + 1 + /^[ \t]*(?:>[ \t]?)*[ \t]*/.exec(source.slice(at + 1, end))![0].length
  }
  if (from < end) out.push({start: from, end})
}

/** The article as a list of element tags and source ranges, in reading order. */
export function articlePieces(source: string, tree: Root): Piece[] {
  const out: Piece[] = []
  const tag = (html: string) => out.push({html})
  const span = (node: Nodes) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const
  const children = (node: Nodes) => {
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  const wrap = (name: string, node: Nodes, attributes = '') => {
    tag(`<${name}${attributes}>`)
    children(node)
    tag(`</${name}>`)
  }
  const leaf = (node: Nodes) => {
    const [start, end] = span(node)
    textRanges(source, start, end, out)
  }
  let tight = false
  const within = (value: boolean, render: () => void) => {
    const outer = tight
    tight = value
    render()
    tight = outer
  }
  const walk = (node: Nodes): void => {
    const [start, end] = span(node)
    switch (node.type) {
      case 'root':
        return children(node)
      case 'yaml':
        return frontMatter(source, start, end, out)
      case 'heading':
        return wrap(`h${node.depth}`, node)
      case 'paragraph':
        // A paragraph filled to a width flows as the reader's window wraps it; any other keeps the
        // author's lines (a draft's one-newline paragraphs), as positions count them.
        return tight ? children(node) : wrap('p', node, hardWrapped(source.slice(start, end)) ? ' class="wrapped"' : '')
      case 'blockquote':
        return within(false, () => wrap('blockquote', node))
      case 'list':
        // A tight list's items hold their text without paragraphs, as Markdown renders them.
        return within(!node.spread && !node.children.some((item) => item.spread), () => wrap(node.ordered ? 'ol' : 'ul', node, node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${Number(node.start)}"` : ''))
      case 'listItem':
        return wrap('li', node, node.checked === null || node.checked === undefined ? '' : ` class="task" data-checked="${node.checked}"`)
      case 'emphasis':
        return wrap('em', node)
      case 'strong':
        return wrap('strong', node)
      case 'delete':
        return wrap('del', node)
      case 'table':
        return wrap('table', node, ' class="md-table"')
      case 'tableRow':
        return wrap('tr', node)
      case 'tableCell':
        return wrap('td', node)
      case 'link': {
        const href = safeHref(node.url)
        const title = node.title ? ` title="${escape(node.title)}"` : ''
        return href === undefined ? wrap('span', node, ` class="unsafe-link"${title}`) : wrap('a', node, ` href="${escape(href)}" rel="noopener noreferrer nofollow"${title}`)
      }
      case 'linkReference':
      case 'footnoteReference':
      case 'imageReference':
      case 'image':
        // Shown as written: references resolve nowhere in a report, and images would load from outside.
        tag(`<span class="${node.type}">`)
        if ('children' in node && node.children.length > 0) children(node)
        else leaf(node)
        return void tag('</span>')
      case 'thematicBreak':
        return void tag('<hr>')
      case 'break':
        return void tag('<br>')
      case 'inlineCode': {
        const ticks = /^`+/.exec(source.slice(start, end))?.[0].length ?? 0
        tag('<code>')
        out.push({start: start + ticks, end: end - ticks})
        return void tag('</code>')
      }
      case 'code': {
        // A fenced block's text lies between its fence lines; an indented block is all text.
        const body = source.slice(start, end)
        const fenced = /^[ \t]*(?:`{3,}|~{3,})/.test(body)
        const from = fenced ? start + body.indexOf('\n') + 1 : start
        const to = fenced ? Math.max(from, start + body.lastIndexOf('\n')) : end
        tag('<pre><code>')
        if (from < to) out.push({start: from, end: to})
        return void tag('</code></pre>')
      }
      case 'html':
        // The article's own markup, shown as text and never interpreted.
        tag('<span class="raw-html">')
        leaf(node)
        return void tag('</span>')
      case 'footnoteDefinition':
      case 'definition':
        tag(`<div class="${node.type}">`)
        if (node.type === 'definition' || !('children' in node) || node.children.length === 0) leaf(node)
        else children(node)
        return void tag('</div>')
      default:
        // TOML front matter (remark-frontmatter's `+++`), which mdast's types do not list.
        if ((node as {type: string}).type === 'toml') return frontMatter(source, start, end, out)
        if ('children' in node) return children(node)
        return leaf(node)
    }
  }
  walk(tree)
  return out
}

/** Front matter as a table of key and value; a line that is no `key: value` spans both cells. */
function frontMatter(source: string, start: number, end: number, out: Piece[]) {
  const body = source.slice(start, end)
  out.push({html: '<table class="front-matter"><caption>Front matter</caption><tbody>'})
  let at = start
  for (const line of body.split('\n')) {
    const lineStart = at
    at += line.length + 1
    if (/^(?:-{3}|\+{3})[ \t]*\r?$/.test(line) || line.trim() === '') continue
    const pair = /^([^\s:#][^:]*?)[ \t]*[:=][ \t]*/.exec(line)
    const valueEnd = lineStart + line.replace(/\r$/, '').length
    if (pair) {
      out.push({html: '<tr><th scope="row">'}, {start: lineStart, end: lineStart + pair[1].length}, {html: '</th><td>'}, {start: lineStart + pair[0].length, end: valueEnd}, {html: '</td></tr>'})
    } else {
      out.push({html: '<tr><td colspan="2">'}, {start: lineStart, end: valueEnd}, {html: '</td></tr>'})
    }
  }
  out.push({html: '</tbody></table>'})
}
