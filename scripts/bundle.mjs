// Bundle the CLI and its lint worker for a fast start: one module graph to load instead of
// hundreds of files. Code only some runs need (the preset, unified-engine's linting, reporters)
// is split into chunks loaded on first use. The package's library entry (dist/src/preset.js,
// what .remarkrc.mjs imports) stays tsc's output.
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {build} from 'esbuild'
import {parse} from 'yaml'

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
