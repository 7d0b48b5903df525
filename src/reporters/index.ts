import type {VFile} from 'vfile'

export interface ReporterOptions {
  color: boolean
  verbose: boolean
  quiet: boolean
  silent: boolean
  cwd: string
}

declare module 'vfile' {
  interface DataMap {
    /** Findings `--diff` left out of this file as not on changed lines (src/cli/git-diff.ts), for the reports to mention. */
    outsideDiff: number
  }
}

export type Reporter = (files: VFile[], options: ReporterOptions) => string

/**
 * One module per output format; `--format NAME` picks one, loaded on use: a run reports in one
 * format, and SARIF's rule list would load every rule (and its data) before linting starts.
 */
export const reporters: Record<string, () => Promise<Reporter>> = {
  pretty: async () => (await import('./pretty.js')).pretty,
  json: async () => (await import('./json.js')).json,
  html: async () => (await import('./html.js')).html,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github
}

/** Where a format's report goes: machine formats to stdout, the human report to stderr like remark. */
export const toStdout = new Set(['json', 'html', 'sarif', 'github'])
