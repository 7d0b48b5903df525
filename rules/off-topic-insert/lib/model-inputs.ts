import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, normalize, relative} from 'node:path'
import {parse} from 'yaml'

/**
 * What model.json is trained on, hashed, so a test can tell in milliseconds that it is stale
 * (`scripts/train-off-topic.mjs --check` retrains to tell, ~2.5 minutes): scripts/train-off-topic.mjs
 * writes these hashes into model.json, and test/model-inputs.test.ts recomputes them.
 *
 * - `code`: every module the training script runs, found by following its relative imports (a
 *   `dist/….js` import is hashed as the `….ts` it is built from), and the data files those modules
 *   load: a feature, the sentence splitter or a word list that changes changes the model. Of
 *   data.yml, only the keys the training reads (`trainingKeys`): its thresholds are the rule's.
 * - `corpus`: the news articles and spam pools it reads, by name and content (checked only where
 *   the corpus is at hand).
 */
export interface ModelInputs {
  code: string
  corpus?: string
}

/** The training script, from the package root: its imports are the rest of the code hashed. */
export const trainingScript = 'scripts/train-off-topic.mjs'
const ruleData = 'rules/off-topic-insert/data.yml'
// Another model, trained after this one on its vocabulary: never an input of it.
const notInputs = new Set(['rules/off-topic-insert/pasted-model.yml'])
/**
 * The keys of data.yml the training reads: what `lexicons()` (model.ts) compiles for the style
 * features, and the article length below which the topic model is not asked (reading.ts).
 */
const trainingKeys = ['contactPatterns', 'lists', 'chrome.lists', 'page.chrome', 'page.comments', 'topicMinWords']

/** The files of code the training script runs and the data files they load, relative to `root`, sorted. */
export function trainingFiles(root: string): {code: string[]; data: string[]} {
  const code = new Set<string>()
  const data = new Set<string>()
  const queue = [trainingScript]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (code.has(file)) continue
    code.add(file)
    const source = readFileSync(join(root, file), 'utf8')
    // Value imports and re-exports only: `import type` brings no code.
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"](\.[^'"]+)['"]/gm)) {
      const path = relative(root, normalize(join(root, dirname(file), m[1]))).replace(/^dist\//, '')
      const ts = path.replace(/\.js$/, '.ts')
      const found = [ts, path].find((p) => existsSync(join(root, p)))
      if (!found) throw new Error(`${file}: cannot find the source of import \`${m[1]}\``)
      queue.push(found)
    }
    for (const m of source.matchAll(/\bloadData\(\s*'([^']+)'/g)) if (!notInputs.has(m[1])) data.add(m[1])
  }
  return {code: [...code].sort(), data: [...data].sort()}
}

/** The hashes of what model.json would be trained on now; `corpus` only when a corpus folder is given. */
export function modelInputs(root: string, corpus?: string): ModelInputs {
  const {code, data} = trainingFiles(root)
  const hash = createHash('sha256')
  for (const file of code) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0')
  for (const file of data) {
    hash.update(`${file}\0`)
    if (file === ruleData) {
      const settings = parse(readFileSync(join(root, file), 'utf8'))
      for (const key of trainingKeys) hash.update(`${key}\0${JSON.stringify(key.split('.').reduce((value, part) => value?.[part], settings))}\0`)
    } else hash.update(readFileSync(join(root, file))).update('\0')
  }
  return {code: hash.digest('hex'), ...(corpus === undefined ? {} : {corpus: corpusHash(corpus)})}
}

/** The news articles and spam pools the training reads, by name and content. */
function corpusHash(corpus: string): string {
  const hash = createHash('sha256')
  for (const [folder, test] of [['news', /\.md$/], ['spam', /^pool-.*\.txt$/]] as const) {
    for (const name of readdirSync(join(corpus, folder)).filter((n) => test.test(n)).sort()) {
      hash.update(`${folder}/${name}\0`).update(readFileSync(join(corpus, folder, name))).update('\0')
    }
  }
  return hash.digest('hex')
}
