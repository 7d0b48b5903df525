// Attribution: who a sentence names as its source, and the cues that name no one.
import {describe, expect, it} from 'vitest'
import {findAttribution, namesGroup} from '../src/text/attribution.js'
import {documentNames} from '../src/text/tokens.js'
import {leastCpuSeconds} from './cpu.js'

const named = (text: string) => findAttribution(text).named.map((c) => c.text.toLowerCase())
const vague = (text: string) => findAttribution(text).vague.map((c) => c.text.toLowerCase())

describe('named sources', () => {
  it.each([
    ['Unemployment rose to 7.2%, the statistics office said.', 'said'],
    ['According to the IMF, growth slowed.', 'according to'],
    ['Smith told reporters that 2,000 people came.', 'told'],
    ['Data from the census show 26 million residents.', 'show'],
    ['A survey by Gallup found that 32% of adults read a paper.', 'a survey by'],
    ["The ministry's figures put the cost at ¥300 billion.", "ministry's figures"],
    ['The highest rate noted by the team was in Alaska.', 'noted by'],
    ['Rother points out that benefits would fall.', 'points out'],
    ['Congressman Vicente Gonzalez (TX-15) announced $3 million.', 'announced'],
    ['In 2006, ActiveState Software Inc. announced its sale for 2,250,000 USD.', 'announced'],
    ['Savarino bought the building for US$1.00 and states that he hopes to save it.', 'states'],
    ['In his opinion, the hardest part was the theory.', 'In his opinion'],
    ['The tower, billed as the tallest in Africa, opens next year.', 'billed as'],
    ['A majority of economists polled by Reuters expect a cut.', 'expect'],
    ['Most analysts surveyed by the central bank expect a cut.', 'expect']
  ])('%s', (text, cue) => {
    expect(named(text).some((c) => c.endsWith(cue.toLowerCase()))).toBe(true)
    expect(vague(text)).toEqual([])
  })

  it('takes a sentence-initial name the document capitalises elsewhere ("Gates said")', () => {
    expect(vague('Gates said the plan works.')).toEqual(['gates said'])
    expect(named('Gates said the plan works.')).toEqual([])
    expect(findAttribution('Gates said the plan works.', 0, new Set(['gates'])).named.map((c) => c.text)).toEqual(['said'])
  })
})

describe('the subject search and participles', () => {
  it('steps over a reduced relative\'s participle to its noun: the budget approved by the council is the source', () => {
    expect(named('The budget approved by the council said 20 jobs would go.')).toEqual(['said'])
  })
  it('stops at a passive\'s participle: the ranked law school is no source of "published"', () => {
    expect(named("Westmere's School of Law was ranked 41st in the subject tables published in April.")).toEqual([])
    expect(vague("Westmere's School of Law was ranked 41st in the subject tables published in April.")).toEqual([])
  })
})

describe('reporting participles after the main clause', () => {
  it('names the main clause\'s subject as the source of what the participle reports', () => {
    expect(named('First, he juxtaposed numbers, claiming 85,000 Americans were unemployed.')).toEqual(['claiming'])
    expect(named('The minister spoke on Monday, saying that 85,000 people were out of work.')).toEqual(['saying'])
    // (A common-noun subject's past, which the tagger reads as a participle: the shared tagging reads it.)
    expect(named('The agency revised its outlook, citing 3% growth.')).toEqual(['citing'])
  })
  it('leaves a participle that is an act, has no comma, or follows an unnamed group', () => {
    expect(named('The firm grew last year, adding 5,000 jobs.')).toEqual([])
    expect(named('A sign saying 85,000 visitors had come stood at the gate.')).toEqual([])
    expect(named('Critics attacked the plan, saying 85,000 jobs would go.')).toEqual([])
  })
})

describe('reporting verbs in headline style and before a figure', () => {
  it('takes "X reports Y …" and "say up to"', () => {
    expect(named("CBS News reports Indiana University's Center is estimating 322 million dollars in gifts.")).toEqual(['reports'])
    expect(named('Organisers say up to 20,000 people may take part.')).toEqual(['say'])
  })

  it('does not read "United States Senator" as "States" reporting, nor "call up" as a report', () => {
    expect(named('United States Senator from Vermont Bernie Sanders came in second.')).toEqual([])
    expect(named('The army said it would call up 20,000 reservists.')).toEqual(['said'])
  })
})

