// The language server, spoken to over stdio the way an editor does (LSP JSON-RPC with
// Content-Length framing): it must publish copydesk's findings and offer the fixes as quick fixes.
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {config, folder, run, seed} from './bin.js'

interface Position {
  line: number
  character: number
}
interface Diagnostic {
  range: {start: Position; end: Position}
  message: string
  severity: number
  code?: string
  source?: string
  data?: unknown
}
interface Message {
  id?: number
  method?: string
  params?: any
  result?: any
  error?: unknown
}

/** A minimal LSP client: requests, notifications, and waiting for a server notification. */
class Client {
  private buffer = Buffer.alloc(0)
  private nextId = 1
  private pending = new Map<number, (message: Message) => void>()
  private received: Message[] = []
  private listeners: Array<() => void> = []
  readonly server: ChildProcessWithoutNullStreams
  stderr = ''

  constructor() {
    this.server = spawn(process.execPath, [resolve('bin/copydesk-language-server.js')], {stdio: 'pipe'})
    this.server.stderr.on('data', (chunk) => (this.stderr += chunk))
    this.server.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n')
        if (headerEnd < 0) return
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1])
        if (this.buffer.length < headerEnd + 4 + length) return
        const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message
        this.buffer = this.buffer.subarray(headerEnd + 4 + length)
        this.receive(message)
      }
    })
  }

  private receive(message: Message) {
    if (message.id !== undefined && message.method) this.send({id: message.id, result: null}) // a request from the server
    else if (message.id !== undefined) this.pending.get(message.id)?.(message)
    else this.received.push(message)
    for (const listener of this.listeners) listener()
  }

  private send(message: object) {
    const body = JSON.stringify({jsonrpc: '2.0', ...message})
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result)))
      this.send({id, method, params})
    })
  }

  notify(method: string, params: unknown) {
    this.send({method, params})
  }

  /**
   * The first notification `method` whose params satisfy `test`. The timeout only catches a server
   * that never answers (with its stderr), not a slow one: just under vitest's own (vitest.config.ts).
   */
  waitFor(method: string, test: (params: any) => boolean, timeout = 240_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeout} ms; server stderr: ${this.stderr}`)), timeout)
      const check = () => {
        const found = this.received.find((m) => m.method === method && test(m.params))
        if (!found) return
        clearTimeout(timer)
        this.listeners = this.listeners.filter((l) => l !== check)
        resolve(found.params)
      }
      this.listeners.push(check)
      check()
    })
  }

  async open(root: string, path: string): Promise<{uri: string; text: string; diagnostics: Diagnostic[]}> {
    await this.request('initialize', {processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null})
    this.notify('initialized', {})
    const uri = pathToFileURL(path).href
    const text = readFileSync(path, 'utf8')
    this.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
    const {diagnostics} = await this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri)
    return {uri, text, diagnostics}
  }

  async close() {
    await this.request('shutdown', null)
    this.notify('exit', null)
  }
}

/** Offset of an LSP position (UTF-16 code units, like JavaScript strings). */
function offsetOf(text: string, {line, character}: Position): number {
  let offset = 0
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1
  return offset + character
}

let client: Client | undefined
afterEach(async () => {
  await client?.close()
  client = undefined
})

describe('copydesk-language-server', () => {
  it('publishes the seed article’s findings as copydesk diagnostics, code = rule id, read from .remarkrc.mjs', async () => {
    client = new Client()
    const {diagnostics} = await client.open(process.cwd(), seed)
    const cli = JSON.parse(run(['--format', 'json', seed]).stdout)[0].messages as Array<{ruleId: string; line: number; column: number; source: string}>
    expect(cli.length).toBeGreaterThan(20)
    const published = diagnostics.map((d) => `${d.code} ${d.source} ${d.range.start.line + 1}:${d.range.start.character + 1}`).sort()
    expect(published).toEqual(cli.map((m) => `${m.ruleId} ${m.source} ${m.line}:${m.column}`).sort())
    const codes = new Set(diagnostics.map((d) => d.code))
    for (const id of ['unsupported-superlative', 'unattributed-statistic', 'currency-consistency', 'off-topic-insert', 'vague-attribution', 'readability']) expect(codes).toContain(id)
    // The note comes along, so the editor's hover says why.
    expect(diagnostics.find((d) => d.code === 'vague-attribution')!.message).toContain('name who says it')
  })

  it('offers the off-topic fix as a quick fix that makes the same edit as --fix', async () => {
    client = new Client()
    const {uri, text, diagnostics} = await client.open(process.cwd(), seed)
    const offTopic = diagnostics.find((d) => d.code === 'off-topic-insert')!
    expect(text.slice(offsetOf(text, offTopic.range.start), offsetOf(text, offTopic.range.end))).toBe('新夜上海论坛 ')
    const actions = await client.request('textDocument/codeAction', {textDocument: {uri}, range: offTopic.range, context: {diagnostics: [offTopic]}})
    expect(actions).toHaveLength(1)
    expect(actions[0]).toMatchObject({title: 'Remove `新夜上海论坛 `', kind: 'quickfix', isPreferred: true})
    const [edit] = actions[0].edit.changes[uri]
    const fixed = text.slice(0, offsetOf(text, edit.range.start)) + edit.newText + text.slice(offsetOf(text, edit.range.end))

    const dir = folder()
    writeFileSync(join(dir, 'a.md'), text)
    const fixedByCli = JSON.parse(run(['--format', 'json', 'a.md'], dir).stdout)[0].messages.find((m: {ruleId: string}) => m.ruleId === 'off-topic-insert').fix
    expect(fixed).toBe(text.slice(0, fixedByCli.start) + fixedByCli.text + text.slice(fixedByCli.end))
    expect(fixed).toContain('\nSemiconductor independence has become')
  })

  it("follows the workspace's own config (severity) and works where `remark` is not installed", async () => {
    const dir = folder({'.remarkrc.mjs': config(`{rules: {'vague-attribution': 'error', 'unattributed-statistic': 'off'}}`), 'draft.md': 'Critics say the toll cut traffic by 32%.\n'})
    client = new Client()
    const {diagnostics} = await client.open(dir, join(dir, 'draft.md'))
    expect(diagnostics.map((d) => ({code: d.code, severity: d.severity, source: d.source, range: d.range}))).toEqual([
      {code: 'vague-attribution', severity: 1, source: 'copydesk', range: {start: {line: 0, character: 0}, end: {line: 0, character: 11}}}
    ])
  })

  it('uses copydesk’s defaults where no config is found, like the CLI, and follows a config without copydesk', async () => {
    const draft = 'Critics say the toll cut traffic by 32%.\n'
    const bare = folder({'draft.md': draft})
    client = new Client()
    const {diagnostics} = await client.open(bare, join(bare, 'draft.md'))
    const cli = JSON.parse(run(['--format', 'json', 'draft.md'], bare).stdout)[0].messages as Array<{ruleId: string; line: number; column: number}>
    expect(cli.map((m) => m.ruleId).sort()).toEqual(['unattributed-statistic', 'vague-attribution'])
    expect(diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`).sort()).toEqual(cli.map((m) => `${m.ruleId} ${m.line}:${m.column}`).sort())
    await client.close()

    // A workspace whose remark config is for something else: no copydesk findings, as with the CLI.
    const other = folder({'.remarkrc.json': JSON.stringify({plugins: ['./plugin.mjs']}), 'plugin.mjs': 'export default function other() {}\n', 'draft.md': draft})
    client = new Client()
    expect((await client.open(other, join(other, 'draft.md'))).diagnostics).toEqual([])
  })

  it('publishes the findings of a document whose report is far over 16 KB (issue 21)', async () => {
    // unified-engine writes its text report to a stream unified-language-server never reads: past
    // its 16 KB buffer the run never finished and nothing was published.
    const dir = folder({'long.md': 'Critics say the toll cut traffic by 32%.\n\n'.repeat(400)})
    const cli = JSON.parse(run(['--format', 'json', 'long.md'], dir).stdout)[0].messages as unknown[]
    expect(cli.length).toBeGreaterThan(400)
    client = new Client()
    const {diagnostics} = await client.open(dir, join(dir, 'long.md'))
    expect(diagnostics).toHaveLength(cli.length)
  })

  it('refuses a document over the CLI’s size limit with one diagnostic saying so (issue 21)', async () => {
    const dir = folder({'huge.md': 'Plain words here. '.repeat(120_000)})
    client = new Client()
    const {diagnostics} = await client.open(dir, join(dir, 'huge.md'))
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([[1, expect.stringMatching(/^Cannot lint file: file too large \(2\.2 MB > 2 MB limit/)]])
  })
})
