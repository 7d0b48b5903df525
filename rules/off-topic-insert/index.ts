import {loadData} from '../../src/data.js'
import {report} from '../../src/report.js'
import {copydeskRule} from '../../src/rule.js'

interface Data {
  minScriptRun: number
}

// Letters of scripts other than Latin; a run of them in a Latin-script article is suspect.
const foreignRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Thai}][\p{L}\p{N}\p{Script=Han}\p{P}\s]*?(?=\s+[\p{Script=Latin}]{2}|\s*$)/gmu

export default copydeskRule('off-topic-insert', (doc, file) => {
  const {minScriptRun} = loadData<Data>('rules/off-topic-insert/data.yml')
  for (const paragraph of doc.paragraphs) {
    const text = doc.source.slice(paragraph.start, paragraph.end)
    for (const m of text.matchAll(foreignRun)) {
      const start = paragraph.start + m.index!
      let end = start + m[0].trimEnd().length
      const letters = (m[0].match(/[^\p{Script=Latin}\p{P}\p{N}\s]/gu) ?? []).length
      if (letters < minScriptRun) continue
      // A gloss of a name, "Zhangjiang (张江)", or a quotation is part of the article.
      if (doc.source[start - 1] === '(' || doc.source[start - 1] === '（') continue
      if (doc.quotations.some((q) => q.start < end && start < q.end)) continue
      const removeTo = /\s/.test(doc.source[end] ?? '') ? end + 1 : end
      const expected = doc.source.slice(paragraph.start, start) + doc.source.slice(removeTo, paragraph.end)
      report(file, doc, {
        reason: `Unexpected off-topic text \`${doc.source.slice(start, end)}\`, expected only the article's own text`,
        span: {start, end},
        expected: [expected],
        note: 'A run in another script that is neither a quotation nor a gloss of a name is usually spam or pasted text.',
        fix: {start, end: removeTo, text: ''}
      })
    }
  }
})
