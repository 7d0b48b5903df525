import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {packageRoot} from './package-root.js'
import {PhraseRegExp} from '../text/regexp.js'

export {packageRoot}

const cache = new Map<string, unknown>()

/**
 * Load a data file (`rules/<id>/data.yml`, `src/text/*.yml`) once per process, checked against its
 * shape: a misspelt, missing or mistyped key stops the run with a message naming it.
 */
export function loadData<T>(relativePath: string, shape: Shape<T>): T {
  let value = cache.get(relativePath)
  if (value === undefined) {
    try {
      // Parsing YAML costs a one-article run more than linting it: the build keeps each as JSON.
      const compiled = readCompiled(relativePath, '.json')
      value = compiled ? JSON.parse(compiled.toString('utf8')) : parse(readFileSync(join(packageRoot, relativePath), 'utf8'))
    } catch (error) {
      throw new Error(`copydesk: cannot load data file \`${relativePath}\`: ${(error as Error).message}`)
    }
    checkData(relativePath, value, shape)
    cache.set(relativePath, value)
  }
  return value as T
}

/** Throw `copydesk: data file <path>: key \`x\` …` when `value` does not have the data file's shape. */
export function checkData<T>(relativePath: string, value: unknown, shape: Shape<T>): asserts value is T {
  const problem = shape.check(value, '')
  if (problem) throw new Error(`copydesk: data file ${relativePath}: ${problem}`)
}

/**
 * What a data file, or a key in it, must hold. `T` is the type the code reads it as (`Infer`): the
 * shapes below build it, so a key the code reads and the file lacks fails at load, not as
 * `undefined` deep in a rule.
 */
export interface Shape<T> {
  /** "a number", "a list of strings": for messages. */
  readonly expected: string
  /** The plural, for a list of these: "numbers", "lists of strings". */
  readonly plural: string
  /** A key that may be left out. */
  readonly optional?: boolean
  /** What is wrong with `value` at key `at` ('' for the whole file); undefined when it fits. */
  check(value: unknown, at: string): string | undefined
  /** Never set: ties the shape to its type. */
  readonly type?: T
}

const named = (at: string) => (at ? `key \`${at}\`` : 'the file')
const shown = (value: unknown) => (Array.isArray(value) ? 'a list' : value !== null && typeof value === 'object' ? 'a mapping' : `\`${JSON.stringify(value)?.slice(0, 40)}\``)
const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

function scalar<T>(expected: string, plural: string, fits: (value: unknown) => boolean): Shape<T> {
  return {expected, plural, check: (value, at) => (fits(value) ? undefined : `${named(at)} must be ${expected}, not ${shown(value)}`)}
}

export const string = scalar<string>('a string', 'strings', (value) => typeof value === 'string')
export const number = scalar<number>('a number', 'numbers', (value) => typeof value === 'number' && Number.isFinite(value))
export const boolean = scalar<boolean>('true or false', 'true or false values', (value) => typeof value === 'boolean')

/** A list of items of one shape; of exactly `length` items when given. */
export function list<T>(of: Shape<T>, length?: number): Shape<T[]> {
  const expected = `a list of ${length === undefined ? '' : `${length} `}${of.plural}`
  return {
    expected,
    plural: `lists of ${of.plural}`,
    check(value, at) {
      if (!Array.isArray(value) || (length !== undefined && value.length !== length)) return `${named(at)} must be ${expected}, not ${Array.isArray(value) ? `a list of ${value.length}` : shown(value)}`
      for (const [i, item] of value.entries()) {
        const problem = of.check(item, `${at}[${i}]`)
        if (problem) return problem
      }
      return undefined
    }
  }
}

