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
    model: {bits: file.bits, bias: file.bias, weights: scaledWeights(file), topic: file.topic},
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
  littleEndian: boolean
  bits: number
  bias: number
  topic: Model['topic']
  docs: number
  dims: number
  weights: number
  /** Words joined by newlines: the df words, then those with vectors. */
  dfWords: string
  vectorWords: string
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
const align = (n: number) => (n + 3) & ~3
const lines = (text: string) => (text === '' ? [] : text.split('\n'))

/**
 * The same model as one binary file, which the build writes next to the compiled data files:
 * typed arrays read in place, so a cold start neither parses 1.2 MB of JSON nor decodes 8,659
 * base64 vectors (~30 ms of a one-article run, and of each worker's start). Layout: u32 header
 * length, header JSON, then at 4-byte boundaries float32 weights, u32 document frequencies and
 * int8 vectors, all in this machine's byte order.
 */
export function encodeModel(file: ModelJson): Buffer {
  const dfWords = Object.keys(file.df)
  const vectorWords = Object.keys(file.vectors)
  for (const word of [...dfWords, ...vectorWords]) if (word.includes('\n')) throw new Error(`model.json: a word with a newline: ${JSON.stringify(word)}`)
  for (const word of dfWords) if (!Number.isInteger(file.df[word]) || file.df[word] < 0) throw new Error(`model.json: df of \`${word}\` is not a count`)
  const weights = scaledWeights(file)
  const vectors = new Int8Array(vectorWords.length * file.dims)
  vectorWords.forEach((word, i) => {
    const vector = int8(file.vectors[word])
    if (vector.length !== file.dims) throw new Error(`model.json: the vector of \`${word}\` has ${vector.length} dimensions, not ${file.dims}`)
    vectors.set(vector, i * file.dims)
  })
  const header: Header = {
    littleEndian,
    bits: file.bits,
    bias: file.bias,
    topic: file.topic,
    docs: file.docs,
    dims: file.dims,
    weights: weights.length,
    dfWords: dfWords.join('\n'),
    vectorWords: vectorWords.join('\n')
  }
  const json = Buffer.from(JSON.stringify(header))
  const start = align(4 + json.length)
  const out = Buffer.alloc(align(start + weights.byteLength + 4 * dfWords.length) + vectors.byteLength)
  out.writeUInt32LE(json.length, 0)
  json.copy(out, 4)
  Buffer.from(weights.buffer).copy(out, start)
  Buffer.from(Uint32Array.from(dfWords, (word) => file.df[word]).buffer).copy(out, start + weights.byteLength)
  Buffer.from(vectors.buffer).copy(out, align(start + weights.byteLength + 4 * dfWords.length))
  return out
}

/** The model from `encodeModel`'s bytes; undefined when they were written in the other byte order. */
export function decodeModel(bytes: Buffer): Trained | undefined {
  const length = bytes.readUInt32LE(0)
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Header
  if (header.littleEndian !== littleEndian) return undefined
  // Typed arrays need aligned offsets: copy in the unlikely case the file's buffer is not.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes)
  const at = (offset: number) => buffer.byteOffset + offset
  const dfWords = lines(header.dfWords)
  const vectorWords = lines(header.vectorWords)
  const start = align(4 + length)
  const weights = new Float32Array(buffer.buffer, at(start), header.weights)
  const counts = new Uint32Array(buffer.buffer, at(start + weights.byteLength), dfWords.length)
  const vectors = new Int8Array(buffer.buffer, at(align(start + weights.byteLength + counts.byteLength)), vectorWords.length * header.dims)
  return {
    model: {bits: header.bits, bias: header.bias, weights, topic: header.topic},
    vocabulary: {
      docs: header.docs,
      df: new Map(dfWords.map((word, i) => [word, counts[i]])),
      vectors: new Map(vectorWords.map((word, i) => [word, vectors.subarray(i * header.dims, (i + 1) * header.dims)]))
    }
  }
}
