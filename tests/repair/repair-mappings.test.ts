import { describe, expect, it, vi } from 'vitest';
import type { LoadedDocument, TextItem } from '../../src/model/text.ts';
import { MIN_FI_SHARE, MIN_SIGN_SHARE, MIN_SIGN_WORDS, MIN_WORDS_FOR_FI_SHARE, showsSignsOfDamage } from '../../src/repair/damage-signs.ts';
import { loadFrenchLexicon, makeWordLexicon } from '../../src/repair/french-lexicon.ts';
import { repairTextMappings } from '../../src/repair/repair-mappings.ts';
import { buildTextRuns } from '../../src/repair/text-runs.ts';

/** One line per item, one after the other, in the given font. */
function lines(texts: readonly string[], fontId: string, top = 0): TextItem[] {
  return texts.map((text, i) => ({
    text,
    page: 1,
    box: [40, top + i * 14, 40 + text.length * 5, top + i * 14 + 12],
    fontSize: 10,
    fontId,
    bold: false,
    italic: false,
  }));
}

function makeDoc(items: TextItem[]): LoadedDocument {
  return { pageCount: 1, title: null, pages: [{ page: 1, width: 595, height: 842, items }] };
}

// Damaged lines as the Ghostscript-distilled edition prints them (font "d"), with a few of the
// same words printed whole in another font (a heading font that kept its map): the signs of damage.
const DAMAGED = [
  'Nombre prévu de bénéûciaires',
  'des formations qualiûantes et certiûantes',
  'une formation qualiûante pour les bénéûciaires',
  'Aûn de garantir la qualiûcation des demandeurs',
  'la certiûcation et le ûnancement des parcours',
  'un temps de réüexion sur sa propre pratique',
  'des séquences réüexives et de la üexibilité',
  'pour üuidiûer le marché du travail',
  'Un üyer à destination du public',
  'mise en Tuvre des actions',
  "la mise en Tuvre d'un plan",
  "Mettre en Tuvre des actions de formation",
  'alia.alkhalûoui@isula.corsica',
  "L'Ageûph peut abonder le ûnancement",
  'le coût pédagogique en août et le goût du travail',
  'Porté par le Label Emmaüs',
];
const WHOLE = ['qualification des bénéficiaires', 'formation qualifiante certification financement'];