describe('evidence named before its noun or owned by the source just named', () => {
  it('takes a named poll, and data the sentence gives to someone it names', () => {
    expect(named('She polled at two percent in the Monmouth poll.')).toEqual(['monmouth poll'])
    expect(named('Even after the researchers adjusted their data, deaths were seven per 100,000.')).toEqual(['their data'])
    expect(named('Biden led Trump in the RealClearPolitics average, 50.1 to 42.9 percent.')).toEqual(['realclearpolitics average'])
    expect(named('The Institute determined that the country gets half of its power from coal.')).toEqual(['determined that'])
    expect(named('Ratings help networks and affiliates determine how much advertising costs.')).toEqual([])
    expect(named('The Auditor-General report, tabled today, found $1.17 million was misspent.')).toEqual(['auditor-general report'])
    // A source noun before a participle's aside, and the aside's agent (before the verb's auxiliary).
    expect(named("The town's engineering report, tabled at the meeting, found that repairs would cost £2.4 million.")).toEqual(['found'])
    expect(named('Tests, performed on 22 phones by scientists at Brown University, had found that half failed.')).toEqual(['found'])
    expect(named('The engineering report, tabled at the meeting, found that repairs would cost £2.4 million.')).toEqual([])
    expect(named('Early tests, performed on 22 phones, had found that half failed.')).toEqual([])
    expect(named('The next highest country, the United Kingdom, reporting 37,542 deaths.')).toEqual(['reporting'])
    expect(named('Sears CEO Alan Lacy, speaking about the deal, promised $500 million in savings.')).toEqual(['speaking about'])
    expect(named('Cases passed one million worldwide, Johns Hopkins University data indicated.')).toHaveLength(1)
    expect(named('The latest Newsmax / Zogby poll from late September placed him at 13 percent.')).toHaveLength(1)
    expect(named('The officers placed the suspect in a cell.')).toEqual([])
  })

  it('does not take an unnamed poll, a weekday, or data with no one to own it', () => {
    expect(named('Support fell to 12% in a poll.')).toEqual([])
    expect(named('It fell to 10% in the Monday report.')).toEqual([])
    expect(named('They lost their data when 5,000 servers failed.')).toEqual([])
  })

  // CPU time (test/cpu.ts), the least of three runs: a few milliseconds each, so one run is mostly noise.
  const fastest = (text: string) => leastCpuSeconds(3, () => findAttribution(text))

  it('reads thousands of capitalised evidence nouns in a row in time linear in their number', async () => {
    // Each looked back over every name before it for "the": 2.1 s for 20,000.
    // Sizes large enough that a run takes tens of milliseconds: at a few, a collection decides the ratio.
    const time = (n: number) => fastest(`Turnout was 40% in the ${'Survey '.repeat(n)}poll.`)
    await time(50_000)
    expect((await time(200_000)) / (await time(50_000))).toBeLessThan(8)
  })

  it('reads thousands of owned evidence nouns before commas in time linear in their number', async () => {
    // Each looked for the comma closing an aside from the sentence's start: 1.6 s for 32,000.
    const time = (n: number) => fastest(`Turnout was 40% in ${"Gallup's poll, ".repeat(n)}the end.`)
    await time(8000)
    expect((await time(32_000)) / (await time(8000))).toBeLessThan(8)
  })

  it('reads thousands of agentless passives in time linear in their number', async () => {
    // Each passive looked for its next token and the word before it over the whole sentence.
    const passives = (n: number) => fastest(`${'The plan is said to work and '.repeat(n)}ends.`)
    // At 2,000 a run took a few tens of milliseconds and a busy machine's collections decided the ratio.
    await passives(8000)
    expect((await passives(32_000)) / (await passives(8000))).toBeLessThan(8)
  })
})

