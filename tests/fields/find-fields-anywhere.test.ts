// Key-figure boxes and timeline steps found by their own evidence, wherever a design puts them.
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/layout/index.ts';
import { findFigureBoxes, showsFigureBox } from '../../src/fields/find-figure-boxes.ts';
import { readCalendar, splitAtDateLabels, splitRunIn } from '../../src/fields/read-calendar.ts';
import { readCard } from '../../src/fields/read-card.ts';
import { unionBoxes } from '../../src/model/geometry.ts';
import type { Line, LogicalPage, TextBlock } from '../../src/model/layout.ts';
import { line } from '../support/text-items.ts';

const lexicon = buildLexicon(['la restauration des hôtels']);
const LEADING = 12.5;
const block = (lines: Line[]): TextBlock => ({ page: 1, box: unionBoxes(lines.map((l) => l.box)), lines });
const page = (blocks: TextBlock[]): LogicalPage => ({
  pdfPage: 1,
  side: 'single',
  region: [0, 0, 595, 842],
  lines: blocks.flatMap((b) => b.lines),
  blocks,
  header: [],
  footer: [],
  furniture: [],
});

/** A running paragraph of `rows` lines, `width` wide, from (x, top). */
const paragraph = (x: number, top: number, rows: number, width: number) =>
  block([...Array(rows).keys()].map((i) => line('Le fonds régional permet de financer des parcours de formation', x, top + i * LEADING, { width })));
const territory = (x: number, top: number) => block([line('Tout le territoire de la Bourgogne-', x, top, { size: 9.1 }), line('Franche-Comté', x, top + 12, { size: 9.1 })]);
const budget = (x: number, top: number) =>
  block([line('Budget', x, top, { size: 9.1, bold: true }), line('1 800 000 euros', x, top + 14, { size: 13.2, bold: true }), line('par an', x, top + 30, { size: 9.1 })]);
const beneficiaries = (x: number, top: number) =>
  block([line('Nombre prévu de bénéficiaires', x, top, { size: 9.1, bold: true }), line('Plus de 700 personnes formées par an', x, top + 14, { size: 9.1 })]);

describe('showsFigureBox', () => {
  it('sees a bold label in text size, or a bold figure larger than the box text', () => {
    expect(showsFigureBox(budget(400, 100))).toBe(true);
    expect(showsFigureBox(beneficiaries(400, 100))).toBe(true);
    expect(showsFigureBox(territory(400, 100))).toBe(false);
  });

  it('does not take a bold line that ends a sentence, or one of more than eight words, for a label', () => {
    const sentence = block([line('Le dispositif est conçu en complémentarité.', 40, 100, { bold: true }), line('Pôle emploi et les entreprises', 40, 113)]);
    const long = block([line('Les entreprises soutenues par le FRAP s’engagent à recruter', 40, 100, { bold: true }), line('le stagiaire', 40, 113)]);
    const eight = block([line('Nombre de places de formation ouvertes par an', 40, 100, { size: 9.1, bold: true }), line('350', 40, 113, { size: 9.1 })]);
    expect([showsFigureBox(sentence), showsFigureBox(long), showsFigureBox(eight)]).toEqual([false, false, true]);
  });

  it('needs a figure at least 1.2 × the box text to count it as a key figure', () => {
    const figure = (size: number) => block([line('par an', 40, 100, { size: 10 }), line('700', 40, 113, { size, bold: true })]);
    expect(showsFigureBox(figure(11.9))).toBe(false);
    expect(showsFigureBox(figure(12.1))).toBe(true);
  });
});

