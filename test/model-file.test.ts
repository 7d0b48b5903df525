// The off-topic model read from the build's binary file (rules/off-topic-insert/lib/model-file.ts)
// must be the model read from model.json: same weights, document frequencies and vectors.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {decodeModel, encodeModel, fromJson, type ModelJson} from '../rules/off-topic-insert/lib/model-file.js'

const json: ModelJson = JSON.parse(readFileSync('rules/off-topic-insert/model.json', 'utf8'))

describe('the off-topic model as a binary file', () => {
  const fromFile = fromJson(json)
  const decoded = decodeModel(encodeModel(json))

  it('has the same scalars, weights and topic model', () => {
    expect(decoded?.model.bits).toBe(fromFile.model.bits)
    expect(decoded?.model.bias).toBe(fromFile.model.bias)
    expect(decoded?.model.topic).toEqual(fromFile.model.topic)
    expect(decoded?.vocabulary.docs).toBe(fromFile.vocabulary.docs)
    expect(Buffer.from(decoded!.model.weights.buffer, decoded!.model.weights.byteOffset, decoded!.model.weights.byteLength).equals(Buffer.from(fromFile.model.weights.buffer))).toBe(true)
  })

  it('keeps the int8 weights whose scaled float32 values are the weights', () => {
    for (const {model} of [decoded!, fromFile]) {
      const {weights, quantised, scale} = model
      expect(quantised?.length).toBe(weights.length)
      let wrong = 0
      for (let i = 0; i < weights.length; i++) if (Math.fround(quantised![i] * scale!) !== weights[i]) wrong++
      expect(wrong).toBe(0)
    }
  })

  it('marks exactly the weights that are not 0', () => {
    const {weights, nonzero} = decoded!.model
    let set = 0
    let wrong = 0
    for (let i = 0; i < weights.length; i++) {
      const bit = (nonzero![i >>> 5] >>> (i & 31)) & 1
      set += bit
      if (bit !== (weights[i] !== 0 ? 1 : 0)) wrong++
    }
    expect(wrong).toBe(0)
    expect(set).toBeGreaterThan(0)
    expect(set).toBeLessThan(weights.length)
  })

  it('has the same words in the same order, with the same counts and vectors', () => {
    expect([...decoded!.vocabulary.df]).toEqual([...fromFile.vocabulary.df])
    expect([...decoded!.vocabulary.vectors.keys()]).toEqual([...fromFile.vocabulary.vectors.keys()])
    for (const [word, vector] of fromFile.vocabulary.vectors) expect([...decoded!.vocabulary.vectors.get(word)!], word).toEqual([...vector])
  })

  it('looks every word up in place, and misses words it does not have', () => {
    const df = decoded!.vocabulary.df
    expect(df.size).toBe(fromFile.vocabulary.df.size)
    const wrong = [...fromFile.vocabulary.df].filter(([word, n]) => df.get(word) !== n || !df.has(word))
    expect(wrong).toEqual([])
    for (const word of ['', 'zzqxj', 'Ünïcode', 'constructor', '__proto__', 'the ']) {
      expect(df.has(word), word).toBe(fromFile.vocabulary.df.has(word))
      expect(df.get(word), word).toBe(fromFile.vocabulary.df.get(word))
      expect(decoded!.vocabulary.vectors.get(word), word).toEqual(fromFile.vocabulary.vectors.get(word))
    }
  })

  it('refuses a file with a bad vector rather than misreading it', () => {
    const [word] = Object.keys(json.vectors)
    expect(() => encodeModel({...json, vectors: {...json.vectors, [word]: 'AAAA'}})).toThrow(/dimensions/)
  })
})
