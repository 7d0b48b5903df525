// The package's entry (`import copydesk from 'copydesk'` in a .remarkrc.mjs): the preset the run
// already loaded, or the preset's CommonJS bundle from V8's code cache, instead of tsc's module
// tree read file by file (scripts/bundle.mjs builds dist/bundle/preset.{js,cjs}).
import {fileURLToPath} from 'node:url'
import {runCached} from '../run/code-cache.js'
import {loadedPreset} from './package-root.js'

const preset = loadedPreset() ?? (runCached(fileURLToPath(new URL('./preset.cjs', import.meta.url))) as unknown as typeof import('./preset.js'))

export default preset.default
export const {validateOptions, ruleIds} = preset