describe('findFigureBoxes', () => {
  it('finds a side column right of the text, and the same column left of it', () => {
    for (const [textX, sideX] of [
      [40, 400],
      [214, 40],
    ] as const) {
      const boxes = [territory(sideX, 94), beneficiaries(sideX, 160), budget(sideX, 260)];
      const text = paragraph(textX, 80, 26, 335);
      const found = findFigureBoxes(page([text, ...boxes]), [text, ...boxes], LEADING);
      expect([...found]).toEqual(boxes);
    }
  });

  it('finds a band of boxes across the page under the text, a one-line box included', () => {
    const text = paragraph(40, 80, 10, 515);
    const band = [block([line('Les ports du Havre et de Rouen', 40, 240, { size: 9.1 })]), beneficiaries(214, 240), budget(390, 240)];
    const found = findFigureBoxes(page([text, ...band]), [text, ...band], LEADING);
    expect([...found]).toEqual(band);
  });

  it('takes a column of unlabelled boxes for boxes only when wide gaps set them apart (2 × the leading)', () => {
    const text = paragraph(40, 80, 26, 335);
    const column = (gap: number) => {
      const first = territory(400, 100);
      return [first, territory(400, first.box[3] + gap)];
    };
    const apart = column(2 * LEADING + 1);
    const close = column(2 * LEADING - 1);
    expect(findFigureBoxes(page([text, ...apart]), [text, ...apart], LEADING).size).toBe(2);
    expect(findFigureBoxes(page([text, ...close]), [text, ...close], LEADING).size).toBe(0);
  });

  it('takes a box up to half the page’s text width, not wider', () => {
    const text = paragraph(40, 80, 10, 230);
    const box = (width: number) => block([line('Budget', 300, 90, { size: 9.1, bold: true }), line('1 800 000 euros par an', 540 - width, 104, { size: 9.1, width })]);
    // The page's text runs from x = 40 to x = 540: 500 wide.
    for (const [width, found] of [
      [249, true],
      [251, false],
    ] as const) {
      const b = box(width);
      expect(findFigureBoxes(page([text, b]), [text, b], LEADING).has(b)).toBe(found);
    }
  });

  it('leaves a block wider than half the text width, and a block beside nothing', () => {
    const wide = block([line('Budget', 40, 100, { size: 9.1, bold: true }), line('1 800 000 euros par an', 40, 114, { size: 9.1, width: 300 })]);
    const other = paragraph(360, 100, 3, 180);
    expect(findFigureBoxes(page([wide, other]), [wide, other], LEADING).has(wide)).toBe(false);
    const alone = budget(40, 100);
    expect(findFigureBoxes(page([alone]), [alone], LEADING).size).toBe(0);
  });
});

