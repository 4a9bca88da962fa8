// Repairs damaged text mappings: a font whose Unicode map gives one wrong character for a
// ligature ("bénéûciaires" for "bénéficiaires" after a PDF has gone through Ghostscript).
// Works on the loaded document's own text items; the pipeline calls it once the layout's words
// show signs of damage, and lays the repaired items out again. README: "Text repair".
import { makeDiagnostic } from '../model/diagnostics.ts';
import type { LoadedDocument, PageText, TextItem } from '../model/text.ts';
import type { Diagnostic } from '../validate/schema.ts';
import { showsSignsOfDamage } from './damage-signs.ts';
import { foldWord, loadFrenchLexicon, type WordLexicon } from './french-lexicon.ts';
import { couldBeLigature, LIGATURES, MIN_EVIDENCE_LETTERS, PRINTED, type Ligature } from './ligatures.ts';
import { buildTextRuns, findWords, locateInRun, type TextRun } from './text-runs.ts';

/** A mapping is learned from this many occurrences of unknown words that a ligature in the character's place makes French... */
const MIN_LEARNED_OCCURRENCES = 3;
/** ... when they are at least this share of the font's unknown words holding the character. */
const MIN_LEARNED_SHARE = 0.5;
/** A learned mapping is dominant when its repairs are at least this share of the character's occurrences in the font: a word no lexicon knows either way then follows it when the repaired spelling looks more French. */
const DOMINANT_SHARE = 0.5;

/** One repaired mapping of the document: a character that stood for a ligature. */
export interface MappingRepair {
  /** The character the PDF's Unicode map gives ("û"). */
  char: string;
  /** What it stands for ("fi"). */
  replacement: string;
  /** How many characters were repaired. */
  count: number;
  /** The fonts (document font ids) whose map is damaged. */
  fonts: string[];
  /** The most frequent repaired word, as printed and repaired. */
  example: { before: string; after: string };
}

export interface RepairOutcome {
  doc: LoadedDocument;
  repairs: MappingRepair[];
  /** One info diagnostic per repaired mapping. */
  diagnostics: Diagnostic[];
  /** True when the document showed signs of damage and the lexicon was read. */
  lexiconRead: boolean;
  /** The lexicon, when it was read (the self-check then counts unknown words). */
  lexicon: WordLexicon | null;
}

export interface RepairOptions {
  /** The French lexicon, read only when the document shows signs of damage. */
  loadLexicon?: () => Promise<WordLexicon>;
  /**
   * The document's words if the caller has them already (the layout's lexicon): the signs of damage
   * are then looked for there, and a clean document costs one pass over some 5,000 distinct words.
   */
  words?: Iterable<string>;
}

/** A word as printed, in given fonts: the unit of evidence (a document has some 10,000 of them). */
interface WordType {
  text: string;
  /** The font of each of its characters. */
  fonts: readonly string[];
  /** How many times the document prints it. */
  count: number;
}

/** Repairs the document's damaged mappings; a document without signs of damage is returned as it is (the same object), at the cost of one pass over its words. */
export async function repairTextMappings(doc: LoadedDocument, options: RepairOptions = {}): Promise<RepairOutcome> {
  if (!showsSignsOfDamage(options.words ?? collectPrintedWords(doc))) return { doc, repairs: [], diagnostics: [], lexiconRead: false, lexicon: null };
  const types = collectWordTypes(doc);
  const lexicon = await (options.loadLexicon ?? loadFrenchLexicon)();
  const docWords = new Set<string>();
  for (const t of types.values()) docWords.add(foldWord(t.text));
  const known = (folded: string) => lexicon.has(folded) || docWords.has(folded);
  const mappings = learnMappings(types.values(), lexicon, known);
  if (mappings.size === 0) return { doc, repairs: [], diagnostics: [], lexiconRead: true, lexicon };
  const decisions = decideRepairs(types, mappings, lexicon, known);
  const repaired = applyRepairs(doc, decisions);
  const repairs = summariseRepairs(types, decisions);
  const diagnostics = repairs.map((r) =>
    makeDiagnostic(
      'repair/text-mapping',
      'info',
      `damaged text mapping: « ${r.char} » stands for « ${r.replacement} » in ${r.fonts.length} font${r.fonts.length > 1 ? 's' : ''}; ${r.count} characters repaired (e.g. « ${r.example.before} » → « ${r.example.after} »)`,
    ),
  );
  return { doc: repaired, repairs, diagnostics, lexiconRead: true, lexicon };
}

