#!/usr/bin/env node
// The editor integration: a language server over stdio (see README, "Editors").
import {startLanguageServer} from '../dist/src/editor/language-server.js'

startLanguageServer()