describe('readCalendar pairs each date with its text by reading order inside the step', () => {
  const steps = (blocks: TextBlock[]) => readCalendar(blocks, lexicon).entries.map((e) => [e.label, e.text]);

  it('a row of columns, each date above its text', () => {
    expect(
      steps([
        block([line('2019', 40, 762, { bold: true }), line('Renforcement du FRAP', 40, 778, { size: 9.1 })]),
        block([line('2020', 305, 762, { bold: true }), line('Réflexion sur l’évolution', 305, 778, { size: 9.1 }), line('du FRAP', 305, 790, { size: 9.1 })]),
      ]),
    ).toEqual([
      ['2019', 'Renforcement du FRAP'],
      ['2020', 'Réflexion sur l’évolution du FRAP'],
    ]);
  });

  it('a vertical list, each date beside its text (the text line may come first in the layout)', () => {
    const lines = [
      line('Renforcement du FRAP', 172, 756, { size: 9.1 }),
      line('2019', 52, 756.2, { bold: true }),
      line('Réflexion sur l’évolution des financements de la préparation', 172, 777.8, { size: 9.1 }),
      line('2020', 52, 778, { bold: true }),
      line('opérationnelle à l’emploi', 172, 789.8, { size: 9.1 }),
    ];
    expect(steps([block(lines)])).toEqual([
      ['2019', 'Renforcement du FRAP'],
      ['2020', 'Réflexion sur l’évolution des financements de la préparation opérationnelle à l’emploi'],
    ]);
  });

  it('two columns of dated steps, read down each column', () => {
    const at = (x: number, top: number, label: string, text: string) => [line(label, x, top, { bold: true, width: 60 }), line(text, x + 78, top, { size: 9.1 })];
    const lines = [...at(72, 650, 'Janvier 2021', 'Définition des besoins'), ...at(315, 650, 'Mai 2021', 'Premières entrées'), ...at(72, 682, 'Mars 2021', 'Sélection des candidats'), ...at(315, 682, '2022', 'Bilan')];
    expect(steps([block(lines)])).toEqual([
      ['Janvier 2021', 'Définition des besoins'],
      ['Mars 2021', 'Sélection des candidats'],
      ['Mai 2021', 'Premières entrées'],
      ['2022', 'Bilan'],
    ]);
  });

  it('reports text no date stands before, a date with no text, and a line run into the next step', () => {
    const orphan = readCalendar([block([line('Démarrage de la formation', 40, 740, { size: 9.1 }), line('13 mai 2019', 40, 760, { bold: true }), line('Suite', 40, 775, { size: 9.1 })])], lexicon);
    expect(orphan.entries.map((e) => e.label)).toEqual(['', '13 mai 2019']);
    expect(orphan.unpaired.map((u) => u.problem)).toEqual([expect.stringContaining('no date label before it')]);
    const joined = readCalendar(
      [block([line('Septembre 2019', 40, 762, { bold: true }), line('Octobre 2019', 305, 762, { bold: true }), line('Sourcing des candidats : information collective de Démarrage des sessions', 40, 778, { size: 9.1, width: 368 })])],
      lexicon,
    );
    expect(joined.unpaired.map((u) => u.problem)).toEqual([expect.stringContaining('runs into the column of another step'), expect.stringContaining('"Octobre 2019" has no text')]);
  });

  it('joins a wrapped label (its next line within half its type size) but not the next step of a list', () => {
    const wrapped = (gap: number) =>
      steps([block([line('Septembre 2019 à', 40, 700, { bold: true }), line('janvier 2020', 40, 700 + 9.6 * 1.3 + gap, { bold: true }), line('Préparation', 40, 730, { size: 9.1 })])]);
    expect(wrapped(0.5 * 9.6 - 0.1)).toEqual([['Septembre 2019 à janvier 2020', 'Préparation']]);
    expect(wrapped(0.5 * 9.6 + 0.1).map(([label]) => label)).toEqual(['Septembre 2019 à', 'janvier 2020']);
  });

  it('a label wrapped in its date column beside its text: the label and the text each continue on their own', () => {
    const at = (top: number, label: string, text: string) => [line(label, 72, top, { bold: true, width: 70 }), line(text, 150, top, { size: 9.6 })];
    // Two label lines beside two text lines; then two label lines beside one text line; then a step of one line each.
    const lines = [
      ...at(650, 'Décembre 2020 à', 'Définition des besoins avec les'),
      ...at(662, 'février 2021', 'entreprises de manutention'),
      ...at(682, 'Septembre 2021 à juin', 'Premières entrées'),
      line('2022', 72, 694, { bold: true, width: 20 }),
      ...at(714, 'Septembre 2022', 'Bilan'),
    ];
    expect(steps([block(lines)])).toEqual([
      ['Décembre 2020 à février 2021', 'Définition des besoins avec les entreprises de manutention'],
      ['Septembre 2021 à juin 2022', 'Premières entrées'],
      ['Septembre 2022', 'Bilan'],
    ]);
  });

  it('a list with no gap between its steps: two whole date labels one under the other are two steps', () => {
    const at = (top: number, label: string, text: string) => [line(label, 72, top, { bold: true, width: 60 }), line(text, 150, top, { size: 9.6 })];
    const lines = [...at(650, 'Janvier 2021', 'Définition des besoins'), ...at(662, 'Mars 2021', 'Sélection des candidats'), ...at(674, 'Mai à', 'Premières entrées')];
    lines.push(line('septembre 2021', 72, 686, { bold: true, width: 60 }));
    expect(steps([block(lines)])).toEqual([
      ['Janvier 2021', 'Définition des besoins'],
      ['Mars 2021', 'Sélection des candidats'],
      ['Mai à septembre 2021', 'Premières entrées'],
    ]);
  });

  it('bold words just under a whole date, its text under them, open that step’s text (not a step with no date)', () => {
    const reading = readCalendar(
      [
        block([
          line('Septembre 2021', 40, 700, { bold: true }),
          line('Comité de pilotage', 40, 712.5, { bold: true }),
          line('régional', 40, 725, { bold: true }),
          line('Validation du plan d’action', 40, 737.5, { size: 9.1 }),
        ]),
        block([line('Janvier 2022', 305, 700, { bold: true }), line('Premier bilan', 305, 712.5, { size: 9.1 })]),
      ],
      lexicon,
    );
    expect(reading.entries.map((e) => [e.label, e.text])).toEqual([
      ['Septembre 2021', 'Comité de pilotage régional Validation du plan d’action'],
      ['Janvier 2022', 'Premier bilan'],
    ]);
    expect(reading.unpaired).toEqual([]);
  });

  it('a bold line under a date that may hold a date, or beside which the date has its text, stays a step', () => {
    const dated = [line('Septembre 2021', 40, 700, { bold: true }), line('Phase 2', 40, 712.5, { bold: true }), line('Déploiement', 40, 725, { size: 9.1 })];
    expect(steps([block(dated)]).map(([label]) => label)).toEqual(['Septembre 2021', 'Phase 2']);
    const beside = [
      line('Septembre 2021', 40, 700, { bold: true, width: 70 }),
      line('Ouverture de la plateforme', 150, 700, { size: 9.1 }),
      line('Comité de pilotage', 40, 712.5, { bold: true, width: 70 }),
      line('Premier bilan', 150, 712.5, { size: 9.1 }),
    ];
    expect(steps([block(beside)]).map(([label]) => label)).toEqual(['Septembre 2021', 'Comité de pilotage']);
  });

  it('a bold line of another type size under a label does not continue it', () => {
    const lines = [line('Janvier 2021', 40, 700, { bold: true }), line('Nouveau programme', 40, 713, { bold: true, size: 12 }), line('Préparation', 40, 730, { size: 9.1 })];
    expect(steps([block(lines)]).map(([label]) => label)).toEqual(['Janvier 2021', 'Nouveau programme']);
  });
});

