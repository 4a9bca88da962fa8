import { describe, expect, it } from 'vitest';
import { canonicalRegion, foldWords, slugify } from '../../src/model/regions.ts';

describe('slugify', () => {
  it.each([
    ["Le FRAP, fonds régional d'appui à la professionnalisation", 'le-frap-fonds-regional-d-appui-a-la-professionnalisation'],
    ['Au cœur des territoires', 'au-coeur-des-territoires'],
    ['ŒUVRER ensemble', 'oeuvrer-ensemble'],
    ['« DÉFI - une formation pour un emploi »', 'defi-une-formation-pour-un-emploi'],
    ['Provence-Alpes-Côte d’Azur', 'provence-alpes-cote-d-azur'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('foldWords and canonicalRegion', () => {
  it('folds ligatures, accents and punctuation', () => {
    expect(foldWords('PLUS-VALUES')).toBe('plus values');
    expect(foldWords('Sœur Æther')).toBe('soeur aether');
  });
  it('finds a region however it is printed', () => {
    expect(canonicalRegion('B O U R G O G N E - F R A N C H E - C O M T É')).toBe('Bourgogne-Franche-Comté');
    expect(canonicalRegion('Région Grand Est')).toBe('Grand Est');
    expect(canonicalRegion('Lorem')).toBeNull();
  });
});
