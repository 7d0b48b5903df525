// The SARIF 2.1.0 schema compiled once, for every test that checks a log against it.
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import ajvFormats from 'ajv-formats'

const ajv = new Ajv({allErrors: true, strict: false})
// ajv-formats is CommonJS: typed under NodeNext, its plugin is the module's `default` (the same function at run time).
ajvFormats.default(ajv)
export const validateSarif = ajv.compile(JSON.parse(readFileSync(new URL('schemas/sarif-2.1.0.json', import.meta.url), 'utf8')))
