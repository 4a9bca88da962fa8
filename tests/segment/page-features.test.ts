import { describe, expect, it } from 'vitest';
import { canonicalRegion, slugify } from '../../src/model/regions.ts';
import { parseAxis } from '../../src/segment/page-features.ts';
import { splitRegion } from '../../src/segment/read-toc.ts';
import { titleSimilarity } from '../../src/segment/index.ts';

describe('canonicalRegion', () => {
  it.each([
    ['A U V E R G N E - R H Ô N E - A L P E S', 'Auvergne-Rhône-Alpes'],
    ['C E N T R E - VA L D E LO I R E', 'Centre-Val de Loire'],
    ['ÎLE-DE-FRANCE', 'Île-de-France'],
    ['PROVENCE-ALPES-CÔTE D’AZUR', "Provence-Alpes-Côte d'Azur"],
    ['La Réunion', 'La Réunion'],
    ['Grand Est', 'Grand Est'],
    ['Région Grand Est', 'Grand Est'],
    ['Europe', null],
  ])('%j → %j', (printed, region) => {
    expect(canonicalRegion(printed)).toBe(region);
  });
});

describe('splitRegion', () => {
  it.each([
    ['Parcours TPE (Guadeloupe)', 'Parcours TPE', 'Guadeloupe'],
    ["Une formation 100 % digitale au CAP Cuisine (lauréat de l'AAP « innovation ») (Île-de-France)", "Une formation 100 % digitale au CAP Cuisine (lauréat de l'AAP « innovation »)", 'Île-de-France'],
    ['Classe Alpha (lauréat)', 'Classe Alpha (lauréat)', null],
  ])('%j', (entry, title, region) => {
    expect(splitRegion(entry)).toEqual({ title, region });
  });
});

describe('parseAxis', () => {
  it.each([
    ['AXE 1', '1'],
    ['A X E 2', '2'],
    ['AXE TRANSVERSE', 'transverse'],
    ['Axe 1 : proposer des parcours qualifiants', null],
    ['AXE 1 · DES ACTIONS DE FORMATION', null],
  ])('%j → %j', (text, axis) => {
    expect(parseAxis(text)).toBe(axis);
  });
});

describe('ids and titles', () => {
  it('slugs are ASCII lower case', () => {
    expect(`${slugify("Provence-Alpes-Côte d'Azur")}--${slugify('La formation se met aux « verts »')}`).toBe('provence-alpes-cote-d-azur--la-formation-se-met-aux-verts');
  });
  it('matches a card title printed in capitals to its entry, and not to another', () => {
    const printed = "DES NOUVEAUX PARCOURS DE FORMATION VERS LES MÉTIERS D'AIDES-SOIGNANT(E)S ET AMBULANCIERS(ÈRES)";
    expect(titleSimilarity("Des nouveaux parcours de formation vers les métiers d'aides-soignant.e.s et ambulancier.s", printed)).toBeGreaterThan(0.8);
    expect(titleSimilarity('Parcours TPE', printed)).toBeLessThan(0.3);
  });
});
