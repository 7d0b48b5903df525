import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {combineExtensions} from 'micromark-util-combine-extensions'
import type {Extension} from 'micromark-util-types'
import type {Processor} from 'unified'
// Types of the toMarkdownExtensions data field (stringify, as remark-gfm supports it).
import type {} from 'remark-stringify'

// Nothing can start a literal autolink (www., http://, https://, an e-mail's @) or a footnote ([^).
const mayAutolink = /@|www\.|https?:\/\//i
const mayFootnote = '[^'
// Front matter as remark-frontmatter reads it (yaml `---`, toml `+++`, as the preset sets it up):
// not Markdown text, so its `source_url: "https://…"` links nothing.
const frontMatter = /^(-{3}|\+{3})[ \t]*\r?\n(?:[\s\S]*?\r?\n)??\1[ \t]*(?:\r?\n|$)/

let variants: Map<string, Extension> | undefined

/** micromark-extension-gfm's `gfm()`, less the constructs that cannot match in this document. */
function syntaxFor(doc: string): Extension {
  const head = frontMatter.exec(doc)
  if (head) doc = doc.slice(head[0].length)
  const autolink = mayAutolink.test(doc)
  const footnote = doc.includes(mayFootnote)
  const key = `${autolink}${footnote}`
  variants ??= new Map()
  let syntax = variants.get(key)
  if (!syntax) {
    // The order of micromark-extension-gfm's gfm().
    syntax = combineExtensions([
      ...(autolink ? [gfmAutolinkLiteral()] : []),
      ...(footnote ? [gfmFootnote()] : []),
      gfmStrikethrough(),
      gfmTable(),
      gfmTaskListItem()
    ])
    variants.set(key, syntax)
  }
  return syntax
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
  const slot = micromarkExtensions.push(syntaxFor('@ [^')) - 1
  ;(data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(gfmToMarkdown())
  const parse = this.parser
  if (!parse) return
  this.parser = (doc, file) => {
    micromarkExtensions[slot] = syntaxFor(doc)
    return parse(doc, file)
  }
}
