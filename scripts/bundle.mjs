// Bundle the CLI and its lint worker for a fast start: one module graph to load instead of
// hundreds of files. The CLI is one CommonJS file run from V8's code cache (src/cli/start.ts); the
// worker is ES modules, with code only some runs need (the preset) split into chunks loaded on
// first use. The package's entry (`import copydesk from 'copydesk'` in a .remarkrc.mjs) is the
// preset's CommonJS bundle, the same way; packages a run seldom needs are files of their own
// (dist/bundle/lazy) that those two load on first use.
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {init, parse as lexModule} from 'es-module-lexer'
import {parse} from 'yaml'
import {encodeLexicon, lexiconPath} from '../dist/src/text/lexicon.js'
import {encodeModel} from '../dist/rules/off-topic-insert/lib/model-file.js'

const require = createRequire(import.meta.url)
// What lazyDependencies loads on first use; in the CommonJS bundles, from files of their own.
const lazyPackages = ['load-plugin', 'yaml', 'glob', 'concat-stream', 'debug', 'parse-json']

rmSync('dist/bundle', {recursive: true, force: true})
rmSync('dist/data', {recursive: true, force: true})
// Node 20 has every regular expression feature the sources use; esbuild's table for it still lowers
// a literal with \p{…} to `new RegExp(…)`, which builds a new object each time it is evaluated
// (per word in the off-topic pieces' loops) instead of cloning the literal's boilerplate.
const common = {bundle: true, platform: 'node', target: 'node20', supported: {'regexp-unicode-property-escapes': true}, ...(process.env.COPYDESK_BUNDLE_NAMES ? {minifySyntax: true} : {minify: true}), plugins: [posLexiconFromData(), lazyDependencies()], logLevel: 'warning'}
await build({
  ...common,
  entryPoints: ['src/run/worker.ts'],
  outdir: 'dist/bundle',
  splitting: true,
  format: 'esm',
  // CommonJS dependencies (debug, ignore, pluralize …) call require for Node's built-ins.
  banner: {js: "import {createRequire as __copydeskRequire} from 'node:module';const require = __copydeskRequire(import.meta.url);"}
})
// The CLI, and the preset for configs that import the package (package.json `exports`), each a
// CommonJS bundle run from V8's code cache by a small ES module (src/run/code-cache.ts).
// The packages lazyDependencies stands in for are files of their own beside these (dist/bundle/lazy),
// not code inside them: about half of the CLI's bundle was such code (load-plugin's npm config
// reader, YAML, glob), and every start read it and made a string of it for V8, on a path that
// seldom runs it.
const cjsBanner = {js: "var __copydeskUrl = require('node:url').pathToFileURL(__filename).href;"}
for (const name of lazyPackages) {
  await build({...common, plugins: [], entryPoints: {[name]: name}, outExtension: {'.js': '.cjs'}, outdir: 'dist/bundle/lazy', format: 'cjs', banner: cjsBanner, define: {'import.meta.url': '__copydeskUrl'}})
}
for (const [name, entry, start] of [['cli', 'src/cli/main.ts', 'src/cli/start.ts'], ['preset', 'src/plugin/preset.ts', 'src/plugin/entry.ts']]) {
  await build({
    ...common,
    plugins: [posLexiconFromData(), lazyDependencies({external: true})],
    entryPoints: {[name]: entry},
    outExtension: {'.js': '.cjs'},
    outdir: 'dist/bundle',
    format: 'cjs',
    // Run as a CommonJS module: import.meta.url is its file's URL.
    banner: cjsBanner,
    define: {'import.meta.url': '__copydeskUrl'}
  })
  await importThroughStart(`dist/bundle/${name}.cjs`, name === 'cli')
  await build({...common, entryPoints: {[name]: start}, outdir: 'dist/bundle', format: 'esm'})
}

// Every bundle in ASCII: a source with one non-ASCII character is decoded from UTF-8 into a
// two-byte string, which costs a one-article run more than reading the file (src/run/code-cache.ts
// reads an ASCII one as Latin-1). esbuild escapes strings and names but leaves regular expression
// literals and String.raw templates as written; in those a \uXXXX escape (a surrogate pair as two)
// means the same character, and every String.raw template here is a regular expression's source.
for (const name of readdirSync('dist/bundle')) {
  if (!/\.c?js$/.test(name)) continue
  const file = join('dist/bundle', name)
  const code = readFileSync(file, 'utf8')
  const ascii = code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (ascii !== code) writeFileSync(file, ascii)
}

