// Articles regression: the sample articles' findings, one line each, as a snapshot.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {describe, lintText} from './lint.js'

const seed = join('..', 'shared', 'seed', 'shanghai-tech.md')

// ../shared sits beside every developer checkout and CI's; skip (visibly) anywhere else.
it.skipIf(!existsSync(seed))('keeps articles/shanghai-tech.md byte-identical to the seed', () => {
  expect(readFileSync('articles/shanghai-tech.md').equals(readFileSync(seed))).toBe(true)
})

it('finds nothing at all in the clean sample article', async () => {
  const name = 'articles/wn-2019-astronomers-find-water-vapour-in-atmosphere.md'
  const file = await lintText(readFileSync(name, 'utf8'), undefined, {}, name)
  expect(file.messages).toEqual([])
})

for (const name of readdirSync('articles').filter((n) => n.endsWith('.md')).sort()) {
  it(`articles/${name}`, async () => {
    const file = await lintText(readFileSync(join('articles', name), 'utf8'), undefined, {}, join('articles', name))
    expect(file.messages.map((m) => `${m.ruleId} ${describe({messages: [m]} as never)[0]}`)).toMatchSnapshot()
  })
}