/** A mapping from names the file chooses (currency codes, list names) to values of one shape. */
export function record<T>(of: Shape<T>): Shape<Record<string, T>> {
  const expected = `a mapping of names to ${of.plural}`
  return {
    expected,
    plural: `mappings of names to ${of.plural}`,
    check(value, at) {
      if (!isMapping(value)) return `${named(at)} must be ${expected}, not ${shown(value)}`
      for (const [key, item] of Object.entries(value)) {
        const problem = of.check(item, at ? `${at}.${key}` : key)
        if (problem) return problem
      }
      return undefined
    }
  }
}

/** The type a shape checks for: `Infer<typeof moneyShape>` is what the code reads money.yml as. */
export type Infer<S> = S extends Shape<infer T> ? T : never

/** A shape made by `optional()`: its key may be left out. */
export interface OptionalShape<T> extends Shape<T | undefined> {
  readonly optional: true
}

type Fields = Record<string, Shape<unknown>>
/** The type of a mapping with these fields: an `optional()` field is an optional key. */
type ObjectOf<F extends Fields> = Flat<{[K in keyof F as F[K] extends OptionalShape<unknown> ? never : K]: Infer<F[K]>} & {[K in keyof F as F[K] extends OptionalShape<unknown> ? K : never]?: Infer<F[K]>}>
type Flat<T> = {[K in keyof T]: T[K]}

/**
 * A mapping with exactly these keys (less the optional ones the file leaves out). Its type is read
 * from the fields, or given: `object<T>({...})` checks the fields against an interface written first.
 */
export function object<F extends Fields>(fields: F): Shape<ObjectOf<F>>
export function object<T>(fields: {[K in keyof T]-?: Shape<T[K]>}): Shape<T>
export function object(shapes: Fields): Shape<unknown> {
  return {
    expected: 'a mapping',
    plural: 'mappings',
    check(value, at) {
      if (!isMapping(value)) return `${named(at)} must be a mapping, not ${shown(value)}`
      const path = (key: string) => (at ? `${at}.${key}` : key)
      const missing = Object.keys(shapes).filter((key) => !(key in value) && !shapes[key].optional)
      // A misspelt key is both unknown and missing: say so in one message.
      for (const key of Object.keys(value)) {
        if (!(key in shapes)) return `key \`${path(key)}\` is unknown${missing.length > 0 ? ` (missing: ${missing.map((k) => `\`${path(k)}\``).join(', ')})` : ''}`
      }
      if (missing.length > 0) return `key \`${path(missing[0])}\` is missing (expected ${shapes[missing[0]].expected})`
      for (const [key, shape] of Object.entries(shapes)) {
        const problem = key in value ? shape.check(value[key], path(key)) : undefined
        if (problem) return problem
      }
      return undefined
    }
  }
}

/** A key that may be left out. */
export function optional<T>(of: Shape<T>): OptionalShape<T> {
  return {...of, optional: true}
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

/**
 * A table of compiled expressions (or anything costly to build), each built the first time it is
 * read, then kept. `new RegExp` parses its source at once, and a class such as \p{L} is a set of
 * Unicode ranges computed then; a one-article run reads few of a rule's patterns (most of its
 * sentences stop at a cheap test), and built them all up front.
 */
export function lazily<T extends object>(builders: {[K in keyof T]: () => T[K]}): T {
  const table = {} as T
  for (const key of Object.keys(builders) as Array<keyof T>) {
    // A slot per key, in its getter's own closure: the getter stays monomorphic in hot loops.
    let value: T[typeof key] | undefined
    let built = false
    Object.defineProperty(table, key, {
      enumerable: true,
      get: () => {
        if (!built) {
          value = builders[key]()
          built = true
        }
        return value
      }
    })
  }
  return table
}

/**
 * Compile a list of phrases (data) into one case-insensitive, word-bounded regular expression: no
 * letter or digit (`[\p{L}\p{N}]`) just before or after a phrase (PhraseRegExp).
 */
export function phraseRegExp(phrases: readonly string[], flags = 'giu'): RegExp {
  return new PhraseRegExp(phraseAlternation(phrases), flags)
}

/** The phrases as one alternation, longest first, any whitespace between words. */
export function phraseAlternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|')
}
