import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import type {VFile} from 'vfile'

/** A bad value in copydesk's options; the CLI reports it with the config file's name (exit 2). */
export class ConfigError extends Error {
  override name = 'CopydeskConfigError'
}

const rcNames = ['.remarkrc', '.remarkrc.json', '.remarkrc.cjs', '.remarkrc.mjs', '.remarkrc.js', '.remarkrc.yaml', '.remarkrc.yml']

/** The config file unified-engine would use for `filePath`, found the way it finds it. */
export function findConfigFile(filePath: string, cwd: string): string | undefined {
  let dir = dirname(resolve(cwd, filePath))
  for (;;) {
    for (const name of rcNames) if (existsSync(join(dir, name))) return join(dir, name)
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).remarkConfig) return pkg
      } catch {}
    }
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
}

/** remark-message-control's finding for a rule id in a `<!-- copydesk … -->` comment that no rule has. */
export const isUnknownRuleInComment = (m: {source?: string | null; ruleId?: string | null}) => m.source === 'unified-message-control' && m.ruleId === 'known'

/**
 * unified-engine reports a config that cannot be loaded, or options the preset rejects, as a
 * fatal message on every file it governs: the line naming that config file, if this file has one.
 */
export function configErrorOf(file: VFile, cwd: string, rcPath?: string): string | undefined {
  for (const m of file.messages) {
    if (m.fatal !== true || m.ruleId) continue
    const chain: string[] = []
    let isConfig = false
    for (let cause: unknown = m; cause instanceof Error || (cause && typeof cause === 'object'); cause = (cause as {cause?: unknown}).cause) {
      const text = String((cause as Error).message ?? (cause as {reason?: string}).reason ?? '')
      if ((cause as Error).name === 'CopydeskConfigError' || /^Cannot (?:import|parse|find module)/.test(text)) isConfig = true
      if (text && !chain.includes(text)) chain.push(text.split('\n')[0])
    }
    if (!isConfig) continue
    const config = rcPath ? resolve(cwd, rcPath) : findConfigFile(file.path, cwd)
    const name = config ? relative(cwd, config) || config : 'config'
    return `broken config \`${name}\`: ${chain.filter((t) => t !== 'Cannot process file').join(': ')}`
  }
  return undefined
}
