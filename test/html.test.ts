// The HTML report in a real browser: Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own). The page must show every finding where it belongs, run nothing
// from the article, and load nothing from outside.
import {execFileSync} from 'node:child_process'
import {appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {folder, run, seed} from './bin.js'

const executablePath = '/usr/bin/chromium'
const hostile = `---
title: "Council <script>window.__ran = 'front'</script> vote"
source_url: https://example.com/?a=1&b=<i>
---

# Hostile input

The council said <script>window.__ran = 'script'</script> the vote was close.

Critics say the plan <img src="x" onerror="window.__ran = 'img'"> will fail. 上海龙凤419体验 The end.

A [link](javascript:window.__ran='link') and <b onmouseover="window.__ran='hover'">bold</b> text, &amp; an entity.

## Sources

- A [tabbed link](jav&#x09;ascript:window.__ran='tab') and a [data link](data:text/html,hi).
- The [minutes](https://example.com/min?a=1&b="2") say *so*, and **the** \`vote\` [file](../vote.md) too.

> Critics say the *plan* will
> fail, a [mail](mailto:desk@example.com) said.
`

interface Message {
  ruleId: string
  place: {start: {offset: number}; end: {offset: number}}
}

let context: BrowserContext
let page: Page
const requests: string[] = []
const screenshots = mkdtempSync(join(tmpdir(), 'copydesk-html-'))
let dir: string
let report: Array<{path: string; messages: Message[]}>

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium (.ci/run does it)`)
  dir = folder({'hostile.md': hostile})
  copyFileSync(seed, join(dir, 'shanghai-tech.md'))
  const html = run(['--format', 'html', 'shanghai-tech.md', 'hostile.md'], dir)
  expect(html.code).toBe(0)
  writeFileSync(join(dir, 'report.html'), html.stdout)
  report = JSON.parse(run(['--format', 'json', 'shanghai-tech.md', 'hostile.md'], dir).stdout)

  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'copydesk-chromium-')), {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1100, height: 900}
  })
  page = context.pages()[0] ?? (await context.newPage())
  page.on('request', (request) => requests.push(request.url()))
  page.on('dialog', (dialog) => void dialog.dismiss())
  await page.goto(pathToFileURL(join(dir, 'report.html')).href)
})

afterAll(async () => {
  await context?.close()
})

/** The text a finding highlights: its pieces' text without the letters and tooltips inside. */
const highlighted = (id: string) =>
  page.evaluate((id) => {
    return [...document.querySelectorAll(`mark[data-finding="${id}"]`)]
      .map((mark) => {
        const copy = mark.cloneNode(true) as Element
        for (const extra of copy.querySelectorAll('.tag, .tip')) extra.remove()
        return copy.textContent
      })
      .join('')
  }, id)

const isSubsequence = (part: string, whole: string) => {
  let at = 0
  for (const c of part) {
    at = whole.indexOf(c, at) + 1
    if (at === 0) return false
  }
  return true
}

const seedIndex = () => report.findIndex((file) => file.path === 'shanghai-tech.md')
const hostileIndex = () => report.findIndex((file) => file.path === 'hostile.md')

describe('--format html in Chromium', () => {
  it('shows every finding highlighted in place, visible, in the right article', async () => {
    for (const [fileIndex, file] of report.entries()) {
      const source = readFileSync(join(dir, file.path), 'utf8')
      expect(file.messages.length).toBeGreaterThan(0)
      for (const [index, m] of file.messages.entries()) {
        const id = `f${fileIndex}-${index}`
        const mark = page.locator(`#${id}`)
        await expect(mark.getAttribute('data-rule')).resolves.toBe(m.ruleId)
        expect(await mark.isVisible()).toBe(true)
        const box = await mark.boundingBox()
        expect(box && box.width > 0 && box.height > 0).toBe(true)
        // The rendered text drops Markdown's syntax; with none in the span it is the span exactly.
        const slice = source.slice(m.place.start.offset, m.place.end.offset)
        const shown = await highlighted(id)
        expect(isSubsequence(shown, slice)).toBe(true)
        if (!/[\\*_`[\]()<>!#\n-]/.test(slice)) expect(shown).toBe(slice)
        expect(await page.locator(`section:has(h2#file-${fileIndex}) .article #${id}`).count()).toBe(1)
        await expect(page.locator(`#${id}-item`).textContent()).resolves.toContain(m.ruleId)
      }
    }
    // The seed's three inserted runs are marked as off-topic, each with its letter.
    const marks = page.locator(`section:has(h2#file-${seedIndex()}) mark[data-rule="off-topic-insert"][tabindex]`)
    const runs: string[] = []
    for (const id of await marks.evaluateAll((all) => all.map((m) => m.id))) runs.push(await highlighted(id))
    expect(runs).toEqual(['新夜上海论坛', '上海龙凤419体验', '上海喝茶群vx'])
    expect(await marks.locator(':scope > .tag').allTextContents()).toEqual(['O', 'O', 'O'])
  })

  it('escapes the article: no script, handler or markup from it runs or renders as HTML', async () => {
    // (The paragraph that holds the <b onmouseover> text: no finding marks it any more, since the
    // draft is no copied page, so "bold" is no element of its own.)
    await page.locator(`section:has(h2#file-${hostileIndex()}) .article p`, {hasText: 'an entity'}).hover()
    expect(await page.evaluate(() => (window as unknown as {__ran?: string}).__ran)).toBeUndefined()
    const article = page.locator(`section:has(h2#file-${hostileIndex()}) .article`)
    expect(await article.locator('script, img, b, [onerror], [onmouseover]').count()).toBe(0)
    // Links keep only http(s), mailto and relative targets; the others are plain text.
    const hrefs = await article.locator('a').evaluateAll((all) => all.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(['https://example.com/min?a=1&b="2"', '../vote.md', 'mailto:desk@example.com'])
    expect(await article.locator('.unsafe-link').allTextContents()).toEqual(['link', 'tabbed link', 'data link'])
    expect(await page.locator('script, img, iframe, link[rel="stylesheet"]').count()).toBe(0)
    await expect(article.textContent()).resolves.toContain(`<script>window.__ran = 'script'</script>`)
    await expect(article.textContent()).resolves.toContain('<img src="x" onerror="window.__ran = \'img\'">')
    await expect(article.textContent()).resolves.toContain('&amp; an entity')
    await expect(article.locator('.front-matter').textContent()).resolves.toContain(`<script>window.__ran = 'front'</script>`)
    // Self-contained: the page loaded nothing but itself.
    expect(requests).toEqual([pathToFileURL(join(dir, 'report.html')).href])
  })

  it('shows reason, why and fix on keyboard focus, with a legend and a summary table', async () => {
    const first = `f${seedIndex()}-0`
    const tip = page.locator(`#${first}-tip`)
    expect(await tip.isVisible()).toBe(false)
    await page.locator('body').focus()
    await page.keyboard.press('Tab') // the first link in the summary table
    let focused = ''
    for (let i = 0; i < 60 && !/^f\d+-\d+$/.test(focused); i++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => document.activeElement?.id ?? '')
    }
    expect(focused).toMatch(/^f\d+-\d+$/)
    const shown = page.locator(`#${focused}-tip`)
    expect(await shown.isVisible()).toBe(true)
    expect(await shown.textContent()).toMatch(/Why: /)
    await page.locator(`#${first}`).focus()
    expect(await tip.isVisible()).toBe(true)
    await page.screenshot({path: join(screenshots, 'seed-report-focus.png'), fullPage: false})

    const offTopicTip = await page.locator(`section:has(h2#file-${seedIndex()}) mark[data-rule="off-topic-insert"][tabindex] .tip`).first().textContent()
    expect(offTopicTip).toContain('Fix: remove “新夜上海论坛”')
    expect(await page.locator('.legend li').allTextContents()).toEqual(expect.arrayContaining(['Sunsupported-superlative', 'Ooff-topic-insert', 'Rreadability']))
    const totals = await page.locator('.summary tfoot td').allTextContents()
    expect(Number(totals.at(-1))).toBe(report[0].messages.length + report[1].messages.length)
    await page.screenshot({path: join(screenshots, 'seed-report.png'), fullPage: true})
    expect(existsSync(join(screenshots, 'seed-report.png'))).toBe(true)
    console.log(`screenshots: ${screenshots}`)
  })

  it('renders the article from its Markdown: headings, paragraphs, lists, quotes, emphasis, code, front matter', async () => {
    const article = page.locator(`section:has(h2#file-${hostileIndex()}) .article`)
    // The article's own elements and their text, without the findings' letters and tooltips.
    const texts = (selector: string) =>
      article.locator(selector).evaluateAll((all) =>
        all
          .filter((element) => !element.closest('.tip'))
          .map((element) => {
            const copy = element.cloneNode(true) as Element
            for (const extra of copy.querySelectorAll('.tag, .tip')) extra.remove()
            return copy.textContent
          })
      )
    expect(await texts('h1')).toEqual(['Hostile input'])
    expect(await texts('h2')).toEqual(['Sources'])
    expect(await article.locator(':scope > p').count()).toBe(3)
    expect(await article.locator('ul > li').count()).toBe(2)
    expect(await article.locator('li > p').count()).toBe(0) // a tight list, as Markdown renders it
    expect(await texts('blockquote > p')).toEqual(['Critics say the plan will\nfail, a mail said.'])
    expect(await texts('em')).toEqual(['so', 'plan'])
    expect(await texts('strong')).toEqual(['the'])
    expect(await texts('code')).toEqual(['vote'])
    // No Markdown syntax is left in the text: no heading marks, fences or quote marks.
    expect((await texts(':scope > *')).join('\n')).not.toMatch(/^#|\n#|^---|\n> /)
    expect(await texts('.front-matter th')).toEqual(['title', 'source_url'])
    expect(await texts('.front-matter td')).toEqual([`"Council <script>window.__ran = 'front'</script> vote"`, 'https://example.com/?a=1&b=<i>'])
  })

  it('nests overlapping findings, each whole, and lists findings in reading order', async () => {
    const file = report[seedIndex()]
    const spans = file.messages.map((m, index) => ({id: `f${seedIndex()}-${index}`, start: m.place.start.offset, end: m.place.end.offset}))
    const overlapping = spans.flatMap((a) => spans.filter((b) => a.id < b.id && a.start < b.end && b.start < a.end).map((b) => [a, b]))
    expect(overlapping.length).toBeGreaterThan(0)
    for (const [a, b] of overlapping) {
      // Some piece of one lies inside a piece of the other: both show where they meet.
      const nested = await page.locator(`mark[data-finding="${a.id}"] mark[data-finding="${b.id}"], mark[data-finding="${b.id}"] mark[data-finding="${a.id}"]`).count()
      expect(nested, `${a.id} and ${b.id}`).toBeGreaterThan(0)
    }
    const listed = await page.locator(`section:has(h2#file-${seedIndex()}) .findings > li`).evaluateAll((all) => all.map((li) => li.id.replace(/-item$/, '')))
    const starts = listed.map((id) => spans.find((s) => s.id === id)!.start)
    expect(listed).toHaveLength(spans.length)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('uses the window: the findings list sits beside the article; message code is code', async () => {
    const section = page.locator(`section:has(h2#file-${seedIndex()})`)
    const article = (await section.locator('.article').boundingBox())!
    const list = (await section.locator('.list').boundingBox())!
    expect(list.x).toBeGreaterThanOrEqual(article.x + article.width)
    expect(list.x + list.width).toBeGreaterThan(0.85 * 1100)
    const reasons = section.locator('.findings .reason')
    expect(await reasons.locator('code').count()).toBeGreaterThan(0)
    for (const text of await reasons.allTextContents()) expect(text).not.toContain('`')
  })
})

describe('--format html with --diff', () => {
  it('says how many findings outside the diff were left out, instead of calling the file clean', () => {
    const dir = folder()
    copyFileSync(seed, join(dir, 'a.md'))
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {cwd: dir})
    git('init', '-q')
    git('add', 'a.md')
    git('commit', '-qm', 'seed')
    appendFileSync(join(dir, 'a.md'), '\n\nThe council met on Tuesday.\n')
    const all = JSON.parse(run(['--format', 'json', 'a.md'], dir).stdout)[0].messages.length
    expect(all).toBeGreaterThan(0)
    const html = run(['--format', 'html', '--diff', 'a.md'], dir)
    expect(html.stdout).toContain(`No findings on changed lines; ${all} findings outside the diff were left out.`)
    expect(html.stdout).not.toContain('No findings.<')
    expect(run(['--diff', 'a.md'], dir).stderr).toContain(`a.md: ${all} findings outside the diff left out`)
  })
})

