// off-topic-insert beyond its fixtures: the segmentation it relies on, the fixes it offers, the model's data.
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {data, loadModel, opensSentence, pastedModel} from '../rules/off-topic-insert/lib/model.js'
import {blockLines, resumePoints, scriptOf, scriptRuns, sentenceSpans, splitRuns} from '../rules/off-topic-insert/lib/segments.js'
import {articleWords, nameOverlap, pastedCandidate, pastedLogOdds, pastedWordFeatures, runContext, termCounts, topicalFit, topicFeatures, topicLogOdds, topicScore, type SentenceInArticle} from '../rules/off-topic-insert/lib/classifiers.js'
import {describe as lines, lintText} from './lint.js'

const isWord = (w: string) => ['yet', 'challenges', 'remain', 'the', 'move', 'alert', 'took'].includes(w.toLowerCase())
const runs = (text: string) => scriptRuns(text, 'Latin', isWord).map((r) => text.slice(r.start, r.end))

describe('segments', () => {
  it('cuts a paragraph into its source lines, without Markdown markers', () => {
    const source = '> First line.\n> 上海龙凤419体验\n'
    expect(blockLines(source, [{start: 0, end: source.length - 1}]).map((l) => [l.text, source.slice(l.start, l.end)])).toEqual([
      ['First line.', 'First line.'],
      ['上海龙凤419体验', '上海龙凤419体验']
    ])
  })

  it('reads a hard-wrapped paragraph as one line, offsets kept', () => {
    const source = '> Crews hailing from Asia, Latin America and\n> Nordic countries worked on the site.\n'
    const [line, ...rest] = blockLines(source, [{start: 0, end: source.length - 1}], () => true)
    expect(rest).toEqual([])
    expect(line.text).toBe('Crews hailing from Asia, Latin America and   Nordic countries worked on the site.')
    expect(source.slice(line.start, line.end).replace('\n> ', '   ')).toBe(line.text)
    expect(blockLines(source, [{start: 0, end: source.length - 1}]).length).toBe(2)
  })

  it('takes in handles, placeholders and numbers glued to a run of another script', () => {
    expect(runs('上海喝茶群vx Yet challenges remain.')).toEqual(['上海喝茶群vx'])
    expect(runs('x.x女人节，全场x折 The move took')).toEqual(['x.x女人节，全场x折'])
    expect(runs('详情请进店咨询！ xxxxxxxx The move took')).toEqual(['详情请进店咨询！ xxxxxxxx'])
  })

  it('leaves the sentence before a run alone', () => {
    expect(runs('on high levels of alert.推出优惠瘦身方案')).toEqual(['推出优惠瘦身方案'])
  })

  it('keeps a run that mixes in placeholders as one run, and splits at real words', () => {
    expect(runs('xx号富森一期xF广场及xF Axxx大金空调')).toEqual(['xx号富森一期xF广场及xF Axxx大金空调'])
    expect(runs('新夜上海 Yet challenges remain 论坛')).toEqual(['新夜上海', '论坛'])
  })

  it('tells the script of a letter as the Unicode script property does, ASCII without a regex', () => {
    const names = ['Latin', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Devanagari', 'Thai', 'Bengali', 'Tamil', 'Georgian', 'Armenian', 'Ethiopic']
    const reference = (ch: string) => {
      if (!/\p{L}/u.test(ch)) return undefined
      const name = names.find((n) => new RegExp(`\\p{Script=${n}}`, 'u').test(ch))
      return name === 'Hiragana' || name === 'Katakana' ? 'Han' : (name ?? 'Other')
    }
    const sample = [...Array.from({length: 0x800}, (_, c) => String.fromCharCode(c)), '张', 'あ', 'ア', '한', 'ก', '😀', '\ud83d', 'ª', 'µ', '×']
    for (const ch of sample) expect(scriptOf(ch), JSON.stringify(ch)).toBe(reference(ch))
  })

  it('splits sentences at Latin and CJK end marks, not after abbreviations', () => {
    const text = 'Dr. Chen spoke. 欢迎品鉴！接待专员 Then it ended.'
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Dr. Chen spoke.', '欢迎品鉴！', '接待专员 Then it ended.'])
  })

  it('splits sentences glued together in pasting, not abbreviations or domain names', () => {
    const text = 'He met Zelensky.ADV: Extended Warranties Here. The U.S.ARMY band played at ask.COM today.'
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['He met Zelensky.', 'ADV: Extended Warranties Here.', 'The U.S.ARMY band played at ask.COM today.'])
  })

  it('splits where a run was pasted without a space after a full stop, and after a bare address', () => {
    const text = 'Many were infected.To be removed, reply REMOVE. It opened in 2007.If you wish, go. He thanked Mukasey.http://x.com/off To OptOut. She said 3.50.It was not.'
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Many were infected.', 'To be removed, reply REMOVE.', 'It opened in 2007.', 'If you wish, go.', 'He thanked Mukasey.', 'http://x.com/off', 'To OptOut.', 'She said 3.50.', 'It was not.'])
    const quoted = '"https://binbox.io/DNCkM#qT4Q1JB1 We are glad," she said. See www.example.com for more.'
    expect(sentenceSpans(quoted).map((s) => quoted.slice(s.start, s.end))).toEqual(['https://binbox.io/DNCkM#qT4Q1JB1', 'We are glad," she said.', 'See www.example.com for more.'])
  })

  it('tells where the real text resumes as only a new sentence does, not a name', () => {
    expect(['The study was', 'After "Taiwan Orbis" walk', 'In 2005, the', 'He said'].map(opensSentence)).toEqual([true, true, true, true])
    expect(['The Guardian said', 'In Bruges', 'Hit the Hotspots', 'the study', 'However, Smith'].map(opensSentence)).toEqual([false, false, false, false, false])
    expect(opensSentence('However, she said')).toBe(true)
  })

  it('offers places where the real sentence may resume after a run without a full stop', () => {
    const text = 'ADV: Search Engine Registration Yet challenges remain.'
    expect(resumePoints(text).map((at) => text.slice(at, at + 3))).toEqual(['Sea', 'Eng', 'Reg', 'Yet'])
  })

  it('starts a sentence at a symbol before a capital or figure, and at a speaker label', () => {
    const text = 'The submarine did not do so. !CLICK HERE! Find anyone. It cost 3.50. $5 million went to schools. ((WN)) What happened?'
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['The submarine did not do so.', '!CLICK HERE!', 'Find anyone.', 'It cost 3.50.', '$5 million went to schools.', '((WN)) What happened?'])
  })

  it('ends a sentence before a word in lower case only after a full stop that ends no abbreviation (nor a capitalised word)', () => {
    const text = 'She said, "It was over." if u want followers dm me It began at 3 p.m. local time. "Why?" she asked... and left.'
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['She said, "It was over."', 'if u want followers dm me It began at 3 p.m. local time.', '"Why?" she asked... and left.'])
    const abbreviated = 'Senators Van Hollen and Trone (all D-Md.) announced it in Annapolis, Md. last week.'
    expect(sentenceSpans(abbreviated).length).toBe(1)
  })

  it('offers a one-letter word before a word in lower case as a place to resume, not a capital alone', () => {
    const text = 'Sub to my channel I sub back A group of ten waited at Terminal A for hours, said TV A.'
    expect(resumePoints(text).map((at) => text.slice(at, at + 7))).toEqual(['I sub b', 'A group', 'Termina', 'A for h'])
  })
})

