import type {Span} from './types.js'

// A speaker tag opening a paragraph: Wikinews' "((Name))" or "Name:" (one to four capitalised words).
const tagRe = /^(?:\(\((?<wiki>[^()\n]{1,60})\)\)|(?:\*\*)?(?<plain>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})(?:\*\*)?:(?:\*\*)?)[ \t]/u

/**
 * The answers of an interview transcript: paragraphs opened by a speaker's tag, and the untagged
 * paragraphs that continue them. The interviewer is the tag whose paragraphs mostly ask questions.
 * An article is a transcript only when at least two speakers' tags each open two paragraphs or more.
 */
export function findInterviewAnswers(source: string, blocks: readonly Span[]): Span[] {
  const tagged = blocks.map((block) => {
    const text = source.slice(block.start, block.end)
    const m = tagRe.exec(text)
    return {block, text, tag: m ? (m.groups?.wiki ?? m.groups?.plain ?? '').trim() : undefined, tagEnd: m ? m[0].length : 0}
  })
  const byTag = new Map<string, string[]>()
  for (const t of tagged) if (t.tag) byTag.set(t.tag, [...(byTag.get(t.tag) ?? []), t.text])
  const speakers = [...byTag.values()].filter((texts) => texts.length >= 2)
  if (speakers.length < 2) return []
  const asks = (tag: string) => {
    const texts = byTag.get(tag) ?? []
    return texts.filter((t) => t.includes('?')).length / texts.length >= 0.5
  }
  const answers: Span[] = []
  let answering = false
  for (const t of tagged) {
    if (t.tag) answering = !asks(t.tag)
    if (!answering) continue
    answers.push({start: t.block.start + t.tagEnd, end: t.block.end})
  }
  return answers
}
