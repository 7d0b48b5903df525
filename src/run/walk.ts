import {readdirSync, realpathSync, statSync, type Stats} from 'node:fs'
import {extname, join, relative, resolve} from 'node:path'
import {VFile} from 'vfile'

/** What `walk` found: files for unified-engine to read, and named paths it must not open. */
export interface Walked {
  /** Paths as unified-engine would write them (named ones relative to cwd, glob matches as given), each once. */
  paths: string[]
  /** Paths named on the command line (or matched by a glob) that are neither a file nor a folder. */
  refused: VFile[]
}

/**
 * Expand folders and globs into files, as unified-engine's finder does (same paths, the Markdown
 * extensions, no nested `node_modules`), but safely: it follows symbolic links to folders without
 * end (`ln -s . d/here` lists d/a.md 41 times; two such links never finish) and opens anything with
 * a Markdown name (a FIFO `y.md` blocks the run for ever). Here each folder is read once per real
 * path, a folder's entries that are not regular files are skipped, and a FIFO or device named on
 * the command line gets one fatal message. unified-engine then sees only files; it still applies
 * `.remarkignore` and the ignore patterns, and reports paths that do not exist.
 */
export async function walk(inputs: string[], cwd: string, extensions: string[]): Promise<Walked> {
  const paths: string[] = []
  const refused: VFile[] = []
  const listed = new Set<string>()
  const folders = new Set<string>()
  const add = (path: string) => {
    // A path given twice (or a file named and inside a folder named) is linted and reported once.
    const key = resolve(cwd, path)
    if (listed.has(key)) return
    listed.add(key)
    paths.push(path)
  }

  const visit = (path: string, nested: boolean) => {
    const stats = statOf(resolve(cwd, path))
    if (stats?.isDirectory()) return visitFolder(path)
    if (nested && !extensions.includes(extname(path).slice(1))) return
    // Missing (a dangling link): unified-engine says so. A FIFO or device inside a folder is no article.
    if (!stats || stats.isFile()) add(path)
    else if (!nested) refused.push(refusal(path, cwd, stats))
  }
  const visitFolder = (path: string) => {
    let real: string
    let names: string[]
    try {
      real = realpathSync(resolve(cwd, path))
      names = readdirSync(real)
    } catch {
      // unified-engine reports a folder it cannot read.
      return add(path)
    }
    if (folders.has(real)) return
    folders.add(real)
    for (const name of names.sort()) if (name !== 'node_modules') visit(join(path, name), true)
  }

  for (const input of inputs) {
    // unified-engine's glob library and options, so a glob matches what it always matched.
    const glob = /[*?[\]{}!()+@]/.test(input) ? await import('glob') : undefined
    if (glob?.hasMagic(input)) for (const match of (await glob.glob(input, {cwd})).sort()) visit(match, false)
    else visit(relative(cwd, resolve(cwd, input)) || '.', false)
  }
  return {paths, refused}
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** A named path that is no file to read: one fatal message naming what it is. */
function refusal(path: string, cwd: string, stats: Stats): VFile {
  const file = new VFile({path})
  file.cwd = cwd
  const kind = stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a file'
  file.message(`Cannot lint file: it is ${kind}, not a regular file`, {ruleId: 'not-a-file', source: 'copydesk'}).fatal = true
  return file
}
