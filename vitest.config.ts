import {availableParallelism} from 'node:os'
import {relative} from 'node:path'
import {BaseSequencer, type TestSpecification} from 'vitest/node'
import {defineConfig} from 'vitest/config'

// Started before every other file: the pre-commit test (test/hooks.test.ts) installs the hook as
// pre-commit does (npm install, build, npm pack, build, npm install -g), the longest file by far and
// mostly waiting on npm and the disk. Vitest starts the files it has no timings for (a fresh clone,
// as .ci/run tests) largest first; this one is mid-sized, started when most of the others had run,
// and the whole suite then waited for it alone. Started first, its waiting overlaps the other
// files' work on the second core. Only the order changes: every file still runs in a fork of its own.
const startFirst = ['test/hooks.test.ts']

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = startFirst.indexOf(relative(file.project.config.root, file.moduleId).replace(/\\/g, '/'))
      return index < 0 ? startFirst.length : index
    }
    return sorted.map((file, index) => ({file, index})).sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index).map(({file}) => file)
  }
}

// Test rules, for every test file:
// - No wall-clock limits. A guard against a hang or a slow path compares CPU time (test/cpu.ts)
//   as a ratio to a baseline measured in the same test: 4x the input in less than 8x the time.
//   Absolute speed belongs in `npm run bench`.
// - Budget: the whole suite under 4 minutes on 2 cores, about 8 CPU-minutes in all. A new test
//   file gets about 10 CPU-seconds (`/usr/bin/time npx vitest run test/<file>.test.ts`, minus the
//   3 s vitest itself takes); the few over 30 (robustness, speed, ci, hooks: the binary on many
//   inputs) must not grow. Spawn the CLI only to test the binary itself, once per report that
//   several assertions can share (about 0.6 CPU-seconds a spawn); lint in-process otherwise; take
//   the smallest input that still shows the property.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Child processes, not threads: many files spawn the CLI and wait for it, and a fork's
    // CPU time (test/cpu.ts) is its own.
    pool: 'forks',
    // Vitest's default leaves one core idle (cores - 1), and half of most files' time is spent
    // waiting for a spawned CLI: two files at once keep two cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: {sequencer: LongestFirst},
    // Generous: only a hang reaches these, not a busy machine (no test needs a tenth of this on 2 cores).
    testTimeout: 300_000,
    hookTimeout: 300_000
  }
})