describe('a document named by where it comes from', () => {
  it('takes reports from a named or determined body as a source', () => {
    expect(named('According to reports from the ministry of internal affairs, 200 people were held.')).toHaveLength(1)
    expect(named('Another report from the Mexican government said eight were Mexican.')).toHaveLength(1)
    expect(vague('According to reports from the ministry of internal affairs, 200 people were held.')).toEqual([])
  })

  it('keeps critics, whatever they come from, and reports from the media vague', () => {
    expect(vague("Critics from across Britain's political spectrum have claimed it is unlawful.")).toHaveLength(1)
    expect(vague('Reports from the media said 200 people were held.')).toHaveLength(1)
  })
})

describe('participles that are adjectives', () => {
  it('reads "several alleged accomplices" as no attribution, "others cited" as a vague one', () => {
    expect(vague('Even though he confessed, several alleged accomplices were tried by the same court.')).toEqual([])
    expect(vague('Some mentioned memory problems; others cited conflicts within their families.')).toEqual(['others cited'])
  })
  it('reads "Some estimated death tolls" as a noun phrase, "Some estimated the toll" as a vague source', () => {
    expect(vague('Some estimated death tolls, provided anonymously by officials to journalists, exceeded 100.')).toEqual([])
    expect(vague('Some estimated the toll at more than 100.')).toEqual(['some estimated'])
  })
})

describe('vague cues name no one and are not sources', () => {
  it.each([
    ['Critics say the plan will fail.', 'Critics say'],
    ['Geopolitical tensions continue, while some question whether it can thrive.', 'some question'],
    ['Aid agencies say the drought is worsening.', 'Aid agencies say'],
    ['Many Republican lawmakers say they disagree.', 'Many Republican lawmakers say'],
    ['One report suggested that a wave had hit the resort.', 'One report suggested'],
    ['Unverified reports of the rally put attendance at 10,000.', 'Unverified reports of the rally put'],
    ['There are reportedly 1.3 billion people in the area.', 'reportedly'],
    ['Social media struggled, according to reports.', 'according to reports'],
    ['It is widely thought that the policy failed.', 'It is widely thought'],
    ['The drought has been said to be getting worse.', 'has been said to be'],
    ['The song has been ridiculed for its lyrics.', 'has been ridiculed'],
    ['The school is considered the best in the state.', 'is considered'],
    ['Dubbed "the Valley", the district grew.', 'Dubbed']
  ])('%s', (text, cue) => {
    expect(vague(text)).toContain(cue.toLowerCase())
    expect(named(text)).toEqual([])
  })

  it('keeps the cues of what a named source reports as that source’s', () => {
    expect(vague('According to Newsbeat, critics have cited it as the worst song.')).toEqual([])
    expect(vague('Political scientist Ma Ngok said the turnout was seen as support.')).toEqual([])
    expect(vague('Planners predicted the increase, Gates told reporters.')).toEqual([])
  })

  it('does not read adjectives, participles or agents as vague cues', () => {
    expect(vague('One of the stated goals is more trade.')).toEqual([])
    expect(vague('Cows are considered sacred by Hindus.')).toEqual([])
    expect(vague('Three people were reported missing after the storm.')).toEqual([])
    expect(vague('Abuse is reported to the central office.')).toEqual([])
    expect(vague('The head of government told television that some of the people recorded as missing moved.')).toEqual([])
    expect(vague('Economists at the central bank said inflation would fall.')).toEqual([])
    expect(vague('In fact, many people Wikinews observed took out their phones.')).toEqual([])
    expect(vague('Rice said she understood why people found it hard.')).toEqual([])
    expect(vague('Nearly 60,000 people reported dead so far.')).toEqual([])
    expect(vague('Grey rows indicate stories not fully verified.')).toEqual([])
    expect(vague('State media reported the fire was under control.')).toEqual([])
    expect(vague('NASA engineers announced on Friday that the rover had failed.')).toEqual([])
    expect(vague('The law would extradite people accused of crimes.')).toEqual([])
    expect(vague("The judge heard requests from Fields' lawyers, who argued his history of illness.")).toEqual([])
    expect(vague('The drought has been said to be getting worse by the day.')).toEqual(['has been said to be'])
  })

  it('reads "called" as naming by a source, and "called for" as a demand', () => {
    expect(named('The United Nations called the crisis the worst in the world.')).toEqual(['called'])
    expect(named('The United Nations called for calm.')).toEqual([])
  })

  it('reads "called" with a plain object as convening or summoning, with an object complement as naming', () => {
    // Convening, summoning, telephoning: no complement after the object.
    expect(named('The dockers’ union, which has about 12,000 members, called a 24-hour stoppage on Friday after talks failed.')).toEqual([])
    expect(named('The premier called a snap election for the 3 million voters of the province.')).toEqual([])
    expect(named('The landlord called the fire brigade at 2 a.m.')).toEqual([])
    expect(named('The neighbour called 999 to report smoke.')).toEqual([])
    expect(named('A gadget called Snapline went on sale for $40.')).toEqual([])
    // Naming: an object complement, quoted or not, a pronoun object, a fronted object.
    expect(named('The minister called the plan a disaster for 40,000 workers.')).toEqual(['called'])
    expect(named('The minister called the ruling on the port contract a setback.')).toEqual(['called'])
    expect(named('The minister called it illegal.')).toEqual(['called'])
    expect(named('The minister called the 12% rise             .')).toEqual(['called'])
    expect(named('The plant, which the firm calls the largest in Europe, employs 900.')).toEqual(['calls'])
    expect(vague('What critics call the largest bailout cost 40 billion.')).toEqual(['critics call'])
  })

  it('reads "recorded", "released" with a made work as object as making, with a finding as reporting', () => {
    expect(named('The trio recorded only two studio albums but drew crowds of 80,000.')).toEqual([])
    expect(named('The publisher released three novels by the author.')).toEqual([])
    expect(named('The observatory recorded 4,200 tremors in March.')).toEqual(['recorded'])
    expect(named('The ministry released figures showing a 4% rise.')).toEqual(['released'])
  })

  it('marks "Dubbed" as naming, not framing the rest of the sentence', () => {
    const [dubbed] = findAttribution('Dubbed "the Valley", it is the largest district.').vague
    expect(dubbed.frame).toBe(false)
    expect(findAttribution('Critics think it is the worst song.').vague[0].frame).toBe(true)
  })

  it('maps places back into the file with the offset', () => {
    expect(findAttribution('Critics say so.', 100).vague[0]).toMatchObject({start: 100, end: 111})
  })
})

