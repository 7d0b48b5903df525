// Run the real binary, as users do: exit code, stdout, stderr and how long it took.
import {spawnSync} from 'node:child_process'
import {resolve} from 'node:path'

export const bin = resolve('bin/copydesk.js')

export function run(args: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  const started = performance.now()
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, NO_COLOR: '1', ...env}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000}
}
