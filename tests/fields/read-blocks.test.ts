import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/layout/index.ts';
import { readBlocks } from '../../src/fields/read-blocks.ts';
import { readSideBoxes } from '../../src/fields/read-side-boxes.ts';
import { readCalendar, splitRunIn } from '../../src/fields/read-calendar.ts';
import { line } from '../support/text-items.ts';

const layout = { bodySize: 9.6, bodyLeading: 12.7, lexicon: buildLexicon(['la restauration des hôtels']) };

describe('readBlocks', () => {
  it('tells a lead paragraph from indented list items (the bullets are drawn, not text)', () => {
    const lines = [
      line('Créer avec un organisme de formation, un parcours à tiroirs qui combine', 40, 251),
      line("emploi et formation certifiante dans l'hôtellerie-restauration :", 40, 263.7),
      line("Associer l'entreprise à la définition de l'action ;", 54, 281),
      line('Proposer aux demandeurs d’emploi des parcours sur-mesure alternant périodes', 54, 297),
      line('de formation et de mise en situation professionnelle ;', 54, 309.7),
      line('Capitaliser l’investissement de formation de départ.', 54, 325),
    ];
    expect(readBlocks(lines, 40, layout)).toEqual([
      { kind: 'paragraph', text: "Créer avec un organisme de formation, un parcours à tiroirs qui combine emploi et formation certifiante dans l'hôtellerie-restauration :" },
      { kind: 'item', text: "Associer l'entreprise à la définition de l'action ;" },
      { kind: 'item', text: 'Proposer aux demandeurs d’emploi des parcours sur-mesure alternant périodes de formation et de mise en situation professionnelle ;' },
      { kind: 'item', text: 'Capitaliser l’investissement de formation de départ.' },
    ]);
  });

  it('separates one-line items set at a looser leading than the text', () => {
    const lines = [line('Améliorer la mobilisation ;', 54, 251), line('Sécuriser les parcours ;', 54, 266), line("Articuler l'accompagnement.", 54, 281)];
    expect(readBlocks(lines, 40, layout).map((b) => b.kind)).toEqual(['item', 'item', 'item']);
  });

  it('marks a short bold line standing alone as a heading', () => {
    const lines = [line("Qu'est-ce que le parcours TPE vers l'emploi ?", 40, 100, { bold: true }), line('Un parcours de formation en alternance.', 40, 118)];
    expect(readBlocks(lines, 40, layout).map((b) => b.kind)).toEqual(['heading', 'paragraph']);
  });
});

describe('readSideBoxes', () => {
  const block = (lines: ReturnType<typeof line>[]) => ({ page: 1, box: lines[0]!.box, lines });
  it('reads the territory, a labelled count, a budget and an unlabelled budget', () => {
    const boxes = readSideBoxes(
      [
        block([line('Tout le territoire de la Bourgogne-', 401, 120, { size: 9.1 }), line('Franche-Comté', 401, 132, { size: 9.1 })]),
        block([line('Nombre prévu de', 401, 227, { size: 9.1, bold: true }), line('bénéficiaires', 401, 242, { size: 9.1 }), line('10 888', 401, 252, { size: 13.2, bold: true })]),
        block([line('Budget', 401, 300, { size: 9.1, bold: true }), line('1 800 000 euros', 401, 312, { size: 13.2, bold: true }), line('par an', 401, 326, { size: 9.1 })]),
      ],
      layout.lexicon,
    );
    expect(boxes.map((b) => b.figure)).toEqual([
      { kind: 'territory', label: null, text: 'Tout le territoire de la Bourgogne-Franche-Comté' },
      { kind: 'beneficiaries', label: 'Nombre prévu de bénéficiaires', text: '10 888' },
      { kind: 'budget', label: 'Budget', text: '1 800 000 euros par an' },
    ]);
    const unlabelled = readSideBoxes([block([line('Pas de budget spécifique', 401, 120, { size: 9.1 })])], layout.lexicon);
    expect(unlabelled[0]!.figure.kind).toBe('budget');
  });
});

