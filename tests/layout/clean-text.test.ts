import { describe, expect, it } from 'vitest';
import { buildLexicon, cleanInline, detectWordBreaking, joinLines } from '../../src/layout/index.ts';

describe('cleanInline', () => {
  it.each([
    ['1\u202F800\u202F000 euros', '1 800 000 euros'],
    ['12\u00A0000\u2009€', '12 000 €'],
    ['Ré\uFB02exion sur le \uFB01nancement', 'Réflexion sur le financement'],
    ["L'habilitation « 1 <sup>er</sup> niveau de qualification »", "L'habilitation « 1er niveau de qualification »"],
    ['professionnali\u00ADsation', 'professionnalisation'],
    ['  deux   espaces  ', 'deux espaces'],
    ['le 2\u207F\u1D48 semestre', 'le 2nd semestre'],
    ['l’apostrophe typographique', 'l’apostrophe typographique'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanInline(raw)).toBe(clean);
  });
});

describe('joinLines', () => {
  const lexicon = buildLexicon([
    'la co-construction des parcours avec les entreprises',
    'une formation qualifiante pour tous',
    'la professionnalisation des acteurs du territoire',
  ]);
  it.each([
    [['Tout le territoire de la Bourgogne-', 'Franche-Comté'], 'Tout le territoire de la Bourgogne-Franche-Comté'],
    [['permet la co-', 'construction des parcours'], 'permet la co-construction des parcours'],
    [['une forma-', 'tion qualifiante'], 'une formation qualifiante'],
    [['PROFESSIONNA-', 'LISATION'], 'PROFESSIONNALISATION'],
    [['des actions de pré-', 'qualification'], 'des actions de pré-qualification'],
    [['un parcours emploi', 'et formation'], 'un parcours emploi et formation'],
    [['voir https://', 'www.example.fr'], 'voir https://www.example.fr'],
    [['soft\u00AD', 'skills'], 'softskills'],
  ])('%j → %j', (lines, joined) => {
    expect(joinLines(lines, lexicon)).toBe(joined);
  });
});

describe('line-end hyphens the document never prints whole', () => {
  const words = buildLexicon(['la formation des mécaniciens du garage', 'une co-construction avec les entreprises']);
  it('stay real compounds in a document that does not break words ("socio-" / "professionnels")', () => {
    expect(joinLines(['les acteurs socio-', 'professionnels du territoire'], { ...words, breaksWords: false })).toBe('les acteurs socio-professionnels du territoire');
    expect(joinLines(["c'est-à-", 'dire pendant'], { ...words, breaksWords: false })).toBe("c'est-à-dire pendant");
  });
  it('are syllable breaks in a document that hyphenates ("auto-" / "mobile")', () => {
    expect(joinLines(['(auto-', 'mobile, plasturgie)'], { ...words, breaksWords: true })).toBe('(automobile, plasturgie)');
    expect(joinLines(['la co-', 'construction'], { ...words, breaksWords: true })).toBe('la co-construction');
  });
  it('are compounds when the chain goes on, or when a compound the document prints starts the same way', () => {
    const lexicon = { ...buildLexicon(['une approche socio-économique du secteur', 'les professionnels du secteur', 'de la restauration rapide', 'les entreprises locales']), breaksWords: true };
    expect(joinLines(["c'est-à-", 'dire pendant'], lexicon)).toBe("c'est-à-dire pendant");
    expect(joinLines(['Isle-sur-', 'la-Sorgue, Apt'], lexicon)).toBe('Isle-sur-la-Sorgue, Apt');
    expect(joinLines(['les acteurs socio-', 'professionnels'], lexicon)).toBe('les acteurs socio-professionnels');
    // A word the document prints whole, or an unknown head, is a typeset break.
    expect(joinLines(['les entre-', 'prises'], lexicon)).toBe('les entreprises');
    expect(joinLines(['la restau-', 'ration'], lexicon)).toBe('la restauration');
    expect(joinLines(['la forma-', 'tion'], lexicon)).toBe('la formation');
    // The plural the document prints tells the singular broken at a line end, and back.
    expect(joinLines(['chaque entre-', 'prise'], { ...lexicon, breaksWords: false })).toBe('chaque entreprise');
  });
  it('compare the word after an elision ("l’hôtellerie-" / "restauration")', () => {
    const lexicon = { ...buildLexicon(['le secteur de l’hôtellerie-restauration recrute']), breaksWords: true };
    expect(joinLines(['dans l’hôtellerie-', 'restauration'], lexicon)).toBe('dans l’hôtellerie-restauration');
  });
  it('the document tells which it is by its own line ends', () => {
    const hyphenating: [string, string][] = [
      ['une forma-', 'tion longue'],
      ['des méca-', 'niciens'],
      ['la co-', 'construction'],
    ];
    expect(detectWordBreaking(hyphenating, words)).toBe(true);
    const plain: [string, string][] = [
      ['la co-', 'construction'],
      ['les socio-', 'professionnels'],
    ];
    expect(detectWordBreaking(plain, words)).toBe(false);
  });
});