describe('evidence that names no one (spec §5): named only by an owner or by pointing back', () => {
  // The article before the sentence: has it named a source or mentioned evidence that "the report" can point back to?
  const inArticle = (text: string, before: boolean) => findAttribution(text, 0, undefined, () => before)

  it.each([
    ['Figures to be published today show that crossings rose.', 'Figures to be published today show'],
    ['Estimates suggest that 3,000 people died.', 'Estimates suggest'],
    ['Evidence suggests that the drug works.', 'Evidence suggests'],
    ['Preliminary figures show that turnout was 60 percent.', 'Preliminary figures show'],
    ['According to data, prices rose.', 'According to data'],
    ['According to research done by an anti-spam company, most mail is junk.', 'According to research done by an anti-spam company']
  ])('%s', (text, cue) => {
    expect(inArticle(text, true).vague.map((c) => c.text)).toEqual([cue])
    expect(inArticle(text, true).named).toEqual([])
  })

  it('takes "the data", "the report" as named only after the article has something to point back to', () => {
    expect(inArticle('The data suggest that the virus is spreading.', false).vague.map((c) => c.text)).toEqual(['The data suggest'])
    expect(inArticle('The data suggest that the virus is spreading.', true).named.map((c) => c.text)).toEqual(['suggest'])
    expect(inArticle('The report said exports fell.', true).vague).toEqual([])
    // "the latest", "the initial" pick one of a kind; they do not point back.
    expect(inArticle('The latest opinion polls suggested a third of voters were undecided.', true).vague.map((c) => c.text)).toEqual(['The latest opinion polls suggested'])
  })

  it('takes evidence with an owner, or issued where or by whom it names, as named', () => {
    for (const text of [
      "The IMF's figures show that exports fell.",
      "NASA's current risk analysis indicates no danger.",
      'Official figures show that exports fell.',
      'Council figures show the city paid US$2 million.',
      'A study published in Nature Astronomy found water vapour on the planet.',
      'According to a survey published in 2017 by the Royal Pharmaceutical Society, most pharmacists agree.',
      'According to data collected by the weather service, the storm strengthened.',
      'According to a report by the Australian Broadcasting Corporation, the fires burned 30,000 acres.'
    ]) {
      expect(inArticle(text, false).vague, text).toEqual([])
      expect(inArticle(text, false).named.length, text).toBeGreaterThan(0)
    }
  })

  it('reads the participle after evidence, and a noun it modifies, as no report', () => {
    expect(inArticle('The birds were taken to a laboratory, and a separate report published Wednesday in a journal confirmed it.', false).vague.map((c) => c.text)).not.toContain('a separate report published')
    expect(inArticle('Microscopy analysis of these bone tools called lissoirs suggested they worked leather.', false).vague).toEqual([])
    expect(inArticle('Enhancing protections, preventing such evidence from being unnecessarily disclosed, is the aim.', false).vague).toEqual([])
  })
})

