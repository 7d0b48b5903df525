import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The package root, found from this module so it works from `src/` (tests), `dist/src/` and `dist/bundle/` (CLI). */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('copydesk: cannot find the package root')
    dir = up
  }
  return dir
})()

type PresetModule = typeof import('./preset.js')
const registry = Symbol.for('copydesk.presets')
const presets = ((globalThis as Record<symbol, unknown>)[registry] ??= new Map()) as Map<string, PresetModule>

/**
 * The preset this package has already loaded in this thread (the CLI's bundle, a worker's), so a
 * config that imports the package gets it instead of loading a second copy of every dependency.
 * Keyed by package root: another install of copydesk keeps its own code.
 */
export const loadedPreset = (): PresetModule | undefined => presets.get(packageRoot)
export const sharePreset = (preset: PresetModule) => void (presets.has(packageRoot) || presets.set(packageRoot, preset))
