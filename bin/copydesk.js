#!/usr/bin/env node
// The CLI is compiled TypeScript; `npm ci` runs `prepare`, which builds dist/.
import '../dist/src/cli.js'