describe('runs pasted inside a word', () => {
  // A small lexicon stands in for the tagger's and the news vocabulary; `common` words stand alone.
  const common = ['the', 'he', 'now', 'and', 'said', 'any', 'more', 'ever', 'in']
  const known = [...common, 'we', 'other', 'while', 'have', 'cheap', 'subscribe', 'many', 'cnn', 'mcdonald']
  const sense = {known: (w: string) => known.includes(w.toLowerCase()), common: (w: string) => common.includes(w.toLowerCase())}
  const split = (text: string) => splitRuns(text, sense, 300).map((r) => [text.slice(r.start, r.end), r.fragment])

  it('cuts the run between a sentence’s first letter and the torn-off rest of its first word', () => {
    expect(split('It sank. OHave a nice day now! ther boats stayed.')).toEqual([['Have a nice day now!', true]])
    expect(split('CFree stuff here. NN said so.')).toEqual([['Free stuff here.', true]])
    expect(split('WFree stuff here, check it out! e said so.')).toEqual([['Free stuff here, check it out!', true]])
  })

  it('prefers a torn-off rest to a word that happens to join, and keeps such a word apart', () => {
    expect(split('Tsubscribe now and he said')).toEqual([['subscribe now and', false]])
    expect(split('WCheap now the hile it rained.')).toEqual([['Cheap now the', true]])
    expect(split('TFree now and more! he said')).toEqual([['Free now and more!', false]])
  })

  it('leaves words, names and acronyms inside a sentence alone', () => {
    expect(split("McDonald's said any changes would come.")).toEqual([])
    expect(split('The firm said SMS and other ways ther.')).toEqual([])
    expect(split('iPhone sales rose more than ever.')).toEqual([])
  })
})

