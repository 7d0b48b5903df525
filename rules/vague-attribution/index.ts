import {report} from '../../src/report.js'
import {copydeskRule} from '../../src/rule.js'

export default copydeskRule('vague-attribution', (doc, file) => {
  for (const sentence of doc.sentences) {
    for (const cue of doc.attribution(sentence).vague) {
      report(file, doc, {
        reason: `Unexpected vague attribution \`${cue.text}\`, expected a named source`,
        span: cue,
        note: 'Attribution to no one (critics, experts, "it is thought", an unnamed "dubbed") stands in for evidence; name who says it.'
      })
    }
  }
})
