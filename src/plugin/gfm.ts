import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {combineExtensions} from 'micromark-util-combine-extensions'
import type {Extension} from 'micromark-util-types'
import type {Processor} from 'unified'
import type {Node, Parent} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
// Types of the toMarkdownExtensions data field (stringify, as remark-gfm supports it).
import type {} from 'remark-stringify'

// Nothing can start a literal autolink (www., http://, https://, an e-mail's @) or a footnote ([^).
const mayAutolink = /@|www\.|https?:\/\//i
const mayFootnote = '[^'
// Front matter as remark-frontmatter reads it (yaml `---`, toml `+++`, as the preset sets it up):
// not Markdown text, so its `source_url: "https://…"` links nothing.
const frontMatter = /^(-{3}|\+{3})[ \t]*\r?\n(?:[\s\S]*?\r?\n)??\1[ \t]*(?:\r?\n|$)/

interface Variant {
  syntax: Extension
  /** Without literal autolinks, mdast-util-gfm's autolink transform (a find-and-replace on all text) goes too. */
  fromMarkdown: FromMarkdownExtension[]
}

let variants: Map<string, Variant> | undefined

/** remark-gfm's extensions, less the constructs that cannot match in this document. */
function variantFor(doc: string): Variant {
  const head = frontMatter.exec(doc)
  if (head) doc = doc.slice(head[0].length)
  const autolink = mayAutolink.test(doc)
  const footnote = doc.includes(mayFootnote)
  const key = `${autolink}${footnote}`
  variants ??= new Map()
  let variant = variants.get(key)
  if (!variant) {
    variant = {
      // The order of micromark-extension-gfm's gfm() and mdast-util-gfm's gfmFromMarkdown().
      syntax: combineExtensions([
        ...(autolink ? [gfmAutolinkLiteral()] : []),
        ...(footnote ? [gfmFootnote()] : []),
        gfmStrikethrough(),
        gfmTable(),
        gfmTaskListItem()
      ]),
      fromMarkdown: autolink
        ? gfmFromMarkdown()
        : [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]
    }
    variants.set(key, variant)
  }
  return variant
}

/**
 * remark-gfm, parsing each document with only the GFM constructs it can contain. Literal
 * autolinks hook every ASCII letter and digit (a possible e-mail address) and cost the
 * Wikinews corpus three quarters of its Markdown parsing time, though few articles hold a URL
 * or an @ outside their front matter; a construct that cannot match changes nothing in the tree.
 * Must come after remark-parse, whose parser reads the extension list at parse time, and with
 * remark-frontmatter.
 */
export default function remarkGfmLean(this: Processor) {
  const data = this.data()
  const micromarkExtensions = (data.micromarkExtensions ??= [])
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= [])
  const full = variantFor('@ [^')
  const syntaxSlot = micromarkExtensions.push(full.syntax) - 1
  const fromMarkdownSlot = fromMarkdownExtensions.push(full.fromMarkdown) - 1
  ;(data.toMarkdownExtensions ??= []).push(gfmToMarkdown())
  const parse = this.parser
  if (parse) {
    this.parser = (doc, file) => {
      const variant = variantFor(doc)
      micromarkExtensions[syntaxSlot] = variant.syntax
      fromMarkdownExtensions[fromMarkdownSlot] = variant.fromMarkdown
      return parse(doc, file)
    }
  }
  return (tree: Node, file: VFile) => {
    if (mayAutolink.test(String(file.value))) restorePositions(tree as Parent, String(file.value))
  }
}

type Positioned = Node & {value?: string; children?: Node[]}

/**
 * Give back the places that mdast-util-gfm-autolink-literal's find-and-replace leaves off the
 * nodes it makes (a link found after other characters, "see:www.example.com", and the text
 * around it). Without them remark-retext drops their words' places, and remark-message-control
 * takes the stretch as a gap outside the document and silently drops every finding in it.
 * Each node is found in the source after its sibling; one that cannot be (an escape changed its
 * text) gets the rest of the stretch.
 */
function restorePositions(tree: Parent, source: string) {
  let place: ReturnType<typeof location> | undefined
  const visit = (parent: Parent) => {
    const children = parent.children as Positioned[]
    for (let i = 0; i < children.length; i++) {
      if (children[i].position) {
        if (children[i].children) visit(children[i] as Parent)
        continue
      }
      let end = i
      while (end < children.length && !children[end].position) end++
      let from = i > 0 ? children[i - 1].position!.end.offset! : parent.position!.start.offset!
      const to = end < children.length ? children[end].position!.start.offset! : parent.position!.end.offset!
      place ??= location(source)
      for (let k = i; k < end; k++) {
        const text = textOf(children[k])
        const at = text ? source.indexOf(text, from) : -1
        const span = at >= 0 && at + text.length <= to ? {start: at, end: at + text.length} : {start: from, end: to}
        setPosition(children[k], span, place)
        from = span.end
      }
      i = end - 1
    }
  }
  if (tree.position) visit(tree)
}

const textOf = (node: Positioned): string => node.value ?? (node.children ?? []).map(textOf).join('')

function setPosition(node: Positioned, span: {start: number; end: number}, place: ReturnType<typeof location>) {
  node.position = {start: {...place.toPoint(span.start)!, offset: span.start}, end: {...place.toPoint(span.end)!, offset: span.end}}
  for (const child of node.children ?? []) if (!child.position) setPosition(child, span, place)
}
