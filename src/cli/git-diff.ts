import {execFileSync} from 'node:child_process'
import {existsSync, realpathSync} from 'node:fs'
import {join, resolve} from 'node:path'
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
  let lines: Set<number> | undefined
  let hunk: {next: number; removed: string[]; added: Array<[number, string]>; lastRemovedUnterminated: boolean} | undefined
  const flush = () => {
    if (!hunk || !lines) return
    // Adding a newline at the end of the file rewrites the old last line: that line is not a change.
    const kept = hunk.lastRemovedUnterminated ? hunk.removed.length - 1 : -1
    for (const [index, [line, text]] of hunk.added.entries()) if (!(index === kept && text === hunk.removed[kept])) lines.add(line)
    hunk = undefined
  }
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      flush()
      const path = unquote(line.slice(4))
      lines = path.startsWith('b/') ? new Set() : undefined
      if (lines) changed.set(realPath(join(root, path.slice(2))), lines)
      continue
    }
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
    if (header) {
      flush()
      hunk = {next: Number(header[1]), removed: [], added: [], lastRemovedUnterminated: false}
    } else if (hunk && line.startsWith('-')) {
      hunk.removed.push(line.slice(1))
    } else if (hunk && line.startsWith('+')) {
      hunk.added.push([hunk.next++, line.slice(1)])
    } else if (hunk && line.startsWith('\\') && hunk.added.length === 0) {
      hunk.lastRemovedUnterminated = true
    }
  }
  flush()
}

/** Keep a finding when it starts on a changed line, or when any mention it points at (`cause`) does. */
export function keepChanged(files: VFile[], changed: ChangedLines): void {
  for (const file of files) {
    const lines = changed.get(realPath(resolve(file.cwd, file.path)))
    if (lines === 'all') continue
    file.messages = file.messages.filter((message) => {
      const starts = mentionLines(message)
      // A message with no place (a file that could not be read or parsed) is never hidden.
      if (starts.length === 0) return true
      return lines !== undefined && starts.some((line) => lines.has(line))
    })
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

/** git quotes unusual paths C-style ("a\tb", octal escapes for bytes). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path
  const bytes: number[] = []
  const body = path.slice(1, -1)
  const named: Record<string, number> = {a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92}
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      bytes.push(...Buffer.from(body[i]))
    } else if (/[0-7]/.test(body[i + 1] ?? '')) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(named[body[i + 1]] ?? body.charCodeAt(i + 1))
      i++
    }
  }
  return Buffer.from(bytes).toString('utf8')
}
