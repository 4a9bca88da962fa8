import { describe, expect, it } from 'vitest';
import { makeWordLexicon } from '../../src/repair/french-lexicon.ts';
import type { Block, CalendarEntry, Card, KeyFigure } from '../../src/validate/schema.ts';
import { checkReading, MIN_SAMPLE, SELF_CHECK_LEVELS } from '../../src/validate/self-check.ts';
import { makeCard } from '../support/build-dataset.ts';

const base = makeCard({ region: 'Grand Est', title: 'Former aux métiers du numérique', page: 12 });
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');

/** One card whose lists hold `total` elements, `bad` of them made by `makeBad`, the rest by `makeGood`. */
function cardWith<K extends 'presentation' | 'calendar' | 'keyFigures'>(
  field: K,
  total: number,
  bad: number,
  makeGood: () => Card[K][number],
  makeBad: () => Card[K][number],
): Card {
  const list = Array.from({ length: total }, (_, i) => (i < bad ? makeBad() : makeGood()));
  return { ...base, objectives: [], plusValues: [], [field]: list };
}

const tripped = (cards: Card[], code: string, lexicon = null as ReturnType<typeof makeWordLexicon> | null) => {
  const { measures, diagnostics } = checkReading({ cards, lexicon });
  const m = measures.find((x) => x.code === code)!;
  expect(diagnostics.some((d) => d.code === code)).toBe(m.tripped);
  return m.tripped;
};

const longBlock = (): Block => ({ kind: 'paragraph', text: 'Une formation qualifiante pour les demandeurs' });
const shortBlock = (): Block => ({ kind: 'item', text: 'peut être' });
const readStep = (): CalendarEntry => ({ label: 'Janvier 2020', text: 'Lancement', start: '2020-01-01', end: '2020-01-31', precision: 'month' });
const unreadStep = (): CalendarEntry => ({ label: 'Septembre 2019 Octobre 2019', text: 'de et', start: null, end: null, precision: null });
const labelled = (): KeyFigure => ({ kind: 'budget', label: 'Budget', text: '1 000 euros' });
const unlabelled = (): KeyFigure => ({ kind: 'other', label: null, text: 'de et' });

describe('checkReading: each level at its margins', () => {
  it.each([
    ['short blocks', SELF_CHECK_LEVELS.shortBlocks, (bad: number) => [cardWith('presentation', 100, bad, longBlock, shortBlock)]],
    ['unread steps', SELF_CHECK_LEVELS.unreadSteps, (bad: number) => [cardWith('calendar', 100, bad, readStep, unreadStep)]],
    ['unlabelled boxes', SELF_CHECK_LEVELS.unlabelledBoxes, (bad: number) => [cardWith('keyFigures', 100, bad, labelled, unlabelled)]],
    [
      'cards without boxes',
      SELF_CHECK_LEVELS.cardsWithoutBoxes,
      (bad: number) => Array.from({ length: 100 }, (_, i) => ({ ...base, id: `c${i}`, keyFigures: i < bad ? [] : base.keyFigures })),
    ],
  ])('%s: silent at the level, a warning just over it', (_name, spec, build) => {
    const atLevel = Math.round(spec.level * 100);
    expect(tripped(build(atLevel), spec.code)).toBe(false);
    expect(tripped(build(atLevel + 1), spec.code)).toBe(true);
  });

  it('words outside the lexicon: silent at the level, a warning just over it', () => {
    const spec = SELF_CHECK_LEVELS.unknownWords;
    // Every word of the card is known, but for the padding word "zzyzx".
    const card = (unknown: number, known: number): Card => ({
      ...base,
      objectives: [],
      plusValues: [],
      presentation: [{ kind: 'paragraph', text: `${words(unknown, 'zzyzx')} ${words(known, 'formation')}` }],
      calendar: [],
      keyFigures: [],
      tagline: null,
    });
    const lexicon = makeWordLexicon(['former', 'aux', 'métiers', 'numérique', 'formation']);
    // Title: 4 counted words ("du" is too short); 1000 words in all.
    const total = 1000;
    const atLevel = Math.round(spec.level * total);
    expect(tripped([card(atLevel, total - 4 - atLevel)], spec.code, lexicon)).toBe(false);
    expect(tripped([card(atLevel + 1, total - 4 - atLevel - 1)], spec.code, lexicon)).toBe(true);
  });

  it('does not count words when the run read no lexicon (a clean edition)', () => {
    const { measures, diagnostics } = checkReading({ cards: [cardWith('presentation', 100, 0, () => ({ kind: 'paragraph', text: words(50, 'zzyzx') }), longBlock)], lexicon: null });
    expect(measures.find((m) => m.code === SELF_CHECK_LEVELS.unknownWords.code)).toMatchObject({ rate: null, tripped: false });
    expect(diagnostics).toEqual([]);
  });

  it(`says nothing of fewer than ${MIN_SAMPLE} things (a fixture of one card)`, () => {
    const all = (n: number) => [cardWith('calendar', n, n, readStep, unreadStep)];
    expect(tripped(all(MIN_SAMPLE - 1), SELF_CHECK_LEVELS.unreadSteps.code)).toBe(false);
    expect(tripped(all(MIN_SAMPLE), SELF_CHECK_LEVELS.unreadSteps.code)).toBe(true);
  });

  it('writes one warning per tripped measure with the count, the rate, the normal rate and the level', () => {
    const { diagnostics } = checkReading({ cards: [cardWith('calendar', 100, 19, readStep, unreadStep)], lexicon: null });
    expect(diagnostics).toEqual([
      {
        code: 'validate/unread-steps',
        severity: 'warning',
        message:
          '19 of 100 timeline steps without a readable date label (19 %): a well-read edition has about 0 %, this warns above 2 %; timeline columns may have been joined or split',
        page: null,
        cardId: null,
      },
    ]);
  });
});
