/** FNV-1a's 32-bit offset basis and prime. */
export const fnvOffset = 0x811c9dc5
export const fnvPrime = 0x01000193

/**
 * 32-bit FNV-1a over UTF-16 code units: fixed, fast, and spreads similar texts apart. `h`
 * continues the hash of a text before this one.
 */
export function fnv1a(text: string, h = fnvOffset): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), fnvPrime)
  return h >>> 0
}
