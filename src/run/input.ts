import {isUtf8} from 'node:buffer'
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

/** Limits on what copydesk agrees to parse; beyond them a file gets one fatal message instead. */
export interface InputLimits {
  /** Largest file in bytes. */
  maxFileBytes: number
}

// 2 MB is a hundred times a long feature (and takes ~15 s); a 20 MB file is a dump, not an article,
// and would take minutes. `--max-file-size` raises the limit.
export const defaultMaxFileMegabytes = 2
// markdown-it refuses nesting beyond 100 levels too; past that the Markdown parser and the tree
// walkers recurse deep enough to exhaust the stack.
const maxNesting = 100
// micromark matches brackets by scanning back over the paragraph: quadratic in their number
// (20,000 in one paragraph take ~10 s). Real paragraphs hold a few dozen links at most.
const maxBracketsPerParagraph = 5000
// mdast-util-to-nlcst spreads each block's words into one function call: beyond ~120,000
// arguments that overflows the stack. Count words, spaces and marks the way parse-latin
// splits them: a run of one mark ("((((", "$$$$") is one token.
const maxTokensPerParagraph = 60_000

export interface InputProblem {
  /** Stable id of the problem, shown as the message's ruleId. */
  id: 'binary-file' | 'invalid-utf8' | 'file-too-large' | 'nesting-too-deep' | 'paragraph-too-long'
  reason: string
  line?: number
}

/**
 * Why `text` (as unified-engine decoded it) cannot be linted, or undefined. `invalidUtf8Line`
 * looks at the bytes (the line of the first invalid sequence), needed only to tell invalid UTF-8
 * from a literal U+FFFD.
 */
export function inputProblem(text: string, limits: InputLimits, invalidUtf8Line?: () => number | undefined): InputProblem | undefined {
  const size = Buffer.byteLength(text)
  if (size > limits.maxFileBytes) {
    return {id: 'file-too-large', reason: `file too large (${megabytes(size)} MB > ${megabytes(limits.maxFileBytes)} MB limit; raise it with --max-file-size)`}
  }
  const nul = text.indexOf('\0')
  if (nul >= 0) return {id: 'binary-file', reason: 'binary file (it contains NUL bytes), expected Markdown text', line: lineAt(text, nul)}
  if (text.includes('\uFFFD')) {
    const line = invalidUtf8Line?.()
    if (line !== undefined) return {id: 'invalid-utf8', reason: `not valid UTF-8 (first bad byte on line ${line}), expected UTF-8 text`, line}
  }
  return structureProblem(text)
}

/** One pass over lines and paragraphs for structure that would stall or overflow the parser. */
function structureProblem(text: string): InputProblem | undefined {
  let line = 0
  let paragraphStart = 1
  let brackets = 0
  let tokens = 0
  // A token is at least one character: a paragraph's tokens are counted only once its
  // characters could exceed the limit (few paragraphs come near it).
  let characters = 0
  let uncounted: string[] = []
  for (const content of text.split('\n')) {
    line++
    const depth = nestingDepth(content)
    if (depth > maxNesting) {
      return {id: 'nesting-too-deep', reason: `Markdown nested too deeply (${depth} levels of block quotes or lists > ${maxNesting} limit)`, line}
    }
    if (/^[\s>]*$/.test(content)) {
      paragraphStart = line + 1
      brackets = 0
      tokens = 0
      characters = 0
      uncounted = []
      continue
    }
    if (content.includes('[') || content.includes(']')) brackets += count(content, /[[\]]/g)
    characters += content.length
    uncounted.push(content)
    if (characters > maxTokensPerParagraph) {
      for (const part of uncounted) tokens += count(part, /[\p{L}\p{N}]+|\s+|([^\p{L}\p{N}\s])\1*/gu)
      uncounted = []
    }
    if (brackets > maxBracketsPerParagraph) {
      return {id: 'paragraph-too-long', reason: `paragraph has too many brackets (over ${maxBracketsPerParagraph}) to parse in time`, line: paragraphStart}
    }
    if (tokens > maxTokensPerParagraph) {
      return {id: 'paragraph-too-long', reason: `paragraph too long (over ${maxTokensPerParagraph} words and marks) to analyse`, line: paragraphStart}
    }
  }
  return undefined
}

/** Block quote markers and list markers opening a line, with list indentation counted in pairs of columns. */
function nestingDepth(line: string): number {
  const prefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/.exec(line)?.[0] ?? ''
  if (prefix === '') return 0
  const markers = count(prefix, />|[-+*]|\d{1,9}[.)]/g)
  const indent = /^[ \t]*/.exec(prefix)?.[0].replace(/\t/g, '    ').length ?? 0
  return markers + Math.floor(indent / 2)
}

function count(text: string, re: RegExp): number {
  let n = 0
  for (const _ of text.matchAll(re)) n++
  return n
}

function lineAt(text: string, offset: number): number {
  return count(text.slice(0, offset), /\n/g) + 1
}

/** The 1-based line of the first invalid UTF-8 sequence; LF bytes never occur inside one. */
export function firstInvalidUtf8Line(bytes: Buffer | undefined): number | undefined {
  if (!bytes || isUtf8(bytes)) return undefined
  let start = 0
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start)
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) return line
    if (end < 0) return undefined
    start = end + 1
  }
}

const megabytes = (bytes: number) => String(Math.round((bytes / 1e6) * 10) / 10)

/**
 * Engine-side plugin: check each file before the Markdown parser sees it. A BOM is dropped so
 * offsets, lines and columns match the same file without one; a bad file fails with one fatal
 * message naming the problem, and unified-engine goes on with the other files.
 */
export function remarkCheckInput(this: Processor, limits: InputLimits) {
  const parse = this.parser as ((document: string, file: VFile) => Root) | undefined
  if (!parse) throw new Error('remarkCheckInput must come after remark-parse')
  this.parser = (document: string, file: VFile) => {
    let text = document
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1)
      file.value = text
      file.data.copydeskBom = true
    }
    // Text that did not come from a file as is (standard input) says what its bytes were: the file
    // its name points at is never opened.
    const known = file.data.copydeskInvalidUtf8Line
    const problem = inputProblem(text, limits, () => (known === undefined ? firstInvalidUtf8Line(readBytes(file)) : known || undefined))
    if (problem) {
      file.fail(`Cannot lint file: ${problem.reason}`, {
        place: problem.line ? {line: problem.line, column: 1} : undefined,
        ruleId: problem.id,
        source: 'copydesk'
      })
    }
    return parse(text, file)
  }
}

function readBytes(file: VFile): Buffer | undefined {
  try {
    return file.path ? readFileSync(resolve(file.cwd, file.path)) : undefined
  } catch {
    return undefined
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The file started with a UTF-8 BOM, removed before parsing (`--fix` writes it back). */
    copydeskBom: boolean
    /** Read from elsewhere than its path: the line of its first invalid UTF-8 byte, or false when it had none. */
    copydeskInvalidUtf8Line: number | false
  }
}
