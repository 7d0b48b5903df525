// A lint worker of the pool (src/run/pool.ts): lints the chunks it is sent, one at a time, in order.
import {parentPort, workerData} from 'node:worker_threads'
import {lintChunk, type Item, type LintSettings} from './pool.js'

const settings = workerData as LintSettings
let queue = Promise.resolve()

parentPort?.on('message', (request: {id: number; items: Item[]}) => {
  queue = queue.then(async () => {
    try {
      parentPort?.postMessage({id: request.id, results: await lintChunk(request.items, settings)})
    } catch (error) {
      parentPort?.postMessage({id: request.id, error: (error as Error)?.message ?? String(error)})
    }
  })
})
