import {report} from '../../src/plugin/report.js'
import {copydeskRule} from '../../src/plugin/rule.js'

export default copydeskRule('vague-attribution', (doc, file) => {
  for (const sentence of doc.sentences) {
    // A question attributes nothing: "In what states should voters expect …?"
    if (doc.isQuestion(sentence)) continue
    for (const cue of doc.attribution(sentence).vague) {
      report(file, doc, {
        reason: `\`${cue.text}\`: attributed to no one in particular; name the source`,
        span: cue,
        note: 'The words attribute the claim to no one in particular (an unnamed group, "reportedly", an agentless passive); name who says it, or report it as fact with its source.'
      })
    }
  }
})