describe('html reporter, findings on no shown text', () => {
  it('gives a finding inside a link URL an empty marker where it starts, and lists a finding with no place last', async () => {
    const {html} = await import('../src/reporters/html.js')
    const value = 'Intro words here.\n\nSee [the minutes](https://example.com/minutes) now.\n'
    const file = new VFile({path: 'a.md', value})
    const url = value.indexOf('example')
    file.message('in the URL', {start: location(value).toPoint(url)!, end: location(value).toPoint(url + 7)!}).ruleId = 'unattributed-statistic'
    file.message('whole file').ruleId = 'readability'
    file.message('on the intro', {start: {line: 1, column: 1}, end: {line: 1, column: 6}}).ruleId = 'unsupported-superlative'
    const out = html([file], {color: false, verbose: false, quiet: false, silent: false, cwd: process.cwd()})
    // The URL's finding: an empty, focusable marker in the link's paragraph, after the link text.
    expect(out).toMatch(/<p>See <a href="https:\/\/example.com\/minutes"[^>]*>the minutes<\/a><mark class="finding" data-rule="unattributed-statistic" data-finding="f0-0" id="f0-0" tabindex="0"[^>]*>[\s\S]*?<\/mark> now\.<\/p>/)
    const order = [...out.matchAll(/<li id="(f0-\d+)-item"/g)].map((m) => m[1])
    expect(order).toEqual(['f0-2', 'f0-0', 'f0-1'])
  })
})

describe('html reporter, hard-wrapped paragraphs', () => {
  it('lets a paragraph filled to a width flow, and keeps the lines of a draft with one newline between paragraphs', async () => {
    const {html} = await import('../src/reporters/html.js')
    // A file is shown with its findings: one on its first word.
    const render = (value: string) => {
      const file = new VFile({path: 'a.md', value})
      file.message('first word', {start: {line: 1, column: 1}, end: {line: 1, column: 4}}).ruleId = 'readability'
      return html([file], {color: false, verbose: false, quiet: false, silent: false, cwd: process.cwd()})
    }
    const wrapped = 'The company will invest ¥300 billion in a new plant near Shanghai and 500 million USD in a\ndesign centre in Texas, the firm said. It also set aside €40 million for a research lab in\nDresden.\n'
    expect(render(wrapped)).toMatch(/<p class="wrapped"><mark[^>]*>[\s\S]*?<\/mark> company will invest/)
    // The seed article's paragraphs are lines of their own, which hard wrapping would have filled.
    const seedReport = render(readFileSync(seed, 'utf8'))
    expect(seedReport).not.toContain('class="wrapped"')
    expect(seedReport).toContain('.article p.wrapped { white-space: normal; }')
  })
})
