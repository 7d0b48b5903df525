// The default terminal report: every reason under its position, within 100 columns.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {columns, pretty} from '../src/reporters/pretty.js'
import {lintText} from './lint.js'
import {seed} from './bin.js'

const options = {color: false, verbose: false, quiet: false, silent: false, cwd: process.cwd()}

describe('pretty report', () => {
  it('wraps each reason under its position, rule and source, within 100 columns', async () => {
    const file = await lintText(readFileSync(seed, 'utf8'), undefined, {}, 'articles/shanghai-tech.md')
    for (const verbose of [false, true]) {
      const lines = pretty([file], {...options, verbose}).trimEnd().split('\n')
      // The seed's spam runs are in Chinese: two columns a character.
      expect(lines.filter((line) => columns(line) > 100)).toEqual([])
      const heads = lines.flatMap((line, index) => (/^\d+:\d+-\d+:\d+\s+warning\s+[a-z-]+\s+\S+$/.test(line) ? [index] : []))
      expect(heads).toHaveLength(file.messages.length)
      for (const index of heads) expect(lines[index + 1]).toMatch(/^ {2}`/)
    }
    // The text is all there: the reasons, unwrapped, are the messages' reasons.
    const text = pretty([file], options)
    for (const message of file.messages) expect(text.replace(/\n {2}(?=\S)/g, ' ')).toContain(message.reason.replace(/\n/g, ' '))
  })

  it('counts wide characters as two columns', () => {
    expect(columns('上海')).toBe(4)
    expect(columns('US$5')).toBe(4)
  })
})
