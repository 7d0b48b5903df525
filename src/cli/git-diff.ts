import {existsSync, realpathSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, resolve} from 'node:path'
import {parsePatch} from 'diff'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {UsageError} from './options.js'

/**
 * `--diff [BASE]`: keep only findings on lines added or changed since BASE, so a pull request or a
 * commit is judged on what it touched. Working-tree changes count, staged or not; untracked files
 * count as all new. Against a branch, lines are compared with the merge base, as a pull request is.
 */

/** Lines added or changed per file (real path); `all` for files git does not track yet. */
export type ChangedLines = Map<string, Set<number> | 'all'>

/**
 * parseArgs has no optional values: `--diff` alone becomes `--diff=HEAD`, and `--diff X` takes X as
 * the base only when X names a commit and is not a path (write `--diff=X` to say so outright).
 */
export function expandDiffFlag(argv: string[], cwd: string): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      out.push(...argv.slice(i))
      break
    }
    if (argv[i] !== '--diff') {
      out.push(argv[i])
      continue
    }
    const next = argv[i + 1]
    const isBase = next !== undefined && !next.startsWith('-') && !existsSync(resolve(cwd, next)) && commitOf(next, cwd) !== undefined
    out.push(`--diff=${isBase ? next : 'HEAD'}`)
    if (isBase) i++
  }
  return out
}

export function changedLines(base: string, cwd: string): ChangedLines {
  const top = git(['rev-parse', '--show-toplevel'], cwd)
  if (top === undefined) throw new UsageError(`--diff needs a git repository, and ${cwd} is not in one`)
  const root = top.trim()
  const changed: ChangedLines = new Map()
  const baseCommit = commitOf(base, root)
  if (baseCommit === undefined && base !== 'HEAD') throw new UsageError(`--diff: unknown git revision \`${base}\``)
  if (baseCommit !== undefined) {
    // Against a branch, what this side changed since the two split; against HEAD (or an ancestor) the same commit.
    const head = commitOf('HEAD', root)
    const from = (head && git(['merge-base', baseCommit, head], root)?.trim()) || baseCommit
    const patch = git(['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', '-M', from, '--'], root) ?? ''
    addHunks(patch, root, changed)
  }
  // Files git does not track yet are all new (with no commit at all, that is every file).
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', ...(baseCommit === undefined ? ['--cached'] : [])], root) ?? ''
  for (const path of untracked.split('\0').filter(Boolean)) changed.set(realPath(join(root, path)), 'all')
  return changed
}

function addHunks(patch: string, root: string, changed: ChangedLines) {
  for (const file of parsePatch(patch)) {
    // A deleted file's new name is /dev/null: nothing of it is left to lint.
    if (!file.newFileName?.startsWith('b/')) continue
    const lines = new Set<number>()
    changed.set(realPath(join(root, file.newFileName.slice(2))), lines)
    for (const hunk of file.hunks) {
      const removed = hunk.lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1))
      const added = hunk.lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1))
      // Adding a newline at the end of the file rewrites the old last line: that line is not a change.
      // ("\ No newline at end of file" before any added line marks the old last line.)
      const marker = hunk.lines.findIndex((line) => line.startsWith('\\'))
      const firstAdded = hunk.lines.findIndex((line) => line.startsWith('+'))
      const kept = marker !== -1 && (firstAdded === -1 || marker < firstAdded) ? removed.length - 1 : -1
      for (const [index, text] of added.entries()) if (!(index === kept && text === removed[kept])) lines.add(hunk.newStart + index)
    }
  }
}

/**
 * Keep a finding when it starts on a changed line, or when any mention it points at (`cause`) does.
 * How many were left out is kept in `file.data.outsideDiff`, so a report can say so rather than
 * call the file clean.
 */
export function keepChanged(files: VFile[], changed: ChangedLines): void {
  for (const file of files) {
    const lines = changed.get(realPath(resolve(file.cwd, file.path)))
    if (lines === 'all') continue
    const before = file.messages.length
    file.messages = file.messages.filter((message) => {
      const starts = mentionLines(message)
      // A message with no place (a file that could not be read or parsed) is never hidden.
      if (starts.length === 0) return true
      return lines !== undefined && starts.some((line) => lines.has(line))
    })
    file.data.outsideDiff = (file.data.outsideDiff ?? 0) + before - file.messages.length
  }
}

function mentionLines(message: VFileMessage): number[] {
  const starts: number[] = []
  for (let m: unknown = message; m && typeof m === 'object' && 'reason' in m; m = (m as VFileMessage).cause) {
    const place = (m as VFileMessage).place
    const line = place ? ('start' in place ? place.start.line : place.line) : undefined
    if (line) starts.push(line)
  }
  return starts
}

function commitOf(revision: string, cwd: string): string | undefined {
  return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd)?.trim() || undefined
}

/** Run git; undefined when it fails (not a repository, unknown revision). */
function git(args: string[], cwd: string): string | undefined {
  // node:child_process (with net and dgram) is loaded only for --diff: it cost every run's start.
  const {execFileSync} = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process')
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024})
  } catch {
    return undefined
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
