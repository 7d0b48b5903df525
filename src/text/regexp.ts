/**
 * Every match of a global regexp in `text`: `[...text.matchAll(re)]` without the copy of the
 * regexp that matchAll makes on every call, which cost a third of scanning a sentence for a
 * phrase list (the analysis scans each sentence for some twenty). It starts at 0 and leaves
 * `re.lastIndex` at 0, also when the scan throws.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regexp, got ${re}`)
  const found: RegExpExecArray[] = []
  re.lastIndex = 0
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push(m)
      // An empty match moves on by a character (a code point under /u), as matchAll does.
      if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1
    }
  } finally {
    re.lastIndex = 0
  }
  return found
}
