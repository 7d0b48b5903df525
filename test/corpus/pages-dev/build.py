#!/usr/bin/env python3
"""Turns src/<page>.txt (each line prefixed a/b/f: article, boilerplate, furniture) into
<page>.md and labels.jsonl in the format of ../shared/corpus/pages/labels.jsonl."""
import json, pathlib
here = pathlib.Path(__file__).parent
kinds = {'a': 'article', 'b': 'boilerplate', 'f': 'furniture'}
labels = []
for src in sorted((here / 'src').glob('*.txt')):
    page = src.stem
    lines = []
    for n, raw in enumerate(src.read_text().split('\n')[:-1] if src.read_text().endswith('\n') else src.read_text().split('\n'), 1):
        tag, text = raw[:1], raw[2:]
        assert tag in kinds, f'{src}:{n}: bad tag {raw!r}'
        lines.append(text)
        if text.strip():
            labels.append({'article': page, 'line': n, 'kind': kinds[tag], 'text': text})
    (here / f'{page}.md').write_text('\n'.join(lines) + '\n')
(here / 'labels.jsonl').write_text(''.join(json.dumps(l, ensure_ascii=False) + '\n' for l in labels))
