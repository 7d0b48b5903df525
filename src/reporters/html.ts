import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import type {Fix} from '../plugin/report.js'
import type {LegendStyle} from '../plugin/rule.js'
import {allRules} from '../../rules/index.js'
import type {ReporterOptions} from './index.js'

// Each rule's letter, background and underline are declared with the rule (rules/<id>/index.ts).
const ruleStyles: Record<string, LegendStyle> = Object.fromEntries(allRules.map((rule) => [rule.id, rule.legend]))
const otherStyle = {letter: '?', background: '#fff3c4', line: '2px dashed #000'}
const styleOf = (ruleId: string) => ruleStyles[ruleId] ?? otherStyle
const ruleOf = (m: VFileMessage) => m.ruleId ?? m.source ?? 'copydesk'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)

interface Finding {
  id: string
  index: number
  message: VFileMessage
  rule: string
  start: number
  end: number
}

const severity = (m: VFileMessage) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info')

/** The suggested fix in words: the rule's own fix span, else its `expected`. */
function suggestion(m: VFileMessage, text: string): string | undefined {
  const fix = (m as VFileMessage & {fix?: Fix}).fix
  if (fix) {
    const old = text.slice(fix.start, fix.end)
    return fix.text === '' ? `remove “${old.trim()}”` : `replace “${old}” with “${fix.text}”`
  }
  if (m.expected?.length) return `use ${m.expected.map((e) => `“${e}”`).join(' or ')}`
  return undefined
}

/** Details shown on hover/focus and in the list: reason, why and fix. */
function details(f: Finding, text: string): string {
  const m = f.message
  const fix = suggestion(m, text)
  return (
    `<span class="reason"><strong>${escape(f.rule)}</strong> (${severity(m)}): ${escape(m.reason)}</span>` +
    (m.note ? `<span class="why"><strong>Why:</strong> ${escape(m.note)}</span>` : '') +
    (fix ? `<span class="fix"><strong>Fix:</strong> ${escape(fix)}</span>` : '')
  )
}

/**
 * The article's text with each finding wrapped in a <mark>. Findings may nest (a statistic inside
 * a hard sentence) or cross; a crossing finding is closed and reopened as a second piece, and only
 * its first piece is focusable and carries the tooltip.
 */