/** The document's distinct words long enough to be evidence, as printed (case kept). */
function collectPrintedWords(doc: LoadedDocument): Set<string> {
  const words = new Set<string>();
  const add = (word: string) => void words.add(word);
  for (const page of doc.pages) for (const run of buildTextRuns(page.items)) findWords(run.text, add, MIN_EVIDENCE_LETTERS);
  return words;
}

/** Calls back for every word of every run of the document, with the font of each character. */
function forEachWord(doc: LoadedDocument, visit: (key: string, text: string, fonts: () => string[], where: { page: PageText; run: TextRun; start: number }) => void): void {
  for (const page of doc.pages)
    for (const run of buildTextRuns(page.items))
      findWords(run.text, (text, start) => {
        const word = { text, start };
        const first = locateInRun(run, word.start);
        const last = locateInRun(run, word.start + word.text.length - 1);
        const single = first.item === last.item ? page.items[first.item]!.fontId : null;
        const fonts = () =>
          single !== null
            ? Array.from({ length: word.text.length }, () => single)
            : Array.from({ length: word.text.length }, (_, i) => page.items[locateInRun(run, word.start + i).item]!.fontId);
        const key = single !== null ? `${single}\u0000${word.text}` : `${fonts().join('\u0001')}\u0000${word.text}`;
        visit(key, word.text, fonts, { page, run, start: word.start });
      });
}

function collectWordTypes(doc: LoadedDocument): Map<string, WordType> {
  const types = new Map<string, WordType>();
  forEachWord(doc, (key, text, fonts) => {
    const t = types.get(key);
    if (t) t.count++;
    else types.set(key, { text, fonts: fonts(), count: 1 });
  });
  return types;
}

const keyOf = (font: string, char: string) => `${font}\u0000${char}`;

/** The word with the character at each given index replaced by a ligature (lower case, folded). */
function replaceAt(word: string, at: readonly number[], ligature: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += at.includes(i) ? ligature : word[i]!.toLowerCase();
  return foldWord(out);
}

interface Learned {
  char: string;
  ligature: Ligature;
  dominant: boolean;
}

/** Positions of each font-and-character key in a word. */
function positionsByKey(t: WordType): Map<string, number[]> {
  const keys = new Map<string, number[]>();
  for (let i = 0; i < t.text.length; i++) {
    const key = keyOf(t.fonts[i]!, t.text[i]!);
    const at = keys.get(key);
    if (at) at.push(i);
    else keys.set(key, [i]);
  }
  return keys;
}

/** Per font and character: the ligature it stands for, when the unknown words holding it say so. */
function learnMappings(types: Iterable<WordType>, lexicon: WordLexicon, known: (folded: string) => boolean): Map<string, Learned> {
  const total = new Map<string, number>();
  const unknown = new Map<string, number>();
  const confirmed = new Map<string, Map<Ligature, number>>();
  for (const t of types) {
    const keys = positionsByKey(t);
    for (const [key, at] of keys) total.set(key, (total.get(key) ?? 0) + t.count * at.length);
    if (t.text.length < MIN_EVIDENCE_LETTERS || lexicon.has(foldWord(t.text))) continue;
    for (const [key, at] of keys) {
      if (couldBeLigature(t.text[at[0]!]!)) continue;
      unknown.set(key, (unknown.get(key) ?? 0) + t.count * at.length);
      const counts = confirmed.get(key) ?? new Map<Ligature, number>();
      confirmed.set(key, counts);
      for (const lig of LIGATURES) if (findKnownVariant(t.text, at, lig, known)) counts.set(lig, (counts.get(lig) ?? 0) + t.count * at.length);
    }
  }
  const learned = new Map<string, Learned>();
  const learn = (key: string, ligature: Ligature, n: number) =>
    learned.set(key, { char: key.split('\u0000')[1]!, ligature, dominant: n >= DOMINANT_SHARE * total.get(key)! });
  for (const [key, counts] of confirmed) {
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= MIN_LEARNED_OCCURRENCES && best[1] >= MIN_LEARNED_SHARE * unknown.get(key)!) learn(key, best[0], best[1]);
  }
  // One writer damages its fonts alike: a font with too few words to show it on its own takes a
  // mapping learned from another font when its own unknown words agree.
  const elsewhere = new Map<string, Ligature>();
  for (const m of learned.values()) elsewhere.set(m.char, m.ligature);
  for (const [key, counts] of confirmed) {
    const ligature = elsewhere.get(key.split('\u0000')[1]!);
    const n = ligature ? (counts.get(ligature) ?? 0) : 0;
    if (!learned.has(key) && ligature && n > 0 && n >= MIN_LEARNED_SHARE * unknown.get(key)!) learn(key, ligature, n);
  }
  return learned;
}