describe('repairTextMappings on a damaged document', async () => {
  const doc = makeDoc([...lines(DAMAGED, 'd'), ...lines(WHOLE, 'h', 400)]);
  const outcome = await repairTextMappings(doc);
  const text = outcome.doc.pages[0]!.items.map((i) => i.text);

  it.each([
    ['Nombre prévu de bénéûciaires', 'Nombre prévu de bénéficiaires'],
    ['des formations qualiûantes et certiûantes', 'des formations qualifiantes et certifiantes'],
    ['Aûn de garantir la qualiûcation des demandeurs', 'Afin de garantir la qualification des demandeurs'],
    ['un temps de réüexion sur sa propre pratique', 'un temps de réflexion sur sa propre pratique'],
    ['des séquences réüexives et de la üexibilité', 'des séquences réflexives et de la flexibilité'],
    ['pour üuidiûer le marché du travail', 'pour fluidifier le marché du travail'],
    ['Un üyer à destination du public', 'Un flyer à destination du public'],
    ['mise en Tuvre des actions', 'mise en œuvre des actions'],
    ['alia.alkhalûoui@isula.corsica', 'alia.alkhalfioui@isula.corsica'],
    ["L'Ageûph peut abonder le ûnancement", "L'Agefiph peut abonder le financement"],
    // Real words with these characters stay as printed.
    ['le coût pédagogique en août et le goût du travail', 'le coût pédagogique en août et le goût du travail'],
    ['Porté par le Label Emmaüs', 'Porté par le Label Emmaüs'],
  ])('%j → %j', (printed, repaired) => {
    expect(text[DAMAGED.indexOf(printed)]).toBe(repaired);
  });

  it('reads the lexicon and reports one info diagnostic per repaired mapping, with the character, the repair and the count', () => {
    expect(outcome.lexiconRead).toBe(true);
    expect(outcome.repairs.map((r) => [r.char, r.replacement, r.count])).toEqual([
      ['û', 'fi', 13],
      ['ü', 'fl', 5],
      ['T', 'œ', 3],
    ]);
    expect(outcome.diagnostics).toHaveLength(3);
    for (const d of outcome.diagnostics) {
      expect(d).toMatchObject({ code: 'repair/text-mapping', severity: 'info', page: null });
    }
    expect(outcome.diagnostics[0]!.message).toContain('« û » stands for « fi »');
    expect(outcome.diagnostics[0]!.message).toContain('13 characters repaired');
  });

  it('leaves the fonts that kept their map alone', () => {
    expect(text.slice(DAMAGED.length)).toEqual(WHOLE);
  });

  it('repairs a document whose every font is damaged (no word printed whole anywhere), from the lexicon alone', async () => {
    const all = makeDoc(lines(DAMAGED, 'd'));
    // The layout's words of a long document in which no word holds "fi".
    const words = Array.from({ length: 1200 }, (_, i) => `mot${'abcdeghjklmnopqrstuvwxyz'[i % 24]}${'abcdeghjklmnopqrstuvwxyz'[Math.floor(i / 24) % 24]}${'abcdeghjklmnopqrstuvwxyz'[Math.floor(i / 576)]}`);
    const alone = await repairTextMappings(all, { words });
    expect(alone.lexiconRead).toBe(true);
    expect(alone.doc.pages[0]!.items.map((i) => i.text)).toEqual(text.slice(0, DAMAGED.length));
  });
});

describe('repairTextMappings on a clean document', () => {
  const CLEAN = [
    'Le coût de la formation est sûr : il est dû en août',
    'un fruit mûr, une flûte et un goût de croûte',
    'une formation qualifiante pour les bénéficiaires',
    'la certification, le financement et la réflexion',
    'un parcours unique pour une qualification utile',
    'Emmaüs Connect, la mise en œuvre du plan',
    'le chômage, la brûlure, le jeûne et la piqûre',
  ];

  it.each([true, false])('returns the document untouched without reading the lexicon (ligatures split into their own items: %s)', async (split) => {
    const items = lines(CLEAN, 'r');
    if (split) {
      // As the 2020 edition prints them: "quali" "fi" "ante", each ligature its own item.
      const at = items[2]!;
      items.splice(2, 1, { ...at, text: 'une formation quali', box: [40, at.box[1], 135, at.box[3]] }, { ...at, text: 'fi', box: [135, at.box[1], 145, at.box[3]] }, { ...at, text: 'ante pour les bénéficiaires', box: [145, at.box[1], 280, at.box[3]] });
    }
    const doc = makeDoc(items);
    const loadLexicon = vi.fn(loadFrenchLexicon);
    const outcome = await repairTextMappings(doc, { loadLexicon });
    expect(loadLexicon).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ lexiconRead: false, repairs: [], diagnostics: [] });
    expect(outcome.doc).toBe(doc);
  });

  it('repairs nothing when the signs of damage are not confirmed by the lexicon', async () => {
    // "û" stands where the document prints "fi" in three words, but the lexicon knows every printed word.
    const doc = makeDoc([...lines(['le coût du sûr mûr', 'un coût sûr'], 'r'), ...lines(['cofit sfir mfir'], 'h', 200)]);
    const lexicon = makeWordLexicon(['le', 'coût', 'du', 'sûr', 'mûr', 'un']);
    const outcome = await repairTextMappings(doc, { loadLexicon: async () => lexicon });
    expect(outcome.repairs).toEqual([]);
    expect(outcome.doc.pages[0]!.items.map((i) => i.text)).toEqual(['le coût du sûr mûr', 'un coût sûr', 'cofit sfir mfir']);
  });
});