describe('passives whose agent comes a few words on, and closing frames that end their clause', () => {
  it('takes the agent as the source: vague when it names no one, named when it names someone', () => {
    expect(vague('Nuclear power is rated more favorably than coal by some environmental organizations.')).toEqual(['is rated more favorably than coal by some environmental organizations'])
    expect(vague('The album is regarded by many as the best of the decade.')).toEqual(['is regarded by many'])
    expect(vague('Biden was projected by multiple media outlets as the winner.')).toEqual(['was projected by multiple media outlets'])
    expect(named('The album is regarded by Rolling Stone as the best of the decade.')).toEqual(['is regarded by rolling stone'])
  })

  it('does not read a passive of finding, feeling or sight, or a measure after "by", as attribution', () => {
    expect(vague('The missing climbers had been found by search crews.')).toEqual([])
    expect(vague('The tremor was felt by many people in the city.')).toEqual([])
    expect(vague('The minister was seen by witnesses at the station.')).toEqual([])
    expect(vague('Sales were expected to rise by some 20% this year.')).toEqual([])
  })

  it('reads "hold that" as a verb of saying, "hold" alone as none', () => {
    expect(vague('Some accounts hold that he was born in 1850.')).toEqual(['some accounts hold that'])
    expect(named('The court held that the law was valid.')).toEqual(['held that'])
    expect(vague('Some held a rally outside the court.')).toEqual([])
  })

  it('lets a named source frame the clause before it only when it closes its own clause', () => {
    expect(vague('Although known to have lived abroad, his daughter said he died at home.')).toEqual(['known to have'])
    expect(vague('Planners predicted the increase in bombings, Gates told reporters at a news conference.')).toEqual([])
  })
})

describe('weasel forms the lexicon missed, and eyewitnesses', () => {
  it('reads an adverb before "been", and an agent only outside the reported clause', () => {
    expect(vague('It has even been asserted that it was merely tolerated by the Church.')).toEqual(['it has even been asserted'])
    expect(vague('There have also been conflicting reports about the count.')).toEqual(['there have also been conflicting reports'])
  })

  it('reads a reporting verb after a bare unnamed group as a verb, whatever the tagger says', () => {
    expect(vague('The Church calls it a retreat, but critics charge is a work camp.')).toEqual(['critics charge'])
    expect(vague('Media reports said the deal was close.')).toEqual(['media reports said'])
  })

  it('takes witnesses and survivors as described sources, as "police" and "officials"', () => {
    expect(vague('Witnesses state that he began to fire.')).toEqual([])
    expect(vague('Survivors said the pilot had struggled.')).toEqual([])
    expect(vague('Residents say that he has owned it for 22 years.')).toEqual(['residents say'])
  })
})

