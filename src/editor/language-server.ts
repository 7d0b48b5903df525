import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'
import {createUnifiedLanguageServer} from 'unified-language-server'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import copydesk from '../plugin/preset.js'
import {fixOf} from '../plugin/report.js'
import {defaultMaxFileMegabytes, remarkCheckInput} from '../run/input.js'

// The plugins of a bare `remark` processor: with only these, no config file was found.
const parserAndCompiler = new Set(['remarkParse', 'remarkStringify'])

/**
 * With no `.remarkrc.*` (or `remarkConfig`) for a document, lint it with copydesk's defaults, as
 * the CLI does. unified-language-server has no default-config setting: the plugins it is given
 * come after the configured ones, so the configured ones are already attached here. The preset
 * is attached in place, not with `use`, so its plugins come before the quick-fix plugin's.
 */
export function copydeskWhenUnconfigured(this: Processor) {
  const configured = this.attachers.some(([plugin]) => plugin !== copydeskWhenUnconfigured && plugin !== quickFixesFromFixSpans && plugin !== remarkCheckInput && !parserAndCompiler.has(plugin.name))
  if (!configured) copydesk.call(this as Processor<never>)
}

/**
 * unified-language-server offers each `expected` value as a quick fix that replaces the
 * diagnostic's range. A finding with a fix span gets exactly that: the range of its fix and the
 * fix's text, so the editor's quick fix makes the same edit as `copydesk --fix`.
 */
export function quickFixesFromFixSpans(this: Processor, _options?: unknown, fileSet?: FileSet) {
  fileSet?.use(noEngineReport)
  // Plugins a preset adds while it is attached come after every configured plugin; adding this
  // one the same way puts it after them too, once their messages exist.
  this.use(() => (_tree: unknown, file: VFile) => {
    const toPoint = location(String(file.value)).toPoint
    for (const message of file.messages) {
      const fix = fixOf(message)
      const start = fix && toPoint(fix.start)
      const end = fix && toPoint(fix.end)
      if (!fix || !start || !end) continue
      message.expected = [fix.text]
      message.place = {start, end}
    }
  })
}

/** What unified-engine gives plugins as their second argument: the files of this run. */
interface FileSet {
  use(completer: (set: {valueOf(): VFile[]}) => void): void
}

/**
 * unified-language-server 4.1.0 gives unified-engine a `streamError` PassThrough that nobody
 * reads: once the engine's text report of a run passes its 16 KB buffer, the write never
 * completes and no diagnostic is ever published again. The report is of no use here (the
 * diagnostics are), so once every file is linted the engine is told they were not given to it,
 * and it writes no report at all.
 */
function noEngineReport(set: {valueOf(): VFile[]}) {
  for (const file of set.valueOf()) file.data.unifiedEngineGiven = false
}

declare module 'vfile' {
  interface DataMap {
    /** unified-engine's mark of a file it was given (it reports only those). */
    unifiedEngineGiven: boolean
  }
}

/**
 * The copydesk language server: remark-language-server's settings (it reads the same
 * `.remarkrc.*`, `.remarkignore` and `remarkConfig` as the CLI and `remark`), so the editor shows
 * exactly the findings the CLI reports, as diagnostics whose code is the rule id; with no config it
 * uses copydesk's defaults, like the CLI.
 */
export function startLanguageServer() {
  process.title = 'copydesk-language-server'
  // vscode-languageserver picks its transport from argv; editors mostly spawn it on stdio.
  if (!process.argv.some((arg) => /^--(?:stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio')
  createUnifiedLanguageServer({
    processorName: 'remark',
    processorSpecifier: 'remark',
    configurationSection: 'remark',
    rcName: '.remarkrc',
    ignoreName: '.remarkignore',
    packageField: 'remarkConfig',
    pluginPrefix: 'remark',
    // The CLI's input checks first: a document over its size limit (a 5 MB paste stalled every
    // request for 50 s) or one that would overflow the parser gets one diagnostic saying why.
    plugins: [[remarkCheckInput, {maxFileBytes: defaultMaxFileMegabytes * 1e6}], copydeskWhenUnconfigured, quickFixesFromFixSpans] as never,
    // Used when the workspace has no `remark` of its own.
    defaultProcessor: unified().use(remarkParse).use(remarkStringify) as never
  })
}
