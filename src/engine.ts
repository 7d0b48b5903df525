import {Writable} from 'node:stream'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {engine, type FileSet} from 'unified-engine'
import type {VFile} from 'vfile'
import {defaultMaxFileMegabytes, remarkCheckInput} from './input.js'
import copydesk from './preset.js'

export interface LintOptions {
  files: string[]
  cwd?: string
  ignorePatterns?: string[]
  /** A config file to use instead of discovering `.remarkrc.*`. */
  rcPath?: string
  /** Called as each file finishes: files done, files found, findings so far (for progress). */
  onFile?: (done: number, total: number, findings: number) => void
  /** Refuse files larger than this, in bytes (default: 2 MB). */
  maxFileBytes?: number
}

export interface LintResult {
  files: VFile[]
}

const sink = () => new Writable({write: (_chunk, _encoding, next) => next()})

/**
 * Lint files with unified-engine: it discovers `.remarkrc.*` and `.remarkignore`, expands
 * globs and folders, and falls back to the copydesk preset when no config is found.
 */
export function lint(options: LintOptions): Promise<LintResult> {
  return new Promise((resolve, reject) => {
    engine(
      {
        // Every file is checked (binary, UTF-8, size, nesting) before the parser sees it.
        processor: () => unified().use(remarkParse).use(remarkCheckInput, {maxFileBytes: options.maxFileBytes ?? defaultMaxFileMegabytes * 1e6}) as never,
        files: options.files,
        cwd: options.cwd ?? process.cwd(),
        extensions: ['md', 'markdown', 'mdown', 'mkd', 'mkdn'],
        rcName: '.remarkrc',
        rcPath: options.rcPath,
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        ignorePatterns: options.ignorePatterns,
        detectConfig: true,
        defaultConfig: {plugins: [copydesk as never]},
        plugins: options.onFile ? [[watchFiles, options.onFile] as never] : [],
        // Nothing is written: findings are collected and reported by copydesk's reporters.
        out: false,
        output: false,
        reporter: () => '',
        streamError: sink(),
        streamOut: sink(),
        silentlyIgnore: false
      },
      (error, _code, context) => {
        if (error) reject(error)
        else resolve({files: context?.files ?? []})
      }
    )
  })
}

/**
 * Progress: unified-engine hands every plugin its file set (how many files were found) and holds
 * finished files in a queue until all are done, so count files as their lint transform ends: this
 * plugin comes after the config's plugins, hence after the rules and message control.
 */
const counts = new WeakMap<object, {done: number; findings: number}>()
function watchFiles(onFile: NonNullable<LintOptions['onFile']>, fileSet?: FileSet) {
  return (_tree: unknown, file: VFile) => {
    if (!fileSet) return
    const count = counts.get(fileSet) ?? {done: 0, findings: 0}
    counts.set(fileSet, count)
    count.done++
    count.findings += file.messages.length
    onFile(count.done, fileSet.expected, count.findings)
  }
}
