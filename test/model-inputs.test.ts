// model.json records hashes of what it was trained on (scripts/train-off-topic.mjs writes them,
// rules/off-topic-insert/lib/model-inputs.ts computes them): a feature, the sentence splitter or a
// word list changed since leaves it stale, told here in milliseconds, where the script's --check
// retrains to tell (minutes, too slow for the suite).
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../src/plugin/package-root.js'
import {modelInputs, trainingFiles, trainingScript} from '../rules/off-topic-insert/lib/model-inputs.js'

const recorded: {seed: number; inputs: {code: string; corpus: string}} = JSON.parse(readFileSync(join(packageRoot, 'rules/off-topic-insert/model.json'), 'utf8'))
const retrain = `retrain it: npm run build && node scripts/train-off-topic.mjs (then node scripts/train-pasted.mjs, which reads its vocabulary), and commit both`
// The corpus is beside the repository, or where COPYDESK_SHARED says (a worktree); CI has none.
const corpus = join(process.env.COPYDESK_SHARED ?? join(packageRoot, '..', 'shared'), 'corpus')

describe('the off-topic model is trained on what the repository holds now', () => {
  it('records its seed and the hashes of its inputs', () => {
    expect(Number.isInteger(recorded.seed)).toBe(true)
    expect(recorded.inputs.code).toMatch(/^[0-9a-f]{64}$/)
    expect(recorded.inputs.corpus).toMatch(/^[0-9a-f]{64}$/)
  })

  it('on the code and data files of now', () => {
    expect(modelInputs(packageRoot).code, `model.json was trained on other code or word lists: ${retrain}`).toBe(recorded.inputs.code)
  })

  it.skipIf(!existsSync(corpus))('on the news articles and spam pools of now', () => {
    expect(modelInputs(packageRoot, corpus).corpus, `model.json was trained on another corpus: ${retrain}`).toBe(recorded.inputs.corpus)
  })

  it('follows the training script to the feature code and the lists it reads', () => {
    const {code, data} = trainingFiles(packageRoot)
    expect(code).toEqual(expect.arrayContaining([trainingScript, 'scripts/news-halves.mjs', 'rules/off-topic-insert/lib/classifiers.ts',
      'rules/off-topic-insert/lib/segments.ts', 'rules/off-topic-insert/lib/model.ts', 'src/text/quotes.ts']))
    expect(data).toEqual(expect.arrayContaining(['rules/off-topic-insert/data.yml', 'src/text/abbreviations.yml']))
    expect(data).not.toContain('rules/off-topic-insert/pasted-model.yml')
  })

  it('changes with a feature file or a word list, not with a threshold the rule alone reads', () => {
    const {code, data} = trainingFiles(packageRoot)
    const copy = mkdtempSync(join(tmpdir(), 'copydesk-model-inputs-'))
    try {
      for (const file of [...code, ...data]) {
        mkdirSync(dirname(join(copy, file)), {recursive: true})
        copyFileSync(join(packageRoot, file), join(copy, file))
      }
      const before = modelInputs(copy).code
      expect(before).toBe(modelInputs(packageRoot).code)
      const edit = (file: string, change: (text: string) => string) => {
        const path = join(copy, file)
        const text = readFileSync(path, 'utf8')
        writeFileSync(path, change(text))
        const after = modelInputs(copy).code
        writeFileSync(path, text)
        return after
      }
      expect(edit('rules/off-topic-insert/lib/classifiers.ts', (t) => `${t}\n// a feature changed\n`)).not.toBe(before)
      expect(edit('rules/off-topic-insert/data.yml', (t) => t.replace(/^lists:\n/m, 'lists:\n  extra: [buy now]\n'))).not.toBe(before)
      expect(edit('rules/off-topic-insert/data.yml', (t) => t.replace(/^threshold: .*$/m, 'threshold: 99'))).toBe(before)
    } finally {
      rmSync(copy, {recursive: true, force: true})
    }
  })
})
