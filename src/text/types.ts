import type {Sentence as SentenceNode} from 'nlcst'

/** A range of UTF-16 offsets into the file, end exclusive. */
export interface Span {
  start: number
  end: number
}

export type BlockKind = 'paragraph' | 'heading' | 'blockquote' | 'listItem' | 'tableCell'

/** A Markdown block that holds prose. */
export interface Block extends Span {
  kind: BlockKind
  /** A paragraph of an item in a list of three or more: one entry of an enumeration. */
  enumerated?: boolean
}

/**
 * A paragraph as an editor sees it: a Markdown block, or a line of it when a draft
 * separates paragraphs with single newlines (Markdown folds those into one block).
 */
export interface Paragraph extends Span {
  index: number
  kind: BlockKind
  /** The Markdown block this paragraph belongs to. */
  block: Block
  /** Indices into `Analysis.sentences`. */
  sentences: number[]
}

export interface Sentence extends Span {
  index: number
  /** The source text of the sentence (raw Markdown slice, its line breaks read as spaces). */
  text: string
  /** Index into `Analysis.paragraphs`. */
  paragraph: number
  /** The nlcst sentence this was cut from (one nlcst sentence can span two draft lines). */
  node: SentenceNode
}

export interface Quotation extends Span {
  /** Offsets of the quoted words without the quote marks. */
  inner: Span
  /** A short quoted term ("City Brain") used by the writer, not a quotation of a speaker. */
  scare: boolean
  /** Whole blockquote or interview answer rather than marks in the text. */
  block: boolean
  /** The speaker, when the text names one for the whole quotation (an interview turn's label). */
  speaker?: string
}

export interface Citation extends Span {
  kind: 'link' | 'linkReference' | 'footnoteReference' | 'bracketNumber'
}
