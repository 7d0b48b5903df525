// CPU time for the tests that guard against slow paths. Other processes on a busy machine stretch
// a test's wall time as much as they like (a second `npm test` beside this one doubles it); the
// CPU time of the work itself barely moves. Compare it only as a ratio to a baseline measured in
// the same test (vitest.config.ts, "Test rules").

/** CPU seconds this process spends on `work`, every thread counted (the garbage collector's too). */
export async function cpuSeconds(work: () => unknown): Promise<number> {
  const start = process.cpuUsage()
  await work()
  const {user, system} = process.cpuUsage(start)
  return (user + system) / 1e6
}

/** The least of `runs` measurements: a run of a few milliseconds may pay for a collection the others do not. */
export async function leastCpuSeconds(runs: number, work: () => unknown): Promise<number> {
  let least = Infinity
  for (let i = 0; i < runs; i++) least = Math.min(least, await cpuSeconds(work))
  return least
}

/**
 * A Node option that makes a spawned process write its own CPU seconds (all threads, workers
 * included) to `file` as it exits: `node --import <this> …`.
 */
export const reportCpuTo = (file: string) =>
  `data:text/javascript,${encodeURIComponent(
    `import {writeFileSync} from 'node:fs'; import {isMainThread} from 'node:worker_threads'
if (isMainThread) process.on('exit', () => { const {user, system} = process.cpuUsage(); writeFileSync(${JSON.stringify(file)}, String((user + system) / 1e6)) })`
  )}`