describe('readCalendar', () => {
  it('reads bold labels and their text, and a range that ran into the text', () => {
    const block = (lines: ReturnType<typeof line>[]) => ({ page: 1, box: lines[0]!.box, lines });
    const entries = readCalendar(
      [
        block([line('Septembre 2019', 40, 762, { bold: true }), line('Sourcing des candidats', 40, 778, { size: 9.1 })]),
        block([line('Janvier', 393, 772, { bold: true }), line('à mars 2020 Convention régionale et', 393, 787, { size: 9.1 }), line('expérimentations locales', 393, 799, { size: 9.1 })]),
      ],
      layout.lexicon,
    );
    expect(entries.entries.map((e) => [e.label, e.text])).toEqual([
      ['Septembre 2019', 'Sourcing des candidats'],
      ['Janvier à mars 2020', 'Convention régionale et expérimentations locales'],
    ]);
  });
});

describe('readCalendar: a date label continued by a qualifier', () => {
  it('keeps "(sous réserve)" under "Septembre 2021" in the label, not as the next step', () => {
    const block = (lines: ReturnType<typeof line>[]) => ({ page: 1, box: lines[0]!.box, lines });
    const entries = readCalendar(
      [
        block([line('Septembre 2021', 40, 700, { bold: true }), line('(sous réserve)', 40, 712.5, { bold: true }), line('Janvier 2022', 40, 740, { bold: true })]),
        block([line('Ouverture de la plateforme', 150, 700, { size: 9.1 }), line('Premier bilan', 150, 740, { size: 9.1 })]),
      ],
      buildLexicon([]),
    );
    expect(entries.entries.map((e) => [e.label, e.text])).toEqual([
      ['Septembre 2021 (sous réserve)', 'Ouverture de la plateforme'],
      ['Janvier 2022', 'Premier bilan'],
    ]);
    expect(entries.unpaired).toEqual([]);
  });
});

describe('splitRunIn', () => {
  const source = { page: 1, box: [0, 0, 1, 1] as [number, number, number, number] };
  it.each([
    [
      'Janvier 2019',
      '1er événement de sensibilisation Mars 2019 Lancement du plan de professionnalisation par le Carif-Oref ○●●●○ 12 septembre 2019 Lancement officiel de la communauté',
      [
        ['Janvier 2019', '1er événement de sensibilisation'],
        ['Mars 2019', 'Lancement du plan de professionnalisation par le Carif-Oref'],
        ['12 septembre 2019', 'Lancement officiel de la communauté'],
      ],
    ],
    [
      'Été 2019',
      "Analyse du cadre Automne 2019 ○●●○ Lancement de l'expérimentation ○●●○ Hiver 2019-2020 Analyse des méthodes",
      [
        ['Été 2019', 'Analyse du cadre'],
        ['Automne 2019', "Lancement de l'expérimentation"],
        ['Hiver 2019-2020', 'Analyse des méthodes'],
      ],
    ],
    [
      'Mai 2019',
      '1ère vague de dépôt Juillet à septembre 2019 ○○○○○○ Instruction des dossiers Janvier à mars 2020 2nde vague de dépôt',
      [
        ['Mai 2019', '1ère vague de dépôt'],
        ['Juillet à septembre 2019', 'Instruction des dossiers'],
        ['Janvier à mars 2020', '2nde vague de dépôt'],
      ],
    ],
    ['2020-2021', 'Adaptation de l’offre référencée au 1er semestre 2020 Démarrage des modules fin 2020 - début 2021', [['2020-2021', 'Adaptation de l’offre référencée au 1er semestre 2020 Démarrage des modules fin 2020 - début 2021']]],
    ['2019', 'Réunion de lancement en mars 2019 Lancement des travaux', [['2019', 'Réunion de lancement en mars 2019 Lancement des travaux']]],
    [
      'Juillet 2019',
      "Lancement de l'appel à projets Décembre 2019 ○.....○ Première vague de sélection 2020 ○ ..... ○ Démarrage et suivi",
      [
        ['Juillet 2019', "Lancement de l'appel à projets"],
        ['Décembre 2019', 'Première vague de sélection'],
        ['2020', 'Démarrage et suivi'],
      ],
    ],
  ])('%s: %s', (label, text, steps) => {
    expect(splitRunIn({ label, text, source }).map((e) => [e.label, e.text])).toEqual(steps);
  });
});
