// The stock unified pipeline copydesk builds on, for `npm run bench` only: remark-cli reads this
// with --rc-path. Readability has the preset's settings so both do the same scoring work.
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import retextReadability from 'retext-readability'
import {unified} from 'unified'

export default {
  plugins: [[remarkRetext, unified().use(retextEnglish).use(retextReadability, {age: 22, minWords: 12, threshold: 5 / 7})]]
}