function highlight(text: string, findings: Finding[]): string {
  const inline = findings.filter((f) => f.start >= 0)
  const bounds = [...new Set([0, text.length, ...inline.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b)
  const starting = new Map<number, Finding[]>()
  for (const f of inline) starting.set(f.start, [...(starting.get(f.start) ?? []), f])
  const open: Finding[] = []
  const opened = new Set<Finding>()
  let html = ''
  const openTag = (f: Finding) => {
    const first = !opened.has(f)
    opened.add(f)
    const {letter} = styleOf(f.rule)
    return first
      ? `<mark class="finding" data-rule="${escape(f.rule)}" data-finding="${f.id}" id="${f.id}" tabindex="0" aria-describedby="${f.id}-tip"><span class="tag" aria-hidden="true">${escape(letter)}</span><span class="tip" role="tooltip" id="${f.id}-tip">${details(f, text)}</span>`
      : `<mark class="finding more" data-rule="${escape(f.rule)}" data-finding="${f.id}">`
  }
  for (let i = 0; i < bounds.length; i++) {
    const at = bounds[i]
    // Close what ends here; anything above it on the stack is closed too and reopened after.
    const ending = open.filter((f) => f.end === at)
    if (ending.length > 0) {
      const deepest = Math.min(...ending.map((f) => open.indexOf(f)))
      const reopen = open.splice(deepest).filter((f) => f.end !== at)
      html += '</mark>'.repeat(reopen.length + ending.length)
      for (const f of reopen) {
        html += openTag(f)
        open.push(f)
      }
    }
    for (const f of (starting.get(at) ?? []).sort((a, b) => b.end - a.end || a.index - b.index)) {
      html += openTag(f)
      if (f.end === at) html += '</mark>' // an empty span still shows its letter
      else open.push(f)
    }
    if (i + 1 < bounds.length) html += escape(text.slice(at, bounds[i + 1]))
  }
  return html + '</mark>'.repeat(open.length)
}

function fileText(file: VFile, cwd: string): string {
  if (file.value !== undefined) return String(file.value)
  try {
    return readFileSync(resolve(file.cwd ?? cwd, file.path), 'utf8')
  } catch {
    return ''
  }
}

function findingsOf(file: VFile, text: string, fileIndex: number): Finding[] {
  const toOffset = location(text).toOffset
  const offset = (point: {line: number; column: number; offset?: number} | undefined) =>
    point ? (point.offset ?? toOffset(point) ?? -1) : -1
  return file.messages.map((message, index) => {
    const place = message.place
    const start = place ? offset('start' in place ? place.start : place) : -1
    const end = place && 'end' in place ? offset(place.end) : start
    return {id: `f${fileIndex}-${index}`, index, message, rule: ruleOf(message), start, end: end < start ? start : end}
  })
}

function position(m: VFileMessage) {
  const place = m.place
  if (!place) return 'file'
  return 'start' in place ? `${place.start.line}:${place.start.column}–${place.end.line}:${place.end.column}` : `${place.line}:${place.column}`
}

const css = `
:root { color: #111; background: #fff; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 2px solid #111; padding-top: .75rem; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #777; padding: .2rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
.article { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #999; padding: 1rem; border-radius: 4px; background: #fcfcfa; }
mark.finding { color: #111; padding: 0 1px; border-radius: 2px; }
mark.finding .finding { padding-top: .15em; padding-bottom: .15em; }
mark:focus { outline: 3px solid #000; outline-offset: 2px; }
.tag { font: bold .7em/1 ui-monospace, monospace; vertical-align: super; margin-right: 1px; padding: 0 2px; border: 1px solid #111; border-radius: 2px; background: #fff; color: #111; }
/* Positioned against the article, below the line it explains, so it never runs off the page. */
.tip { display: none; position: absolute; left: 1rem; right: 1rem; margin-top: .35rem; z-index: 10; max-width: 40rem; padding: .5rem .75rem;
  background: #111; color: #fff; border-radius: 4px; font-size: .9rem; line-height: 1.45; white-space: normal; box-shadow: 0 2px 8px #0006; }
.tip span, .details span { display: block; }
mark.finding:focus > .tip, mark.finding:hover:not(:has(mark.finding:hover)) > .tip { display: block; }
.findings li { margin: .4rem 0; }
.findings a { color: #0645ad; }
.details { margin-left: .25rem; }
.none { color: #1f6b1a; font-weight: bold; }
`

function ruleStyleCss(rules: string[]): string {
  return rules
    .map((rule) => {
      const {background, line} = styleOf(rule)
      return `[data-rule="${escape(rule)}"].finding, .swatch[data-rule="${escape(rule)}"] { background: ${background}; border-bottom: ${line}; }`
    })
    .join('\n')
}

/** One self-contained page: no scripts, no external assets; the articles' text is escaped. */
export function html(files: VFile[], options: ReporterOptions): string {
  const texts = files.map((file) => fileText(file, options.cwd))
  const findings = files.map((file, i) => findingsOf(file, texts[i], i))
  const rules = [...new Set([...Object.keys(ruleStyles), ...findings.flat().map((f) => f.rule)])]
  const total = findings.flat().length
  const count = (i: number, rule?: string) => findings[i].filter((f) => rule === undefined || f.rule === rule).length

  const legend = rules
    .map((rule) => `<li><span class="swatch finding" data-rule="${escape(rule)}"><span class="tag" aria-hidden="true">${escape(styleOf(rule).letter)}</span>${escape(rule)}</span></li>`)
    .join('')
  const summary =
    `<table><caption class="visually-hidden">Findings by file and rule</caption><thead><tr><th scope="col">file</th>` +
    rules.map((rule) => `<th scope="col"><abbr title="${escape(rule)}">${escape(styleOf(rule).letter)}</abbr></th>`).join('') +
    `<th scope="col">total</th></tr></thead><tbody>` +
    files.map((file, i) => `<tr><th scope="row"><a href="#file-${i}">${escape(file.path)}</a></th>${rules.map((rule) => `<td>${count(i, rule)}</td>`).join('')}<td>${count(i)}</td></tr>`).join('') +
    `</tbody><tfoot><tr><th scope="row">all files</th>${rules.map((rule) => `<td>${findings.flat().filter((f) => f.rule === rule).length}</td>`).join('')}<td>${total}</td></tr></tfoot></table>`

  const articles = files
    .map((file, i) => {
      const list = findings[i]
        .map((f) => {
          const target = f.start >= 0 ? `<a href="#${f.id}">${position(f.message)}</a>` : position(f.message)
          return `<li id="${f.id}-item"><span class="swatch finding" data-rule="${escape(f.rule)}"><span class="tag" aria-hidden="true">${escape(styleOf(f.rule).letter)}</span>${escape(f.rule)}</span> ${target} <span class="details">${details(f, texts[i])}</span></li>`
        })
        .join('')
      return (
        `<section aria-labelledby="file-${i}"><h2 id="file-${i}">${escape(file.path)}</h2>` +
        (list ? `<div class="article" data-file="${escape(file.path)}">${highlight(texts[i], findings[i])}</div><h3>Findings (${findings[i].length})</h3><ol class="findings">${list}</ol>` : `<p class="none">No findings.</p>`) +
        `</section>`
      )
    })
    .join('\n')

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>copydesk report: ${total} finding${total === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}</title>
<style>${css}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${ruleStyleCss(rules)}
</style>
</head>
<body>
<header>
<h1>copydesk report</h1>
<p>${total} finding${total === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}. Each finding is highlighted in the article with its rule’s letter, colour and underline; hover over it or move to it with the Tab key for the reason, why it matters and the suggested fix. The same details are listed under each article.</p>
<h2 id="legend">Rules</h2>
<ul class="legend" aria-labelledby="legend">${legend}</ul>
<h2 id="summary">Summary</h2>
${summary}
</header>
<main>
${articles}
</main>
</body>
</html>
`
}
