import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {loadData, packageRoot, phraseRegExp} from '../data.js'
import type {Lexicons, Model, Vocabulary} from './textcat.js'

export interface Data {
  minScriptLetters: number
  maxGlossLetters: number
  maxMixedWords: number
  recurring: number
  recurringShare: number
  outlierMargin: number
  originalLabels: string[]
  originalQuotation: string
  languageNames: string[]
  threshold: number
  topicWeight: number
  joinThreshold: number
  cutMargin: number
  notBeforeCut: string[]
  minWords: number
  shortLineMargin: number
  splitLength: number
  pasted: {minArticleWords: number; minWords: number; rareIdf: number; fitWeight: number; maxCloseness: number}
  contactPatterns: string[]
  lists: Record<string, string[]>
}

export const data = () => loadData<Data>('rules/off-topic-insert/data.yml')

let compiled: Lexicons | undefined

/** The data file's lists and patterns, compiled once per process. */
export function lexicons(): Lexicons {
  compiled ??= {
    contact: data().contactPatterns.map((p) => new RegExp(p, 'iu')),
    lists: Object.entries(data().lists).map(([name, phrases]) => ({name, pattern: phraseRegExp(phrases)}))
  }
  return compiled
}

let notBeforeCut: RegExp | undefined

/** Words a pasted run does not end on (they need what follows): a cut never follows them. */
export function cutWords(): RegExp {
  notBeforeCut ??= new RegExp(`(?:^|\\s)(?:${data().notBeforeCut.join('|')})$`, 'iu')
  return notBeforeCut
}

let trained: {model: Model; vocabulary: Vocabulary} | undefined

/** The trained model and news vocabulary (model.json, ~1 MB), read on first use only. */
export function loadModel(): {model: Model; vocabulary: Vocabulary} {
  if (!trained) {
    const path = join(packageRoot, 'rules', 'off-topic-insert', 'model.json')
    let file: {bits: number; bias: number; scale: number; weights: string; topic: Model['topic']; docs: number; df: Record<string, number>; vectors: Record<string, string>}
    try {
      file = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new Error(`copydesk: cannot load \`rules/off-topic-insert/model.json\` (run scripts/train-off-topic.mjs): ${(error as Error).message}`)
    }
    const bytes = Buffer.from(file.weights, 'base64')
    const quantised = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    trained = {
      model: {bits: file.bits, bias: file.bias, weights: Float32Array.from(quantised, (q) => q * file.scale), topic: file.topic},
      vocabulary: {
        docs: file.docs,
        df: new Map(Object.entries(file.df)),
        vectors: new Map(Object.entries(file.vectors).map(([word, v]) => {
          const bytes = Buffer.from(v, 'base64')
          return [word, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)]
        }))
      }
    }
  }
  return trained
}
