/**
 * Progress for long runs: "copydesk: 120/887 files, 342 findings" redrawn on one line of a
 * terminal's stderr. Nothing at all when the stream is not a terminal (CI logs, pipes, tests),
 * and nothing for runs shorter than `delay`, so short runs print exactly what they always did.
 */
export interface Progress {
  onFile(done: number, total: number, findings: number): void
  /** Clear the line before the report is written. */
  end(): void
}

interface Stream {
  isTTY?: boolean
  write(text: string): unknown
}

export function createProgress(stream: Stream, {delay = 300, interval = 100, now = Date.now} = {}): Progress {
  if (stream.isTTY !== true) return {onFile() {}, end() {}}
  const started = now()
  let drawn = 0
  let shown = false
  return {
    onFile(done, total, findings) {
      const time = now()
      if (time - started < delay || (time - drawn < interval && done < total)) return
      drawn = time
      shown = true
      stream.write(`\rcopydesk: ${done}/${total} files, ${findings} finding${findings === 1 ? '' : 's'}\u001B[K`)
    },
    end() {
      if (shown) stream.write('\r\u001B[K')
      shown = false
    }
  }
}