describe('agentless passives with any verb or adjective after them, and verbs of believing', () => {
  it('flags "is said to attract", "has been proven to reduce", "is generally considered safe"', () => {
    expect(vague('The festival is said to attract a million visitors.')).toEqual(['is said to'])
    expect(vague('The drug has been proven to reduce deaths.')).toEqual(['has been proven to'])
    expect(vague('The town is generally considered safe.')).toEqual(['is generally considered'])
    expect(vague('Scientists have long suspected a link between the two.')).toEqual(['scientists have long suspected'])
    expect(vague('Skeptics doubt the plan will work.')).toEqual(['skeptics doubt'])
  })

  it('does not flag a passive with no verb after "to", after a modal, or "thought of"', () => {
    expect(vague('The theft was reported to the police.')).toEqual([])
    expect(vague('Vatican documents can be considered official even when not read aloud.')).toEqual([])
    expect(vague('This would almost certainly have been considered to violate the original.')).toEqual([])
    expect(vague('He is thought of as a hero.')).toEqual([])
  })
})

describe('an unnamed group described by the named body it belongs to', () => {
  it('takes "critics from the Green party" as named, "critics of the plan" and "people from the city" as vague', () => {
    expect(vague('Critics from the Green party say the plan will fail.')).toEqual([])
    expect(vague('Experts at Oxford University believe the virus will return.')).toEqual([])
    expect(vague('Critics of the plan say it will fail.')).toEqual(['critics of the plan say'])
    expect(vague('People from the city say it is safe.')).toEqual(['people from the city say'])
  })
})

describe('a member group pointed back to is named only when the article said who they are (spec §5)', () => {
  const inArticle = (text: string, namedBefore: boolean) => findAttribution(text, 0, undefined, undefined, undefined, () => namedBefore)
  it('reads "the critics said" as vague with no critics named before, named after "critics from the Green party"', () => {
    expect(inArticle('The critics said the plan would harm the river.', false).vague.map((c) => c.text)).toEqual(['The critics said'])
    expect(inArticle('The critics said the plan would harm the river.', true).named.map((c) => c.text)).toEqual(['said'])
    // (A possessive or a count says more than "the": "the party's critics", "the two experts".)
    expect(inArticle("The party's critics said the plan would fail.", false).vague).toEqual([])
  })
  it('finds who a group is in an earlier sentence: its body, a name before it or one in apposition', () => {
    expect(namesGroup('Critics from the Green party attacked the plan.', 'critics')).toBe(true)
    expect(namesGroup('Two experts, Ann Lee and Bo Chan, inspected the dam.', 'experts')).toBe(true)
    expect(namesGroup('Ann Lee, an expert on dams, led the inspection.', 'experts')).toBe(true)
    expect(namesGroup('Critics of the dam gathered outside the hall.', 'critics')).toBe(false)
    expect(namesGroup('Critics say the plan will fail.', 'critics')).toBe(false)
    expect(namesGroup('A critic wrote to the paper.', 'critics')).toBe(false)
  })
})

describe('sources are people, not documents', () => {
  it('keeps "industry sources cited by DigiTimes" unnamed', () => {
    expect(vague('Shipments fell, according to industry sources cited by the Taiwanese publication DigiTimes.')).toEqual(['according to industry sources cited by the taiwanese publication digitimes'])
    expect(named('Shipments fell, according to industry sources cited by the Taiwanese publication DigiTimes.')).toEqual([])
  })
})

describe('"there are reports" with their origin after what they report', () => {
  it('takes reports from eyewitnesses as sourced, reports of problems making calls from phones as not', () => {
    expect(vague("There are reports of a 'burning rubber' smell from eyewitnesses.")).toEqual([])
    expect(vague('There are reports of problems sending texts or making calls from mobile phones.')).toEqual(['there are reports'])
  })
})

