import type {VFile} from 'vfile'
import {html} from './html.js'
import {github} from './github.js'
import {json} from './json.js'
import {pretty} from './pretty.js'
import {sarif} from './sarif.js'

export interface ReporterOptions {
  color: boolean
  verbose: boolean
  quiet: boolean
  silent: boolean
  cwd: string
}

export type Reporter = (files: VFile[], options: ReporterOptions) => string

/** One module per output format; `--format NAME` picks one. */
export const reporters: Record<string, Reporter> = {
  pretty,
  json,
  html,
  sarif,
  github
}

/** Where a format's report goes: machine formats to stdout, the human report to stderr like remark. */
export const toStdout = new Set(['json', 'html', 'sarif', 'github'])
