import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {configErrorOf} from './config.js'
import {packageRoot} from './data.js'
import {lint} from './engine.js'
import {reporters, toStdout} from './reporters/index.js'

const usage = `Usage: copydesk [options] [path | glob ...]

Lint Markdown articles for unsupported claims, unattributed statistics,
inconsistent currencies, off-topic inserts, vague attribution and hard sentences.

Options:
  -f, --format NAME         report format: ${Object.keys(reporters).join(', ')} (default: pretty)
      --frail               exit 1 on warnings too
  -q, --quiet               report only files with findings
  -S, --silent              report only errors
      --verbose             show why each finding matters (its note)
  -r, --rc-path PATH        use this config file instead of finding .remarkrc.*
  -i, --ignore-pattern GLOB ignore files matching GLOB (repeatable)
      --color / --no-color  colour the pretty report (default: when stderr is a terminal)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors (warnings pass), 1 errors, or warnings with --frail, or a file failed,
2 usage error, missing path or broken config.`

/** Exit code 2 for anything the user must fix before copydesk can run. */
class UsageError extends Error {}

const isGlob = (pattern: string) => /[*?[\]{}!]/.test(pattern)

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', short: 'f', default: 'pretty'},
        frail: {type: 'boolean', default: false},
        quiet: {type: 'boolean', short: 'q', default: false},
        silent: {type: 'boolean', short: 'S', default: false},
        verbose: {type: 'boolean', default: false},
        'rc-path': {type: 'string', short: 'r'},
        'ignore-pattern': {type: 'string', short: 'i', multiple: true},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see \`copydesk --help\`)`)
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(usage + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')).version + '\n')
    return 0
  }
  const reporter = reporters[values.format!]
  if (!reporter) throw new UsageError(`unknown format \`${values.format}\` (expected ${Object.keys(reporters).join(', ')})`)
  if (positionals.length === 0) throw new UsageError('no input: give files, folders or globs (see `copydesk --help`)')
  for (const path of positionals) {
    if (!isGlob(path) && !existsSync(path)) throw new UsageError(`no such file or folder: ${path}`)
  }
  const rcPath = values['rc-path']
  if (rcPath && !existsSync(rcPath)) throw new UsageError(`no such config file: ${rcPath}`)

  const {files} = await lint({files: positionals, rcPath, ignorePatterns: values['ignore-pattern']})
  const configError = configErrorOf(files, process.cwd(), rcPath)
  if (configError) throw new UsageError(configError)

  const options = {
    color: values['no-color'] ? false : (values.color ?? process.stderr.isTTY === true),
    verbose: values.verbose!,
    quiet: values.quiet!,
    silent: values.silent!,
    cwd: process.cwd()
  }
  const shown = filterFiles(files, options)
  const output = reporter(shown, {...options, color: toStdout.has(values.format!) ? false : options.color})
  if (output) (toStdout.has(values.format!) ? process.stdout : process.stderr).write(output)
  return exitCode(files, values.frail!)
}

/** `--silent` keeps only errors; `--quiet` (and `--silent`) drop files with nothing to say. */
function filterFiles(files: VFile[], options: {quiet: boolean; silent: boolean}): VFile[] {
  if (!options.quiet && !options.silent) return files
  return files.filter((file) => {
    if (options.silent) file.messages = file.messages.filter((m) => m.fatal === true)
    return file.messages.length > 0
  })
}

export function exitCode(files: VFile[], frail: boolean): number {
  const failed = files.some((file) => file.messages.some((m) => m.fatal === true || (frail && m.fatal === false)))
  return failed ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const message = error instanceof UsageError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`
    process.stderr.write(`copydesk: ${message}\n`)
    process.exitCode = error instanceof UsageError ? 2 : 1
  }
)
