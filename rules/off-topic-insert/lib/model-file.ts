import {decodeHead, encodeHead, encodeStringTable, littleEndian, StringTable} from '../../../src/text/string-table.js'
import type {Model, Vocabulary} from './classifiers.js'

/** model.json as scripts/train-off-topic.mjs writes it: int8 weights and vectors in base64. */
export interface ModelJson {
  bits: number
  bias: number
  scale: number
  weights: string
  topic: Model['topic']
  docs: number
  dims: number
  df: Record<string, number>
  vectors: Record<string, string>
}

export interface Trained {
  model: Model
  vocabulary: Vocabulary
}

export function fromJson(file: ModelJson): Trained {
  return {
    model: {bits: file.bits, bias: file.bias, weights: scaledWeights(file), quantised: int8(file.weights), scale: file.scale, topic: file.topic},
    vocabulary: {
      docs: file.docs,
      df: new Map(Object.entries(file.df)),
      vectors: new Map(Object.entries(file.vectors).map(([word, v]) => [word, int8(v)]))
    }
  }
}

function scaledWeights(file: ModelJson): Float32Array {
  const quantised = int8(file.weights)
  // A plain loop: Float32Array.from with a map function took ~20 ms of a one-article run.
  const weights = new Float32Array(quantised.length)
  for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i] * file.scale
  return weights
}

function int8(base64: string): Int8Array {
  const bytes = Buffer.from(base64, 'base64')
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)
}

interface Header {
  /** Bumped when the layout changes: a file of another layout is read from model.json instead. */
  layout: number
  littleEndian: boolean
  bits: number
  bias: number
  /** What an int8 weight is multiplied by (model.json's `scale`). */
  scale: number
  topic: Model['topic']
  docs: number
  dims: number
  weights: number
}

const layout = 3

/**
 * The same model as one binary file, which the build writes next to the compiled data files (and
 * so from whatever model.json scripts/train-off-topic.mjs last wrote): typed arrays and word
 * tables read in place, so a cold start neither parses 1.2 MB of JSON nor decodes 8,659 base64
 * vectors nor builds Maps of 12,254 words (src/text/string-table.ts). Layout: u32 header length,
 * header JSON, then at 4-byte boundaries float32 weights, a bit per weight set where it is not 0
 * (`nonzeroBits`), the int8 weights themselves (padded to 4 bytes), the df words' table, their u32 document
 * frequencies, the vector words' table and int8 vectors, the typed arrays in this machine's byte order.
 */
export function encodeModel(file: ModelJson): Buffer {
  const dfWords = Object.keys(file.df)
  const vectorWords = Object.keys(file.vectors)
  for (const word of dfWords) if (!Number.isInteger(file.df[word]) || file.df[word] < 0) throw new Error(`model.json: df of \`${word}\` is not a count`)
  const weights = scaledWeights(file)
  const quantised = int8(file.weights)
  const vectors = new Int8Array(vectorWords.length * file.dims)
  vectorWords.forEach((word, i) => {
    const vector = int8(file.vectors[word])
    if (vector.length !== file.dims) throw new Error(`model.json: the vector of \`${word}\` has ${vector.length} dimensions, not ${file.dims}`)
    vectors.set(vector, i * file.dims)
  })
  const header: Header = {layout, littleEndian, bits: file.bits, bias: file.bias, scale: file.scale, topic: file.topic, docs: file.docs, dims: file.dims, weights: weights.length}
  return Buffer.concat([
    encodeHead(header),
    Buffer.from(weights.buffer),
    Buffer.from(nonzeroBits(weights).buffer),
    aligned(Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength)),
    encodeStringTable(dfWords),
    Buffer.from(Uint32Array.from(dfWords, (word) => file.df[word]).buffer),
    encodeStringTable(vectorWords),
    Buffer.from(vectors.buffer)
  ])
}