describe('run-in steps start where the page shows a step', () => {
  const source = { page: 1, box: [0, 0, 1, 1] as [number, number, number, number] };
  const split = (text: string, readDates: boolean) => splitRunIn({ label: '2017-2019', text, source }, readDates).map((e) => [e.label, e.text]);

  it('a date next to a printed marker starts a step, even after a date word', () => {
    expect(split('Conception du cadre ○.....○ 2020 Renforcement à partir de janvier ○.....○ 2021-2022 Pérennisation de la démarche', false)).toEqual([
      ['2017-2019', 'Conception du cadre'],
      ['2020', 'Renforcement à partir de janvier'],
      ['2021-2022', 'Pérennisation de la démarche'],
    ]);
  });

  it('a date in the text without a marker starts a step only where the timeline was printed as one step', () => {
    const text = 'Intégration du dispositif au programme régional de formation 2021 - 2022 Premières expérimentations';
    expect(split(text, false)).toEqual([['2017-2019', text]]);
    expect(split(text, true)).toEqual([
      ['2017-2019', 'Intégration du dispositif au programme régional de formation'],
      ['2021 - 2022', 'Premières expérimentations'],
    ]);
  });

  it('a timeline with two labelled steps keeps a year range inside a step’s text', () => {
    const entries = readCalendar(
      [
        block([line('Octobre 2019 à janvier 2020', 40, 762, { bold: true }), line('Préparation du dispositif', 40, 778, { size: 9.1 })]),
        block([
          line('Février 2020', 305, 762, { bold: true }),
          line('Intégration du dispositif au programme régional de', 305, 778, { size: 9.1 }),
          line('formation 2021 - 2022 Premières expérimentations', 305, 790, { size: 9.1 }),
        ]),
      ],
      lexicon,
    ).entries;
    expect(entries.map((e) => e.label)).toEqual(['Octobre 2019 à janvier 2020', 'Février 2020']);
  });
});

