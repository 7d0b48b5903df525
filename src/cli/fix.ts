import {randomBytes} from 'node:crypto'
import {chmodSync, chownSync, existsSync, lstatSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {createTwoFilesPatch} from 'diff'
import type {VFile} from 'vfile'
import {fixOf, type Fix} from '../plugin/report.js'

export interface FixOptions {
  /** Print a unified diff instead of writing. */
  dryRun: boolean
  /** The paths given on the command line: files are fixed only inside them (or the working folder). */
  roots: string[]
  cwd: string
  /** Lint these paths again (after writing), so the report and a further pass see the fixed text. */
  relint: (paths: string[]) => Promise<VFile[]>
}

export interface FixResult {
  /** The files to report: the ones written are linted again. */
  files: VFile[]
  /** The unified diff of `--fix-dry-run`. */
  diff: string
  /** One line per file that was not fixed, and why. */
  problems: string[]
}

const byteOrderMark = '\uFEFF'

// Overlapping fixes are skipped in a pass and applied in the next one, ESLint-style.
const maxPasses = 10

const fixesOf = (file: VFile): Fix[] =>
  file.messages.map(fixOf).filter((fix): fix is Fix => fix !== undefined)

/**
 * Apply fixes to `source` in order, skipping any that overlap one already taken (or that fall
 * outside the text): no byte outside a taken fix's span changes.
 */
export function applyFixes(source: string, fixes: Fix[]): {text: string; applied: number; skipped: number} {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)
  let text = ''
  let at = 0
  let applied = 0
  let skipped = 0
  let previous: Fix | undefined
  for (const fix of sorted) {
    // Two rules proposing the same edit is one edit.
    if (previous && fix.start === previous.start && fix.end === previous.end && fix.text === previous.text) continue
    const valid = Number.isInteger(fix.start) && Number.isInteger(fix.end) && fix.start >= at && fix.end >= fix.start && fix.end <= source.length
    // An insertion at the end of the previous fix is ambiguous in order: leave it for the next pass.
    if (!valid || (previous && fix.start === previous.end && fix.start === fix.end)) {
      skipped++
      continue
    }
    text += source.slice(at, fix.start) + fix.text
    at = fix.end
    applied++
    previous = fix
  }
  return {text: text + source.slice(at), applied, skipped}
}

/** `--fix` / `--fix-dry-run`: apply every message's `fix` to the files that were linted. */
export async function fix(files: VFile[], options: FixOptions): Promise<FixResult> {
  const roots = allowedRoots(options)
  const problems: string[] = []
  // Ctrl-C while files are written: by default the process dies at once, between creating a
  // temporary file and renaming it, and leaves `.copydesk-tmp` files beside the articles. With a
  // handler the signal waits for the write in progress (its `finally` removes the temporary file).
  const stop = (signal: NodeJS.Signals) => process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
  process.on('SIGINT', stop).on('SIGTERM', stop)
  try {
    return await fixPasses(files, options, roots, problems)
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop)
  }
}

async function fixPasses(files: VFile[], options: FixOptions, roots: string[], problems: string[]): Promise<FixResult> {
  let diff = ''
  let current = files
  const done = new Set<string>()
  for (let pass = 0; pass < maxPasses; pass++) {
    const written: string[] = []
    for (const file of current) {
      const fixes = fixesOf(file)
      // A fatal message means the file was not (fully) linted: its findings are no basis for edits.
      if (fixes.length === 0 || done.has(file.path) || file.messages.some((m) => m.fatal === true)) continue
      const path = resolve(file.cwd, file.path)
      let refusal: string | undefined
      let before: Stats | undefined
      let source = ''
      try {
        refusal = refuse(path, roots)
        before = statSync(path)
        source = readFileSync(path, 'utf8')
      } catch (error) {
        // Removed or made unreadable during the run: that file is not fixed, the others are.
        refusal = (error as Error).message
      }
      if (refusal || !before) {
        problems.push(`${file.path}: not fixed: ${refusal}`)
        done.add(file.path)
        continue
      }
      if (file.value !== undefined && source !== String(file.value)) {
        problems.push(`${file.path}: not fixed: it changed on disk during the run`)
        done.add(file.path)
        continue
      }
      // The rules lint the text without a leading BOM (src/run/input.ts): offsets point past it.
      const bom = source.startsWith(byteOrderMark) ? byteOrderMark : ''
      const text = bom + applyFixes(source.slice(bom.length), fixes).text
      if (text === source) continue
      if (options.dryRun) {
        diff += createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, source, text, undefined, undefined, {context: 3}).replace(/^=+\n/, '')
        continue
      }
      try {
        writeAtomically(path, text, source, before)
        written.push(file.path)
      } catch (error) {
        problems.push(`${file.path}: not fixed: ${(error as Error).message}`)
        done.add(file.path)
      }
    }
    // A dry run shows one pass: the next depends on the text it does not write.
    if (options.dryRun || written.length === 0) break
    const relinted = await options.relint(written)
    const byPath = new Map(relinted.map((f) => [f.path, f]))
    files = files.map((f) => byPath.get(f.path) ?? f)
    current = relinted
  }
  return {files, diff, problems}
}

/** The folders a fix may write in: the working folder and the paths given, with symlinks resolved. */
function allowedRoots({roots, cwd}: FixOptions): string[] {
  const folders = [cwd]
  for (const root of roots) {
    const path = resolve(cwd, root)
    if (!existsSync(path)) continue
    folders.push(statSync(path).isDirectory() ? path : dirname(path))
  }
  return folders.map((folder) => realpathSync(folder))
}

const inside = (path: string, root: string) => {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Why a file must not be written, if it must not. */
function refuse(path: string, roots: string[]): string | undefined {
  // Renaming over a symlink would replace the link; writing through it edits a file elsewhere.
  if (lstatSync(path).isSymbolicLink()) return 'it is a symbolic link'
  if (!roots.some((root) => inside(realpathSync(path), root))) return 'it lies outside the folders given (through a symbolic link)'
  return undefined
}

/**
 * Write `text` to a temporary file beside `path` with the same mode, then rename it over `path`:
 * readers see the old file or the new one, never half of one. Refuses when the file changed since
 * it was read (`source`, `before`).
 */
function writeAtomically(path: string, text: string, source: string, before: Stats) {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.copydesk-tmp`)
  const mode = before.mode & 0o7777
  try {
    writeFileSync(temporary, text, {mode, flag: 'wx'})
    chmodSync(temporary, mode) // the umask may have narrowed the mode given to open
    try {
      chownSync(temporary, before.uid, before.gid)
    } catch {
      // Only root may give a file away; everyone else keeps their own files anyway.
    }
    const now = statSync(path)
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || readFileSync(path, 'utf8') !== source) {
      throw new Error('it changed on disk during the run')
    }
    renameSync(temporary, path)
  } finally {
    rmSync(temporary, {force: true})
  }
}
