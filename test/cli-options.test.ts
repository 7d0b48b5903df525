// Flags as users type them, read by the CLI's parser (no process spawned).
import {describe, expect, it} from 'vitest'
import {parseMaxWarnings} from '../src/cli/max-warnings.js'
import {parseCli, UsageError} from '../src/cli/options.js'

describe('parseCli', () => {
  it('takes a negative number as the value of the flag before it, as documented (`--max-warnings -1`)', () => {
    const {values, positionals} = parseCli(['--max-warnings', '-1', 'a.md'])
    expect(values['max-warnings']).toBe('-1')
    expect(positionals).toEqual(['a.md'])
    expect(parseMaxWarnings(values['max-warnings'])).toBeUndefined()
    expect(parseCli(['--max-warnings=-1'])).toMatchObject({values: {'max-warnings': '-1'}})
    expect(parseCli(['-j', '-2']).values.jobs).toBe('-2')
  })

  it('still reads a dash after a boolean flag, and after `--`, as it is', () => {
    expect(() => parseCli(['--frail', '-1'])).toThrow(UsageError)
    expect(parseCli(['--', '--max-warnings', '-1']).positionals).toEqual(['--max-warnings', '-1'])
  })
})
