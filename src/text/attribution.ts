import {loadData, phraseRegExp} from '../data.js'
import type {Span} from './types.js'

interface AttributionData {
  reportingVerbs: string[]
  sourcePhrases: string[]
  vagueSubjects: string[]
  vaguePhrases: string[]
  carryingSubjects: string[]
}

let compiled: {verbs: RegExp; sources: RegExp; vague: RegExp; vagueSubjects: Set<string>} | undefined

function patterns() {
  if (!compiled) {
    const data = loadData<AttributionData>('src/text/attribution.yml')
    compiled = {
      verbs: phraseRegExp(data.reportingVerbs),
      sources: phraseRegExp(data.sourcePhrases),
      vague: phraseRegExp(data.vaguePhrases),
      vagueSubjects: new Set(data.vagueSubjects.map((s) => s.toLowerCase()))
    }
  }
  return compiled
}

export interface AttributionMatch extends Span {
  text: string
}

export interface Attribution {
  /** Cues that name or describe a source ("the ministry said", "according to the IMF"). */
  named: AttributionMatch[]
  /** Cues that name no one ("critics say", "it is widely thought", "Dubbed"). */
  vague: AttributionMatch[]
}

/**
 * Attribution cues in a piece of writer's-voice text (quoted words already blanked out).
 * `offset` maps match positions back into the file.
 */
export function findAttribution(text: string, offset = 0): Attribution {
  const {verbs, sources, vague, vagueSubjects} = patterns()
  const named: AttributionMatch[] = []
  const vagueMatches: AttributionMatch[] = []
  const take = (re: RegExp, into: AttributionMatch[]) => {
    re.lastIndex = 0
    const found: AttributionMatch[] = []
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0
      found.push({start: offset + start, end: offset + start + m[0].length, text: m[0]})
    }
    into.push(...found)
    return found
  }
  const vagueFound = take(vague, vagueMatches)
  const overlapsVague = (start: number, end: number) => vagueFound.some((v) => v.start < end && start < v.end)

  for (const m of text.matchAll(sources)) {
    const start = offset + (m.index ?? 0)
    const end = start + m[0].length
    const next = text.slice(end - offset).trim().split(/\s+/)[0]?.toLowerCase().replace(/\W+$/, '')
    if (next && vagueSubjects.has(next)) vagueMatches.push({start, end, text: m[0]})
    else if (!overlapsVague(start, end)) named.push({start, end, text: m[0]})
  }
  for (const m of text.matchAll(verbs)) {
    const start = offset + (m.index ?? 0)
    const end = start + m[0].length
    if (overlapsVague(start, end)) continue
    const before = text.slice(0, m.index).trim().split(/\s+/).slice(-2).map((w) => w.toLowerCase().replace(/[^\p{L}]/gu, ''))
    if (before.some((w) => vagueSubjects.has(w))) vagueMatches.push({start, end, text: m[0]})
    else named.push({start, end, text: m[0]})
  }
  return {named, vague: vagueMatches}
}
