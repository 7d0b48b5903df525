// Bundle the CLI and its lint worker for a fast start: one module graph to load instead of
// hundreds of files. Code only some runs need (the preset, unified-engine's linting, reporters)
// is split into chunks loaded on first use. The package's library entry (dist/src/preset.js,
// what .remarkrc.mjs imports) stays tsc's output.
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {build} from 'esbuild'
import {parse} from 'yaml'
import {encodeLexicon, lexiconPath} from '../dist/src/text/lexicon.js'

const require = createRequire(import.meta.url)

rmSync('dist/bundle', {recursive: true, force: true})
rmSync('dist/data', {recursive: true, force: true})
await build({
  entryPoints: ['src/cli.ts', 'src/worker.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (debug, ignore, pluralize …) call require for Node's built-ins.
  banner: {js: "import {createRequire as __copydeskRequire} from 'node:module';const require = __copydeskRequire(import.meta.url);"},
  minify: true,
  plugins: [posLexiconFromData()],
  logLevel: 'warning'
})

// Data files as JSON (src/data.ts loadData reads these while they are newer than the YAML).
for (const folder of ['rules', 'src']) {
  for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'})) {
    if (!name.endsWith('.yml') || name.includes('fixtures')) continue
    const target = join('dist', 'data', folder, name + '.json')
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, JSON.stringify(parse(readFileSync(join(folder, name), 'utf8'))))
  }
}

// The tagger's lexicon as sorted lines (src/text/lexicon.ts): no 1.7 MB object literal to compile.
writeFileSync(lexiconPath, encodeLexicon(require('pos/lexicon.js')))

/** Leave the package's lexicon out of the bundle: src/text/lexicon.ts reads dist/data instead. */
function posLexiconFromData() {
  return {
    name: 'pos-lexicon-from-data',
    setup(build) {
      build.onResolve({filter: /^\.\/lexicon$/}, (args) => (/[\\/]pos[\\/]POSTagger\.js$/.test(args.importer) ? {path: 'pos-lexicon', namespace: 'copydesk'} : undefined))
      build.onLoad({filter: /.*/, namespace: 'copydesk'}, () => ({
        contents: "throw new Error('copydesk: the pos lexicon is read from dist/data/pos-lexicon.tsv (src/text/lexicon.ts)')",
        loader: 'js'
      }))
    }
  }
}
