// Helpers for black-box tests of the real binary: run it, make a fixture folder, write a config.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'

export const bin = resolve('bin/copydesk.js')
export const preset = pathToFileURL(resolve('dist/src/plugin/preset.js')).href
export const seed = resolve('articles/shanghai-tech.md')
export const clean = resolve('articles/wn-2019-astronomers-find-water-vapour-in-atmosphere.md')

/** Run the real binary, as users do (`input` on its standard input): exit code, stdout and stderr. No timing: see test/cpu.ts. */
export function run(args: string[], cwd = process.cwd(), env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, input, encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, NO_COLOR: '1', ...env}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A temporary folder holding `files` (name → content). */
export function folder(files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true})
    writeFileSync(join(dir, name), content)
  }
  return dir
}

/** A `.remarkrc.mjs` using the built preset with `options` (JavaScript source). */
export const config = (options: string) => `import copydesk from '${preset}'\nexport default {plugins: [[copydesk, ${options}]]}\n`