describe('pasted-sentence features', () => {
  const {vocabulary} = loadModel()
  const features = (text: string, rest: string) => {
    const counts = termCounts(text)
    const article = articleWords(termCounts(`${rest}\n${text}`), vocabulary)
    return pastedWordFeatures({text, counts, article, neighbours: [], first: false, last: false, voice: new Set(data().pasted.voice)})
  }
  const report = 'The council extended the night bus service on Tuesday. Drivers said the airport route was busy.'
  const interview = 'Q: Why did you join? I wanted to help. We all did, you know.'

  it('tells a sentence in a speaker\'s own voice, less so in an article that speaks so too', () => {
    const own = features("Recently I've been following its spread in China.", report)
    expect(own.voice).toBe(1)
    expect(own.voiceElsewhere).toBe(0)
    expect(features("Recently I've been following its spread in China.", interview).voiceElsewhere).toBeGreaterThan(1)
    expect(features('The buses will run every thirty minutes after midnight.', report).voice).toBe(0)
  })

  it('tells an interview turn of a speaker the article never names', () => {
    expect(features('((Naomi Martisius)) So, the main downside would be that results are ambiguous.', report).newSpeaker).toBe(1)
    expect(features('((WN)) So, the main downside would be that results are ambiguous.', `((WN)) What did you find?\n${report}`).newSpeaker).toBe(0)
    expect(features('Drivers: the route was busy and the buses were late again.', report).newSpeaker).toBe(0)
  })
})

describe('topical fit', () => {
  it('is near zero for a run that shares only common words with its article and grows with shared rare words', () => {
    const {vocabulary} = loadModel()
    const article = articleWords(termCounts('The council extended the night bus service. The night bus runs to the airport.'), vocabulary)
    expect(topicalFit(termCounts('Maroochydore played much of the first half.'), article)).toBeLessThan(0.001)
    expect(topicalFit(termCounts('The night bus service'), article)).toBeGreaterThan(0.2)
  })

  it('takes the run out of the article, as summing the rest word by word does', () => {
    const {vocabulary} = loadModel()
    const text = 'The council extended the night bus service. The night bus runs to the airport. Drivers said the airport route was busy.'
    const counts = termCounts(text)
    // The rest of the article computed directly: what topicalFit must give without walking the article per run.
    const reference = (run: Map<string, number>) => {
      let dot = 0
      let runNorm = 0
      let restNorm = 0
      for (const [word, n] of counts) {
        const weight = Math.log((vocabulary.docs + 1) / ((vocabulary.df.get(word) ?? 0) + 1)) ** 2
        const rest = n - (run.get(word) ?? 0)
        if (rest > 0) restNorm += rest * rest * weight
        if (run.has(word) && rest > 0) dot += run.get(word)! * rest * weight
        if (run.has(word)) runNorm += run.get(word)! ** 2 * weight
      }
      return dot && runNorm && restNorm ? dot / Math.sqrt(runNorm * restNorm) : 0
    }
    for (const run of ['The night bus runs to the airport.', 'Drivers said the airport route was busy.', text]) {
      const article = articleWords(counts, vocabulary)
      expect(topicalFit(termCounts(run), article)).toBeCloseTo(reference(termCounts(run)), 12)
    }
    // The whole article as the run leaves nothing to fit.
    expect(topicalFit(counts, articleWords(counts, vocabulary))).toBe(0)
    expect(runContext(text, articleWords(counts, vocabulary)).topic).toBe(0)
  })

  it('loads the model once per process', () => {
    expect(loadModel()).toBe(loadModel())
  })
})

