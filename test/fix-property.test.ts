// Property-based: --fix on real news articles with off-topic runs and ambiguous currency injected
// at places fast-check chooses changes only the flagged spans, is idempotent, and writes nothing else.
// A file changed on disk during the run is covered in fix.test.ts.
import {existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Fix} from '../src/plugin/report.js'
import {json as report} from '../src/reporters/json.js'
import {lintFiles} from '../src/run/lint-files.js'
import {folder, run} from './bin.js'

const news = resolve('../shared/corpus/news')
// Short articles of several kinds: a money story in US$, one whose own "million dollars" gets a
// currency fix, interviews and reports with quotations, names and dates.
const bases = [
  'wn-2004-firefox-1-0-internet-browser-released-by',
  'wn-2004-kmart-to-buy-sears-for-us-11-billion',
  'wn-2019-benin-nigeria-join-african-union',
  'wn-2019-boris-johnson-elected-conservative-leader',
  'wn-2005-noise-takes-on-fockers-in-weekend-box',
  'wn-2020-california-lawyer-michael-avenatti'
]
// The runs inserted in the seed article (articles/shanghai-tech.md).
const spam = ['新夜上海论坛', '上海龙凤419体验', '上海喝茶群vx']
// Yuan in words, four times: the article's convention, so an injected `¥300 billion` is fixed to it.
// Short sentences: one long sentence about yuan budgets, added to six unrelated stories, is what
// off-topic-insert flags as a sentence pasted from another story, and then sets no convention.
const convention = '\nChips got 300 billion yuan. Schools got 50 billion yuan. Roads got 20 billion yuan. Parks got 10 billion yuan.\n'
const currency = {injected: 'The plan adds ¥300 billion more. ', fixed: 'The plan adds 300 billion yuan more. '}

interface Injection {
  at: number
  kind: 'line' | 'prefix' | 'currency'
  spam: string
}

const injection = fc.record({at: fc.nat({max: 10_000}), kind: fc.constantFrom<Injection['kind']>('line', 'prefix', 'currency'), spam: fc.constantFrom(...spam)})
// At most three per article: fewer `¥` mentions than the convention's four. The file may open
// with a BOM and end its lines with CRLF: fix offsets point into the text as linted, after the BOM.
const article = fc.record({injections: fc.array(injection, {minLength: 1, maxLength: 3}), bom: fc.boolean(), crlf: fc.boolean()})
const batch = fc.tuple(...bases.map(() => article))
type Article = {injections: Injection[]; bom: boolean; crlf: boolean}
const bom = '\uFEFF'

/** Lines of prose (past the front matter, opening with a letter): where runs are injected. */
function proseLines(lines: string[]): number[] {
  const end = lines.indexOf('---', 1)
  return lines.flatMap((line, index) => (index > end && /^[A-Za-z]/.test(line) ? [index] : []))
}

/** `text` with the injections (at most one per line), as written or as --fix should leave them. */
function inject(text: string, {injections, bom: withBom, crlf}: Article, fixed: boolean): string {
  const lines = text.split('\n')
  const prose = proseLines(lines)
  const at = new Map<number, Injection>()
  for (const i of injections) if (!at.has(prose[i.at % prose.length])) at.set(prose[i.at % prose.length], i)
  const injected = lines
    .flatMap((line, index) => {
      const i = at.get(index)
      if (!i) return [line]
      if (i.kind === 'line') return fixed ? [line] : [i.spam, line]
      if (i.kind === 'prefix') return [fixed ? line : `${i.spam} ${line}`]
      return [(fixed ? currency.fixed : currency.injected) + line]
    })
    .join(crlf ? '\r\n' : '\n')
  return (withBom ? bom : '') + injected
}

/** The source with the spans replaced, after checking they do not overlap. */
function rebuild(source: string, fixes: Fix[]): string {
  let text = ''
  let at = 0
  for (const fix of [...fixes].sort((a, b) => a.start - b.start)) {
    expect(fix.start).toBeGreaterThanOrEqual(at)
    text += source.slice(at, fix.start) + fix.text
    at = fix.end
  }
  return text + source.slice(at)
}

type Report = Array<{path: string; messages: Array<{fix?: Fix; fatal?: boolean}>}>
const json = (stdout: string) => new Map((JSON.parse(stdout) as Report).map((file) => [file.path, file.messages]))
const names = bases.map((name) => `${name}.md`)

