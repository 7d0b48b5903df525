import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {fixOf} from '../plugin/report.js'
import type {LegendStyle} from '../plugin/rule.js'
import {allRules} from '../../rules/index.js'
import type {ReporterOptions} from './index.js'
import {articlePieces, escape, parseArticle} from './markdown-html.js'

// Each rule's letter, background and underline are declared with the rule (rules/<id>/index.ts).
const ruleStyles: Record<string, LegendStyle> = Object.fromEntries(allRules.map((rule) => [rule.id, rule.legend]))
const otherStyle = {letter: '?', background: '#fff3c4', line: '2px dashed #000'}
const styleOf = (ruleId: string) => ruleStyles[ruleId] ?? otherStyle
const ruleOf = (m: VFileMessage) => m.ruleId ?? m.source ?? 'copydesk'

/** A message's text: escaped, with its `backticked` words as code. */
const prose = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')

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
  const fix = fixOf(m)
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
    `<span class="reason"><strong>${escape(f.rule)}</strong> (${severity(m)}): ${prose(m.reason)}</span>` +
    (m.note ? `<span class="why"><strong>Why:</strong> ${prose(m.note)}</span>` : '') +
    (fix ? `<span class="fix"><strong>Fix:</strong> ${escape(fix)}</span>` : '')
  )
}

/**
 * The article rendered from its Markdown, each run of text wrapped in a <mark> for every finding
 * that covers it, outermost (earliest, longest) first, so overlapping findings nest. A finding's
 * first piece is focusable and carries its letter and tooltip; later pieces are `more`. A finding
 * that covers no shown text (inside a link's URL, on markup) gets an empty marker where it starts.
 */
function renderArticle(text: string, findings: Finding[]): string {
  const pieces = articlePieces(text, parseArticle(text))
  const placed = findings.filter((f) => f.start >= 0)
  const shown = pieces.filter((p): p is {start: number; end: number} => 'start' in p && p.end > p.start)
  const covered = new Set(placed.filter((f) => shown.some((r) => f.start < r.end && f.end > r.start)))
  const markers = placed.filter((f) => !covered.has(f)).sort((a, b) => a.start - b.start || a.index - b.index)
  const opened = new Set<Finding>()
  const openTag = (f: Finding) => {
    if (opened.has(f)) return `<mark class="finding more" data-rule="${escape(f.rule)}" data-finding="${f.id}">`
    opened.add(f)
    return `<mark class="finding" data-rule="${escape(f.rule)}" data-finding="${f.id}" id="${f.id}" tabindex="0" aria-describedby="${f.id}-tip"><span class="tag" aria-hidden="true">${escape(styleOf(f.rule).letter)}</span><span class="tip" role="tooltip" id="${f.id}-tip">${details(f, text)}</span>`
  }
  let html = ''
  let marker = 0
  const markersUpTo = (at: number) => {
    for (; marker < markers.length && markers[marker].start <= at; marker++) html += openTag(markers[marker]) + '</mark>'
  }
  for (const piece of pieces) {
    if ('html' in piece) {
      html += piece.html
      continue
    }
    const inside = [...covered].filter((f) => f.start < piece.end && f.end > piece.start)
    const cuts = [piece.start, piece.end, ...inside.flatMap((f) => [f.start, f.end]), ...markers.slice(marker).map((f) => f.start)]
    const bounds = [...new Set(cuts.filter((at) => at >= piece.start && at <= piece.end))].sort((a, b) => a - b)
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i], bounds[i + 1]]
      markersUpTo(from)
      const over = inside.filter((f) => f.start < to && f.end > from).sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index)
      html += over.map(openTag).join('') + escape(text.slice(from, to)) + '</mark>'.repeat(over.length)
    }
  }
  if (marker < markers.length) {
    html += '<p class="after">'
    markersUpTo(Infinity)
    html += '</p>'
  }
  return html
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

/** By place in the file; findings with no place (a file that could not be read) last. */
const inReadingOrder = (list: Finding[]) =>
  [...list].sort((a, b) => (a.start < 0 ? 1 : 0) - (b.start < 0 ? 1 : 0) || a.start - b.start || a.end - b.end || a.index - b.index)

/** How many findings `--diff` dropped from this file as outside the changed lines. */
const outsideDiff = (file: VFile) => file.data.outsideDiff ?? 0

function position(m: VFileMessage) {
  const place = m.place
  if (!place) return 'file'
  return 'start' in place ? `${place.start.line}:${place.start.column}–${place.end.line}:${place.end.column}` : `${place.line}:${place.column}`
}

