import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {VFile} from 'vfile'
import {helpText, parseCli, UsageError} from './options.js'
import {configErrorOf, isUnknownRuleInComment} from '../plugin/config.js'
import {explainFailures} from '../plugin/crash.js'
import {packageRoot} from '../plugin/data.js'
import {changedLines, expandDiffFlag, keepChanged} from './git-diff.js'
import {countWarnings, parseMaxWarnings} from './max-warnings.js'
import {createProgress} from './progress.js'
import {jobsOf} from './jobs.js'
import {reporters, toStdout} from '../reporters/index.js'
import {firstInvalidUtf8Line} from '../run/input.js'
import {lintFiles, mayBeGlob} from '../run/lint-files.js'
import {parseShard} from '../run/shard.js'

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'init') {
    const rest = argv.slice(1)
    if (rest.some((arg) => arg !== '--force')) throw new UsageError('`copydesk init` takes only --force')
    process.stdout.write((await import('./init.js')).init(process.cwd(), rest.length > 0))
    return 0
  }
  const {values, positionals} = parseCli(expandDiffFlag(argv, process.cwd()))
  if (values.help) {
    process.stdout.write(helpText())
    return 0
  }
  if (values.version) {
    process.stdout.write(JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')).version + '\n')
    return 0
  }
  const format = values.format ?? 'pretty'
  const loadReporter = reporters[format]
  if (!loadReporter) throw new UsageError(`unknown format \`${format}\` (expected ${Object.keys(reporters).join(', ')})`)
  const fixing = values.fix === true || values['fix-dry-run'] === true
  const stdin = values.stdin === true
  if (stdin) {
    if (positionals.length > 0) throw new UsageError('--stdin lints standard input: give no files or globs with it')
    if (fixing) throw new UsageError('--stdin text is no file to fix: lint it without --fix and --fix-dry-run')
    if (values.diff !== undefined) throw new UsageError('--stdin text is no file in git: --diff cannot find its changed lines')
  } else {
    if (values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename names the text read with --stdin: use it with --stdin')
    if (positionals.length === 0) throw new UsageError('no input: give files, folders or globs, or --stdin (see `copydesk --help`)')
  }
  // A missing path or an empty glob is said, by name, and the rest is still linted: one typo in a
  // list of files must not hide the findings of the others. The run still fails (exit 2).
  const missing = await missingInputs(positionals, values['no-error-on-unmatched-pattern'] === true)
  for (const problem of missing.values()) process.stderr.write(`copydesk: ${problem}\n`)
  const inputs = positionals.filter((path) => !missing.has(path))
  if (!stdin && inputs.length === 0) return 2
  if (values['fix-dry-run'] && toStdout.has(format)) throw new UsageError(`--fix-dry-run prints a diff on stdout: use it with --format pretty, not ${format}`)
  const rcPath = values['rc-path']
  if (rcPath && !existsSync(rcPath)) throw new UsageError(`no such config file: ${rcPath}`)
  const maxWarnings = parseMaxWarnings(values['max-warnings'])
  const changed = values.diff === undefined ? undefined : changedLines(values.diff, process.cwd())

  const maxFileSize = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size'])
  if (maxFileSize !== undefined && !(maxFileSize > 0)) throw new UsageError(`--max-file-size expects a positive number of megabytes, not \`${values['max-file-size']}\``)

  // 1. Lint.
  const lintOptions = {
    cwd: process.cwd(),
    rcPath,
    ignorePatterns: values['ignore-pattern'],
    maxFileBytes: maxFileSize && maxFileSize * 1e6
  }
  const progress = createProgress(process.stderr)
  let files = await lintFiles({
    ...lintOptions,
    files: stdin ? [standardInput(values['stdin-filename'] ?? 'stdin.md')] : inputs,
    jobs: jobsOf(values.jobs),
    cache: values.cache ? (values['cache-location'] ?? '.copydeskcache') : undefined,
    fixing,
    warn: (text: string) => process.stderr.write(`copydesk: ${text}\n`),
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    onFile: progress.onFile
  }).finally(progress.end)
  // --fix lints the files it changed again, here, to find what is left.
  const lintPaths = (paths: string[]) => lintFiles({...lintOptions, files: paths, jobs: 1})
  // A broken config is said once, by name; the files it governs are left out of the report and
  // the files under other configs are still reported. The run fails (exit 2).
  const brokenConfigs = new Set<string>()
  files = files.filter((file) => {
    const error = configErrorOf(file, process.cwd(), rcPath)
    if (error) brokenConfigs.add(error)
    return !error
  })
  for (const error of brokenConfigs) process.stderr.write(`copydesk: ${error}\n`)
  if (brokenConfigs.size > 0 && files.length === 0) return 2
  explainFailures(files)
  if (changed) keepChanged(files, changed)

  // 1b. Fix: write (or diff) the mechanical fixes; the report is of the fixed files.
  let fixProblems = false
  if (fixing) {
    // Loaded only to fix: it brings the diff library.
    const {fix} = await import('./fix.js')
    const fixed = await fix(files, {dryRun: values['fix-dry-run'] === true, roots: inputs, cwd: process.cwd(), relint: lintPaths})
    files = fixed.files
    process.stdout.write(fixed.diff)
    for (const problem of fixed.problems) process.stderr.write(`copydesk: ${problem}\n`)
    fixProblems = fixed.problems.length > 0
    if (changed) keepChanged(files, changed)
  }
  const warnings = countWarnings(files)

  // 2. Report.
  const options = {
    color: values['no-color'] ? false : (values.color ?? process.stderr.isTTY === true),
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    silent: values.silent === true,
    cwd: process.cwd()
  }
  const shown = filterFiles(files, options)
  const machine = toStdout.has(format)
  const output = (await loadReporter())(shown, {...options, color: machine ? false : options.color})
  if (output) (machine ? process.stdout : process.stderr).write(output)

  // 3. Exit code.
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`copydesk: too many warnings (${warnings}, maximum ${maxWarnings})\n`)
    return 1
  }
  if (missing.size > 0 || brokenConfigs.size > 0) return 2
  return fixProblems ? 1 : exitCode(files, values.frail === true)
}

