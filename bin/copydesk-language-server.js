#!/usr/bin/env node
// The editor integration: a language server over stdio (see README, "Editors").
import {startLanguageServer} from '../dist/src/language-server.js'

startLanguageServer()
