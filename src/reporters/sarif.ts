import {readFileSync} from 'node:fs'
import {join, relative, resolve, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {packageRoot} from '../plugin/data.js'
import {fixOf, type Fix} from '../plugin/report.js'
import {repositoryUrl} from '../plugin/rule-url.js'
import {allRules} from '../../rules/index.js'
import {fingerprints} from './fingerprint.js'
import type {ReporterOptions} from './index.js'

// SARIF 2.1.0 (OASIS), the format code scanning (GitHub, Azure DevOps, IDE viewers) reads.
// Only the parts copydesk has facts for: driver and rules, results with regions, fixes, fingerprints.

type Point = {line: number; column: number; offset?: number}
type Region = {startLine?: number; startColumn?: number; endLine?: number; endColumn?: number; charOffset?: number; charLength?: number; snippet?: {text: string}}

/** The key under `partialFingerprints`; bump the version when the recipe in fingerprint.ts changes. */
export const fingerprintKey = 'copydesk/v1'

export function sarif(files: VFile[], options: ReporterOptions): string {
  const rules = allRules.map((rule) => ({id: rule.id as string, shortDescription: {text: rule.description}, helpUri: rule.url}))
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  const results = []
  for (const file of files) {
    const source = typeof file.value === 'string' ? file.value : String(file.value ?? '')
    const uri = artifactUri(file, options.cwd)
    const prints = fingerprints(file.messages, source)
    for (const [i, message] of file.messages.entries()) {
      // Findings from other plugins in a user's config get a rule entry too, so every ruleId resolves.
      if (message.ruleId && !index.has(message.ruleId)) {
        index.set(message.ruleId, rules.length)
        rules.push({id: message.ruleId, shortDescription: {text: message.ruleId}, helpUri: message.url ?? repositoryUrl})
      }
      results.push(result(message, uri, source, prints[i], message.ruleId ? index.get(message.ruleId) : undefined))
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'copydesk',
            version: JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version,
            informationUri: repositoryUrl,
            rules
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(options.cwd + sep).href}},
        // vfile columns and offsets count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}

function result(message: VFileMessage, uri: string, source: string, fingerprint: string, ruleIndex: number | undefined) {
  const region = messageRegion(message)
  const artifactLocation = {uri, uriBaseId: '%SRCROOT%'}
  return {
    ...(message.ruleId ? {ruleId: message.ruleId, ruleIndex} : {}),
    level: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note',
    message: {text: message.reason},
    locations: [{physicalLocation: {artifactLocation, ...(region ? {region} : {})}}],
    ...relatedLocationsOf(message, artifactLocation),
    partialFingerprints: {[fingerprintKey]: fingerprint},
    ...fixesOf(message, source, artifactLocation)
  }
}

function messageRegion(message: VFileMessage): Region | undefined {
  const place = message.place
  if (!place) return undefined
  const start: Point = 'start' in place ? place.start : place
  const end: Point = 'end' in place ? place.end : place
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(start.offset !== undefined && end.offset !== undefined ? {charOffset: start.offset, charLength: end.offset - start.offset} : {}),
    ...(message.actual ? {snippet: {text: message.actual}} : {})
  }
}

/** The mention a finding points at (`cause`, e.g. where another currency was first used). */
function relatedLocationsOf(message: VFileMessage, artifactLocation: object) {
  const cause = message.cause as VFileMessage | undefined
  const region = cause && typeof cause === 'object' && 'reason' in cause ? messageRegion(cause) : undefined
  if (!cause || !region) return {}
  return {relatedLocations: [{id: 1, physicalLocation: {artifactLocation, region}, message: {text: cause.reason}}]}
}

/** A fix from the message's `fix` (source offsets); else one per `expected` text replacing the finding. */
function fixesOf(message: VFileMessage, source: string, artifactLocation: object) {
  const fix = fixOf(message)
  const place = message.place && 'start' in message.place ? message.place : undefined
  let edits: Fix[] = []
  if (fix) edits = [fix]
  else if (place?.start.offset !== undefined && place.end.offset !== undefined && message.expected) {
    edits = message.expected.map((text) => ({start: place.start.offset!, end: place.end.offset!, text}))
  }
  if (edits.length === 0) return {}
  const points = location(source)
  return {
    fixes: edits.map((edit) => ({
      description: {text: edit.text === '' ? `Delete \`${source.slice(edit.start, edit.end)}\`` : `Replace with \`${edit.text}\``},
      artifactChanges: [
        {
          artifactLocation,
          replacements: [
            {
              deletedRegion: offsetRegion(points, edit.start, edit.end),
              insertedContent: {text: edit.text}
            }
          ]
        }
      ]
    }))
  }
}

function offsetRegion(points: ReturnType<typeof location>, start: number, end: number): Region {
  const from = points.toPoint(start)
  const to = points.toPoint(end)
  const lines = from && to ? {startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column} : {}
  return {...lines, charOffset: start, charLength: end - start}
}

/** The file's path relative to the run's folder, as a URI reference (code scanning resolves it against the repository). */
function artifactUri(file: VFile, cwd: string): string {
  const path = relative(cwd, resolve(file.cwd, file.path))
  return path.split(sep).map(encodeURIComponent).join('/')
}
