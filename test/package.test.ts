// The package as npm installs it: what `npm ci` and `npm install` print and run.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))

describe('package.json', () => {
  it('decides for every dependency with install scripts, so npm prints no install-scripts warning', () => {
    // npm 11 skips dependencies' install scripts unless allowScripts approves them, and warns about
    // each it has no entry for. esbuild's postinstall only re-checks its platform binary, which its
    // optional dependency already ships: denied, so nothing runs or downloads at install time.
    const withScripts = Object.entries(lock.packages as Record<string, {hasInstallScript?: boolean}>)
      .filter(([path, entry]) => path && entry.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
    expect(withScripts).toContain('esbuild')
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty(name)
  })
})
