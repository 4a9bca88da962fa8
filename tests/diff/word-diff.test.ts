import { describe, expect, it } from 'vitest';
import { diffWords } from '../../src/diff/word-diff.ts';
import { foldText } from '../../src/diff/fold-text.ts';

describe('diffWords', () => {
  it('keeps a few words of context around each change', () => {
    const a = 'un deux trois quatre cinq six sept huit neuf dix onze douze treize';
    const b = 'un deux trois quatre cinq SIX sept huit neuf dix onze douze treize';
    expect(diffWords(a, b)).toBe('… trois quatre cinq [-six-] {+SIX+} sept huit neuf …');
    expect(diffWords(a, b, 1)).toBe('… cinq [-six-] {+SIX+} sept …');
  });

  it('shows separate changes with the words between them, elided when long', () => {
    const a = 'a b c d e f g h i j k l m';
    expect(diffWords(a, 'a B c d e f g h i j k L m', 1)).toBe('a [-b-] {+B+} c … k [-l-] {+L+} m');
    expect(diffWords(a, 'a B c d e f g h i j k L m', 5)).toBe('a [-b-] {+B+} c d e f g h i j k [-l-] {+L+} m');
  });

  it('keeps a number with space-grouped thousands as one word', () => {
    expect(diffWords('budget de 1 200 000 euros en 2019', 'budget de 1 500 000 euros en 2019')).toBe(
      'budget de [-1 200 000-] {+1 500 000+} euros en 2019',
    );
    expect(diffWords('en 2019 200 personnes', 'en 2019 250 personnes')).toBe('en 2019 [-200-] {+250+} personnes');
  });

  it('handles insertions, deletions, null and identical texts', () => {
    expect(diffWords('des jeunes', 'des jeunes adultes')).toBe('des jeunes {+adultes+}');
    expect(diffWords('des jeunes adultes', 'des adultes')).toBe('des [-jeunes-] adultes');
    expect(diffWords(null, 'nouveau texte')).toBe('{+nouveau texte+}');
    expect(diffWords('ancien', null)).toBe('[-ancien-]');
    expect(diffWords('même texte', 'même texte')).toBe('');
    expect(diffWords('même  texte', 'même texte')).toBe('(spacing only)');
  });
});

describe('foldText', () => {
  it('drops accents, case and punctuation', () => {
    expect(foldText('Développer l’Apprentissage : « métiers » ﬁnanciers')).toBe('developper l apprentissage metiers financiers');
  });
});
