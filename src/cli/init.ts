import {existsSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {packageRoot} from '../plugin/data.js'
import {UsageError} from './options.js'

// What `copydesk init` writes: the config every tool reads, and a pre-commit hook that runs the
// copydesk installed in the project (a local hook: it needs no release tag, and starts without
// npx's look-up, which costs about a second per commit).
const files = {
  '.remarkrc.mjs': `// copydesk's config: the copydesk CLI, \`remark\`, the pre-commit hook, CI and editors read it.
// Severity per rule: 'off' | 'warn' | 'error', or [severity, options].
import copydesk from 'copydesk'

export default {
  plugins: [
    [
      copydesk,
      {
        rules: {
          // referenceCurrency: what conversions should give; set \`currency\` per article in front matter.
          'currency-consistency': ['warn', {referenceCurrency: 'USD'}]
        }
      }
    ]
  ]
}
`,
  '.pre-commit-config.yaml': `# Lint staged Markdown articles with the copydesk installed in this project
# (npm install --save-dev copydesk). --frail: warnings stop the commit too.
repos:
  - repo: local
    hooks:
      - id: copydesk
        name: copydesk
        entry: node_modules/.bin/copydesk --frail
        language: system
        types: [markdown]
`
}

/** `copydesk init [--force]`: write the config and the hook into `cwd`; the lines to print. */
export function init(cwd: string, force: boolean): string {
  const existing = Object.keys(files).filter((name) => existsSync(join(cwd, name)))
  if (existing.length > 0 && !force) throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''} here: \`copydesk init --force\` replaces ${existing.length === 1 ? 'it' : 'them'}`)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text)
  const lines = Object.keys(files).map((name) => `wrote ${name}`)
  // The config imports the package by name: it must be installed where the articles are.
  if (!resolvable(cwd)) lines.push(`copydesk is not installed in this folder; .remarkrc.mjs imports it: npm install --save-dev file:${packageRoot}`)
  lines.push('then: pre-commit install (the hook lints staged Markdown); copydesk . (lints every article)')
  return lines.join('\n') + '\n'
}

function resolvable(cwd: string): boolean {
  try {
    createRequire(join(cwd, 'noop.js')).resolve('copydesk/package.json')
    return true
  } catch {
    return false
  }
}