describe('buildTextRuns', () => {
  const at = (text: string, x0: number, x1: number, top = 0): TextItem => ({ text, page: 1, box: [x0, top, x1, top + 12], fontSize: 10, fontId: 'r', bold: false, italic: false });

  it.each([
    ['touching items on one baseline make one run', [at('quali', 40, 65), at('fi', 65, 70), at('cation', 70, 100)], ['qualification']],
    ['a gap of a word space starts a new run', [at('une', 40, 55), at('formation', 58, 100)], ['une', 'formation']],
    ['a gap just under the join limit keeps one run', [at('quali', 40, 65), at('fication', 66.4, 100)], ['qualification']],
    ['another baseline starts a new run', [at('quali', 40, 65), at('fication', 65, 100, 14)], ['quali', 'fication']],
  ])('%s', (_name, items, runs) => {
    expect(buildTextRuns(items).map((r) => r.text)).toEqual(runs);
  });
});

describe('showsSignsOfDamage at its margins', () => {
  // Three words printed with "û" where the document also prints them with "fi".
  const whole = ['qualification', 'bénéficiaires', 'certification', 'financement'];
  const damaged = ['qualiûcation', 'bénéûciaires', 'certiûcation', 'ûnancement'];
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `sûr${'x'.repeat(i % 7)}${String.fromCharCode(97 + (i % 26))}${i}`);

  it.each([
    [`${MIN_SIGN_WORDS - 1} confirmed words: no sign`, [...whole, ...damaged.slice(0, MIN_SIGN_WORDS - 1)], false],
    [`${MIN_SIGN_WORDS} confirmed words: a sign`, [...whole, ...damaged.slice(0, MIN_SIGN_WORDS)], true],
    // 3 confirmed words of 60 holding "û" is exactly 5 %; of 61, under it.
    ['confirmed words at the share', [...whole, ...damaged.slice(0, 3), ...filler(57)], true],
    ['confirmed words just under the share', [...whole, ...damaged.slice(0, 3), ...filler(58)], false],
    ['words shorter than the evidence length do not count', ['fine', 'fils', 'fier', 'une', 'ils', 'ier'], false],
    ['a clean text with real words holding û', ['sûr', 'mûrs', 'flûte', 'coûts', 'août', 'qualification', 'bénéficiaires'], false],
  ])('%s', (_name, words, expected) => {
    expect(MIN_SIGN_SHARE).toBe(0.05);
    expect(showsSignsOfDamage(words)).toBe(expected);
  });
});

describe('showsSignsOfDamage: too few words with "fi" for a French text, at the margins', () => {
  /** A distinct suffix of letters for each number, without "f" or "i". */
  const LETTERS = 'abcdeghjklmnopqrstuvwxyz';
  const suffix = (i: number) => [...i.toString(LETTERS.length)].map((d) => LETTERS[parseInt(d, LETTERS.length)]).join('');
  const plain = (n: number) => Array.from({ length: n }, (_, i) => `mot${suffix(i)}`);
  const withFi = (n: number) => Array.from({ length: n }, (_, i) => `profil${suffix(i)}`);
  const atShare = Math.round(MIN_FI_SHARE * MIN_WORDS_FOR_FI_SHARE);

  it.each([
    ['at the share', [...plain(MIN_WORDS_FOR_FI_SHARE - atShare), ...withFi(atShare)], false],
    ['just under the share', [...plain(MIN_WORDS_FOR_FI_SHARE - atShare + 1), ...withFi(atShare - 1)], true],
    ['too few words to judge', [...plain(MIN_WORDS_FOR_FI_SHARE - 1)], false],
    ['enough words, none with "fi"', [...plain(MIN_WORDS_FOR_FI_SHARE)], true],
  ])('%s', (_name, words, expected) => {
    expect(new Set(words).size).toBe(words.length);
    expect(showsSignsOfDamage(words)).toBe(expected);
  });
});
