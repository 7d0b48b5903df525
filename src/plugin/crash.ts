import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

type Next = (error?: unknown, tree?: Node) => void
type Transformer = (tree: Node, file: VFile, next: Next) => unknown
type Attacher<Args extends unknown[]> = (this: unknown, ...args: Args) => Transformer | void

/**
 * Wrap a rule plugin so an exception in it becomes one fatal message on that file naming the
 * rule, and the other rules and files still run. Without this unified aborts the file with an
 * anonymous "Cannot process file", and unified-lint-rule turns the exception into a message of
 * the rule's severity (a mere warning) carrying the stack trace.
 */
export function guardRule<Args extends unknown[]>(ruleId: string, attacher: Attacher<Args>): Attacher<Args> {
  return function (this: unknown, ...args: Args) {
    const transformer = attacher.apply(this, args)
    if (!transformer) return transformer
    return (tree: Node, file: VFile, next: Next) => {
      const before = file.messages.length
      let settled = false
      const done = (error?: unknown, result?: Node) => {
        if (settled) return
        settled = true
        for (const message of file.messages.slice(before)) {
          // unified-lint-rule's `file.fail(error)`: the exception is the cause, not a finding's earlier mention.
          if (message.cause instanceof Error && !(message.cause instanceof VFileMessage)) crashed(file, ruleId, message.cause, message)
        }
        if (error) crashed(file, ruleId, error)
        next(undefined, error ? undefined : result)
      }
      try {
        // unified passes a callback as the third argument; a transformer may also return a promise.
        Promise.resolve(transformer(tree, file, done)).then((result) => transformer.length < 3 && done(undefined, result as Node | undefined), done)
      } catch (error) {
        done(error)
      }
    }
  }
}

function crashed(file: VFile, ruleId: string, error: unknown, message = file.message('', {ruleId, source: 'copydesk'})) {
  const reason = `Cannot lint file: rule \`${ruleId}\` failed: ${describe(error)}`
  Object.assign(message, {reason, message: reason, fatal: true, cause: undefined, stack: '', ruleId, source: 'copydesk'})
}

/**
 * unified-engine reports a file it could not find, read, parse or transform ("Cannot process
 * file", "No such file or folder") with the exception as its cause, and vfile-reporter prints
 * the cause's stack. Say what went wrong in one line instead; run this after config errors
 * have been picked out.
 */
export function explainFailures(files: VFile[]): void {
  for (const file of files) {
    for (const message of file.messages) {
      if (!message.fatal || !(message.cause instanceof Error) || message.cause instanceof VFileMessage) continue
      const reason = message.reason === 'Cannot process file' ? `Cannot lint file: ${describe(message.cause)}` : `${message.reason}: ${describe(message.cause)}`
      message.reason = reason
      message.message = reason
      message.cause = undefined
      message.stack = ''
      message.source ??= 'copydesk'
    }
  }
}

function describe(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]
  // Recursion in the Markdown tools (deep nesting) or a huge argument list (a huge block).
  // By name: a worker thread's error reaches the CLI as data, no longer a RangeError instance.
  if ((error as Error)?.name === 'RangeError' && /call stack/i.test(text)) return `${text} (the Markdown is nested too deeply or a block is too long)`
  return text
}