describe('a step label printed in a line of its step’s text, in its label type', () => {
  /** A line of runs [text, bold], each run 5 pt per character, one space (2.5 pt) apart. */
  const mixed = (runs: [string, boolean][], x = 72, top = 670): Line => {
    let at = x;
    const parts = runs.map(([text, bold], i) => {
      const run = { text: (i > 0 ? ' ' : '') + text, x0: at, x1: at + text.length * 5, bold };
      at = run.x1 + 2.5;
      return run;
    });
    const text = parts.map((r) => r.text).join('');
    return { page: 1, box: [x, top, parts.at(-1)!.x1, top + 12], text, fontSize: 9.5, bold: false, italic: false, allBold: false, runs: parts };
  };
  const pieces = (line: Line) => splitAtDateLabels(line).map((l) => [l.allBold ? 'label' : 'text', l.text, l.box[0]]);

  it('cuts a line around each bold run that reads as a whole date, at the runs’ edges', () => {
    const line = mixed([['Novembre 2021', true], ['Début de la formation', false], ['2022', true], ['Extension du programme', false]]);
    expect(pieces(line)).toEqual([
      ['label', 'Novembre 2021', 72],
      ['text', 'Début de la formation', 72 + 13 * 5 + 2.5],
      ['label', '2022', 72 + 13 * 5 + 2.5 + 21 * 5 + 2.5],
      ['text', 'Extension du programme', 72 + 13 * 5 + 2.5 + 21 * 5 + 2.5 + 4 * 5 + 2.5],
    ]);
    expect(pieces(mixed([['Recensement des besoins des caves', false], ['2e semestre 2022', true]])).map(([kind, text]) => [kind, text])).toEqual([
      ['text', 'Recensement des besoins des caves'],
      ['label', '2e semestre 2022'],
    ]);
  });

  it('cuts a label ending in a year that touches the sentence after it (a label longer than its column)', () => {
    const touching = mixed([['Septembre à décembre 2020', true], ['Construction du dispositif', false]]);
    const glued = { ...touching, text: 'Septembre à décembre 2020Construction du dispositif', runs: [touching.runs![0]!, { ...touching.runs![1]!, text: 'Construction du dispositif' }] };
    expect(pieces(glued).map(([kind, text]) => [kind, text])).toEqual([
      ['label', 'Septembre à décembre 2020'],
      ['text', 'Construction du dispositif'],
    ]);
    // Touching a word in lower case, or ending in a month, is not enough.
    const lower = { ...glued, text: 'Septembre à décembre 2020construction', runs: [touching.runs![0]!, { ...touching.runs![1]!, text: 'construction' }] };
    expect(splitAtDateLabels(lower)).toEqual([lower]);
    const month = mixed([['Septembre 2020 à décembre', true], ['Construction', false]]);
    const monthGlued = { ...month, runs: [month.runs![0]!, { ...month.runs![1]!, text: 'Construction' }] };
    expect(splitAtDateLabels(monthGlued)).toEqual([monthGlued]);
  });

  it('leaves whole a bold run that is not a date, that a phrase ends with, that opens in lower case, or that touches a word', () => {
    const whole = (line: Line) => expect(splitAtDateLabels(line)).toEqual([line]);
    whole(mixed([['2 000 stagiaires', true], ['formés par an', false]]));
    whole(mixed([['Lancement prévu en', false], ['2022', true]]));
    whole(mixed([['Ouverture de la', false], ['Mars 2022', true], ['session', false]]));
    whole(mixed([['Lancement', false], ['mars 2022', true]]));
    const glued = mixed([['Lancement', false], ['2022', true]]);
    whole({ ...glued, text: 'Lancement2022', runs: [glued.runs![0]!, { ...glued.runs![1]!, text: '2022' }] });
    // A date in the text's own type is never cut here.
    whole(mixed([['Intégration au programme régional de formation 2021 - 2022', false], ['Premières', true]]));
  });

  it('pairs a two-column timeline of one step per column that the layout joined into one line', () => {
    const row = mixed([['Novembre 2021', true], ['Début de la formation', false], ['2022', true], ['Extension du programme aux', false]]);
    const next = line('chantiers de Vendée', splitAtDateLabels(row)[3]!.box[0], 682, { size: 9.5 });
    const reading = readCalendar([block([row, next])], lexicon);
    expect(reading.entries.map((e) => [e.label, e.text])).toEqual([
      ['Novembre 2021', 'Début de la formation'],
      ['2022', 'Extension du programme aux chantiers de Vendée'],
    ]);
    expect(reading.labelsInLines.map((l) => l.label)).toEqual(['Novembre 2021', '2022']);
    expect(reading.unpaired).toEqual([]);
  });
});