/** The text on standard input, named `name`; its UTF-8 is checked here, on the bytes read (the file named is not opened). */
function standardInput(name: string): VFile {
  const bytes = readFileSync(0)
  return new VFile({path: resolve(name), value: bytes.toString('utf8'), data: {copydeskInvalidUtf8Line: firstInvalidUtf8Line(bytes) ?? false}})
}

/** The paths that do not exist and the globs that match no file (unless allowed not to), each with what to say. */
async function missingInputs(positionals: string[], allowUnmatched: boolean): Promise<Map<string, string>> {
  const missing = new Map<string, string>()
  for (const path of positionals) {
    // unified-engine's own glob library, loaded only for what may be a glob (a pre-commit hook names files).
    const globs = mayBeGlob(path) ? await import('glob') : undefined
    if (!globs?.hasMagic(path)) {
      if (!existsSync(path)) missing.set(path, `no such file or folder: ${path}`)
    } else if (!allowUnmatched && (await globs.glob(path, {cwd: process.cwd()})).length === 0) {
      // Else a mistyped glob in CI passes with nothing linted (ESLint refuses it too).
      missing.set(path, `no files match \`${path}\` (--no-error-on-unmatched-pattern lets it pass)`)
    }
  }
  return missing
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
  // A misspelt rule id in a comment is a usage error, like one in the config (the report names it).
  if (files.some((file) => file.messages.some(isUnknownRuleInComment))) return 2
  const failed = files.some((file) => file.messages.some((m) => m.fatal === true || (frail && m.fatal === false)))
  return failed ? 1 : 0
}

// A reader that stops early (`copydesk --format json … | head`) has what it wants: end quietly, as
// cat and grep do, with the run's exit code, not an unhandled EPIPE and its stack trace.
// Any other failure to write (a full disk: ENOSPC) is said in one line on the other stream, when
// that one still works, not as a stack trace of minified source; the run failed: exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    if (stream === process.stdout) {
      try {
        process.stderr.write(`copydesk: cannot write the report: ${error.message}\n`)
      } catch {
        // Nowhere left to say it.
      }
    }
    process.exit(1)
  })
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
