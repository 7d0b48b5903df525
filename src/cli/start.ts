// The CLI's entry in the bundle (dist/bundle/cli.js, what bin/copydesk.js imports): the CommonJS
// bundle of src/cli/main.ts, run from V8's code cache.
import {fileURLToPath} from 'node:url'
import {setFlagsFromString} from 'node:v8'
import {runCached} from '../run/code-cache.js'

// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code
// on its second use, so one used twice or more is compiled twice; the rules' phrase lists are
// large alternations, and compiling them was the biggest cost of a one-article run after loading
// (shanghai-tech.md: ~0.25 s of ~0.9 s CPU, and a quarter less CPU without tier-up; news/ no
// slower). V8 reads the flag as it compiles each expression. Set before the code cache is read,
// as V8 checks that the flags match the ones the cache was made with; the worker threads share it.
setFlagsFromString('--no-regexp-tier-up')
runCached(fileURLToPath(new URL('./cli.cjs', import.meta.url)))