/** The model from `encodeModel`'s bytes; undefined when they were written in another layout or byte order. */
export function decodeModel(bytes: Buffer): Trained | undefined {
  const {head: header, end} = decodeHead<Header>(bytes)
  if (header.layout !== layout || header.littleEndian !== littleEndian) return undefined
  // Typed arrays need aligned offsets: copy in the unlikely case the file's buffer is not.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes)
  let at = end
  const weights = new Float32Array(buffer.buffer, buffer.byteOffset + at, header.weights)
  at += weights.byteLength
  const nonzero = new Uint32Array(buffer.buffer, buffer.byteOffset + at, nonzeroLength(header.weights))
  at += nonzero.byteLength
  const quantised = new Int8Array(buffer.buffer, buffer.byteOffset + at, header.weights)
  at += alignedLength(header.weights)
  const df = new StringTable(buffer, at)
  at += StringTable.byteLengthAt(buffer, at)
  const counts = new Uint32Array(buffer.buffer, buffer.byteOffset + at, df.size)
  at += counts.byteLength
  const vectorWords = new StringTable(buffer, at)
  at += StringTable.byteLengthAt(buffer, at)
  const vectors = new Int8Array(buffer.buffer, buffer.byteOffset + at, vectorWords.size * header.dims)
  const dims = header.dims
  const vectorOf = new Array<Int8Array | undefined>(vectorWords.size)
  return {
    model: {bits: header.bits, bias: header.bias, weights, nonzero, quantised, scale: header.scale, topic: header.topic},
    vocabulary: {
      docs: header.docs,
      df: new TableMap(df, (entry) => counts[entry]),
      // One view per word, made once: a word's vector is the same object at every look-up.
      vectors: new TableMap(vectorWords, (entry) => (vectorOf[entry] ??= vectors.subarray(entry * dims, (entry + 1) * dims)))
    }
  }
}

const alignedLength = (bytes: number) => (bytes + 3) & ~3

/** The bytes padded to a 4-byte boundary, for the typed arrays after them. */
const aligned = (bytes: Buffer) => (bytes.length % 4 ? Buffer.concat([bytes, Buffer.alloc(alignedLength(bytes.length) - bytes.length)]) : bytes)

const nonzeroLength = (weights: number) => (weights + 31) >>> 5

/** A bit per weight, set where the weight is not 0: what the style model's features look up first (classifiers.ts `styleLogOdds`). */
export function nonzeroBits(weights: Float32Array): Uint32Array {
  const bits = new Uint32Array(nonzeroLength(weights.length))
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) bits[i >>> 5] |= 1 << (i & 31)
  return bits
}

/**
 * A read-only Map over a string table: get and has look a word up in place; iterating (the
 * training script, tests) reads the entries in the table's order.
 */
class TableMap<V> extends Map<string, V> {
  /** Entries (-1: absent) of the words looked up so far: a long run asks for the same words again and again. */
  private readonly found = new Map<string, number>()

  constructor(private readonly table: StringTable, private readonly valueOf: (entry: number) => V) {
    super()
  }

  /**
   * The few thousand words asked for last, in front of `found`: a document asks for its own words
   * again and again (about 3,000 look-ups per news article), and a small map stays in the processor's
   * cache where one of 100,000 words misses it at nearly every probe.
   */
  private recent = new Map<string, number>()

  private entryOf(word: string): number {
    let entry = this.recent.get(word)
    if (entry !== undefined) return entry
    entry = this.found.get(word)
    if (entry === undefined) {
      entry = this.table.find(word)
      // Bounded: an archive's vocabulary keeps growing, the words a document repeats do not.
      if (this.found.size >= 1 << 17) this.found.clear()
      this.found.set(word, entry)
    }
    if (this.recent.size >= 1 << 12) this.recent = new Map()
    this.recent.set(word, entry)
    return entry
  }

  override get size(): number {
    return this.table.size
  }

  override get(word: string): V | undefined {
    const entry = this.entryOf(word)
    return entry < 0 ? undefined : this.valueOf(entry)
  }

  override has(word: string): boolean {
    return this.entryOf(word) >= 0
  }

  override set(): this {
    throw new TypeError('the off-topic vocabulary is read-only')
  }

  override delete(): boolean {
    throw new TypeError('the off-topic vocabulary is read-only')
  }

  override clear(): void {
    throw new TypeError('the off-topic vocabulary is read-only')
  }

  override *entries(): MapIterator<[string, V]> {
    for (let entry = 0; entry < this.table.size; entry++) yield [this.table.word(entry), this.valueOf(entry)]
  }

  override *keys(): MapIterator<string> {
    for (let entry = 0; entry < this.table.size; entry++) yield this.table.word(entry)
  }

  override *values(): MapIterator<V> {
    for (let entry = 0; entry < this.table.size; entry++) yield this.valueOf(entry)
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this)
  }
}
