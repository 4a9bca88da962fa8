// The short phrase that says what a figure is about, shared by the money and counts grammars.
// Box text arrives with its lines joined by spaces, so a phrase is cut at the first clause
// boundary, at an opening parenthesis, at the label of the next item ("LECTIO :") or at a word
// that can only open a new item ("… en 2019 Une cible de …").

const MAX_WORDS = 10;
const MAX_LABEL_WORDS = 4;

/** Words that only link one figure to the next: never the end of a phrase. */
const TRAILING_LINKS =
  /(?:\s+|^)(?:dont|et|ou|puis|soit|un total de|total de|près de|pres de|environ|plus de|moins de|au moins|entre|de|d['’]|du|à|a|pour|sur|en|avec|sans|par)\s*$/iu;

/** A capitalised function word inside joined lines starts a new item. */
const NEW_ITEM =
  /\s(?:Un|Une|Le|La|Les|L['’]|Des|Du|De|Pour|À|A|Au|Aux|Avec|Dans|Sur|En|Et|Dont|Soit|Objectifs?|Plus|Moins|Près|Environ|Selon|Total|Hors|Co-\p{L}+)(?![\p{L}])/u;

/**
 * The label ending a gap ("… euros DECLIC : " → "DECLIC", "… en 2018 Objectif 2019 : " →
 * "Objectif 2019"): up to four words before the colon, the longest that starts with a capital
 * letter, else a lone year; or null.
 */
export function readLabelBefore(gap: string): string | null {
  const colon = /\s*:\s*$/u.exec(gap);
  if (!colon) return null;
  const words = gap.slice(0, colon.index).split(' ').filter((w) => w !== '');
  for (let k = Math.min(MAX_LABEL_WORDS, words.length); k >= 1; k--) {
    const candidate = words.slice(words.length - k);
    if (/^[\p{Lu}#]/u.test(candidate[0]!)) return candidate.join(' ');
  }
  const last = words.at(-1);
  return last !== undefined && /^\d{4}$/.test(last) ? last : null;
}

/** The gap with a label at its end removed. */
export function dropLabelAtEnd(gap: string): string {
  const label = readLabelBefore(gap);
  if (label === null) return gap;
  return gap.slice(0, gap.lastIndexOf(label));
}

/** The phrase right after a figure: gap = text from the figure's end to the next figure's start. */
export function readPhraseAfter(gap: string): string {
  let text = gap.trim();
  if (text.startsWith('(')) {
    const close = text.indexOf(')');
    // An unclosed parenthesis runs on past the next figure: it is not about this one.
    if (close < 0) return '';
    text = text.slice(1, close);
  }
  text = cutAtNextLabel(text);
  text = cutAtBoundary(text);
  return tidy(text);
}

/** The phrase right before a figure (gap = text from the previous figure or the start). */
export function readPhraseBefore(gap: string): string {
  const pieces = gap.split(/[.;,:()]/);
  return tidy(pieces.at(-1) ?? '');
}

function cutAtNextLabel(text: string): string {
  for (const colon of text.matchAll(/\s*:(?=\s|$)/gu)) {
    const upTo = text.slice(0, colon.index + colon[0].length);
    const label = readLabelBefore(upTo);
    if (label !== null) return text.slice(0, upTo.lastIndexOf(label));
  }
  return text;
}

function cutAtBoundary(text: string): string {
  const cut = /[.;,:]|\s\(|\s[-–—]\s/.exec(text);
  let out = cut ? text.slice(0, cut.index) : text;
  const item = NEW_ITEM.exec(out);
  if (item) out = out.slice(0, item.index);
  return out;
}

function tidy(text: string): string {
  // Lone separators ("10 100 000 euros / 13 847 000 euros") are not words; "/an" is.
  const words = text.split(' ').filter((w) => w !== '' && !/^[/|:–—-]+$/u.test(w));
  const last = words.at(-1);
  if (last !== undefined && !last.includes('(')) words[words.length - 1] = last.replace(/\)+$/u, '');
  let out = words.slice(0, MAX_WORDS).join(' ');
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(TRAILING_LINKS, '').trim();
  }
  return out;
}
