import {Writable} from 'node:stream'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {engine, type Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {defaultMaxFileMegabytes, remarkCheckInput} from './input.js'

export interface LintOptions {
  /** Paths and globs, or files already read (their `value` is linted as is). */
  files: Array<string | VFile>
  cwd?: string
  ignorePatterns?: string[]
  /** A config file to use instead of discovering `.remarkrc.*`. */
  rcPath?: string
  /** Skip `.remarkignore` (and ignore patterns): the files were already found by `discover`. */
  found?: boolean
  /** Refuse files larger than this, in bytes (default: 2 MB). */
  maxFileBytes?: number
}

export interface LintResult {
  files: VFile[]
}

/** The extensions of the files unified-engine (and `walk`) find in folders. */
export const markdownExtensions = ['md', 'markdown', 'mdown', 'mkd', 'mkdn']

const sink = () => new Writable({write: (_chunk, _encoding, next) => next()})

/**
 * Lint files with unified-engine: it discovers `.remarkrc.*` and `.remarkignore`, expands
 * globs and folders, and falls back to the copydesk preset when no config is found.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  // Loaded on first use: a run whose findings all come from the cache never needs the preset.
  const {default: copydesk} = await import('../plugin/preset.js')
  return run(options, {
    // Every file is checked (binary, UTF-8, size, nesting) before the parser sees it.
    processor: () => unified().use(remarkParse).use(remarkCheckInput, {maxFileBytes: options.maxFileBytes ?? defaultMaxFileMegabytes * 1e6}) as never,
    rcName: '.remarkrc',
    rcPath: options.rcPath,
    packageField: 'remarkConfig',
    detectConfig: true,
    defaultConfig: {plugins: [copydesk as never]}
  })
}

/**
 * The files `lint` would lint, in its order, read but not linted: globs and folders expanded and
 * `.remarkignore` applied by unified-engine itself. A file that cannot be read, or is named but
 * ignored, comes back with unified-engine's fatal message.
 */
export function discover(options: Omit<LintOptions, 'rcPath'>): Promise<LintResult> {
  return run(options, {processor: () => unified().use(parseNothing) as never, detectConfig: false})
}

function parseNothing(this: Processor) {
  this.parser = () => ({type: 'root', children: []})
}

function run(options: LintOptions, settings: Partial<EngineOptions> & Pick<EngineOptions, 'processor'>): Promise<LintResult> {
  return new Promise((resolve, reject) => {
    engine(
      {
        ...settings,
        files: options.files,
        cwd: options.cwd ?? process.cwd(),
        extensions: markdownExtensions,
        ignoreName: options.found ? undefined : '.remarkignore',
        detectIgnore: !options.found,
        ignorePatterns: options.found ? undefined : options.ignorePatterns,
        // Nothing is written: findings are collected and reported by copydesk's reporters.
        out: false,
        output: false,
        reporter: () => '',
        streamError: sink(),
        streamOut: sink(),
        // A file named on the command line but listed in `.remarkignore` is skipped, as Prettier and
        // pre-commit users expect: hooks pass every staged Markdown file, fixtures included.
        silentlyIgnore: true
      },
      (error, _code, context) => {
        if (error) reject(error)
        else resolve({files: context?.files ?? []})
      }
    )
  })
}
