// The HTML report in a real browser: Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own). The page must show every finding where it belongs, run nothing
// from the article, and load nothing from outside.
import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {folder, run, seed} from './bin.js'

const executablePath = '/usr/bin/chromium'
const hostile = `# Hostile input

The council said <script>window.__ran = 'script'</script> the vote was close.

Critics say the plan <img src="x" onerror="window.__ran = 'img'"> will fail. 上海龙凤419体验 The end.

A [link](javascript:window.__ran='link') and <b onmouseover="window.__ran='hover'">bold</b> text, &amp; an entity.
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
        expect(await highlighted(id)).toBe(source.slice(m.place.start.offset, m.place.end.offset))
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
    await page.locator('text=bold').hover()
    expect(await page.evaluate(() => (window as unknown as {__ran?: string}).__ran)).toBeUndefined()
    const article = page.locator(`section:has(h2#file-${hostileIndex()}) .article`)
    expect(await article.locator('script, img, b, a').count()).toBe(0)
    expect(await page.locator('script, img, iframe, link[rel="stylesheet"]').count()).toBe(0)
    await expect(article.textContent()).resolves.toContain(`<script>window.__ran = 'script'</script>`)
    await expect(article.textContent()).resolves.toContain('<img src="x" onerror="window.__ran = \'img\'">')
    await expect(article.textContent()).resolves.toContain('&amp; an entity')
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
    const totals = await page.locator('tfoot td').allTextContents()
    expect(Number(totals.at(-1))).toBe(report[0].messages.length + report[1].messages.length)
    await page.screenshot({path: join(screenshots, 'seed-report.png'), fullPage: true})
    expect(existsSync(join(screenshots, 'seed-report.png'))).toBe(true)
    console.log(`screenshots: ${screenshots}`)
  })
})
