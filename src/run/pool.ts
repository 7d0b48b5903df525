import {availableParallelism} from 'node:os'
import type {Worker} from 'node:worker_threads'
import {VFileMessage} from 'vfile-message'
import {VFile} from 'vfile'
import {lint} from './engine.js'
import {defaultMaxFileMegabytes} from './input.js'
import {serializeMessage, type SerializedMessage} from './messages.js'

/** A file to lint: its absolute path and the text read during discovery. */
export interface Item {
  path: string
  value: string
  /** Where the text's bytes had invalid UTF-8 when they were not read from `path` (src/run/input.ts). */
  invalidUtf8Line?: number | false
}

/** What every thread needs to lint like the CLI: config discovery from `cwd`, or one config file. */
export interface LintSettings {
  cwd: string
  rcPath?: string
  /** Refuse files larger than this, in bytes (src/run/input.ts). */
  maxFileBytes?: number
}

/** Lint some files in this thread with unified-engine (config discovery as usual); findings as data. */
export async function lintChunk(items: Item[], settings: LintSettings): Promise<SerializedMessage[][]> {
  const files = items.map((item) => new VFile({path: item.path, value: item.value, data: item.invalidUtf8Line === undefined ? {} : {copydeskInvalidUtf8Line: item.invalidUtf8Line}}))
  await lint({files, cwd: settings.cwd, rcPath: settings.rcPath, maxFileBytes: settings.maxFileBytes, found: true})
  return files.map((file) => file.messages.map(serializeMessage))
}

/**
 * Lint `items` on `jobs` threads: this one and `jobs - 1` workers, fed chunks of files as they
 * finish so a long interview does not hold up the rest. Chunks also bound memory: unified-engine
 * keeps every file of a call in flight at once. Results come back in input order, and
 * every thread's findings go through the same serialization, so any `jobs` gives the same report.
 */
