// Hard-wrapped Markdown (as `fmt` or Prettier's proseWrap leave it) gets the same findings as the
// unwrapped article, for every rule: the same words flagged, and --fix removes the same words.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/cli/fix.js'
import {fixOf, type Fix} from '../src/plugin/report.js'
import {lintText} from './lint.js'

const corpus = join('..', 'shared', 'corpus')
// Every fifth article of dev (runs and claims injected, labelled) and every 150th of news: a
// sample that takes a minute, not the sets' ten.
const sample = (set: string, every: number) =>
  existsSync(join(corpus, set)) ? readdirSync(join(corpus, set)).filter((n) => n.endsWith('.md')).sort().filter((_, k) => k % every === 0).map((n) => join(corpus, set, n)) : []
const articles = [...sample('dev', 5), ...sample('news', 150)]

/** Wrap each plain paragraph line longer than `width` greedily, as `fmt` does; front matter, headings, lists, quotes, tables and code stay. */
function wrap(text: string, width: number): string {
  let front = text.startsWith('---\n')
  let fence = false
  return text
    .split('\n')
    .flatMap((line, k) => {
      if (front && k > 0 && line === '---') front = false
      if (/^\s*(?:```|~~~)/.test(line)) fence = !fence
      if (front || fence || line.length <= width || /^\s*(?:[#>|<]|[-*+]\s|\d+[.)]\s)/.test(line)) return [line]
      const out: string[] = []
      let current = ''
      for (const word of line.split(/\s+/).filter(Boolean)) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current)
          current = ''
        }
        current = current ? `${current} ${word}` : word
      }
      return [...out, current]
    })
    .join('\n')
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Each finding as its rule and the words it covers, in order. */
async function findings(text: string) {
  const file = await lintText(text)
  const offset = (p: {line: number; column: number}) => {
    let at = 0
    for (let line = 1; line < p.line; line++) at = text.indexOf('\n', at) + 1
    return at + p.column - 1
  }
  const found = file.messages.map((m) => {
    const place = m.place && 'start' in m.place ? m.place : undefined
    return `${m.ruleId}: ${place ? words(text.slice(offset(place.start), offset(place.end))) : m.reason}`
  })
  const fixes = file.messages.map(fixOf).filter((f): f is Fix => f !== undefined)
  return {found: found.sort(), fixed: words(applyFixes(text, fixes).text)}
}

describe.skipIf(articles.length === 0)('hard-wrapped articles', () => {
  it('flag the same words as unwrapped, and --fix leaves the same words', async () => {
    const differences: string[] = []
    for (const path of articles) {
      const text = readFileSync(path, 'utf8')
      const plain = await findings(text)
      for (const width of [72, 100]) {
        const wrapped = wrap(text, width)
        // The sample must hold wrapped paragraphs, or the test proves nothing.
        expect(wrapped).not.toBe(text)
        const got = await findings(wrapped)
        if (JSON.stringify(got.found) !== JSON.stringify(plain.found)) differences.push(`${path} at ${width}: ${JSON.stringify(got.found.filter((f) => !plain.found.includes(f)))} instead of ${JSON.stringify(plain.found.filter((f) => !got.found.includes(f)))}`)
        if (got.fixed !== plain.fixed) differences.push(`${path} at ${width}: --fix leaves other words`)
      }
    }
    expect(differences).toEqual([])
  }, 600_000)
})
