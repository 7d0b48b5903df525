import {report} from '../../src/plugin/report.js'
import {copydeskRule} from '../../src/plugin/rule.js'

export default copydeskRule({
  id: 'vague-attribution',
  description: 'Attribution to no one in particular',
  severity: 'warn',
  options: {},
  legend: {letter: 'V', background: '#e2d2ff', line: '2px dotted #5a2ca0'}
}, (doc, file) => {
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
