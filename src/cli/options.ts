import {parseArgs} from 'node:util'
import {reporters} from '../reporters/index.js'

/** Exit code 2 for anything the user must fix before copydesk can run. */
export class UsageError extends Error {}

interface Flag {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
  default?: string | boolean
  /** Shown in --help; the argument name comes first for string flags ("NAME  what it does"). */
  help: string
}

// One table: parseArgs reads it and --help prints it. Add a flag here, use it in cli.ts.
export const flags = {
  format: {type: 'string', short: 'f', default: 'pretty', help: `NAME  report format: ${Object.keys(reporters).join(', ')} (default: pretty)`},
  frail: {type: 'boolean', default: false, help: 'exit 1 on warnings too'},
  'max-warnings': {type: 'string', help: 'N  exit 1 when there are more than N warnings (ESLint\'s meaning; -1: no limit)'},
  diff: {type: 'string', help: '[BASE]  report only findings on lines changed against git BASE (default HEAD; `--diff=BASE` to be explicit)'},
  quiet: {type: 'boolean', short: 'q', default: false, help: 'report only files with findings'},
  silent: {type: 'boolean', short: 'S', default: false, help: 'report only errors'},
  verbose: {type: 'boolean', default: false, help: 'show why each finding matters (its note)'},
  fix: {type: 'boolean', default: false, help: "apply the findings' mechanical fixes (such as removing off-topic text) in place"},
  'fix-dry-run': {type: 'boolean', default: false, help: 'print the fixes as a unified diff on stdout instead of writing them'},
  'rc-path': {type: 'string', short: 'r', help: 'PATH  use this config file instead of finding .remarkrc.*'},
  'max-file-size': {type: 'string', help: 'MB  refuse files larger than MB megabytes (default: 2)'},
  'ignore-pattern': {type: 'string', short: 'i', multiple: true, help: 'GLOB  ignore files matching GLOB (repeatable)'},
  'no-error-on-unmatched-pattern': {type: 'boolean', default: false, help: 'a glob that matches no file is no error (default: exit 2, naming it)'},
  stdin: {type: 'boolean', default: false, help: 'lint the text on standard input instead of files'},
  'stdin-filename': {type: 'string', help: 'PATH  the name --stdin text goes by, for its config and report (default: stdin.md)'},
  jobs: {type: 'string', short: 'j', help: 'N  lint on N threads (default: the available parallelism)'},
  cache: {type: 'boolean', default: false, help: 'reuse findings for files, config and copydesk unchanged since the last run'},
  'cache-location': {type: 'string', help: 'PATH  the cache file, or a folder for it (default: .copydeskcache)'},
  shard: {type: 'string', help: 'I/N  lint only the I-th of N disjoint parts of the files (for parallel CI jobs)'},
  color: {type: 'boolean', help: 'colour the pretty report (default: when stderr is a terminal)'},
  'no-color': {type: 'boolean', help: 'never colour the report'},
  help: {type: 'boolean', short: 'h', default: false, help: 'show this help'},
  version: {type: 'boolean', short: 'v', default: false, help: 'show the version'}
} satisfies Record<string, Flag>

export type CliValues = {
  [K in keyof typeof flags]: (typeof flags)[K] extends {multiple: true}
    ? string[] | undefined
    : (typeof flags)[K]['type'] extends 'string'
      ? string | undefined
      : boolean | undefined
}

export function parseCli(argv: string[]): {values: CliValues; positionals: string[]} {
  const options = Object.fromEntries(
    Object.entries(flags as Record<string, Flag>).map(([name, {help: _help, ...spec}]) => [name, spec])
  )
  try {
    const {values, positionals} = parseArgs({args: joinNegativeValues(argv), allowPositionals: true, options: options as never})
    return {values: values as CliValues, positionals}
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see \`copydesk --help\`)`)
  }
}

/**
 * `--max-warnings -1`: parseArgs reads a value that starts with a dash as the next option, so a
 * negative number after a flag that takes a value is joined to it (`--max-warnings=-1`, `-j-1`).
 */
function joinNegativeValues(argv: string[]): string[] {
  const takesValue = new Set(Object.entries(flags as Record<string, Flag>).flatMap(([name, flag]) => (flag.type === 'string' ? [`--${name}`, ...(flag.short ? [`-${flag.short}`] : [])] : [])))
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...args, ...argv.slice(i)]
    if (takesValue.has(argv[i]) && /^-\d+$/.test(argv[i + 1] ?? '')) args.push(argv[i].startsWith('--') ? `${argv[i]}=${argv[++i]}` : `${argv[i]}${argv[++i]}`)
    else args.push(argv[i])
  }
  return args
}

export function helpText(): string {
  const rows = Object.entries(flags as Record<string, Flag>).map(([name, flag]) => {
    const [arg, text] = flag.type === 'string' ? flag.help.split(/\s{2,}/, 2) : ['', flag.help]
    const left = `${flag.short ? `-${flag.short}, ` : '    '}--${name}${arg ? ' ' + arg : ''}`
    // A flag too long for the column puts its text on the next line, in the column.
    return left.length < 27 ? `  ${left.padEnd(28)}${text}` : `  ${left}\n${' '.repeat(30)}${text}`
  })
  return `Usage: copydesk [options] [path | glob ...]
       copydesk [options] --stdin [--stdin-filename PATH] < article.md
       copydesk init [--force]   write .remarkrc.mjs and .pre-commit-config.yaml here

Lint Markdown articles for unsupported claims, unattributed statistics,
inconsistent currencies, off-topic inserts, vague attribution and hard sentences.

Options:
${rows.join('\n')}

Exit codes: 0 no errors (warnings pass); 1 errors, warnings with --frail, more
warnings than --max-warnings, or a file that could not be processed; 2 usage error,
missing path, a glob that matches no file, broken config, or an unknown rule id in
a copydesk comment.
`
}
