// Run a CommonJS bundle from V8's code cache: compiling a bundle's functions costs a one-article
// run more than loading it, and Node 20 caches no compiled code of its own. Used by the CLI's
// entry (src/cli/start.ts) and the package's entry (src/plugin/entry.ts).
import {isAscii} from 'node:buffer'
import {readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname} from 'node:path'
import {Script} from 'node:vm'

/**
 * Run a CommonJS bundle, with the code V8 compiled for it last time when there is some, and
 * return its exports. V8 checks its version and flags but only the length of the source, so the
 * cache also records the bundle's size and modification time. Without a usable cache, the run
 * writes one as it exits (the build makes the first; a different Node version makes its own),
 * best effort: a read-only install just compiles each time.
 */
export function runCached(file: string): Record<string, unknown> {
  const cacheFile = `${file}.cache`
  const bytes = readFileSync(file)
  // The build writes the bundles in ASCII (scripts/bundle.mjs): read as Latin-1, a one-byte string
  // made without decoding UTF-8, which took longer than reading the file.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
  const {size, mtimeMs} = statSync(file)
  const stamp = Buffer.from(JSON.stringify({size, mtimeMs}) + '\n')
  let cachedData: Buffer | undefined
  try {
    const cache = readFileSync(cacheFile)
    if (cache.subarray(0, stamp.length).equals(stamp)) cachedData = cache.subarray(stamp.length)
  } catch {
    // No cache yet.
  }
  // Node's own CommonJS wrapper, and import() for the bundle's (scripts/bundle.mjs): Node 20 has
  // no dynamic import in vm scripts run from cached data.
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __copydeskImport) {${source}\n})`, {filename: file, cachedData})
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => save(cacheFile, Buffer.concat([stamp, script.createCachedData()])))
  const module = {exports: {}}
  const importModule = (specifier: string) => import(specifier)
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importModule)
  return module.exports
}

function save(cacheFile: string, data: Buffer): void {
  const temporary = `${cacheFile}.${process.pid}`
  try {
    writeFileSync(temporary, data)
    renameSync(temporary, cacheFile)
  } catch {
    // Read-only or full: the next run compiles again.
    rmSync(temporary, {force: true})
  }
}
