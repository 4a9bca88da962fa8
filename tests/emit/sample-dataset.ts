// A small valid dataset and report for emit and CLI tests (not taken from any real edition).
import type { ExtractResult } from '../../src/pipeline/types.ts';
import { DatasetSchema, SCHEMA_VERSION, type Card, type Dataset } from '../../src/validate/schema.ts';

export function makeCard(id: string): Card {
  return {
    id,
    title: 'Former aux métiers du numérique',
    titleOnCard: 'FORMER AUX MÉTIERS DU NUMÉRIQUE',
    region: 'Auvergne-Rhône-Alpes',
    axis: '1',
    theme: 'Accompagner vers l’emploi',
    pages: [12, 13],
    pdfPages: [14, 15],
    tagline: 'pour répondre aux métiers en tension',
    objectives: [{ kind: 'item', text: 'Former 200 personnes' }],
    plusValues: [],
    contacts: [{ organisation: 'Région', name: 'Jeanne Dupont', role: 'cheffe de projet', email: null, phone: null }],
    presentation: [{ kind: 'paragraph', text: 'Un parcours de « remise à niveau » en 3 mois.' }],
    keyFigures: [{ kind: 'budget', label: 'BUDGET', text: '12 000 €' }],
    territory: null,
    beneficiaries: null,
    budget: {
      text: '12 000 €',
      status: 'amount',
      amountEur: 12000,
      minEur: null,
      maxEur: null,
      pacteEur: null,
      per: null,
      amounts: [{ eur: 12000, context: '12 000 €' }],
    },
    calendar: [{ label: 'Décembre 2019', text: 'Lancement', start: '2019-12-01', end: '2019-12-31', precision: 'month' }],
    extras: [],
    language: 'fra',
    provenance: { title: { page: 14, bbox: [10, 20, 300, 40] }, budget: { page: 15, bbox: [400, 500, 550, 540] } },
  };
}

export function makeDataset(cardCount = 2, file = 'edition.pdf'): Dataset {
  return DatasetSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { file, sha256: 'a'.repeat(64), pageCount: 40, title: null },
    edition: { title: "L'innovation en actions", date: '2020-01' },
    cards: Array.from({ length: cardCount }, (_, i) => makeCard(`auvergne-rhone-alpes--action-${i + 1}`)),
    diagnostics: [
      { code: 'fields/budget-unread', severity: 'warning', message: 'budget box empty', page: 15, cardId: null },
      { code: 'segment/odd-page', severity: 'info', message: 'blank page', page: 3, cardId: null },
    ],
  });
}

export function makeResult(cardCount = 2, file = 'edition.pdf'): ExtractResult {
  const dataset = makeDataset(cardCount, file);
  return {
    dataset,
    report: {
      file,
      sha256: dataset.source.sha256,
      startedAt: new Date(0).toISOString(),
      finishedAt: new Date(1000).toISOString(),
      timingsMs: { load: 1 },
      pageCount: dataset.source.pageCount,
      pageRoles: [{ page: 1, role: 'cover' }],
      counts: {
        cards: cardCount,
        tocEntries: cardCount,
        fieldsFilled: {},
        diagnosticsBySeverity: { error: 0, warning: 1, info: 1 },
      },
      textRepair: { lexiconRead: false, repairs: [] },
      selfCheck: [],
      diagnostics: dataset.diagnostics,
    },
  };
}
