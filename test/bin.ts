// Run the real binary, as users and CI do.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

export const bin = resolve('bin/copydesk.js')

export function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A temporary folder holding `files` (name → content). */
export function folder(files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}