// Data files as JSON (src/plugin/data.ts loadData reads these while they are newer than the YAML).
for (const folder of ['rules', 'src']) {
  for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'})) {
    if (!name.endsWith('.yml') || name.includes('fixtures')) continue
    const target = join('dist', 'data', folder, name + '.json')
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, JSON.stringify(parse(readFileSync(join(folder, name), 'utf8'))))
  }
}

// The off-topic model as typed arrays to read in place (rules/off-topic-insert/lib/model-file.ts).
const model = 'rules/off-topic-insert/model.json'
writeFileSync(join('dist', 'data', model + '.bin'), encodeModel(JSON.parse(readFileSync(model, 'utf8'))))

// The tagger's lexicon as a word file (src/text/lexicon.ts): no 1.7 MB object literal to compile.
// Written beside and renamed into place: a running language server reads the file it opened.
writeFileSync(`${lexiconPath}.${process.pid}`, encodeLexicon(require('pos/lexicon.js')))
renameSync(`${lexiconPath}.${process.pid}`, lexiconPath)

// The CLI's first code cache, from a run like a user's: the seed article in a project whose
// .remarkrc.mjs imports the package (the README's config), so the functions that find and load a
// config are in the cache too, not compiled from source at every such start.
const sample = mkdtempSync(join(tmpdir(), 'copydesk-build-'))
copyFileSync('articles/shanghai-tech.md', join(sample, 'shanghai-tech.md'))
mkdirSync(join(sample, 'node_modules'))
symlinkSync(resolve('.'), join(sample, 'node_modules', 'copydesk'), 'dir')
writeFileSync(join(sample, '.remarkrc.mjs'), "import copydesk from 'copydesk'\nexport default {plugins: [copydesk]}\n")
const warm = spawnSync(process.execPath, [resolve('bin/copydesk.js'), '--format', 'json', 'shanghai-tech.md'], {cwd: sample, encoding: 'utf8'})
rmSync(sample, {recursive: true, force: true})
if (warm.status !== 0) throw new Error(`bundle: the built CLI failed on the seed article: ${warm.stderr}`)
// The preset's first code cache, as a config that imports the package loads it.
const warmPreset = spawnSync(process.execPath, ['--input-type=module', '-e', `import ${JSON.stringify(pathToFileURL(resolve('dist/bundle/preset.js')).href)}`], {encoding: 'utf8'})
if (warmPreset.status !== 0) throw new Error(`bundle: the built preset failed to load: ${warmPreset.stderr}`)

/** Leave the package's lexicon out of the bundle: src/text/lexicon.ts reads dist/data instead. */
function posLexiconFromData() {
  return {
    name: 'pos-lexicon-from-data',
    setup(build) {
      build.onResolve({filter: /^\.\/lexicon$/}, (args) => (/[\\/]pos[\\/]POSTagger\.js$/.test(args.importer) ? {path: 'pos-lexicon', namespace: 'copydesk'} : undefined))
      build.onLoad({filter: /.*/, namespace: 'copydesk'}, () => ({
        contents: "throw new Error('copydesk: the pos lexicon is read from dist/data/pos-lexicon.bin (src/text/lexicon.ts)')",
        loader: 'js'
      }))
    }
  }
}

/**
 * Dependencies a run seldom needs, initialised where they are first used instead of at every
 * start: an import at a module's top level runs the package's module code as the bundle loads
 * (load-plugin's npm config reader alone defines hundreds of settings), and that code then fills
 * the code cache every run deserialises. Each stands in for the package with a module that loads
 * the bundled package on first call; the package's own code is unchanged.
 */
