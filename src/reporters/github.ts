import {relative, resolve} from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ReporterOptions} from './index.js'

/**
 * GitHub Actions workflow commands, one per finding: the runner turns each into an annotation on
 * the pull request's diff (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::reason`).
 */
export function github(files: VFile[], options: ReporterOptions): string {
  const lines: string[] = []
  for (const file of files) {
    const path = relative(options.cwd, resolve(file.cwd, file.path))
    for (const message of file.messages) lines.push(command(message, path))
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

function command(message: VFileMessage, path: string): string {
  const kind = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'notice'
  const properties: Array<[string, string | number | undefined]> = [['file', path]]
  const place = message.place
  if (place) {
    const start = 'start' in place ? place.start : place
    const end = 'end' in place ? place.end : place
    properties.push(['line', start.line], ['col', start.column], ['endLine', end.line], ['endColumn', end.column])
  }
  properties.push(['title', message.ruleId ?? message.source ?? 'copydesk'])
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
  return `::${kind} ${list}::${escapeData(message.reason)}`
}

// As the runner (actions/toolkit `command.ts`) unescapes them.
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
