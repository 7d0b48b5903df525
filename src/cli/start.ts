// The CLI's entry in the bundle (dist/bundle/cli.js, what bin/copydesk.js imports): the CommonJS
// bundle of src/cli/main.ts, run from V8's code cache.
import {fileURLToPath} from 'node:url'
import {runCached} from '../run/code-cache.js'

runCached(fileURLToPath(new URL('./cli.cjs', import.meta.url)))
