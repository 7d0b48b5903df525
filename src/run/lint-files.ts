import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {discover, markdownExtensions} from './engine.js'
import {deserializeMessage, type SerializedMessage} from './messages.js'
import {lintInPool, type Item, type LintSettings} from './pool.js'
import {inShard, type Shard} from './shard.js'
import {walk} from './walk.js'

export interface RunOptions {
  /** Paths, folders and globs, or a file already read (standard input). */
  files: Array<string | VFile>
  cwd: string
  rcPath?: string
  ignorePatterns?: string[]
  /** Threads to lint on (this one included). */
  jobs: number
  /** `--cache-location`, when `--cache` is on. */
  cache?: string
  /**
   * The findings will be applied (`--fix`): lint every file, never take its findings from the
   * cache, whose fixes would be written into the article on the word of a file anyone may edit.
   */
  fixing?: boolean
  /** A problem that costs no file its report (a cache that cannot be used or saved). */
  warn?: (text: string) => void
  shard?: Shard
  /** Refuse files larger than this, in bytes. */
  maxFileBytes?: number
  /** Called as files finish: files done, files to lint, findings so far (progress). */
  onFile?: (done: number, total: number, findings: number) => void
}

/** Could this argument be a glob (it has one of glob's special characters)? A cheap test before loading glob itself. */
export const mayBeGlob = (path: string) => /[*?[\]{}!()+@]/.test(path)

/**
 * Find the files (in unified-engine's order), keep this shard's, take what the cache has, lint
 * the rest on the pool, and return every file with its findings, in order.
 */
export async function lintFiles(options: RunOptions): Promise<VFile[]> {
  const {cwd} = options
  const settings: LintSettings = {cwd, rcPath: options.rcPath, maxFileBytes: options.maxFileBytes}
  // Folders and globs are expanded here, so unified-engine only reads files (src/run/walk.ts).
  const walked = await walk(options.files.filter((path) => typeof path === 'string'), cwd, markdownExtensions)
  const read = options.files.filter((file) => typeof file !== 'string')
  const {files: discovered} = await discover({files: [...walked.paths, ...read], cwd, ignorePatterns: options.ignorePatterns})
  // In unified-engine's order (it sorts what it found by path).
  const found = walked.refused.length === 0 ? discovered : [...discovered, ...walked.refused].sort((a, b) => (a.path < b.path ? -1 : 1))
  const files = options.shard ? found.filter((file) => inShard(resolve(cwd, file.path), cwd, options.shard as Shard)) : found
  // Loaded only with --cache (it hashes with node:crypto, which costs a one-file run to load).
  const cache = options.cache === undefined ? undefined : new (await import('./cache.js')).LintCache(options.cache, cwd, options.rcPath, options.warn)

  const todo: Array<{file: VFile; key?: string}> = []
  for (const file of files) {
    // unified-engine already said why it cannot lint this one (unreadable, named but ignored).
    if (file.messages.some((m) => m.fatal === true)) continue
    const key = cache?.key(file.path, String(file.value))
    const cached = key === undefined || options.fixing ? undefined : cache?.get(file.path, key, String(file.value).length)
    if (cached) attach(file, cached)
    else todo.push({file, key})
  }

  const items: Item[] = todo.map(({file}) => ({path: resolve(cwd, file.path), value: String(file.value), invalidUtf8Line: file.data.copydeskInvalidUtf8Line}))
  const results = await lintInPool(items, settings, options.jobs, options.onFile)
  todo.forEach(({file, key}, index) => {
    attach(file, results[index])
    // A file that could not be processed (say, a broken config) is tried again next time.
    // So is a file refused by the input checks (size, binary, nesting): --max-file-size may change.
    const failed = results[index].some((m) => m.fields.fatal === true && (!m.fields.ruleId || String(m.fields.reason).startsWith('Cannot lint file')))
    if (cache && key !== undefined && !failed) cache.set(file.path, key, results[index])
  })
  cache?.save()
  return files
}

function attach(file: VFile, messages: SerializedMessage[]) {
  file.messages = messages.map(deserializeMessage)
}