describe('readCard keeps a section’s own text out of the key figures', () => {
  it('a contact box in a side column, its heading set as a block of its own, stays the contact box', () => {
    const body = (text: string, x: number, top: number, opts: Parameters<typeof line>[3] = {}) => line(text, x, top, { size: 9.6, ...opts });
    const title = block([line('LE FRAP, FONDS RÉGIONAL', 40, 60, { size: 25, bold: true }), body('BOURGOGNE-FRANCHE-COMTÉ', 40, 100, { bold: true })]);
    const tagline = block([body('pour répondre rapidement aux besoins', 40, 130, { italic: true })]);
    const objectivesHeading = block([line('OBJECTIFS', 40, 160, { size: 12, bold: true })]);
    const objectives = paragraph(40, 180, 12, 320);
    const contactHeading = block([line('CONTACT', 400, 160, { size: 12, bold: true })]);
    const contact = block([
      body('Région Bourgogne-Franche-Comté', 400, 180, { bold: true, width: 140 }),
      body('Nathalie Nectoux, cheffe de service', 400, 193, { width: 140 }),
      body('nathalie.nectoux@bfc.fr', 400, 206, { width: 140 }),
    ]);
    const first = page([title, tagline, objectivesHeading, objectives, contactHeading, contact]);
    const draft = readCard({ pages: [first], printedPages: [14], entry: null }, { bodySize: 9.6, bodyLeading: LEADING, lexicon });
    expect(draft.keyFigures).toEqual([]);
    expect(draft.contacts).toEqual([{ organisation: 'Région Bourgogne-Franche-Comté', name: 'Nathalie Nectoux', role: 'cheffe de service', email: 'nathalie.nectoux@bfc.fr', phone: null }]);
  });
});

describe('a timeline label is short', () => {
  it('takes a bold line of 8 words for a label, one of 9 for emphasis in the step’s text', () => {
    const read = (bold: string) =>
      readCalendar([block([line('2019', 40, 700, { bold: true }), line('Lancement', 40, 715, { size: 9.1 }), line(bold, 40, 727, { bold: true })])], lexicon).entries.map((e) => e.label);
    expect(read('un deux trois quatre cinq six sept huit')).toEqual(['2019', 'un deux trois quatre cinq six sept huit']);
    expect(read('un deux trois quatre cinq six sept huit neuf')).toEqual(['2019']);
  });
});
