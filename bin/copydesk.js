#!/usr/bin/env node
// The CLI is compiled and bundled TypeScript; `npm ci` runs `prepare`, which builds dist/.
import '../dist/bundle/cli.js'
