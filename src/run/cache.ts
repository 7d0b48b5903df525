import {createHash, randomBytes} from 'node:crypto'
import {closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {findConfigFile} from '../plugin/config.js'
import {packageRoot} from '../plugin/data.js'
import {isSerializedMessage, type SerializedMessage} from './messages.js'

interface CacheData {
  format: 1
  /** Absolute path → the key it was linted under and its findings. */
  files: Record<string, {key: string; messages: SerializedMessage[]}>
}

const sha = (...parts: string[]) => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/**
 * What copydesk itself is: its version, the code that is running (a rebuild changes findings
 * without a version bump while developing) and the data files the rules read at run time.
 */
function programFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const parts = [readFileSync(join(packageRoot, 'package.json'), 'utf8')]
  // The bundle's CLI (cli.cjs, which lints too) as well as its ES modules; not its code cache.
  for (const name of readdirSync(here).sort()) if (/\.c?js$/.test(name)) parts.push(name, readFileSync(join(here, name), 'utf8'))
  for (const path of ymlFiles(join(packageRoot, 'rules')).concat(ymlFiles(join(packageRoot, 'src')))) parts.push(path, readFileSync(path, 'utf8'))
  return sha(...parts)
}

function ymlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.yml') && !name.includes('fixtures'))
    .sort()
    .map((name) => join(dir, name))
}

/**
 * `--cache`: findings per file, reused while the file's text, its config file and copydesk are
 * unchanged. One JSON file; `location` may name it or a folder to keep it in.
 */
export class LintCache {
  readonly path: string
  private data: CacheData = {format: 1, files: {}}
  private readonly program = programFingerprint()
  private readonly configs = new Map<string, string>()
  private readonly configOfFolder = new Map<string, string | undefined>()
  private changed = false
  /** Why the cache is not used at all (its location is a device, a FIFO…), when it is not. */
  private readonly unusable?: string

  /** `warn` tells the user of a cache that cannot be used or saved: the lint goes on without it. */
  constructor(location: string, private readonly cwd: string, private readonly rcPath?: string, private readonly warn: (text: string) => void = () => {}) {
    const target = resolve(cwd, location)
    const isFolder = /[\\/]$/.test(location) || (existsSync(target) && statSync(target).isDirectory())
    this.path = isFolder ? join(target, 'copydesk-cache.json') : target
    // Only a regular file is a cache: reading a device or a FIFO never ends, renaming over one replaces it.
    if (kindOf(this.path) === 'other') {
      this.unusable = `cache not used: ${this.path} is not a regular file`
      warn(this.unusable)
      return
    }
    try {
      const data = JSON.parse(readRegularFile(this.path) ?? '') as CacheData
      if (data && data.format === 1 && isRecord(data.files)) this.data = data
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** The key a file's findings are stored under: copydesk, the config that applies, the text. */
  key(path: string, value: string): string {
    const folder = dirname(resolve(this.cwd, path))
    if (!this.configOfFolder.has(folder)) this.configOfFolder.set(folder, this.rcPath ? resolve(this.cwd, this.rcPath) : findConfigFile(path, this.cwd))
    const config = this.configOfFolder.get(folder)
    let configPart = 'built-in preset'
    if (config) {
      let part = this.configs.get(config)
      if (part === undefined) {
        part = sha(config, existsSync(config) ? readFileSync(config, 'utf8') : '')
        this.configs.set(config, part)
      }
      configPart = part
    }
    return sha(this.program, configPart, value)
  }

  /**
   * The findings stored for this text, checked like any input: an entry that is not well formed
   * (or whose fixes do not fit the text, `length` UTF-16 units) is a miss, and the file is linted.
   */
  get(path: string, key: string, length: number): SerializedMessage[] | undefined {
    const name = resolve(this.cwd, path)
    const entry: unknown = Object.hasOwn(this.data.files, name) ? this.data.files[name] : undefined
    if (!isRecord(entry) || entry.key !== key || !Array.isArray(entry.messages)) return undefined
    return entry.messages.every((message) => isSerializedMessage(message, length)) ? (entry.messages as SerializedMessage[]) : undefined
  }

  set(path: string, key: string, messages: SerializedMessage[]) {
    this.data.files[resolve(this.cwd, path)] = {key, messages}
    this.changed = true
  }

  /**
   * Write atomically, so an interrupted run leaves the old cache, not half a file; under a name of
   * its own, so two runs (even with the same pid, in two containers) never write one temporary file.
   * A cache that cannot be saved (read-only folder, full disk) costs the next run time, not this
   * run its report: a warning.
   */
  save() {
    if (!this.changed || this.unusable) return
    let temporary: string | undefined
    try {
      if (kindOf(this.path) === 'other') throw new Error(`${this.path} is not a regular file`)
      // Through a symbolic link to the file it names: the link stays.
      const destination = existsSync(this.path) ? realpathSync(this.path) : this.path
      mkdirSync(dirname(destination), {recursive: true})
      temporary = `${destination}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
      writeFileSync(temporary, JSON.stringify(this.data), {flag: 'wx'})
      renameSync(temporary, destination)
    } catch (error) {
      if (temporary) rmSync(temporary, {force: true})
      this.warn(`cache not saved: ${(error as Error).message}`)
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Nothing there, a regular file (or a link to one), or anything else (device, FIFO, socket, dangling link). */
function kindOf(path: string): 'none' | 'file' | 'other' {
  try {
    lstatSync(path)
  } catch {
    // Missing, or a folder on its path is not one: reading fails, and saving says why.
    return 'none'
  }
  return statSync(path, {throwIfNoEntry: false})?.isFile() ? 'file' : 'other'
}

/** The file's text if it is a regular file; opened without blocking, so a FIFO put there meanwhile cannot stall the run. */
function readRegularFile(path: string): string | undefined {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : undefined
  } finally {
    closeSync(fd)
  }
}