describe('owned evidence and sources of other registers (issue 16)', () => {
  it.each([
    ['Our tests show files about 30% smaller.', 'show'],
    ['In our survey, 71% said they re-run failed builds.', 'our survey'],
    ['In its benchmarks, the compiler was 18% faster.', 'its benchmarks'],
    ['The branch is part of a $12 million investment the bank announced last year.', 'announced'],
    ['Reuters says the port reopened.', 'says']
  ])('%s names a source', (text, cue) => {
    expect(named(text).some((c) => c.endsWith(cue))).toBe(true)
    expect(vague(text)).toEqual([])
  })

  it.each([
    ['A recent poll found 44% of respondents cache dependencies.', 'a recent poll found'],
    ['Seismologists say the fault could slip again.', 'seismologists say'],
    // A plural the lexicon lacks of a noun it has, first in the sentence or not; a place adverb before the verb.
    ['Clinicians say the drug halves the risk.', 'clinicians say'],
    ['The storm was described by meteorologists as rare.', 'was described by meteorologists'],
    ['Skippers there say the cod have moved north.', 'skippers there say'],
    // "with" gives a participle its subject.
    ['The date is unclear, with industry publications reporting May 2.', 'industry publications reporting'],
    ['Not everyone agrees.', 'not everyone agrees'],
    ['Many visitors swear the soup cures colds.', 'many visitors swear'],
    ['Local legend says the well never runs dry.', 'local legend says'],
    ["The firm has been recognised as one of the world's most admired companies.", 'has been recognised as']
  ])('%s names no one', (text, cue) => {
    expect(vague(text)).toEqual([cue])
    expect(named(text)).toEqual([])
  })

  it('reads no report in "swore in", "agreed to" or "received", nor a source in tests with no owner, nor a share of respondents with no survey before', () => {
    expect(findAttribution('Everyone agreed to meet on Monday.')).toEqual({named: [], vague: []})
    expect(findAttribution('Early tests show files about 30% smaller.')).toEqual({named: [], vague: []})
    expect(findAttribution('Blood tests showed high levels of lead.')).toEqual({named: [], vague: []})
    expect(findAttribution('The mayor swore in the council.')).toEqual({named: [], vague: []})
    expect(findAttribution('The school built a lab with the $40 million it received.')).toEqual({named: [], vague: []})
    expect(findAttribution('Only 44% of respondents said they cache dependencies.')).toEqual({named: [], vague: []})
  })

  it('takes a share of respondents as the survey sourced before', () => {
    const text = 'Only 44% of respondents said they cache dependencies.'
    expect(findAttribution(text, 0, undefined, () => true).named.map((c) => c.text)).toEqual(['of respondents'])
    expect(findAttribution('A recent poll found 44% of respondents cache dependencies.', 0, undefined, () => true).named).toEqual([])
  })
})

describe('evidence that opens the sentence as its frame', () => {
  it('takes "In the survey," after a sourced survey, and "In our tests,"', () => {
    expect(findAttribution('In the survey, 71% said they re-run failed builds.', 0, undefined, () => true).named.map((c) => c.text)).toEqual(['In the survey'])
    expect(named('In our tests, builds ran 30% faster.')).toEqual(['our tests'])
  })
  it('does not take it with nothing before, nor an indefinite or recent one', () => {
    expect(named('In the survey, 71% said they re-run failed builds.')).toEqual([])
    expect(findAttribution('In a recent poll, 44% said they cache.', 0, undefined, () => true).named).toEqual([])
    expect(findAttribution('In a poll, 44% said they cache.', 0, undefined, () => true).named).toEqual([])
  })
})

describe('names the document capitalises', () => {
  it('counts a capital inside a sentence, also across a soft wrap, not at the start of a paragraph', () => {
    const names = documentNames('# Rail strike\n\nEconomists warned on Monday, and Dana\nReyes of the\nTreasury agreed.\n\nEconomists disagree.')
    expect([...names].sort()).toEqual(['dana', 'monday', 'reyes', 'treasury'])
  })
})

