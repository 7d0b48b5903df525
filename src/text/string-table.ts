import {fnv1a} from './hash.js'

/**
 * A set of words as bytes to read in place: an open-addressing hash table of FNV-1a hashes over
 * the words' UTF-8 bytes. Loading one costs a file read, not a Map of tens of thousands of strings
 * built at every start (the tagger's lexicon, the off-topic vocabulary); a word is looked up by
 * hashing it and comparing a slot's bytes. Entries keep the order they were given in: callers keep
 * their values in arrays by entry.
 *
 * Layout, 4-byte aligned, little-endian u32s: entries n, slots s (a power of two), key bytes b;
 * slots[s] (entry + 1, 0 for empty); key offsets[n + 1]; the keys' UTF-8 bytes[b].
 */
export class StringTable {
  readonly size: number
  private readonly mask: number
  private readonly slots: Uint32Array
  private readonly offsets: Uint32Array
  private readonly bytes: Buffer

  /** A table from `encodeStringTable`'s bytes at `at` (4-aligned); its length is `byteLengthAt`. */
  constructor(buffer: Buffer, at = 0) {
    const [n, s, b] = u32s(buffer, at, 3)
    this.size = n
    this.mask = s - 1
    this.slots = u32s(buffer, at + 12, s)
    this.offsets = u32s(buffer, at + 12 + 4 * s, n + 1)
    this.bytes = buffer.subarray(at + 12 + 4 * s + 4 * (n + 1), at + 12 + 4 * s + 4 * (n + 1) + b)
  }

  /** The bytes a table takes at `at`, aligned: where what follows it starts. */
  static byteLengthAt(buffer: Buffer, at = 0): number {
    const [n, s, b] = u32s(buffer, at, 3)
    return align(12 + 4 * s + 4 * (n + 1) + b)
  }

  /** The word's entry, or -1. */
  find(word: string): number {
    for (let slot = fnv1a(word) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]
      if (entry === 0) return -1
      if (this.equals(entry - 1, word)) return entry - 1
    }
  }

  /** The word of an entry. */
  word(entry: number): string {
    return this.bytes.toString('utf8', this.offsets[entry], this.offsets[entry + 1])
  }

  private equals(entry: number, word: string): boolean {
    const start = this.offsets[entry]
    const length = this.offsets[entry + 1] - start
    // UTF-8 takes at least a byte per UTF-16 code unit.
    if (length < word.length) return false
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i)
      if (code >= 0x80) return this.bytes.toString('utf8', start, start + length) === word
      if (this.bytes[start + i] !== code) return false
    }
    return length === word.length
  }
}

/** The table of `words` (entries in this order; no word twice, each valid UTF-16). */
export function encodeStringTable(words: readonly string[]): Buffer {
  const keys = words.map((word) => Buffer.from(word, 'utf8'))
  keys.forEach((key, i) => {
    if (key.toString('utf8') !== words[i]) throw new Error(`string table: ${JSON.stringify(words[i])} is not valid UTF-16`)
  })
  // Filled to at most three quarters: a look-up probes about two slots, a miss about eight.
  let s = 1
  while (s * 3 < words.length * 4) s *= 2
  const slots = new Uint32Array(s)
  words.forEach((word, i) => {
    let slot = fnv1a(word) & (s - 1)
    while (slots[slot] !== 0) {
      if (words[slots[slot] - 1] === word) throw new Error(`string table: ${JSON.stringify(word)} twice`)
      slot = (slot + 1) & (s - 1)
    }
    slots[slot] = i + 1
  })
  const offsets = new Uint32Array(words.length + 1)
  keys.forEach((key, i) => (offsets[i + 1] = offsets[i] + key.length))
  const out = Buffer.alloc(align(12 + 4 * s + 4 * (words.length + 1) + offsets[words.length]))
  out.writeUInt32LE(words.length, 0)
  out.writeUInt32LE(s, 4)
  out.writeUInt32LE(offsets[words.length], 8)
  writeU32s(out, 12, slots)
  writeU32s(out, 12 + 4 * s, offsets)
  Buffer.concat(keys).copy(out, 12 + 4 * s + 4 * (words.length + 1))
  return out
}

const align = (n: number) => (n + 3) & ~3

export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** A file's head: u32 length and the JSON of `value`, padded so what follows starts 4-aligned. */
export function encodeHead(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value))
  const head = Buffer.alloc(align(4 + json.length))
  head.writeUInt32LE(json.length, 0)
  json.copy(head, 4)
  return head
}

/** The value `encodeHead` wrote at the start of `bytes`, and where what follows it starts. */
export function decodeHead<T>(bytes: Buffer): {head: T; end: number} {
  const length = bytes.readUInt32LE(0)
  return {head: JSON.parse(bytes.toString('utf8', 4, 4 + length)) as T, end: align(4 + length)}
}

/** `count` little-endian u32s at `at`: a view in place on a little-endian machine with the buffer aligned, else a copy. */
export function u32s(buffer: Buffer, at: number, count: number): Uint32Array {
  if (littleEndian && (buffer.byteOffset + at) % 4 === 0) return new Uint32Array(buffer.buffer, buffer.byteOffset + at, count)
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) out[i] = buffer.readUInt32LE(at + 4 * i)
  return out
}

export function writeU32s(out: Buffer, at: number, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) out.writeUInt32LE(values[i], at + 4 * i)
}