export async function lintInPool(
  items: Item[],
  settings: LintSettings,
  jobs: number,
  onFile?: (done: number, total: number, findings: number) => void
): Promise<SerializedMessage[][]> {
  // A thread per file at most, and per core: more only share the cores and each loads the preset.
  const threads = Math.max(1, Math.min(jobs, items.length, availableParallelism()))
  const workers = await startWorkers(threads - 1, settings)
  const results: SerializedMessage[][] = new Array(items.length)
  let remaining = items.reduce((sum, item) => sum + item.value.length, 0)
  let next = 0
  // Files handed to a worker that died before it began them: any thread takes them first.
  const requeued: number[] = []
  let done = 0
  let findings = 0
  const finished = (chunk: number[]) => {
    done += chunk.length
    for (const index of chunk) findings += results[index].length
    onFile?.(done, items.length, findings)
  }
  // Guided scheduling: big chunks first (less overhead), small ones at the end (even finish).
  // This thread takes quarter chunks: it hands out work only between its own chunks.
  const take = (share = 1): number[] | undefined => {
    if (requeued.length > 0) return requeued.splice(0, 1)
    if (next >= items.length) return undefined
    const target = share * Math.min(64_000, Math.max(4_000, remaining / (threads * 4)))
    const chunk: number[] = []
    let size = 0
    while (next < items.length && (chunk.length === 0 || size < target)) {
      size += items[next].value.length
      chunk.push(next++)
    }
    remaining -= size
    return chunk
  }
  /** A chunk no thread could lint: each of its files gets one fatal message, the run goes on. */
  const failed = (chunk: number[], why: string) => {
    for (const index of chunk) results[index] = [cannotLint(items[index].path, why)]
    finished(chunk)
  }

  try {
    const feedWorker = (worker: Worker) =>
      new Promise<void>((resolve) => {
        const inFlight = new Map<number, number[]>()
        let id = 0
        let stopped: string | undefined
        const send = () => {
          const chunk = take()
          if (!chunk) return
          inFlight.set(++id, chunk)
          worker.postMessage({id, items: chunk.map((index) => items[index])})
        }
        worker.on('message', (reply: {id: number; results?: SerializedMessage[][]; error?: string}) => {
          const chunk = inFlight.get(reply.id) ?? []
          inFlight.delete(reply.id)
          if (reply.error !== undefined) failed(chunk, reply.error)
          else {
            chunk.forEach((index, i) => (results[index] = reply.results?.[i] ?? []))
            finished(chunk)
          }
          send()
          if (inFlight.size === 0) resolve()
        })
        worker.on('error', (error) => (stopped = error.message))
        // A worker that dies (a plugin calls process.exit, its heap runs out) costs the chunk it
        // was linting; the chunks queued behind it go to the other threads.
        worker.on('exit', (code) => {
          const [current, ...queued] = [...inFlight.entries()].sort(([a], [b]) => a - b).map(([, chunk]) => chunk)
          inFlight.clear()
          if (current) failed(current, `the lint worker stopped (${stopped ?? `exit code ${code}`})`)
          for (const chunk of queued) requeued.push(...chunk)
          resolve()
        })
        // Three chunks in flight: a worker does not wait while this thread lints its own.
        send()
        send()
        send()
        if (inFlight.size === 0) resolve()
      })
    const feedSelf = async () => {
      for (let chunk = take(1 / 4); chunk; chunk = take(1 / 4)) {
        const found = await lintChunk(chunk.map((index) => items[index]), settings)
        chunk.forEach((index, i) => (results[index] = found[i]))
        finished(chunk)
      }
    }
    await Promise.all([...workers.map(feedWorker), feedSelf()])
    // What a worker left when it died after this thread ran out of work.
    await feedSelf()
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}

/** The one fatal message of a file that could not be linted, as the engine would give it. */
function cannotLint(path: string, why: string): SerializedMessage {
  const message = new VFileMessage(`Cannot lint file: ${why}`)
  message.file = path
  message.fatal = true
  return serializeMessage(message)
}

/** Start `count` lint workers, once the files are found: only as many as there are files to lint. */
async function startWorkers(count: number, settings: LintSettings): Promise<Worker[]> {
  if (count < 1) return []
  // This thread lints too, and its heap (no limit set, so over 2 GB) may grow to 4× what survives a
  // full collection where a worker's grows to about 2×: one long interview could lift the run's
  // peak by 60 MB. A pool's threads grow by 2.5× at most (news/, default --jobs: peak 320–392 MiB
  // → 291–331 MiB, no slower; 2× gave 273–292 MiB but 3–5% more time in collections). V8 reads
  // the flag at each collection, so setting it now takes effect.
  const {setFlagsFromString} = await import('node:v8')
  setFlagsFromString('--heap-growing-percent=150')
  // Loaded only for a pool: a one-file run does not pay for node:worker_threads.
  const {Worker} = await import('node:worker_threads')
  return Array.from({length: count}, () => {
    // The main thread's stack (V8's default, 984 KB): a file too deep for one thread is too deep for all,
    // so the report does not depend on which thread linted it.
    const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: settings, resourceLimits: {stackSizeMb: 0.984, maxOldGenerationSizeMb: oldGenerationMegabytes(settings)}})
    return worker
  })
}

/**
 * A worker's heap limit. V8 lets a heap of 2 GB or more grow to 4× what survived the last full
 * collection, a smaller one to at most 2×: lint garbage then took the pool's two heaps to 400+ MiB
 * for ~30 MB of live data. A limit far above any file's needs (a 1.5 MB article kept ~0.23 GB
 * live) lowers the worker's peak; it grows with --max-file-size so a file the main thread can lint, a
 * worker can too.
 */
function oldGenerationMegabytes(settings: LintSettings): number {
  const fileMegabytes = (settings.maxFileBytes ?? defaultMaxFileMegabytes * 1e6) / 1e6
  return Math.max(1536, 768 * fileMegabytes)
}
