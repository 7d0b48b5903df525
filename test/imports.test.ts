// Rules depend on src/, not the other way round: outside rules/ only the rule list is imported
// (the preset and the reporters iterate it), and src/text, shared by the rules, imports no rule.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'

const sources = (dir: string): string[] =>
  readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2])

it('src imports from rules/ only the rule list, and src/text nothing', () => {
  const found = sources('src').flatMap((file) => imports(file).filter((s) => s.includes('/rules/')).map((s) => `${file}: ${s}`))
  expect(found.length).toBeGreaterThan(0)
  expect(found.filter((line) => line.startsWith(join('src', 'text')) || !line.endsWith('/rules/index.js'))).toEqual([])
})
