// src/plugin/frontmatter.ts reads flat front matter itself; it must read it exactly as yaml does.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {parseFrontMatter} from '../src/plugin/frontmatter.js'

const read = (value: string) => {
  try {
    return {data: parseFrontMatter(value)}
  } catch (error) {
    return {error: (error as Error).message}
  }
}
const yaml = (value: string) => {
  try {
    return {data: parseYaml(value)}
  } catch (error) {
    return {error: (error as Error).message}
  }
}

const cases = [
  'id: "a"\ntitle: "US House \u2014 impeaches"\nwords: 288\nlead_missing: "true"',
  'a: 1\r\nb: -2.5\r\nc: true\nd: false\ne: null\n',
  'a: "x"\na: "y"',
  'true: "x"',
  'null: 1',
  '__proto__: "x"',
  'a: "with \\"escape\\""',
  'a: "tab\there"',
  'a: 1e5',
  'a: 0123',
  'a: "x" # comment',
  'a:\n  - 1\n  - 2',
  'a:  "two spaces"',
  'a: plain text',
  '',
  '\n\n',
  'a: "unterminated',
  'a: "\u0085 next line"',
  'a: "emoji \ud83d\ude00"'
]

it.each(cases)('reads %j as yaml does', (value) => {
  expect(read(value)).toEqual(yaml(value))
})

const corpus = join('..', 'shared', 'corpus')
it.skipIf(!existsSync(corpus))('reads every corpus front matter as yaml does', () => {
  for (const folder of ['news', 'dev', 'dev-currency', 'promo/docs']) {
    const dir = join(corpus, folder)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'))
      if (head) expect(read(head[1]), name).toEqual(yaml(head[1]))
    }
  }
})