const css = `
:root { color: #111; background: #fff; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
/* The window's width: the article in a readable column, its findings beside it on wide screens. */
body { margin: 0 auto; max-width: 110rem; padding: 1rem 2rem 4rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 2px solid #111; padding-top: .75rem; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #777; padding: .2rem .5rem; text-align: left; vertical-align: top; }
.summary td { text-align: right; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
.article { position: relative; overflow-wrap: anywhere; border: 1px solid #999; padding: .25rem 1.5rem 1rem; border-radius: 4px; background: #fcfcfa; line-height: 1.75; }
.article h1 { font-size: 1.5rem; } .article h2 { font-size: 1.25rem; border: 0; margin-top: 1.5rem; padding: 0; word-break: normal; }
.article p, .article li { white-space: pre-line; } /* the author's lines, as positions count them */
.article p.wrapped { white-space: normal; } /* hard-wrapped Markdown: its line ends are not the author's */
.article blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid #bbb; }
.article pre { white-space: pre-wrap; background: #f0f0ec; padding: .5rem; }
.article .raw-html, .article .image, .article .imageReference, .article .definition { font-family: ui-monospace, monospace; font-size: .9em; color: #444; }
.article .unsafe-link { text-decoration: underline dotted; }
.front-matter { font-size: .9rem; } .front-matter caption { text-align: left; font-weight: bold; }
code { font: .92em ui-monospace, monospace; background: #0001; padding: 0 2px; border-radius: 2px; }
.tip code { background: #fff3; }
/* Nested findings: the outer one's colour and underline show below the inner one's. */
mark.finding { color: #111; padding: 0 1px .3em; border-radius: 2px; }
mark.finding mark.finding { padding-bottom: .15em; }
mark.finding mark.finding mark.finding { padding-bottom: 0; }
mark:focus { outline: 3px solid #000; outline-offset: 2px; }
.tag { font: bold .7em/1 ui-monospace, monospace; vertical-align: super; margin-right: 1px; padding: 0 2px; border: 1px solid #111; border-radius: 2px; background: #fff; color: #111; }
/* Positioned against the article, below the line it explains, so it never runs off the page. */
.tip { display: none; position: absolute; left: 1rem; right: 1rem; margin-top: .35rem; z-index: 10; max-width: 40rem; padding: .5rem .75rem;
  background: #111; color: #fff; border-radius: 4px; font-size: .9rem; line-height: 1.45; white-space: normal; box-shadow: 0 2px 8px #0006; }
.tip span, .details span { display: block; }
mark.finding:focus > .tip, mark.finding:hover:not(:has(mark.finding:hover)) > .tip { display: block; }
.findings { padding-left: 1.5rem; }
.findings li { margin: .4rem 0; }
.findings a { color: #0645ad; }
.details { margin-left: .25rem; }
.none { color: #1f6b1a; font-weight: bold; }
.left-out { color: #444; font-style: italic; }
@media (min-width: 64rem) {
  .file { display: grid; grid-template-columns: minmax(0, 48rem) minmax(20rem, 1fr); gap: 0 2.5rem; align-items: start; }
  .file > h2, .file > p { grid-column: 1 / -1; }
  .list { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
  .list h3 { margin-top: 0; }
}
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
    `<table class="summary"><caption class="visually-hidden">Findings by file and rule</caption><thead><tr><th scope="col">file</th>` +
    rules.map((rule) => `<th scope="col"><abbr title="${escape(rule)}">${escape(styleOf(rule).letter)}</abbr></th>`).join('') +
    `<th scope="col">total</th></tr></thead><tbody>` +
    files.map((file, i) => `<tr><th scope="row"><a href="#file-${i}">${escape(file.path)}</a></th>${rules.map((rule) => `<td>${count(i, rule)}</td>`).join('')}<td>${count(i)}</td></tr>`).join('') +
    `</tbody><tfoot><tr><th scope="row">all files</th>${rules.map((rule) => `<td>${findings.flat().filter((f) => f.rule === rule).length}</td>`).join('')}<td>${total}</td></tr></tfoot></table>`

  const articles = files
    .map((file, i) => {
      const list = inReadingOrder(findings[i])
        .map((f) => {
          const target = f.start >= 0 ? `<a href="#${f.id}">${position(f.message)}</a>` : position(f.message)
          return `<li id="${f.id}-item"><span class="swatch finding" data-rule="${escape(f.rule)}"><span class="tag" aria-hidden="true">${escape(styleOf(f.rule).letter)}</span>${escape(f.rule)}</span> ${target} <span class="details">${details(f, texts[i])}</span></li>`
        })
        .join('')
      const outside = outsideDiff(file)
      const leftOut = outside > 0 ? `<p class="left-out">${list ? '' : 'No findings on changed lines; '}${outside} finding${outside === 1 ? '' : 's'} outside the diff ${outside === 1 ? 'was' : 'were'} left out.</p>` : ''
      return (
        `<section class="file" aria-labelledby="file-${i}"><h2 id="file-${i}">${escape(file.path)}</h2>` +
        (list
          ? `<div class="article" data-file="${escape(file.path)}">${renderArticle(texts[i], findings[i])}</div><div class="list"><h3>Findings (${findings[i].length})</h3>${leftOut}<ol class="findings">${list}</ol></div>`
          : leftOut || `<p class="none">No findings.</p>`) +
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
