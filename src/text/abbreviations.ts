import {list, loadData, object, string} from '../plugin/data.js'

export const abbreviationsShape = object({titles: list(string), nameEnds: list(string), months: list(string), others: list(string)})

let all: string[] | undefined

/** Every abbreviation of abbreviations.yml, as written ("Mr", "Sept", "U.S"), without its final full stop. */
export function abbreviations(): string[] {
  if (all) return all
  const {titles, nameEnds, months, others} = loadData('src/text/abbreviations.yml', abbreviationsShape)
  return (all = [...titles, ...nameEnds, ...months, ...others])
}

let exact: Set<string> | undefined
let folded: Set<string> | undefined

/** Is `word` (without its full stop) one of the abbreviations, as written or, with `ignoreCase`, in any case? */
export function isAbbreviation(word: string, ignoreCase = false): boolean {
  if (ignoreCase) return (folded ??= new Set(abbreviations().map((a) => a.toLowerCase()))).has(word.toLowerCase())
  return (exact ??= new Set(abbreviations())).has(word)
}
