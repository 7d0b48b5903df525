// Hard-wrapped Markdown (lines filled to a width by `fmt`, Prettier or an editor): read as the
// paragraphs it wraps, so every rule finds the same on it as on the unwrapped text.

/** The widest line hard-wrapping leaves (`fmt` wraps at 75, Prettier and editors at 80 to 100). */
const maxWrapWidth = 120

/**
 * Are a block's lines filled to a width, as `fmt` or Prettier's `proseWrap: always` leave them?
 * Every line but the last is too full to take the next line's first word, and no line of several
 * words is wider than hard wrapping goes. Paragraphs of a draft with one newline between them are
 * not so filled: a line shorter than the widest would have taken the next word.
 */
export function hardWrapped(text: string): boolean {
  const lines = text.split('\n').map((l) => l.replace(/^[\s>]+/, '').trimEnd())
  if (lines.length < 2) return false
  // A word longer than the width (a link's address) sits on a line of its own, wider than the rest.
  const width = Math.max(0, ...lines.filter((l) => /\s/.test(l)).map((l) => l.length))
  if (width > maxWrapWidth) return false
  return lines.slice(0, -1).every((line, k) => line.length + 1 + (/^\S*/.exec(lines[k + 1])?.[0].length ?? 0) > width)
}