/** The positions to repair so that the word becomes one the lexicon or the document knows: all of them, else one. */
function findKnownVariant(word: string, at: readonly number[], lig: Ligature, known: (folded: string) => boolean): number[] | null {
  if (known(replaceAt(word, at, lig))) return [...at];
  if (at.length > 1) for (const i of at) if (known(replaceAt(word, [i], lig))) return [i];
  return null;
}

interface Decision {
  /** Offset in the word → text to print there. */
  edits: Map<number, string>;
  after: string;
  /** The mappings used, with the positions each repaired. */
  used: { mapping: Learned; at: number[] }[];
}

/** For every word type holding a damaged character: what to print instead, if anything. */
function decideRepairs(
  types: ReadonlyMap<string, WordType>,
  mappings: ReadonlyMap<string, Learned>,
  lexicon: WordLexicon,
  known: (folded: string) => boolean,
): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  for (const [typeKey, t] of types) {
    const groups: { mapping: Learned; at: number[] }[] = [];
    for (const [key, at] of positionsByKey(t)) {
      const mapping = mappings.get(key);
      if (mapping) groups.push({ mapping, at });
    }
    if (groups.length === 0 || lexicon.has(foldWord(t.text))) continue;
    const used = chooseRepairs(t.text, groups, lexicon, known);
    if (used.length === 0) continue;
    const edits = new Map<number, string>();
    for (const { mapping, at } of used) {
      const printed = printLigature(t.text, at, mapping.ligature);
      for (const i of at) edits.set(i, printed);
    }
    const after = t.text
      .split('')
      .map((c, i) => edits.get(i) ?? c)
      .join('');
    decisions.set(typeKey, { edits, after, used });
  }
  return decisions;
}

/**
 * Which damaged characters of an unknown word to repair: all of them when that makes a known word
 * ("üuidiûer" → "fluidifier"), else those of one mapping that do; for a word no lexicon knows either
 * way ("alkhalûoui"), those of the dominant mappings when the repaired spelling has fewer letter
 * triples that no French word has than the printed one.
 */
function chooseRepairs(
  word: string,
  groups: readonly { mapping: Learned; at: number[] }[],
  lexicon: WordLexicon,
  known: (folded: string) => boolean,
): { mapping: Learned; at: number[] }[] {
  if (groups.length > 1 && known(replaceWith(word, groups))) return [...groups];
  for (const g of groups) {
    const at = findKnownVariant(word, g.at, g.mapping.ligature, known);
    if (at) return [{ mapping: g.mapping, at }];
  }
  const dominant = groups.filter((g) => g.mapping.dominant && !g.at.some((i) => isDiaeresisAfterVowel(word, i)));
  if (dominant.length === 0) return [];
  const foreignBefore = lexicon.foreignTrigrams(foldWord(word)).length;
  const foreignAfter = lexicon.foreignTrigrams(replaceWith(word, dominant)).length;
  return foreignAfter < foreignBefore ? dominant : [];
}