describe('fixes', () => {
  const apply = (text: string, fix: {start: number; end: number; text: string}) => text.slice(0, fix.start) + fix.text + text.slice(fix.end)
  const fixes = async (text: string) => {
    const file = await lintText(text, 'off-topic-insert')
    return file.messages.map((m) => ({fix: (m as typeof m & {fix: {start: number; end: number; text: string}}).fix, expected: m.expected}))
  }

  it('removes a run at the start of a line with its space', async () => {
    const text = 'The district houses many labs.\n新夜上海论坛 Semiconductor independence has become the goal.\n'
    const [{fix, expected}] = await fixes(text)
    expect(apply(text, fix)).toBe('The district houses many labs.\nSemiconductor independence has become the goal.\n')
    expect(expected).toEqual(['The district houses many labs.\nSemiconductor independence has become the goal.'])
  })

  it('removes a whole line with its newline, and a paragraph of its own with its blank line', async () => {
    const line = 'The district houses many labs.\n上海龙凤419体验\nYet challenges remain.\n'
    expect(apply(line, (await fixes(line))[0].fix)).toBe('The district houses many labs.\nYet challenges remain.\n')
    const paragraph = 'The district houses many labs.\n\n上海龙凤419体验\n\nYet challenges remain.\n'
    expect(apply(paragraph, (await fixes(paragraph))[0].fix)).toBe('The district houses many labs.\n\nYet challenges remain.\n')
  })

  it('gives the paragraph without the run only up to 10,000 characters, not once per run of a longer one', async () => {
    const run = '加微信了解详情 The council met on Tuesday. '
    const short = await fixes(`A first sentence.\n\n${run.repeat(20)}\n`)
    expect(short).toHaveLength(20)
    expect(short.every(({expected}) => expected?.length === 1)).toBe(true)
    // The first run goes with its space: the paragraph from the first sentence on.
    expect(short[0].expected).toEqual([run.repeat(20).slice('加微信了解详情 '.length).trim()])
    const long = await fixes(`A first sentence.\n\n${run.repeat(400)}\n`)
    expect(long).toHaveLength(400)
    expect(long.every(({fix, expected}) => fix !== undefined && expected === undefined)).toBe(true)
  })

  it('offers no fix for a sentence pasted from another story: deleting it is the editor\'s call', async () => {
    const text = readFileSync('rules/off-topic-insert/fixtures/not-ok-pasted-sentence.md', 'utf8')
    const file = await lintText(text, 'off-topic-insert')
    expect(file.messages.map((m) => [m.line, 'fix' in m, m.expected])).toEqual([[20, false, undefined]])
  })

  it('removes a run in the middle of a line with one of its spaces', async () => {
    const text = 'Engineers moved last year. 加微信xxxxxxxx领取优惠，全场x折！ The move took two months.\n'
    expect(apply(text, (await fixes(text))[0].fix)).toBe('Engineers moved last year. The move took two months.\n')
  })
})

