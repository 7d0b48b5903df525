// Test helpers: lint Markdown with the preset, some rules on and the rest off.
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {ruleIds, type RuleId} from '../rules/index.js'
import copydesk, {type CopydeskOptions} from '../src/plugin/preset.js'

export async function lintText(text: string, only?: RuleId | RuleId[], options: CopydeskOptions = {}, path = 'example.md') {
  const on = only === undefined ? ruleIds : ([] as RuleId[]).concat(only)
  const rules: CopydeskOptions['rules'] = {readability: only === undefined ? 'warn' : 'off'}
  for (const id of ruleIds) rules[id] = on.includes(id) ? (options.rules?.[id] ?? 'warn') : 'off'
  const file = new VFile({path, value: text})
  const processor = unified().use(remarkParse).use(copydesk, {...options, rules})
  await processor.run(processor.parse(file), file)
  return file
}

/** One line per message, as the fixtures' `.txt` files list them. */
export function describe(file: VFile): string[] {
  return file.messages.map((m) => `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : `${m.line}:${m.column}`} ${m.reason}`)
}