describe('the writer\'s own people where the writer speaks as "we"', () => {
  const we = () => true
  const news = () => false
  it('leaves them to no one, neither vague nor named', () => {
    expect(findAttribution('Users rated most answers as helpful.', 0, undefined, undefined, we).vague).toEqual([])
    expect(findAttribution('Users rated most answers as helpful.', 0, undefined, undefined, we).named).toEqual([])
    expect(vague('Customers told us the export was too slow.')).toEqual([])
    expect(vague('Many of our customers expect a refund within a day.')).toEqual([])
  })
  it('keeps them vague in third-person writing, and any other group', () => {
    expect(findAttribution('Users rated most answers as helpful.', 0, undefined, undefined, news).vague.map((c) => c.text)).toEqual(['Users rated'])
    expect(vague('Customers say the export is too slow.')).toEqual(['customers say'])
    expect(findAttribution('Critics say the export is too slow.', 0, undefined, undefined, we).vague.map((c) => c.text)).toEqual(['Critics say'])
    expect(vague('Many of our critics say the plan failed.')).toEqual(['many of our critics say'])
  })
})

describe('people by trade or place with a verb of evidence (personGroups)', () => {
  it('flags them before a clause, not before an object', () => {
    expect(vague('Emergency workers have indicated a homicide probe is ongoing.')).toEqual(['emergency workers have indicated'])
    expect(vague('Dock operators suggest that the fire began in a shed.')).toEqual(['dock operators suggest'])
    expect(vague('Fishermen found oil on the water.')).toEqual([])
    expect(vague('Grey rows indicate that the test failed.')).toEqual([])
  })
})

describe('a group placed only by where it is names no one (placeGroups)', () => {
  it('keeps "many in Fairhope", "agents in New Delhi" and "residents of a town" vague', () => {
    expect(vague('Many in Millbrook insist the bread is good.')).toEqual(['many in millbrook insist'])
    expect(vague('Freight brokers in Rotterdam reported a fall in bookings.')).toEqual(['freight brokers in rotterdam reported'])
    expect(vague("Residents of Harlow's Old Town said the water tasted of rust.")).toEqual(["residents of harlow's old town said"])
  })
  it('takes a group placed in a determined body as named', () => {
    expect(vague('She and others in her class thought the bell had rung.')).toEqual([])
    expect(vague('Dock workers at the port authority said bookings had fallen.')).toEqual([])
  })
})

describe('"put" a longer object at a figure (issue 16)', () => {
  it('takes a named source that puts a noun phrase with its complements at a figure', () => {
    expect(named('A 2021 audit by the National Audit Office put the average cost of each new school place at £21,000.')).toEqual(['put'])
    expect(named("The regulator's review put the total cost of the delayed harbour bridge at about $410 million.")).toEqual(['put'])
  })
  it('does not take "put … at risk", nor an object with a verb in it', () => {
    expect(named('The floods put the harvests of more than 40,000 farms along the delta at risk.')).toEqual([])
    expect(named('The council put the money it had raised from 2,000 donors at the disposal of the charity.')).toEqual([])
  })
})

describe('a relative "who said" after a named speaker\'s age (issue 16)', () => {
  it('reads the name before the age as the source', () => {
    expect(named('Among the first witnesses was Margaret Hale, 68, who said she had lost $240,000.')).toEqual(['said'])
  })
  it('does not step over an age after a noun that is no name', () => {
    expect(named('The oldest resident, 71, who said little, had lost $310,000.')).toEqual([])
  })
})

describe('evidence that opens the sentence and names its maker (issue 16)', () => {
  it('takes "In a report of NAME," and "In a poll … commissioned by the paper," as the frame of the sentence', () => {
    expect(named('In a situational report of NDRRMC, the tremor damaged 143 buildings including 70 schools.')).toEqual(['in a situational report of ndrrmc'])
    expect(named('In a poll of 1,500 readers commissioned by the paper, 61 percent said they wanted longer hours.')).toEqual(['in a poll of 1,500 readers commissioned by the paper'])
    expect(named('In a study conducted by Oxfam in March, 30% of households said they skipped meals.')).toEqual(['in a study conducted by oxfam in march'])
  })
  it('does not take a sample with no maker, an indefinite maker, or what a report is about', () => {
    expect(named('In a survey of 2,000 customers, 87 percent said comfort came first.')).toEqual([])
    expect(named('In a survey conducted by a consultancy, 32% said they read a paper daily.')).toEqual([])
    expect(named('In a report of the incident, 87 percent said they had been warned.')).toEqual([])
  })
})