// ../shared sits beside every developer checkout and CI's; skip (visibly) anywhere else.
describe.skipIf(!existsSync(news))('--fix on corpus articles with injected runs (fast-check)', () => {
  // Each article with the convention paragraph, and as copydesk fixes it without injections.
  const original = new Map<string, string>()
  const fixedOriginal = new Map<string, string>()

  beforeAll(() => {
    const dir = folder()
    for (const name of names) {
      original.set(name, readFileSync(join(news, name), 'utf8') + convention)
      writeFileSync(join(dir, name), original.get(name)!)
    }
    expect(run(['--fix', ...names], dir).code).toBe(0)
    for (const name of names) fixedOriginal.set(name, readFileSync(join(dir, name), 'utf8'))
    // One article's own `million dollars` is fixed; the others are left as they were.
    expect(names.filter((name) => fixedOriginal.get(name) !== original.get(name))).toEqual(['wn-2020-california-lawyer-michael-avenatti.md'])
  })

  it('changes only the reported spans, removes exactly the injected runs, is idempotent and writes nothing else', async () => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(batch, async (articles) => {
        runs++
        const dir = folder()
        const outside = folder({'target.md': `${spam[0]} Outside the tree.\n`})
        const sibling = `${spam[1]}\nA file in the folder that was not named.\n`
        writeFileSync(join(dir, 'sibling.md'), sibling)
        symlinkSync(join(outside, 'target.md'), join(dir, 'link.md'))
        const texts = names.map((name, index) => inject(original.get(name)!, articles[index], false))
        names.forEach((name, index) => writeFileSync(join(dir, name), texts[index]))
        const untouched = ['sibling.md', 'link.md'].map((name) => lstatSync(join(dir, name)).mtimeMs)
        const targetStat = statSync(join(outside, 'target.md')).mtimeMs
        const listing = readdirSync(dir).sort()

        // What the CLI would report, linted in this process: one spawn fewer per case.
        const before = json(report(await lintFiles({files: names, cwd: dir, jobs: 1})))
        const fixing = run(['--fix', '--format', 'json', ...names, 'link.md'], dir)
        expect(fixing.stderr).toContain('link.md: not fixed: it is a symbolic link')
        // The report after --fix is of the fixed files: nothing is left to fix, nothing failed.
        const after = json(fixing.stdout)
        for (const name of names) expect(after.get(name)?.filter((m) => m.fix || m.fatal)).toEqual([])
        const fixed = names.map((name) => readFileSync(join(dir, name), 'utf8'))
        names.forEach((name, index) => {
          // Every byte outside the spans reported before fixing is kept, in order...
          const fixes = (before.get(name) ?? []).flatMap((m) => (m.fix ? [m.fix] : []))
          const withBom = articles[index].bom ? bom : ''
          expect(fixed[index]).toBe(withBom + rebuild(texts[index].slice(withBom.length), fixes))
          // ...and those spans are the injected runs and mentions (and the article's own fix).
          expect(fixed[index]).toBe(inject(fixedOriginal.get(name)!, articles[index], true))
        })

        // A second --fix changes nothing and rewrites nothing.
        const stats = names.map((name) => statSync(join(dir, name)))
        run(['--fix', ...names], dir)
        names.forEach((name, index) => {
          expect(readFileSync(join(dir, name), 'utf8')).toBe(fixed[index])
          expect(statSync(join(dir, name)).mtimeMs).toBe(stats[index].mtimeMs)
          expect(statSync(join(dir, name)).ino).toBe(stats[index].ino)
        })

        // No file it was not given, nor the one a symlink points to, nor a temporary file.
        expect(readFileSync(join(dir, 'sibling.md'), 'utf8')).toBe(sibling)
        expect(['sibling.md', 'link.md'].map((name) => lstatSync(join(dir, name)).mtimeMs)).toEqual(untouched)
        expect(readFileSync(join(outside, 'target.md'), 'utf8')).toBe(`${spam[0]} Outside the tree.\n`)
        expect(statSync(join(outside, 'target.md')).mtimeMs).toBe(targetStat)
        expect(readdirSync(dir).sort()).toEqual(listing)
      }),
      // Two CLI runs over six articles per case, a few seconds of CPU: four cases (each a batch of
      // six articles, so 24 injected articles in all).
      {numRuns: 4}
    )
    expect(runs).toBe(4)
  })
})
