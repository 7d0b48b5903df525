import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {ReporterOptions} from './index.js'

/** The default: vfile-reporter's human-readable report. */
export function pretty(files: VFile[], options: ReporterOptions): string {
  const text = reporter(files, {color: options.color, verbose: options.verbose, quiet: options.quiet, silent: options.silent})
  return text ? text + '\n' : ''
}
