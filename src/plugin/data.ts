import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {packageRoot} from './package-root.js'

export {packageRoot}

const cache = new Map<string, unknown>()

/** Load a data file (`rules/<id>/data.yml`, `src/text/*.yml`) once per process. */
export function loadData<T>(relativePath: string): T {
  let value = cache.get(relativePath)
  if (value === undefined) {
    try {
      // Parsing YAML costs a one-article run more than linting it: the build keeps each as JSON.
      const compiled = readCompiled(relativePath, '.json')
      value = compiled ? JSON.parse(compiled.toString('utf8')) : parse(readFileSync(join(packageRoot, relativePath), 'utf8'))
    } catch (error) {
      throw new Error(`copydesk: cannot load data file \`${relativePath}\`: ${(error as Error).message}`)
    }
    cache.set(relativePath, value)
  }
  return value as T
}

/**
 * A data file as the build compiled it (dist/data/<path><suffix>, scripts/bundle.mjs), while it
 * is at least as new as the file: one edited since the build is read from its source.
 */
export function readCompiled(relativePath: string, suffix: string): Buffer | undefined {
  const compiled = join(packageRoot, 'dist', 'data', relativePath + suffix)
  try {
    if (statSync(compiled).mtimeMs >= statSync(join(packageRoot, relativePath)).mtimeMs) return readFileSync(compiled)
  } catch {
    // Not built: read the source.
  }
  return undefined
}

/** Compile a list of phrases (data) into one case-insensitive, word-bounded regular expression. */
export function phraseRegExp(phrases: readonly string[], flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phraseAlternation(phrases)})(?![\\p{L}\\p{N}])`, flags)
}

/** The phrases as one alternation, longest first, any whitespace between words. */
export function phraseAlternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|')
}