/** The word with each group's positions replaced by its ligature (lower case, folded). */
function replaceWith(word: string, groups: readonly { mapping: Learned; at: number[] }[]): string {
  const by = new Map<number, string>();
  for (const g of groups) for (const i of g.at) by.set(i, g.mapping.ligature);
  let out = '';
  for (let i = 0; i < word.length; i++) out += by.get(i) ?? word[i]!.toLowerCase();
  return foldWord(out);
}

/**
 * A vowel with a diaeresis right after another vowel is how French spells a vowel sounded apart
 * ("Emmaüs", "Noël", "naïf"): a word no lexicon knows keeps it.
 */
function isDiaeresisAfterVowel(word: string, i: number): boolean {
  const [base, mark] = word[i]!.normalize('NFD');
  const vowel = (c: string | undefined) => c !== undefined && /[aeiouy]/i.test(c.normalize('NFD')[0]!);
  return mark === '\u0308' && vowel(base) && vowel(word[i - 1]);
}

/** The ligature in the case of the word around it: capitals in a word in capitals, else lower case. */
function printLigature(word: string, at: readonly number[], lig: Ligature): string {
  const others = word.split('').filter((_, i) => !at.includes(i));
  const caps = others.length > 0 && others.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
  return caps ? PRINTED[lig].toUpperCase() : PRINTED[lig];
}

function applyRepairs(doc: LoadedDocument, decisions: ReadonlyMap<string, Decision>): LoadedDocument {
  // Per page: item index → offset in the item → text to print there.
  const edits = new Map<PageText, Map<number, Map<number, string>>>();
  forEachWord(doc, (key, _text, _fonts, where) => {
    const decision = decisions.get(key);
    if (!decision) return;
    const pageEdits = edits.get(where.page) ?? new Map<number, Map<number, string>>();
    edits.set(where.page, pageEdits);
    for (const [i, printed] of decision.edits) {
      const { item, offset } = locateInRun(where.run, where.start + i);
      const itemEdits = pageEdits.get(item) ?? new Map<number, string>();
      pageEdits.set(item, itemEdits);
      itemEdits.set(offset, printed);
    }
  });
  const pages = doc.pages.map((page) => {
    const pageEdits = edits.get(page);
    if (!pageEdits) return page;
    return { ...page, items: page.items.map((item, index) => editItem(item, pageEdits.get(index))) };
  });
  return { ...doc, pages };
}

function editItem(item: TextItem, edits: Map<number, string> | undefined): TextItem {
  if (!edits) return item;
  let text = '';
  for (let k = 0; k < item.text.length; k++) text += edits.get(k) ?? item.text[k];
  return { ...item, text };
}

/** One entry per repaired mapping (character → ligature), over all fonts, with its count and commonest word. */
function summariseRepairs(types: ReadonlyMap<string, WordType>, decisions: ReadonlyMap<string, Decision>): MappingRepair[] {
  const tally = new Map<string, { char: string; replacement: string; count: number; fonts: Set<string>; examples: Map<string, number> }>();
  for (const [typeKey, d] of decisions) {
    const t = types.get(typeKey)!;
    for (const { mapping, at } of d.used) {
      const name = `${mapping.char}\u0000${mapping.ligature}`;
      const entry = tally.get(name) ?? { char: mapping.char, replacement: PRINTED[mapping.ligature], count: 0, fonts: new Set<string>(), examples: new Map<string, number>() };
      tally.set(name, entry);
      entry.count += t.count * at.length;
      for (const i of at) entry.fonts.add(t.fonts[i]!);
      const example = `${t.text}\u0000${d.after}`;
      entry.examples.set(example, (entry.examples.get(example) ?? 0) + t.count);
    }
  }
  return [...tally.values()]
    .map((e) => {
      const top = [...e.examples.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const [before, after] = top.split('\u0000') as [string, string];
      return { char: e.char, replacement: e.replacement, count: e.count, fonts: [...e.fonts].sort(), example: { before, after } };
    })
    .sort((a, b) => b.count - a.count || a.char.localeCompare(b.char));
}
