import {Writable} from 'node:stream'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {defaultMaxFileMegabytes, remarkCheckInput} from './input.js'
import copydesk from './preset.js'

export interface LintOptions {
  files: string[]
  cwd?: string
  ignorePatterns?: string[]
  /** A config file to use instead of discovering `.remarkrc.*`. */
  rcPath?: string
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
