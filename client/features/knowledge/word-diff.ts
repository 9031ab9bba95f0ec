/** One run of a word diff: text both versions share, or text only one of them has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many token pairs the table costs more than the view is worth: show whole texts. */
const MAX_CELLS = 4_000_000;

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token.length > 0);
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * What changed from `before` to `after`, word by word (spaces kept), by the longest common
 * subsequence: removed words before added ones at each change. Joining the `same` and `removed`
 * parts gives `before` back; `same` and `added` give `after`.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    const parts: DiffPart[] = [];
    if (before !== '') parts.push({ kind: 'removed', text: before });
    if (after !== '') parts.push({ kind: 'added', text: after });
    return parts;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', a[i]!);
      i += 1;
    } else {
      push(parts, 'added', b[j]!);
      j += 1;
    }
  }
  for (; i < a.length; i += 1) push(parts, 'removed', a[i]!);
  for (; j < b.length; j += 1) push(parts, 'added', b[j]!);
  return parts;
}