function lazyDependencies({external = false} = {}) {
  // How a shim reaches its package when first called: in the ES module bundle, the package itself
  // (by import() where the package is an ES module); in the CommonJS bundles, its own file beside
  // them (dist/bundle/lazy/<name>.cjs, one of lazyPackages), by require from the shim: the bundle is
  // run by src/run/code-cache.ts with require made for its own file, so './lazy/…' is found there.
  const load = (name, {esm = false} = {}) => (external ? `require(${JSON.stringify(`./lazy/${name}.cjs`)})` : esm ? `(await import('${name}'))` : `require('${name}')`)
  const shims = {
    // unified-engine, for plugins and reporters named by a string (`"plugins": ["copydesk"]` in a .remarkrc.json).
    'load-plugin': `export const resolvePlugin = async (...args) => ${load('load-plugin', {esm: true})}.resolvePlugin(...args)\nexport const loadPlugin = async (...args) => ${load('load-plugin', {esm: true})}.loadPlugin(...args)`,
    // YAML configs, front matter that is not flat (src/plugin/frontmatter.ts), data files edited since the build.
    yaml: `export const parse = (...args) => ${load('yaml')}.parse(...args)\nexport default {parse}`,
    // unified-engine's finder, for a path with a glob's special characters: without one it has no magic.
    glob: `const special = /[*?[\\]{}()!+@]/\nexport const hasMagic = (pattern, options) => (typeof pattern !== 'string' || special.test(pattern)) && ${load('glob')}.hasMagic(pattern, options)\nexport const glob = async (...args) => ${load('glob', {esm: true})}.glob(...args)`,
    // unified-engine's standard input, which the CLI reads itself (src/cli/main.ts).
    'concat-stream': `export default (...args) => ${load('concat-stream')}(...args)`,
    // unified-engine's assertions, which hold in every run: node:assert (with tty and colours) is loaded to explain one that fails.
    'node:assert/strict': "export default (value, message) => { if (!value) require('node:assert/strict')(value, message) }",
    // unified-engine's step logs, on only when DEBUG is set as it loads (debug reads it then): without it, no
    // debug and its setup (tty, util.inspect options from the environment).
    debug: `export default (namespace) => {\n  if (process.env.DEBUG) return ${load('debug')}(namespace)\n  const off = () => {}\n  off.enabled = false\n  return off\n}`,
    // unified-engine's JSON configs and JSON input; its error frames bring @babel/code-frame and colours.
    'parse-json': `export default (...args) => ${load('parse-json')}.default(...args)`,
    // vfile-reporter's column widths: printable ASCII is a column a character, string-width's own
    // answer without a grapheme segmenter per call and its emoji pattern to compile.
    'string-width': "import stringWidth from 'string-width'\nexport default (text, options) => (typeof text === 'string' && /^[\\x20-\\x7e]*$/.test(text) ? text.length : stringWidth(text, options))"
  }
  const shimmed = new RegExp(`^(?:${Object.keys(shims).map((name) => name.replace(/[/\\]/g, '\\$&')).join('|')})$`)
  return {
    name: 'lazy-dependencies',
    setup(build) {
      if (external) build.onResolve({filter: /^\.\/lazy\//}, (args) => (args.namespace === 'copydesk-lazy' ? {path: args.path, external: true} : undefined))
      build.onResolve({filter: shimmed}, (args) => {
        // The shim's own import or require: the package, resolved as an import from where the shim stands in.
        if (args.pluginData?.real) return undefined
        if (args.namespace === 'copydesk-lazy') return args.path.startsWith('node:') ? {path: args.path, external: true} : build.resolve(args.path, {kind: 'import-statement', resolveDir: args.pluginData.resolveDir, pluginData: {real: true}})
        // Only unified-engine's calls `assert(value, message)` are known to use nothing else of node:assert.
        // Only unified-engine's uses of debug (`createDebug(name)` then `debug(...)`) are known to need nothing else.
        if ((args.path === 'node:assert/strict' || args.path === 'debug') && !/[\\/]unified-engine[\\/]lib[\\/]/.test(args.importer)) return undefined
        // The CLI's own lazy imports of glob (src/cli/main.ts, src/run/walk.ts) stay as they are.
        // In the CommonJS bundles they take the shim too, whose glob and hasMagic are all they use.
        if (args.kind === 'dynamic-import' && !(external && args.path === 'glob')) return undefined
        return {path: args.path, namespace: 'copydesk-lazy', pluginData: {resolveDir: args.resolveDir}}
      })
      build.onLoad({filter: /.*/, namespace: 'copydesk-lazy'}, (args) => ({contents: shims[args.path], loader: 'js', resolveDir: args.pluginData.resolveDir, pluginData: args.pluginData}))
    }
  }
}

/**
 * Code V8 runs from its cache cannot import() in Node 20 (vm.Script's importModuleDynamically is
 * experimental there and is lost with cached data): the bundle's import() expressions (config
 * files and plugins in unified-engine, node:worker_threads) call src/cli/start.ts's import instead.
 * es-module-lexer finds exactly the import() expressions, not the word in strings.
 */
async function importThroughStart(file, loadsConfigs) {
  await init
  let code = readFileSync(file, 'utf8')
  const dynamic = lexModule(code)[0].filter((found) => found.d > -1)
  if (loadsConfigs && dynamic.length === 0) throw new Error(`bundle: expected import() expressions in ${file} (unified-engine loads configs with them)`)
  for (const {ss} of dynamic.reverse()) code = code.slice(0, ss) + '__copydeskImport' + code.slice(ss + 'import'.length)
  writeFileSync(file, code)
}
