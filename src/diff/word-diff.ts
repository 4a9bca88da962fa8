// A short, human-readable word diff: "… kept words [-old words-] {+new words+} kept words …".

type Op = { kind: 'same' | 'del' | 'ins'; word: string };

/** Past this many cells the middle of the texts is shown as one replacement instead of an LCS. */
const MAX_LCS_CELLS = 2_000_000;

export function diffWords(oldText: string | null, newText: string | null, context = 3): string {
  const a = splitWords(oldText ?? '');
  const b = splitWords(newText ?? '');
  const ops = alignWords(a, b);
  if (!ops.some((op) => op.kind !== 'same')) return (oldText ?? '') === (newText ?? '') ? '' : '(spacing only)';
  return renderOps(ops, context);
}

/** Words are runs of non-spaces, except that a number with space-grouped thousands ("1 200 000") is one word. */
const WORD = /(?<!\S)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\S)|\S+/gu;

function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

function alignWords(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const head = a.slice(0, prefix).map((word): Op => ({ kind: 'same', word }));
  const tail = a.slice(a.length - suffix).map((word): Op => ({ kind: 'same', word }));
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  return [...head, ...alignMiddle(midA, midB), ...tail];
}

function alignMiddle(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [...a.map((word): Op => ({ kind: 'del', word })), ...b.map((word): Op => ({ kind: 'ins', word }))];
  }
  // lcs[i*(m+1)+j] = LCS length of a[i..] and b[j..]
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', word: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      ops.push({ kind: 'del', word: a[i]! });
      i++;
    } else {
      ops.push({ kind: 'ins', word: b[j]! });
      j++;
    }
  }
  while (i < n) ops.push({ kind: 'del', word: a[i++]! });
  while (j < m) ops.push({ kind: 'ins', word: b[j++]! });
  return ops;
}

/** Groups the ops into kept runs and change runs, and keeps only `context` words around each change. */
function renderOps(ops: readonly Op[], context: number): string {
  const parts: string[] = [];
  let k = 0;
  while (k < ops.length) {
    const start = k;
    if (ops[k]!.kind === 'same') {
      while (k < ops.length && ops[k]!.kind === 'same') k++;
      parts.push(renderKept(ops.slice(start, k).map((op) => op.word), start === 0, k === ops.length, context));
    } else {
      while (k < ops.length && ops[k]!.kind !== 'same') k++;
      const run = ops.slice(start, k);
      const removed = run.filter((op) => op.kind === 'del').map((op) => op.word);
      const added = run.filter((op) => op.kind === 'ins').map((op) => op.word);
      if (removed.length > 0) parts.push(`[-${removed.join(' ')}-]`);
      if (added.length > 0) parts.push(`{+${added.join(' ')}+}`);
    }
  }
  return parts.filter((p) => p !== '').join(' ');
}

function renderKept(words: readonly string[], atStart: boolean, atEnd: boolean, context: number): string {
  if (atStart && atEnd) return words.join(' ');
  if (atStart) return words.length > context ? ['…', ...words.slice(-context)].join(' ') : words.join(' ');
  if (atEnd) return words.length > context ? [...words.slice(0, context), '…'].join(' ') : words.join(' ');
  if (words.length <= 2 * context) return words.join(' ');
  return [...words.slice(0, context), '…', ...words.slice(-context)].join(' ');
}