describe('inserted runs left out of the other rules', () => {
  const article = [
    'The city council voted on Tuesday to extend the night bus service to the airport after months of complaints from shift workers.',
    'URGENT! You have won a guaranteed £1000 cash prize. Call 09061701461 now to claim, T&C apply.',
    'Ridership on the night routes rose by 40% last year.',
    ''
  ].join('\n')

  it('keeps the claims and vague cues of a pasted run away from the other rules: they are not the writer\'s words', async () => {
    const text = [
      'The city council voted on Tuesday to extend the night bus service to the airport after months of complaints from shift workers.',
      "URGENT! Experts say you have won the world's biggest cash prize. Call 09061701461 now to claim, T&C apply.",
      'Drivers welcomed the decision.',
      ''
    ].join('\n')
    const file = await lintText(text, ['off-topic-insert', 'unsupported-superlative', 'vague-attribution', 'unattributed-statistic'])
    expect(file.messages.map((m) => m.ruleId)).toEqual(['off-topic-insert'])
    // In the writer's own sentences, the same kinds of words are a claim and a cue.
    const own = await lintText(text.replace(/^URGENT!.*$/m, "Experts say the route works. It has the world's biggest night fleet."), ['unsupported-superlative', 'vague-attribution'])
    expect(own.messages.map((m) => m.ruleId).sort()).toEqual(['unsupported-superlative', 'vague-attribution'])
  })

  it('keeps the figures and prices of a pasted run away from the other rules', async () => {
    const file = await lintText(article, ['off-topic-insert', 'unattributed-statistic', 'currency-consistency'])
    expect(lines(file).map((line) => line.replace(/ `([^`]*)`: .*$/, ' $1')).sort()).toEqual([
      '2:1-2:94 URGENT! You have won a guaranteed £1000 cash prize. Call …',
      '3:39-3:42 40%'
    ])
  })
})

describe('sentences pasted from another story', () => {
  // The sample news articles: each is a real article, and the others' sentences are real news
  // sentences from other stories.
  const names = ['wn-2019-astronomers-find-water-vapour-in-atmosphere', 'wn-2019-nancy-pelosi-again-elected-speaker-as-116th', 'wn-nd-delta-4-heavy-rocket-poised-for-maiden']
  const articles = names.map((name) => readFileSync(`articles/${name}.md`, 'utf8'))
  const body = (source: string) => source.slice(source.indexOf('\n---', 3) + 4).split('\n').filter((line) => line.trim())
  // Sentences as a paste brings them: 8 to 40 words, no quotation marks.
  const sentences = (source: string) => body(source).flatMap((line) => sentenceSpans(line).map((s) => line.slice(s.start, s.end)))
    .filter((text) => text.split(/\s+/).length >= 8 && text.split(/\s+/).length <= 40 && !/["“”]/.test(text))
  const pasteAfterParagraph = (source: string, paragraph: number, text: string) => {
    const blocks = source.split('\n\n')
    blocks.splice(paragraph + 1, 0, text)
    return {text: blocks.join('\n\n'), line: blocks.slice(0, paragraph + 1).join('\n\n').split('\n').length + 2}
  }

  it('flags most sentences of other news stories pasted into a news article, and nothing else', async () => {
    let pasted = 0
    let found = 0
    for (const [i, host] of articles.entries()) {
      for (const sentence of articles.flatMap((donor, j) => (j === i ? [] : sentences(donor)))) {
        const {text, line} = pasteAfterParagraph(host, 3, sentence)
        const messages = (await lintText(text, 'off-topic-insert')).messages
        // The article's own sentences stay unflagged whatever is pasted among them.
        expect(messages.filter((m) => m.line !== line).map((m) => m.actual)).toEqual([])
        pasted++
        if (messages.some((m) => m.line === line && m.actual === sentence)) found++
      }
    }
    expect(pasted).toBeGreaterThan(60)
    // 61 of 90 with the pasted-sentence model; the hand-set closeness it replaced found 48.
    expect(found / pasted).toBeGreaterThan(0.6)
  })

  it('leaves a news article\'s own sentences alone, those that bring in a new name or digress included', async () => {
    const {vocabulary} = loadModel()
    for (const source of articles) {
      expect((await lintText(source, 'off-topic-insert')).messages).toEqual([])
      // The test has teeth: each article has sentences the model judges that share no name with
      // the rest of the article and bring in a name of their own.
      const all = termCounts(body(source).join('\n'))
      const newcomers = sentences(source).filter((text) => {
        const names = nameOverlap(text, all, termCounts(text))
        return pastedCandidate(text, termCounts(text), vocabulary, data().pasted) && names.sharedNames === 0 && names.newNames > 0
      })
      expect(newcomers.length).toBeGreaterThan(0)
    }
  })

  it('settles a sentence below a floor without its neighbours only when its full score is below it too', () => {
    const model = pastedModel()
    const {vocabulary} = loadModel()
    let settled = 0
    for (const [i, host] of articles.entries()) {
      const own = sentences(host)
      // The article's own sentences, and each other article's pasted among them.
      for (const [k, text] of [...own, ...articles.flatMap((donor, j) => (j === i ? [] : sentences(donor)))].entries()) {
        const counts = termCounts(text)
        if (!pastedCandidate(text, counts, vocabulary, data().pasted)) continue
        const beside = [own[(k + 1) % own.length], own[(k + 2) % own.length]]
        const s: SentenceInArticle = {text, counts, article: articleWords(termCounts([...body(host), ...(k < own.length ? [] : [text])].join('\n')), vocabulary), neighbours: beside.map(termCounts), first: false, last: false, voice: new Set(data().pasted.voice)}
        const exact = pastedLogOdds(model, s, -Infinity)
        // Just under the score, the score itself; just over it, a bound under that floor and over the score.
        expect(pastedLogOdds(model, s, exact - 0.01)).toBe(exact)
        const bounded = pastedLogOdds(model, s, exact + 0.01)
        expect(bounded).toBeLessThan(exact + 0.01)
        expect(bounded).toBeGreaterThanOrEqual(exact - 1e-9)
        // The rule's own floor: below it a score neither flags a sentence nor raises the bar.
        const floor = model.threshold - data().pasted.outlierMargin
        if (exact < floor && pastedLogOdds(model, s, floor) !== exact) settled++
      }
    }
    // The rule's floor settles sentences early.
    expect(settled).toBeGreaterThan(10)
  })

  it('settles a run\'s topic score below a floor without its topic vectors only when its full score is below it too', () => {
    const {model, vocabulary} = loadModel()
    let settled = 0
    for (const [i, host] of articles.entries()) {
      const own = sentences(host)
      for (const [k, text] of [...own, ...articles.flatMap((donor, j) => (j === i ? [] : sentences(donor)))].entries()) {
        const article = articleWords(termCounts([...body(host), ...(k < own.length ? [] : [text])].join('\n')), vocabulary)
        const exact = topicScore(model, topicFeatures(text, runContext(text, article)))
        expect(topicLogOdds(model, text, article, -Infinity)).toBe(exact)
        // Just under the score, the score itself; just over it, a bound under that floor and over the score.
        expect(topicLogOdds(model, text, article, exact - 0.01)).toBe(exact)
        const bounded = topicLogOdds(model, text, article, exact + 0.01)
        expect(bounded).toBeLessThan(exact + 0.01)
        expect(bounded).toBeGreaterThanOrEqual(exact - 1e-9)
        // The judge's floor for the topic score of a sentence whose style scores -0.5 (its floor is 0.5, the topic weighs half).
        if (topicLogOdds(model, text, article, 2) !== exact) settled++
      }
    }
    expect(settled).toBeGreaterThan(10)
  })
})

describe('a line of several sentences with a run of another script', () => {
  // The whole-line test judges the line's sentences, not the foreign run at its start, which is
  // a run of its own: otherwise the sentences after "上海喝茶群vx" went with it, and the two fixes overlapped.
  const news = '../shared/corpus/news/wn-2004-firefox-1-0-internet-browser-released-by.md'
  it.skipIf(!existsSync(news))('reports the run alone, not the sentences after it', async () => {
    const text = `${readFileSync(news, 'utf8')}\n上海喝茶群vx Chips got 300 billion yuan. Schools got 50 billion yuan. Roads got 20 billion yuan. Parks got 10 billion yuan.\n`
    const file = await lintText(text, 'off-topic-insert')
    expect(file.messages.map((m) => m.actual)).toEqual(['上海喝茶群vx'])
  })
})
