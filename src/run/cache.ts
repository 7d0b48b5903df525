import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {findConfigFile} from '../plugin/config.js'
import {packageRoot} from '../plugin/data.js'
import type {SerializedMessage} from './messages.js'

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

  constructor(location: string, private readonly cwd: string, private readonly rcPath?: string) {
    const target = resolve(cwd, location)
    const isFolder = /[\\/]$/.test(location) || (existsSync(target) && statSync(target).isDirectory())
    this.path = isFolder ? join(target, 'copydesk-cache.json') : target
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as CacheData
      if (data.format === 1 && data.files && typeof data.files === 'object') this.data = data
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

  get(path: string, key: string): SerializedMessage[] | undefined {
    const entry = this.data.files[resolve(this.cwd, path)]
    return entry?.key === key ? entry.messages : undefined
  }

  set(path: string, key: string, messages: SerializedMessage[]) {
    this.data.files[resolve(this.cwd, path)] = {key, messages}
    this.changed = true
  }

  /** Write atomically, so an interrupted run leaves the old cache, not half a file. */
  save() {
    if (!this.changed) return
    mkdirSync(dirname(this.path), {recursive: true})
    const temporary = `${this.path}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(this.data))
    renameSync(temporary, this.path)
  }
}
