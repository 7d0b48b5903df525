// The rules' sentences (src/text/analysis.ts): retext's, mended where it cuts at an abbreviation
// and cut where it keeps a number's full stop as an ordinal's.
import type {Root as NlcstRoot} from 'nlcst'
import remarkParse from 'remark-parse'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {remarkRetextByBlocks} from '../src/plugin/bridge.js'
import remarkGfm from '../src/plugin/gfm.js'
import {analyse} from '../src/text/analysis.js'
import {remarkCollectFacts} from '../src/text/markdown.js'

/** The analysis' sentences of a Markdown text, as the preset builds them; each checked against its offsets. */
async function sentences(text: string): Promise<string[]> {
  let found: string[] = []
  const keep = () => (tree: NlcstRoot, file: VFile) => {
    found = analyse(tree, file).sentences.map((s) => {
      expect(text.slice(s.start, s.end).replace(/\n[ \t>]*/g, (gap) => ' '.repeat(gap.length))).toBe(s.text)
      return s.text
    })
  }
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCollectFacts).use(remarkRetextByBlocks, unified().use(retextEnglish).use(keep) as never)
  const file = new VFile({path: 'example.md', value: text})
  await processor.run(processor.parse(file), file)
  return found
}

describe('sentences after a number and a full stop', () => {
  it('ends a sentence after an amount, an age or a count when a capital follows', async () => {
    expect(await sentences('The module sells for €5. Analysts say the price will fall.\n')).toEqual(['The module sells for €5.', 'Analysts say the price will fall.'])
    expect(await sentences('He joined the Sea Org aged 14. In 1995, at the age of 21, he left.\n')).toEqual(['He joined the Sea Org aged 14.', 'In 1995, at the age of 21, he left.'])
    expect(await sentences('Labour lost 42. "The result is bad," Smith said.\n')).toEqual(['Labour lost 42.', '"The result is bad," Smith said.'])
    // The same cut as retext makes after a figure it does not take for an ordinal.
    expect(await sentences('The module sells for 5 EUR. Analysts say the price will fall.\n')).toEqual(['The module sells for 5 EUR.', 'Analysts say the price will fall.'])
  })

  it('cuts a hard-wrapped paragraph where it cuts the unwrapped one, offsets kept', async () => {
    const text = 'The boy joined the Sea Org aged\n14. In 1995, at the age of 21,\nhe left the group.\n'
    expect(await sentences(text)).toEqual(['The boy joined the Sea Org aged 14.', 'In 1995, at the age of 21, he left the group.'])
  })

  it('does not cut after a number an abbreviation names, an enumeration or a list marker', async () => {
    expect(await sentences('The Searchers rose from No. 96 to No. 12. Alfred Hitchcock fell.\n')).toEqual(['The Searchers rose from No. 96 to No. 12. Alfred Hitchcock fell.'])
    // (retext itself ends the first at "first.")
    expect(await sentences('The plan has three goals: 1. Put families first. 2. Turn our economy around.\n')).toEqual([
      'The plan has three goals: 1. Put families first.',
      '2. Turn our economy around.'
    ])
    expect(await sentences('Profits fell; 5. The board met.\n')).toEqual(['Profits fell; 5. The board met.'])
    // Not a Markdown list (a list that interrupts a paragraph starts at 1): a plain paragraph.
    expect(await sentences('The steps are\n2. Mix the flour\n3. Add the water\n')).toEqual(['The steps are', '2. Mix the flour', '3. Add the water'])
    expect(await sentences('The steps are as follows,\n2. Mix the flour\n3. Add the water and stir\n')).toEqual(['The steps are as follows, 2. Mix the flour', '3. Add the water and stir'])
  })

  it('leaves decimals, years and lower-case continuations alone', async () => {
    expect(await sentences('Growth was 3.5 percent in 2019. The bank cut rates.\n')).toEqual(['Growth was 3.5 percent in 2019.', 'The bank cut rates.'])
    expect(await sentences('The ratio fell to 2.5. the ministry said nothing.\n')).toEqual(['The ratio fell to 2.5. the ministry said nothing.'])
  })
})
