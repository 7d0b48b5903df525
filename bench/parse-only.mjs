// The floor for `npm run bench`: read every Markdown file of the given folders and parse it to
// mdast and on to nlcst (remark-parse → remark-retext → retext-english), with no rules at all.
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'

const processor = unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish))
const files = process.argv.slice(2).flatMap((path) =>
  statSync(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith('.md')).sort().map((name) => join(path, name)) : [path]
)
for (const path of files) {
  const file = new VFile({path, value: readFileSync(path, 'utf8')})
  await processor.run(processor.parse(file), file)
}
