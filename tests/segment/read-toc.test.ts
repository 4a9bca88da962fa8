import { describe, expect, it } from 'vitest';
import type { Line, LogicalPage } from '../../src/model/layout.ts';
import { readToc } from '../../src/segment/read-toc.ts';
import { line } from '../support/text-items.ts';

const page = (lines: Line[]): LogicalPage => ({ pdfPage: 5, side: 'single', region: [0, 0, 595, 842], lines, blocks: [], header: [], footer: [], furniture: [] });

describe('readToc', () => {
  it('reads entries with their page reference printed apart, under axis and theme headings', () => {
    const entries = readToc([
      page([
        line('AXE 1', 40, 116, { size: 14, bold: true }),
        line('DES ACTIONS DE FORMATION CONSTRUITES SUR-MESURE AVEC LES ENTREPRISES', 40, 139, { size: 4.9, bold: true }),
        line('Hôtellerie-restauration : un parcours emploi-formation innovant (Auvergne-Rhône-Alpes)', 40, 150, { size: 5.5, width: 226 }),
        line('p12', 546, 150, { size: 5.5, width: 10 }),
        line('« DÉFI - une formation pour un emploi » : développer l’emploi (Centre-Val de', 40, 163, { size: 5.5, width: 200 }),
        line('p16', 546, 163, { size: 5.5, width: 10 }),
        line('Loire)', 40, 170.5, { size: 5.5, width: 15 }),
        line('AXE TRANSVERSE', 40, 200, { size: 14, bold: true }),
        line('INCUBATEURS, LABS, COMMUNAUTÉS', 40, 220, { size: 4.9, bold: true }),
        line('Appel à projets « Innovation » (Île-de-France)', 40, 231, { size: 5.5, width: 120 }),
        line('p282', 544, 231, { size: 5.5, width: 12 }),
      ]),
    ]);
    expect(entries.map(({ title, region, page, axis, theme }) => ({ title, region, page, axis, theme }))).toEqual([
      { title: 'Hôtellerie-restauration : un parcours emploi-formation innovant', region: 'Auvergne-Rhône-Alpes', page: 12, axis: '1', theme: 'DES ACTIONS DE FORMATION CONSTRUITES SUR-MESURE AVEC LES ENTREPRISES' },
      { title: '« DÉFI - une formation pour un emploi » : développer l’emploi', region: 'Centre-Val de Loire', page: 16, axis: '1', theme: 'DES ACTIONS DE FORMATION CONSTRUITES SUR-MESURE AVEC LES ENTREPRISES' },
      { title: 'Appel à projets « Innovation »', region: 'Île-de-France', page: 282, axis: 'transverse', theme: 'INCUBATEURS, LABS, COMMUNAUTÉS' },
    ]);
  });

  it('reads dot-leader entries, mixed-case bold themes and "Axe 2 – title" headings of other editions', () => {
    const entries = readToc([
      page([
        line('Axe 2 – Garantir l’accès des publics fragiles', 40, 100, { size: 14, bold: true }),
        line('Des prépas accessibles sans prérequis', 40, 130, { size: 11, bold: true }),
        line('PRÉPA : une offre de proximité (Bretagne) .................... 152', 40, 150, { size: 10, width: 520 }),
        line('#AVENIR (Grand Est) ....................................... p. 156', 40, 165, { size: 10, width: 520 }),
      ]),
    ]);
    expect(entries.map(({ title, region, page, axis, theme }) => ({ title, region, page, axis, theme }))).toEqual([
      { title: 'PRÉPA : une offre de proximité', region: 'Bretagne', page: 152, axis: '2', theme: 'Des prépas accessibles sans prérequis' },
      { title: '#AVENIR', region: 'Grand Est', page: 156, axis: '2', theme: 'Des prépas accessibles sans prérequis' },
    ]);
  });
});
