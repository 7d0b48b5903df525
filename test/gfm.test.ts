// src/plugin/gfm.ts drops GFM constructs a document cannot contain; the tree must be remark-gfm's.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {expect, it} from 'vitest'
import remarkGfmLean from '../src/plugin/gfm.js'

const stock = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
const lean = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmLean)

const cases = {
  'every GFM construct': 'See www.example.com, https://x.org/a?b=1 or me@example.com.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and a note[^1].\n\n[^1]: The note.\n\n* [ ] task\n',
  'a URL only in front matter': '---\nsource_url: "https://en.wikinews.org/wiki/X"\n---\n\nPlain text, no links.\n',
  'URLs in front matter and body': '---\nurl: "https://a.b"\n---\nBody www.example.com here.\n',
  'toml front matter and an e-mail address': '+++\nx = 1\n+++\nmail a@b.co\n',
  'empty front matter and a www link': '---\n---\nwww.x.org\n',
  'a footnote and a link after front matter': '--- \nurl: x\n---\n[^1] and http://x.y\n\n[^1]: n\n',
  'an unclosed front matter fence': '---\nurl: "https://a.b"\nno closing fence\n',
  'near misses': 'Hello @ world, www. and http:/ x; a table without pipes.\n'
}

it.each(Object.entries(cases))('parses %s as remark-gfm does', (_, text) => {
  expect(lean.parse(text)).toEqual(stock.parse(text))
})

const corpus = join('..', 'shared', 'corpus')
it.skipIf(!existsSync(corpus))('parses the corpus articles as remark-gfm does', () => {
  for (const folder of ['news', 'dev', 'promo/docs']) {
    const dir = join(corpus, folder)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).filter((_, i) => i % 3 === 0)) {
      const text = readFileSync(join(dir, name), 'utf8')
      expect(lean.parse(text), name).toEqual(stock.parse(text))
    }
  }
})

// mdast-util-gfm-autolink-literal's find-and-replace leaves the nodes it makes without a place;
// remark-message-control then takes their stretch for a gap and drops every finding in it.
it('gives the nodes of a literal autolink found inside text their places in the source', async () => {
  const text = 'Mail us:www.example.com/a, or see Khttp://www.example.org/x To go. The rest *of it*.\n'
  const tree = lean.parse(text)
  await lean.run(tree, new VFile(text))
  const {visit} = await import('unist-util-visit')
  const places: string[] = []
  visit(tree, (node) => {
    expect(node.position, node.type).toBeDefined()
    if (node.type === 'text' || node.type === 'link') places.push(text.slice(node.position!.start.offset, node.position!.end.offset))
  })
  expect(places).toEqual(['Mail us:', 'www.example.com/a', 'www.example.com/a', ', or see Khttp://', 'www.example.org/x', 'www.example.org/x', ' To go. The rest ', 'of it', '.'])
})

it('reports findings in a paragraph with a literal autolink found inside text', async () => {
  const {lintText} = await import('./lint.js')
  const file = await lintText('Details are at site:www.example.com for readers. The new bridge cut congestion by 32% in its first year.\n', 'unattributed-statistic')
  expect(file.messages.map((m) => m.actual)).toEqual(['32%'])
})
